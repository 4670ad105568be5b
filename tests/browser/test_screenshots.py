"""Screenshots of the main pages at desktop and phone widths, written to screenshots/ (README).

They are for people to look at, in CI's artefacts and in review; the test also checks
that each page answers and carries its heading, so a broken page does not pass as a picture.
"""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_screenshot_every_main_page(browser, site, main_pages, viewport):
    SCREENSHOTS.mkdir(exist_ok=True)
    # A Chinese browser, as the analysts use: date fields read 年/月/日. (The pages themselves
    # ignore the browser's language; the other tests run in the default en-US and prove it.)
    context = browser.new_context(base_url=site, viewport=viewport, locale="zh-CN")
    try:
        page = context.new_page()
        for name, path in main_pages:
            response = page.goto(path)
            assert response.ok, f"{path} answered {response.status}"
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            page.evaluate("document.fonts.ready")  # the CJK font, before the picture is taken
            page.screenshot(path=SCREENSHOTS / f"{name}-{viewport['width']}.png", full_page=True)
    finally:
        context.close()
