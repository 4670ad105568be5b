"""A hostile page imported through the admin, published, and opened in every view that shows it:
in Chromium, nothing it carries runs, and its markup reads as text.

The page (``tests/hostile_page.py``) is seed 000 carrying ``<script>``, ``onerror=``,
``javascript:`` links, an SVG, an iframe, full-width look-alikes of markup and direction
overrides. Each payload that runs would set ``window.__pwned`` or open a dialog.
"""
import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from apps.curation.models import CurationStatus
from apps.curation.services import records_set_status
from apps.documents.models import Document
from apps.initiatives.models import Initiative
from apps.proposals.models import Proposal, Reply
from apps.targets.models import Observation, Target
from tests.browser.conftest import DESKTOP, TIMEOUT_MS
from tests.hostile_page import (
    BODY_IMG, BODY_SCRIPT, FILE_NAME, QUOTE_PAYLOAD, RAW_ONLY, TEXTAREA_BREAKOUT, TITLE_PAYLOAD, hostile_page,
)

pytestmark = pytest.mark.browser

# What the page would have done had anything run: the flag, and elements or attributes that
# only the page's text could have put there.
INSPECT = """() => {
  const injected = [];
  for (const el of document.querySelectorAll('iframe, object, embed, base, meta[http-equiv="refresh" i]')) {
    injected.push(el.outerHTML.slice(0, 80));
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const urlish = /^(href|src|action|formaction|data|srcdoc|xlink:href)$/.test(attr.name);
      if (attr.name.startsWith('on') || (urlish && /^\\s*javascript:/i.test(attr.value))) {
        injected.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 40)}">`);
      }
    }
  }
  for (const script of document.scripts) {
    if (/__pwned|alert\\(/.test(script.textContent)) injected.push('<script>' + script.textContent.slice(0, 40));
  }
  return {pwned: window.__pwned, injected, text: document.documentElement.textContent};
}"""


class Visitor:
    """One browser tab that records every dialog and checks each page it opens."""

    def __init__(self, browser, base_url, session_cookie=None):
        self.context = browser.new_context(base_url=base_url, viewport=DESKTOP)
        self.context.set_default_timeout(TIMEOUT_MS)
        if session_cookie:
            self.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie, "url": base_url}])
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.problems: dict[str, list[str]] = {}

    def check(self, path: str, *literals: str, load=True) -> dict:
        """Open ``path`` (unless already there) and note what ran and which literal is not shown as text."""
        if load:
            response = self.page.goto(path)
            assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        self.page.wait_for_load_state("networkidle")
        found = self.page.evaluate(INSPECT)
        problems = [f"injected {item}" for item in found["injected"]]
        if found["pwned"] is not None:
            problems.append(f"window.__pwned = {found['pwned']}")
        if self.dialogs:
            problems.append(f"dialogs {self.dialogs}")
            self.dialogs.clear()
        problems += [f"{literal!r} not shown as text" for literal in literals if literal not in found["text"]]
        if problems:
            self.problems[path] = problems
        return found

    def close(self):
        self.context.close()


@pytest.fixture
def curator_tab(browser, site, curator):
    client = Client()
    client.force_login(curator)
    visitor = Visitor(browser, site, client.cookies[settings.SESSION_COOKIE_NAME].value)
    yield visitor
    visitor.close()


@pytest.fixture
def anonymous_tab(browser, site):
    visitor = Visitor(browser, site)
    yield visitor
    visitor.close()


def import_through_the_admin(tab: Visitor, tmp_path) -> Document:
    page_file = tmp_path / FILE_NAME
    page_file.write_bytes(hostile_page())
    tab.page.goto("/admin/import/")
    tab.page.set_input_files("input[name=files]", str(page_file))
    tab.page.get_by_role("button", name="导入").click()
    expect(tab.page.locator("#batch-progress")).to_contain_text("已完成 1/1")
    tab.check("/admin/import/batches/ (results)", TITLE_PAYLOAD, load=False)
    return Document.objects.get(source_file=FILE_NAME)


