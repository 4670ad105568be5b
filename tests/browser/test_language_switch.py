"""A reader who prefers English switches the interface with the language control in the header."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_switching_to_english_relabels_the_page_and_keeps_the_reader_on_it(page):
    page.goto("/documents/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    navigation = page.get_by_role("navigation", name="主导航")
    expect(navigation.get_by_role("link", name="文件", exact=True)).to_be_visible()

    page.get_by_label("语言").select_option("en")
    page.get_by_role("button", name="切换语言").click()

    expect(page).to_have_url(re.compile(r"/documents/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    navigation = page.get_by_role("navigation", name=re.compile("main", re.IGNORECASE))
    expect(navigation.get_by_role("link", name="Documents", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")
    # The choice is kept: the next page is in English too.
    navigation.get_by_role("link", name="Proposals", exact=False).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
