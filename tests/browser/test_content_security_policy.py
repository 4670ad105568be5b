"""Chromium reports no Content-Security-Policy violation on the main pages, the API docs and the admin.

``tests/test_content_security_policy.py`` reads the markup; here the pages run, so what
their scripts do after loading (Swagger UI, ReDoc, the admin's widgets) is checked too.
Every violation reaches the page as a ``securitypolicyviolation`` event and Chromium logs
it to the console; both are collected.
"""
import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, TIMEOUT_MS

pytestmark = pytest.mark.browser

# Runs before the page's own scripts; Playwright's init scripts are not subject to the policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
    + `at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
"""


# ReDoc's bundle fetches its maker's logo from cdn.redoc.ly, with no option to turn that off
# (drf-spectacular-sidecar issue #11). The policy blocks it on purpose: the documentation
# page makes no request to another origin, and ReDoc hides the image it could not load.
DELIBERATELY_BLOCKED = ("https://cdn.redoc.ly/redoc/logo-mini.svg",)


def unexpected(found: list[str]) -> list[str]:
    return [v for v in found if not any(url in v for url in DELIBERATELY_BLOCKED)]


class ViolationWatcher:
    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.console.append(message.text)

    def visit(self, path: str, settle=None) -> list[str]:
        """Open ``path``, let ``settle(page)`` wait for what the page draws, return every violation."""
        self.console.clear()
        response = self.page.goto(path)
        assert response.status == 200, (path, response.status)
        assert response.headers.get("content-security-policy"), path
        if settle is not None:
            settle(self.page)
        self.page.wait_for_load_state("networkidle")
        return unexpected([*self.page.evaluate("window.__cspViolations"), *self.console])


@pytest.fixture
def watched_page(browser, site):
    context = browser.new_context(base_url=site, viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(RECORD_VIOLATIONS)
    yield ViolationWatcher(context.new_page())
    context.close()


def test_the_main_pages_run_without_a_violation(watched_page, main_pages):
    from apps.targets.models import Indicator

    timeline = Indicator.objects.get(name="义务教育集团化办学覆盖率")
    paths = [path for _name, path in main_pages] + [f"/indicators/{timeline.pk}/", "/regions/"]
    found = {path: watched_page.visit(path) for path in paths}
    assert {path: v for path, v in found.items() if v} == {}


def test_the_api_documentation_runs_without_a_violation(watched_page):
    def swagger_drawn(page):
        expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
        page.locator(".swagger-ui .opblock-summary").first.click()  # opens an operation: more rendering
        expect(page.locator(".swagger-ui .opblock-body").first).to_be_visible()

    def redoc_drawn(page):
        expect(page.locator("#redoc-container h1").first).to_be_visible()

    found = {
        "/api/v1/docs/": watched_page.visit("/api/v1/docs/", swagger_drawn),
        "/api/v1/redoc/": watched_page.visit("/api/v1/redoc/", redoc_drawn),
    }
    assert {path: v for path, v in found.items() if v} == {}


def test_the_admin_runs_without_a_violation(watched_page, curator):
    from apps.documents.models import Document

    page = watched_page.page
    found = {"/admin/login/": watched_page.visit("/admin/login/")}
    page.get_by_label("用户名").fill("curator")
    page.get_by_label("密码").fill("curator-pass")
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(f"{page.url.split('/admin/')[0]}/admin/")

    document = Document.objects.get(title__contains="JNZX13010181")

    def autocomplete_opened(page):
        # The region box is a select2 autocomplete: opening it fetches and draws choices.
        page.locator(".field-regions .select2-selection").first.click()
        expect(page.locator(".select2-results__option").first).to_be_visible()
        page.keyboard.press("Escape")

    paths = {
        "/admin/": None,
        reverse("admin:documents_document_changelist"): None,
        reverse("admin:documents_document_change", args=[document.pk]): autocomplete_opened,
        reverse("admin:documents_document_add"): None,
        reverse("admin:documents_document_history", args=[document.pk]): None,
        reverse("admin:targets_target_changelist"): None,
        reverse("admin:proposals_proposal_changelist"): None,
        reverse("ingest_import_pages"): None,
        reverse("admin:ingest_importbatch_changelist"): None,
    }
    for path, settle in paths.items():
        found[path] = watched_page.visit(path, settle)
    assert {path: v for path, v in found.items() if v} == {}
