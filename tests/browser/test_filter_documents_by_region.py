"""An analyst narrows the documents list to one city with the filter sidebar."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CHANGZHOU_PAGE = "辖市区年度教育“小目标”"
JIANGNING_REPLY = "对江宁区政协十三届一次会议第JNZX13010181号提案的答复"


def test_choosing_changzhou_lists_its_page_and_not_jiangnings(page):
    page.goto("/documents/")
    results = page.get_by_role("region", name="结果")
    expect(results.get_by_role("link", name=JIANGNING_REPLY)).to_be_visible()

    sidebar = page.get_by_role("form", name="筛选")
    region = sidebar.get_by_label("地区")
    region.select_option(region.get_by_role("option", name="常州市").get_attribute("value"))
    sidebar.get_by_role("button", name="应用筛选").click()

    expect(page).to_have_url(re.compile(r"/documents/\?(.*&)?region=320400(&|$)"))
    expect(results.get_by_role("link", name=CHANGZHOU_PAGE)).to_be_visible()
    expect(results.get_by_role("link", name=JIANGNING_REPLY)).to_have_count(0)
    rows = results.locator("tbody tr")
    expect(rows).to_have_count(1)
    # The page covers two county-level units under Changzhou (3204); the row names both.
    expect(rows.first.get_by_role("link", name="钟楼区")).to_be_visible()
    expect(rows.first.get_by_role("link", name="溧阳市")).to_be_visible()
    # The choice stays selected, so the analyst sees what the list is filtered by.
    expect(sidebar.get_by_label("地区")).to_have_value("320400")