def publish_everything(user) -> None:
    for model in (Document, Proposal, Reply, Initiative, Target, Observation):
        records_set_status(queryset=model.objects.all(), status=CurationStatus.PUBLISHED, user=user)


def test_the_hostile_page_runs_nothing_in_any_view_that_shows_it(curator_tab, anonymous_tab, curator, import_worker, tmp_path):
    document = import_through_the_admin(curator_tab, tmp_path)
    publish_everything(curator)
    reply = document.reply
    target = document.targets.get()

    # What anyone may open, now that it is published.
    visitor = anonymous_tab
    visitor.check(f"/documents/{document.pk}/", TITLE_PAYLOAD, BODY_SCRIPT, BODY_IMG, QUOTE_PAYLOAD, *RAW_ONLY)
    heading = visitor.page.get_by_role("heading", level=1)
    assert TITLE_PAYLOAD in heading.inner_text()  # the title's markup is the heading's text
    visitor.page.get_by_text("原始文本（抓取时的原文，未经清理）").click()  # unfold the raw text
    visitor.check(f"/documents/{document.pk}/ (raw text unfolded)", RAW_ONLY[0], load=False)
    visitor.check(f"/documents/{document.pk}/?view=raw", *RAW_ONLY)
    for path in ("/", "/documents/", "/search/?q=集团化办学", "/search/?q=pwned", "/regions/320115/"):
        visitor.check(path, TITLE_PAYLOAD)
    visitor.check(f"/proposals/{reply.proposal_id}/", BODY_SCRIPT, BODY_IMG)
    visitor.check("/targets/", QUOTE_PAYLOAD)
    visitor.check(f"/indicators/{target.indicator_id}/", QUOTE_PAYLOAD)
    visitor.check(f"/search/?q={TITLE_PAYLOAD}", TITLE_PAYLOAD)  # the query itself, shown back
    # The API answers a browser with JSON (no HTML pages since issue 14), which it shows as text.
    visitor.check(f"/api/v1/documents/{document.pk}/", "window.__pwned=5")
    visitor.check(f"/api/v1/documents/{document.pk}/?format=json", TITLE_PAYLOAD)
    visitor.check("/api/v1/targets/", QUOTE_PAYLOAD)

    # The feed and the CSV are read, not rendered: their text must arrive as text.
    feed = visitor.page.request.get("/documents/feed/")
    assert feed.ok and feed.headers["content-type"].startswith("application/atom+xml")
    titles = [e.text for e in ET.fromstring(feed.body()).iter("{http://www.w3.org/2005/Atom}title")]
    assert any(TITLE_PAYLOAD in (title or "") for title in titles)
    export = visitor.page.request.get("/api/v1/documents/?format=csv")
    assert export.headers["content-disposition"].startswith("attachment")
    assert export.headers["x-content-type-options"] == "nosniff"
    rows = list(csv.DictReader(io.StringIO(export.body().decode("utf-8-sig"))))
    assert any(TITLE_PAYLOAD in row["title"] for row in rows)

    # What the curator opens in the admin.
    curator = curator_tab
    # The raw text is shown read-only (fixed once saved), the clean text in a box it must not break out of.
    curator.check(f"/admin/documents/document/{document.pk}/change/", TITLE_PAYLOAD, *RAW_ONLY)
    clean_text = curator.page.locator("textarea[name=clean_text]").input_value()
    assert BODY_SCRIPT in clean_text and TEXTAREA_BREAKOUT in clean_text
    for path in (
        "/admin/documents/document/", "/admin/documents/document/?q=pwned",
        f"/admin/documents/document/{document.pk}/history/",
    ):
        curator.check(path, TITLE_PAYLOAD)
    curator.check(f"/admin/proposals/reply/{reply.pk}/change/")
    curator.check(f"/admin/targets/target/{target.pk}/change/", QUOTE_PAYLOAD)

    assert anonymous_tab.problems == {} and curator_tab.problems == {}
