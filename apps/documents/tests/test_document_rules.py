import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.documents.models import Citation, Document, text_checksum
from apps.documents.tests.factories import DocumentFactory
from apps.regions.tests.factories import CountyFactory

pytestmark = pytest.mark.django_db


def test_the_checksum_follows_the_raw_text_and_a_page_is_held_once():
    document = DocumentFactory(raw_text="原始页面")
    assert document.checksum == text_checksum("原始页面")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(raw_text="原始页面")


def test_in_region_finds_documents_about_anything_under_the_region():
    jiangning = DocumentFactory(regions=[CountyFactory()])
    DocumentFactory(regions=[])
    assert list(Document.objects.in_region("320100")) == [jiangning]
    assert list(Document.objects.in_region("32")) == [jiangning]
    assert not Document.objects.in_region("3204").exists()


def test_a_citation_must_name_what_it_cites():
    document = DocumentFactory()
    Citation.objects.create(document=document, cited_doc_number="邯教〔2017〕42号")
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(document=document)


def test_pasting_a_page_already_held_is_a_form_error_not_a_crash():
    held = DocumentFactory(raw_text="同一页面")
    copy = DocumentFactory.build(raw_text="同一页面", organization=held.organization)
    with pytest.raises(ValidationError, match="已收录"):
        copy.full_clean()
