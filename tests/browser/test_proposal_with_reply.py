"""An analyst opens Jiangning's proposal JNZX13010181 and reads what was asked, then the bureau's reply."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_proposal_jnzx13010181_shows_its_proposer_and_the_reply(page):
    page.goto("/proposals/")
    page.get_by_role("link", name="JNZX13010181", exact=True).click()

    expect(page).to_have_url(re.compile(r"/proposals/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("推进城乡教育优质均衡发展进而留住人才")
    asked = page.get_by_role("region", name="所提问题")
    replies = page.get_by_role("region", name="答复", exact=True)
    expect(asked).to_contain_text("蔡晶")
    expect(asked).to_contain_text("江宁区政协十三届一次会议")
    expect(replies).to_contain_text("南京市江宁区教育局")
    reply_text = replies.locator(".reply__text")
    expect(reply_text).to_contain_text("蔡晶委员")
    expect(reply_text).to_contain_text("现答复如下")
    expect(reply_text).to_contain_text("紧密型集团化办学覆盖率")
    # The seed page prints no 办理结果; the page says so rather than inventing one.
    expect(page.get_by_role("region", name="办理结果")).to_contain_text("页面未注明办理结果")

    # What was asked comes first, the reply's text below it across the page.
    above, below = asked.bounding_box(), reply_text.bounding_box()
    assert above["y"] + above["height"] <= below["y"]
    assert below["width"] > 0.5 * page.viewport_size["width"]
