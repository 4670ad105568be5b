"""An analyst searches for 集团化办学 from the header and sees the term (or another spelling of it) marked."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TERM = "集团化办学"


def test_searching_school_groups_marks_the_term_in_the_results(page):
    page.goto("/")
    box = page.get_by_role("banner").get_by_role("searchbox", name="全文检索")
    box.fill(TERM)
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(page.get_by_role("heading", level=1)).to_have_text("全文检索")
    results = page.get_by_role("region", name="检索结果")
    # The Jiangning reply and the Handan reply both speak of school groups.
    expect(results.get_by_role("link", name=re.compile("JNZX13010181"))).to_be_visible()
    expect(results.get_by_role("link", name="对人大076号建议的答复")).to_be_visible()
    marks = results.locator("mark")
    expect(marks.first).to_be_visible()
    # The term, and the other spellings of the initiative it names (教育集团, 集团化).
    marked = set(marks.all_inner_texts())
    assert TERM in marked and all("集团" in text for text in marked)
