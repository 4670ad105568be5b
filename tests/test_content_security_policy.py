"""Every page satisfies the Content-Security-Policy the site sends (django-csp, in every environment).

The policy (``CONTENT_SECURITY_POLICY`` in policytracker/settings/base.py) allows scripts
and styles from this origin, inline ones only with the request's nonce, and style
attributes only with the one hashed text django-simple-history prints. Each page here is
read the way a browser applies the policy: inline ``<script>``/``<style>`` without the
nonce, ``style=`` attributes, ``on…=`` handlers, ``javascript:`` links and anything
loaded from another origin are violations. ``tests/browser/test_content_security_policy.py``
checks the same pages in Chromium, which reports what the scripts do once running.
"""
import base64
import hashlib
import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from apps.curation.tests.api_support import fresh_throttle_history  # noqa: F401 (autouse fixture)
from apps.documents.models import Document
from apps.initiatives.models import Initiative
from apps.proposals.models import Proposal, Reply
from apps.targets.models import Indicator, Observation, Target

pytestmark = pytest.mark.django_db

# Pages that may run inline <style> elements without a nonce (ReDoc writes its own).
INLINE_STYLES_ALLOWED = {"/api/v1/redoc/"}


def directives(header: str) -> dict[str, list[str]]:
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def attribute_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


class PolicyReader(HTMLParser):
    """Collects what a page does that its policy would block."""

    URL_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}

    def __init__(self, policy: dict[str, list[str]], *, allow_inline_styles: bool):
        super().__init__()
        self.policy = policy
        nonces = [s for s in policy.get("script-src", []) if s.startswith("'nonce-")]
        self.nonce = nonces[0][len("'nonce-"):-1] if nonces else None
        self.allow_inline_styles = allow_inline_styles
        self.violations: list[str] = []
        self._inline = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.violations.append(f"<{tag} {name}=…> event handler")
            if name == "style" and attribute_hash(value or "") not in self.policy.get("style-src-attr", []):
                self.violations.append(f"<{tag} style={value!r}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.violations.append(f"<{tag} {name}={value!r}>")
        url = attrs.get(self.URL_ATTRIBUTES.get(tag, ""), "") or ""
        if tag == "link" and attrs.get("rel") not in ("stylesheet", "icon", "preload", "modulepreload"):
            url = ""  # alternate links (the Atom feed) are not loaded by the page
        if re.match(r"^([a-z]+:)?//", url, re.I):
            self.violations.append(f"<{tag}> loads {url} from another origin")
        # A data block (<script type="application/json">, Django's json_script) never runs.
        runs = tag == "style" or attrs.get("type", "text/javascript") in ("text/javascript", "module")
        if tag in ("script", "style") and not attrs.get("src") and runs:
            self._inline = (tag, attrs.get("nonce"))

    def handle_endtag(self, tag):
        self._inline = None

    def handle_data(self, data):
        if self._inline is None or not data.strip():
            return
        tag, nonce = self._inline
        if tag == "style" and self.allow_inline_styles:
            return
        if nonce is None or nonce != self.nonce:
            self.violations.append(f"inline <{tag}> without the request's nonce: {data.strip()[:60]!r}")


def violations(response, path: str) -> list[str]:
    assert response.status_code == 200, (path, response.status_code)
    header = response["Content-Security-Policy"]
    policy = directives(header)
    reader = PolicyReader(policy, allow_inline_styles=path in INLINE_STYLES_ALLOWED)
    reader.feed(response.content.decode())
    return reader.violations


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def public_pages() -> list[str]:
    proposal = Proposal.objects.get(number="JNZX13010181")
    document = Document.objects.get(title__contains="JNZX13010181")
    indicator = Indicator.objects.get(name="义务教育紧密型集团化办学覆盖率")
    initiative = Initiative.objects.get(name="集团化办学")
    return [
        "/", "/documents/", f"/documents/{document.pk}/", f"/documents/{document.pk}/?view=raw",
        "/proposals/", f"/proposals/{proposal.pk}/", "/targets/", f"/indicators/{indicator.pk}/",
        indicator_with_timeline_url(),
        "/regions/", "/regions/320400/", "/initiatives/", f"/initiatives/{initiative.pk}/",
        "/search/?q=集团化办学", "/documents/?region=32", "/api/v1/", "/api/v1/documents/",
        "/api/v1/docs/", "/api/v1/redoc/", "/admin/login/",
    ]


def indicator_with_timeline_url() -> str:
    """An indicator page that draws both charts, the timeline's coloured series included."""
    indicator = Indicator.objects.get(name="义务教育集团化办学覆盖率")
    return f"/indicators/{indicator.pk}/"


def admin_pages() -> list[str]:
    document = Document.objects.get(title__contains="JNZX13010181")
    pages = ["/admin/", reverse("ingest_import_pages"), "/admin/password_change/"]
    for model in (Document, Proposal, Reply, Initiative, Indicator, Target, Observation):
        record = model.objects.order_by("pk").first()
        opts = model._meta
        pages += [
            reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
            reverse(f"admin:{opts.app_label}_{opts.model_name}_add"),
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]),
        ]
    # An import batch still being read: its page reloads itself by <meta>, not by a script.
    from apps.ingest.batches import batch_create

    batch = batch_create(files=[("waiting.txt", "对区政协提案的答复".encode())], enqueue=False)
    pages += [batch.get_absolute_url(), reverse("admin:ingest_importbatch_changelist")]
    pages += [
        reverse("admin:documents_document_history", args=[document.pk]),
        reverse("admin:documents_document_changelist") + "?status__exact=published&q=答复",
    ]
    return pages


def test_the_public_pages_and_the_api_docs_satisfy_the_policy(client, demo):
    assert 'class="series series--0"' in client.get(indicator_with_timeline_url()).content.decode()
    found = {path: violations(client.get(path), path) for path in public_pages()}
    assert {path: v for path, v in found.items() if v} == {}


def test_the_admin_pages_satisfy_the_policy(curator_client, demo):
    found = {path: violations(curator_client.get(path), path) for path in admin_pages()}
    assert {path: v for path, v in found.items() if v} == {}


def test_the_policy_allows_no_inline_script_and_nothing_from_elsewhere(client, demo):
    policy = directives(client.get("/").headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive]
        assert all(source == "'self'" or source.startswith("'nonce-") for source in policy[directive])


def test_an_inline_script_with_the_nonce_is_allowed_and_a_new_nonce_is_drawn_each_time(client):
    first, second = client.get("/api/v1/docs/"), client.get("/api/v1/docs/")
    nonces = [re.search(r"'nonce-([^']+)'", r["Content-Security-Policy"]).group(1) for r in (first, second)]
    assert nonces[0] != nonces[1]
    assert f'<script nonce="{nonces[0]}">' in first.content.decode()


def test_the_reader_finds_what_the_policy_blocks(client):
    """The checker itself: a page with each kind of violation yields one finding for each."""
    policy = directives(client.get("/").headers["Content-Security-Policy"])
    reader = PolicyReader(policy, allow_inline_styles=False)
    reader.feed(
        '<script>alert(1)</script><style>p{}</style><p style="color: red" onclick="x()">'
        '<a href="javascript:x()">x</a><script src="https://cdn.example.org/x.js"></script>'
        '<p style="border-top: 0"></p>'
    )
    assert len(reader.violations) == 6, reader.violations
