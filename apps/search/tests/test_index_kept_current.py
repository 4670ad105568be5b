"""The stored words follow the document: on create, edit, delete and rebuild."""
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection

from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.search.migrations._fulltext import FTS_TABLE
from apps.search.models import SearchEntry
from apps.search.services import document_ids_matching, search_index_rebuild

pytestmark = pytest.mark.django_db


def found(q):
    return set(Document.objects.filter(pk__in=document_ids_matching(q)).values_list("pk", flat=True))


def test_a_new_document_is_searchable_at_once():
    document = DocumentFactory(title="关于推进县管校聘的答复", clean_text="深化县管校聘管理改革。")
    assert "县管校聘" in SearchEntry.objects.get(document=document).tokens.split()
    assert found("县管校聘") == {document.pk}


def test_editing_the_text_replaces_the_words():
    document = DocumentFactory(title="年度目标", clean_text="全面落实双减政策。")
    document.clean_text = "深入实施智慧校园建设。"
    document.save()
    assert found("双减") == set()
    assert found("智慧校园") == {document.pk}


def test_editing_the_title_replaces_the_words():
    document = DocumentFactory(title="近视防控工作要点", clean_text="")
    document.title = "学前教育工作要点"
    document.save()
    assert found("近视防控") == set()
    assert found("学前教育") == {document.pk}


def test_a_status_change_does_not_cut_the_text_again():
    document = DocumentFactory(clean_text="全面落实双减政策。", status=CurationStatus.DRAFT)
    document.status = CurationStatus.PUBLISHED
    with mock.patch("apps.search.signals.search_entry_update") as update:
        document.save(update_fields=["status", "updated_at"])
    update.assert_not_called()
    assert found("双减") == {document.pk}


def test_deleting_a_document_removes_it_from_the_index():
    document = DocumentFactory(clean_text="全面落实双减政策。")
    pk = document.pk
    document.delete()
    assert not SearchEntry.objects.filter(pk=pk).exists()
    assert found("双减") == set()


def test_rebuild_indexes_documents_written_without_save():
    document = DocumentFactory(clean_text="全面落实双减政策。")
    # QuerySet.update() sends no signal: the index still holds the old words.
    Document.objects.filter(pk=document.pk).update(clean_text="深化县管校聘管理改革。")
    SearchEntry.objects.filter(pk=document.pk).delete()
    other = DocumentFactory(clean_text="推进集团化办学。")
    Document.objects.filter(pk=other.pk).update(clean_text="实施智慧校园建设。")

    result = search_index_rebuild(documents=Document.objects.filter(pk=document.pk), batch_size=1)
    assert (result.documents, result.written) == (1, 1)
    assert found("县管校聘") == {document.pk}
    assert found("智慧校园") == set()  # not in the rebuilt set


def test_rebuild_command_reindexes_every_document(capsys):
    documents = DocumentFactory.create_batch(3, clean_text="全面落实双减政策。")
    SearchEntry.objects.all().delete()
    Document.objects.update(clean_text="推进紧密型集团化办学。")
    call_command("rebuild_search_index", batch_size=2)
    assert "Indexed 3 documents (3 changed)" in capsys.readouterr().out
    assert SearchEntry.objects.count() == 3
    assert found("紧密型 集团化办学") == {d.pk for d in documents}
    assert found("双减") == set()


def test_rebuild_leaves_unchanged_entries_alone():
    DocumentFactory.create_batch(2, clean_text="全面落实双减政策。")
    result = search_index_rebuild()
    assert (result.documents, result.written) == (2, 0)
    assert len(found("双减")) == 2


def test_fulltext_repair_restores_an_index_out_of_step(capsys):
    document = DocumentFactory(clean_text="全面落实双减政策。")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # what a lost trigger leaves behind
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")
        assert found("双减") == set()
    call_command("rebuild_search_index", repair_fulltext=True)
    assert "Indexed 1 documents (0 changed)" in capsys.readouterr().out
    assert found("双减") == {document.pk}
