"""Imported pages are hostile input: their text is stored as text and every view shows it escaped.

The page (``tests/hostile_page.py``) goes through the real importer as a curator would send
it, is published, and then every page, feed, export and admin screen that shows it is read
back: nothing in it may become an element or an attribute, and the markup must be there as
the text it was. ``tests/browser/test_hostile_page.py`` opens the same views in Chromium.
"""
import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.curation.models import CurationStatus
from apps.curation.services import records_set_status
from apps.documents.models import Document
from apps.ingest.services import document_import
from apps.initiatives.models import Initiative
from apps.proposals.models import Proposal, Reply
from apps.targets.models import Observation, Target
from tests.hostile_page import (
    BODY_IMG, BODY_SCRIPT, CONTACT_SPOOF, FILE_NAME, LOOKALIKE_LINK, QUOTE_PAYLOAD, RAW_ONLY, RLO, TEMPLATE_SYNTAX,
    TEXTAREA_BREAKOUT, TITLE_PAYLOAD, hostile_page, markup_audit,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
ESCAPED_TITLE_PAYLOAD = "&lt;script&gt;window.__pwned=5&lt;/script&gt;"


def publish_everything(user) -> None:
    for model in (Document, Proposal, Reply, Initiative, Target, Observation):
        records_set_status(queryset=model.objects.all(), status=CurationStatus.PUBLISHED, user=user)


@pytest.fixture
def hostile(curator):
    """The hostile page imported by a curator and published, with everything drawn from it."""
    result = document_import(raw=hostile_page(), filename=FILE_NAME, user=curator)
    assert result.status == "ok", result.draft.error
    publish_everything(curator)
    document = result.document
    return {
        "document": document,
        "reply": document.reply,
        "proposal": document.reply.proposal,
        "target": document.targets.get(),
        "initiative": Initiative.objects.filter(region__isnull=False).first(),
    }


def assert_shown_as_text(response, *literals: str) -> str:
    """The page runs nothing it was given, and shows each literal as the text it is."""
    assert response.status_code == 200, response.content[:300]
    page = response.content.decode()
    injected, text = markup_audit(page)
    assert injected == []
    assert "<script>window.__pwned" not in page and "<img src=x onerror" not in page
    for literal in literals:
        assert literal in text, f"{literal!r} not shown as text"
    return page


def test_the_raw_text_keeps_the_page_as_captured_and_the_clean_text_keeps_its_words(hostile):
    document = hostile["document"]
    for markup in RAW_ONLY:
        assert markup in document.raw_text
    # The page's own markup is gone from the clean text; text that only looked like markup stays, as text.
    assert RAW_ONLY[0] not in document.clean_text and "<iframe" not in document.clean_text
    assert TITLE_PAYLOAD in document.title
    for literal in (BODY_SCRIPT, BODY_IMG, TEMPLATE_SYNTAX, TEXTAREA_BREAKOUT, LOOKALIKE_LINK, QUOTE_PAYLOAD):
        assert literal in document.clean_text
    assert QUOTE_PAYLOAD in hostile["target"].quote and QUOTE_PAYLOAD in hostile["target"].indicator.name


def test_invisible_direction_overrides_stay_in_the_raw_text_only(hostile):
    """U+202E would show "txt.exe" reversed; cleaning drops it, the raw text keeps the page as it was."""
    assert CONTACT_SPOOF in hostile["document"].raw_text
    assert RLO not in hostile["document"].clean_text and RLO not in hostile["reply"].contact
    assert hostile["reply"].contact.startswith("侯аdmin")  # the Cyrillic а is a letter: kept, shown as text


def test_the_document_page_shows_the_title_and_text_escaped(client, hostile):
    page = assert_shown_as_text(
        client.get(f"/documents/{hostile['document'].pk}/"), TITLE_PAYLOAD, BODY_SCRIPT, BODY_IMG, TEMPLATE_SYNTAX,
        QUOTE_PAYLOAD, *RAW_ONLY,  # the raw text is on the page too, folded away
    )
    assert ESCAPED_TITLE_PAYLOAD in page
    assert "<title>" in page and "&lt;/title&gt;" not in page.split("<title>")[0]


def test_the_raw_view_shows_the_markup_as_characters(client, hostile):
    assert_shown_as_text(client.get(f"/documents/{hostile['document'].pk}/?view=raw"), *RAW_ONLY, TITLE_PAYLOAD)


@pytest.mark.parametrize("path", [
    "/", "/documents/", "/documents/?q=集团化办学", "/search/?q=集团化办学", "/search/?q=script",
    "/search/?q=pwned", "/regions/320115/",
])
def test_lists_and_search_show_the_title_escaped(client, hostile, path):
    assert_shown_as_text(client.get(path), TITLE_PAYLOAD)


def test_a_query_carrying_markup_is_shown_back_as_text(client, hostile):
    assert_shown_as_text(client.get("/search/", {"q": TITLE_PAYLOAD}), TITLE_PAYLOAD)


def test_the_proposal_page_shows_the_reply_text_escaped(client, hostile):
    assert_shown_as_text(client.get(f"/proposals/{hostile['proposal'].pk}/"), BODY_SCRIPT, BODY_IMG, "侯аdmin")


@pytest.mark.parametrize("path", ["/targets/", "/initiatives/"])
def test_targets_and_initiatives_show_the_figures_escaped(client, hostile, path):
    assert_shown_as_text(client.get(path))


def test_the_indicator_page_shows_its_name_escaped(client, hostile):
    indicator = hostile["target"].indicator
    assert_shown_as_text(client.get(f"/indicators/{indicator.pk}/"), QUOTE_PAYLOAD)


def test_the_atom_feed_holds_the_title_as_text(client, hostile):
    response = client.get("/documents/feed/")
    assert response.status_code == 200
    (entry,) = ET.fromstring(response.content).findall(f"{ATOM}entry")
    title = entry.find(f"{ATOM}title")
    assert title.get("type", "text") == "text" and TITLE_PAYLOAD in title.text


def test_the_feed_summary_is_escaped_html_and_survives_control_characters(client, hostile):
    """Atom's summary is ``type="html"``: a 文号 a curator typed with markup must reach a feed
    reader as text; and a control character in an older title must not break the feed."""
    Document.objects.filter(pk=hostile["document"].pk).update(doc_number="<b onmouseover=alert(1)>57号", title="答复\x07")
    response = client.get("/documents/feed/")
    assert response.status_code == 200
    (entry,) = ET.fromstring(response.content).findall(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    injected, text = markup_audit(summary.text)
    assert injected == [] and "<b onmouseover=alert(1)>57号" in text
    assert entry.find(f"{ATOM}title").text == "答复"


def test_the_api_returns_the_text_as_json_strings(client, hostile):
    response = client.get(f"/api/v1/documents/{hostile['document'].pk}/")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    body = response.json()
    assert TITLE_PAYLOAD in body["title"] and BODY_SCRIPT in body["clean_text"]


def test_the_api_csv_is_a_download_of_text(client, hostile):
    response = client.get("/api/v1/documents/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    (row,) = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert TITLE_PAYLOAD in row["title"]


@pytest.mark.parametrize("path, literal", [
    ("/api/v1/documents/{document}/", BODY_SCRIPT), ("/api/v1/documents/", TITLE_PAYLOAD),
    ("/api/v1/proposals/{proposal}/", "侯аdmintxt.exe"), ("/api/v1/replies/{reply}/", "侯аdmintxt.exe"),
    ("/api/v1/targets/", QUOTE_PAYLOAD), ("/api/v1/indicators/", QUOTE_PAYLOAD),
])
def test_the_api_answers_a_browser_with_json_never_html(client, hostile, path, literal):
    """The API has no HTML pages (issue 14): a browser gets the JSON, a client that wants only HTML a 406."""
    url = path.format(document=hostile["document"].pk, proposal=hostile["proposal"].pk, reply=hostile["reply"].pk)
    response = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert response["Content-Type"] == "application/json"
    # JSON escapes quotes as \", so look for a literal without any.
    assert literal.replace('"', '\\"') in response.content.decode()
    html_only = client.get(url, HTTP_ACCEPT="text/html")
    assert (html_only.status_code, html_only["Content-Type"]) == (406, "application/json")


@pytest.mark.parametrize("path", [
    "/admin/documents/document/{document}/change/", "/admin/documents/document/",
    "/admin/documents/document/?q=script", "/admin/documents/document/{document}/history/",
    "/admin/proposals/proposal/{proposal}/change/", "/admin/proposals/reply/{reply}/change/",
    "/admin/targets/target/{target}/change/", "/admin/targets/target/", "/admin/targets/indicator/",
])
def test_the_admin_shows_the_text_escaped(curator_client, hostile, path):
    url = path.format(
        document=hostile["document"].pk, proposal=hostile["proposal"].pk, reply=hostile["reply"].pk,
        target=hostile["target"].pk,
    )
    assert_shown_as_text(curator_client.get(url))


def test_the_document_form_keeps_markup_inside_its_text_box_and_its_raw_text(curator_client, hostile):
    """The clean text is a text box a ``</textarea>`` must not close; the raw text, fixed once saved,
    is shown read-only, escaped."""
    response = curator_client.get(f"/admin/documents/document/{hostile['document'].pk}/change/")
    page = assert_shown_as_text(response, TEXTAREA_BREAKOUT, *RAW_ONLY)
    assert "&lt;/textarea&gt;&lt;img src=x onerror=alert(&#x27;textarea&#x27;)&gt;" in page
    assert "&lt;/textarea&gt;&lt;/pre&gt;&lt;/title&gt;&lt;img src=x onerror=alert(&#x27;breakout&#x27;)&gt;" in page


def test_the_admin_import_page_reports_the_hostile_title_as_text(curator_client, hostile):
    upload = SimpleUploadedFile(f"<img src=x onerror=alert(1)>{FILE_NAME}", hostile_page())
    response = curator_client.post("/admin/import/", {"files": [upload], "dry_run": "on"})
    assert_shown_as_text(response, TITLE_PAYLOAD, "<img src=x onerror=alert(1)>")


def test_the_audit_finds_every_payload_in_the_page_as_captured():
    """The check above would see injected markup: served unescaped, the page fails it."""
    injected, _text = markup_audit(hostile_page().decode())
    for found in ("<script>window.__pwned=1", "<img onerror=…>", "<a href=javascript:window.__pwned=3>",
                  "<svg onload=…>", "<iframe>", "<meta http-equiv=refresh>", "<base>", "<body onload=…>", "<object>"):
        assert found in injected
