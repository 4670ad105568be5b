"""A reader who prefers English follows the language link in the header; the address says the language."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_switching_to_english_relabels_the_page_and_keeps_the_reader_on_it(page):
    page.goto("/documents/?doc_type=reply&ordering=-date")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    navigation = page.get_by_role("navigation", name="主导航")
    expect(navigation.get_by_role("link", name="文件", exact=True)).to_be_visible()

    page.get_by_role("link", name="English", exact=True).click()

    expect(page).to_have_url(re.compile(r"/en/documents/\?doc_type=reply&ordering=-date$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    navigation = page.get_by_role("navigation", name=re.compile("main", re.IGNORECASE))
    expect(navigation.get_by_role("link", name="Documents", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")
    expect(page.get_by_label("Document type")).to_have_value("reply")
    # The choice is kept: the next page is in English too, its address under /en/.
    navigation.get_by_role("link", name="Proposals", exact=False).click()
    expect(page).to_have_url(re.compile(r"/en/proposals/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("link", name="简体中文", exact=True).click()
    expect(page).to_have_url(re.compile(r"/proposals/$"))
    assert "/en/" not in page.url
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")


def test_a_shared_english_link_opens_in_english_in_a_fresh_browser(browser, site):
    context = browser.new_context(base_url=site)  # no cookie, a browser that asks for nothing in particular
    try:
        page = context.new_page()
        page.goto("/en/targets/?region=320400&deadline_year=2022")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("heading", level=1)).to_have_text("Targets")
        assert context.cookies() == [] or all(c["name"] != "django_language" for c in context.cookies())
    finally:
        context.close()
