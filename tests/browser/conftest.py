"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Chromium is the system's (``apt install chromium``; ``.ci/run`` installs it on a fresh
machine); ``playwright install`` is never needed. Without ``/usr/bin/chromium`` every test
marked ``browser`` is skipped with that reason; with it they all run.
"""
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# Fail in seconds, not Playwright's default half-minute: every page here is local and small.
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is absent: apt-get install chromium chromium-driver fonts-noto-cjk")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an asyncio loop registered as running in this thread for as
    # long as it lives, and Django refuses ORM calls from such a thread
    # (SynchronousOnlyOperation). The tests' own ORM calls (load_demo, looking up ids) are
    # plain synchronous code, so the check is switched off while the browser runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(live_server):
    """The live server's address, with the five seed pages loaded as published records.

    ``live_server`` makes the test transactional: the server thread sees what is loaded
    here, and the tables are emptied after the test.
    """
    call_command("load_demo", stdout=StringIO())
    return live_server.url


def _page(browser, base_url, viewport):
    context = browser.new_context(base_url=base_url, viewport=viewport, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser, site):
    """A fresh desktop-width tab (1280 px), its own cookies, pointed at the live server."""
    context, page = _page(browser, site, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, site):
    """The same at a phone's width (375 px)."""
    context, page = _page(browser, site, PHONE)
    yield page
    context.close()


@pytest.fixture
def main_pages(site):
    """The analysts' main pages as (name, path), detail pages on the seed records DOMAIN.md describes."""
    from apps.documents.models import Document
    from apps.initiatives.models import Initiative
    from apps.proposals.models import Proposal
    from apps.targets.models import Indicator

    proposal = Proposal.objects.get(number="JNZX13010181")
    document = Document.objects.get(title__contains="JNZX13010181")
    indicator = Indicator.objects.get(name="义务教育紧密型集团化办学覆盖率")
    initiative = Initiative.objects.get(name="集团化办学")
    return [
        ("home", "/"),
        ("documents", "/documents/"),
        ("document-jnzx13010181-reply", f"/documents/{document.pk}/"),
        ("proposals", "/proposals/"),
        ("proposal-jnzx13010181", f"/proposals/{proposal.pk}/"),
        ("targets", "/targets/"),
        ("indicator-tight-school-group-coverage", f"/indicators/{indicator.pk}/"),
        ("region-320400-changzhou", "/regions/320400/"),
        ("initiatives", "/initiatives/"),
        ("initiative-school-groups", f"/initiatives/{initiative.pk}/"),
        ("search-school-groups", "/search/?q=集团化办学"),
        ("target-scorecard-changzhou-2022", "/targets/scorecard/?region=320400&deadline_year=2022"),
        ("indicator-catalogue", "/indicators/"),
        ("indicator-compare-jiangsu", f"/indicators/{indicator.pk}/?region=32"),
    ]



@pytest.fixture
def import_worker(settings):
    """Imports read as soon as their batch is committed, by Django's immediate task backend.

    A worker thread beside the live server would share its in-memory SQLite database, whose shared
    cache answers "database table is locked" instead of waiting; the worker itself is tested in
    apps/ingest/tests (test_import_jobs, test_import_workers_processes). The batch page the
    browser follows is the same either way.
    """
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
