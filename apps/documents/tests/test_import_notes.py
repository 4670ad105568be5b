"""The importer's notes on a document: Chinese by default, English in the English admin, old plain ones as written."""
import pytest
from django.conf import settings
from django.urls import reverse

from apps.documents.models import ArticleFingerprint, Document
from apps.documents.tests.factories import DocumentFactory
from apps.ingest.notes import N_, note

pytestmark = pytest.mark.django_db
NOTE = note(N_("观测值“%(quote)s”在页面上没有日期：未保存"), quote="全区学前三年毛入园率达98%")


def change_page(client, document) -> str:
    return client.get(reverse("admin:documents_document_change", args=[document.pk])).content.decode()


def test_a_stored_note_reads_in_chinese_by_default_and_in_english_when_the_admin_is_switched(curator_client):
    document = DocumentFactory(import_warnings=[NOTE.stored(), "an older plain note"])
    page = change_page(curator_client, document)
    assert "<li>观测值“全区学前三年毛入园率达98%”在页面上没有日期：未保存</li>" in page
    assert "<li>an older plain note</li>" in page
    curator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = change_page(curator_client, document)
    assert "<li>observation “全区学前三年毛入园率达98%” has no date on the page: not saved</li>" in page
    assert "<li>an older plain note</li>" in page


def test_a_document_saved_outside_the_importer_gets_its_article_fingerprint_once():
    document = DocumentFactory(clean_text="关于推进集团化办学的通知\n\n到2025年,覆盖率将达到60%以上。")
    assert document.content_checksum == ArticleFingerprint.of(" 关于推进集团化办学的通知。到2025年覆盖率将达到60%以上").checksum
    document.clean_text = "curator's correction"
    document.save()
    # Fixed as first saved: the page captured again is still recognised.
    assert Document.objects.get().content_checksum == ArticleFingerprint.of("关于推进集团化办学的通知到2025年覆盖率将达到60以上").checksum


def test_a_note_stored_in_the_older_ascii_wording_reads_in_todays_in_both_languages(curator_client):
    older = {"message": "观测值“%(quote)s”在页面上没有日期:未保存", "values": {"quote": "全区学前三年毛入园率达98%"}}
    document = DocumentFactory(import_warnings=[older])
    assert "<li>观测值“全区学前三年毛入园率达98%”在页面上没有日期：未保存</li>" in change_page(curator_client, document)
    curator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = change_page(curator_client, document)
    assert "<li>observation “全区学前三年毛入园率达98%” has no date on the page: not saved</li>" in page
