"""The database-specific index comes and goes with the migrations, on either database."""
import pytest
from django.core.management import call_command
from django.db import connection

from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.search.migrations._fulltext import FTS_TABLE, GIN_INDEX, VECTOR_COLUMN
from apps.search.models import SearchEntry
from apps.search.services import document_ids_matching


def fulltext_index_exists() -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = [c.name for c in connection.introspection.get_table_description(cursor, "search_searchentry")]
            indexed = GIN_INDEX in connection.introspection.get_constraints(cursor, "search_searchentry")
            assert indexed == (VECTOR_COLUMN in columns)
            return indexed
        return FTS_TABLE in connection.introspection.table_names(cursor)


def migrate_search(target=None):
    call_command("migrate", "search", *([target] if target else []), verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_migrations_roll_back_and_forward_and_index_existing_documents():
    document = DocumentFactory(clean_text="全面落实双减政策。")
    try:
        migrate_search("0001")
        assert not fulltext_index_exists()
        SearchEntry.objects.all().delete()  # as if search had been installed after the document

        migrate_search()
        assert fulltext_index_exists()
        assert list(Document.objects.filter(pk__in=document_ids_matching("双减"))) == [document]

        migrate_search("zero")
        assert "search_searchentry" not in connection.introspection.table_names()
    finally:
        migrate_search()
    assert fulltext_index_exists()
