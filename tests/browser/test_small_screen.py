"""On a phone (375 px wide) the pages fit the screen and the filters can be reached by keyboard."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE_WIDTH = 375

# What the focused element is called and where it sits, read in the page.
FOCUSED = """() => {
  const el = document.activeElement;
  const labelled = (el.labels && el.labels.length > 0) || el.hasAttribute("aria-label")
    || el.hasAttribute("aria-labelledby");
  return {tag: el.tagName.toLowerCase(), inFilters: !!el.closest("form.filters"), labelled,
          label: el.labels && el.labels.length ? el.labels[0].innerText.trim() : ""};
}"""


def test_main_pages_have_no_horizontal_scroll_at_375px(phone_page, main_pages):
    too_wide = {}
    for name, path in main_pages:
        response = phone_page.goto(path)
        assert response.ok, f"{path} answered {response.status}"
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE_WIDTH:
            too_wide[path] = width
    assert too_wide == {}, f"pages wider than {PHONE_WIDTH} px (scrollWidth): {too_wide}"


def test_tab_reaches_a_labelled_filter_control_on_the_documents_list(phone_page):
    phone_page.goto("/documents/")
    # On a phone the filters are folded behind their heading: Tab reaches it, Enter opens it.
    for _ in range(40):
        phone_page.keyboard.press("Tab")
        if phone_page.evaluate("document.activeElement.matches('details.filters-fold > summary')"):
            break
    else:
        pytest.fail("forty presses of Tab never reached the folded filters")
    expect(phone_page.locator("form.filters").get_by_label("地区")).to_be_hidden()
    phone_page.keyboard.press("Enter")
    for _ in range(40):
        phone_page.keyboard.press("Tab")
        focused = phone_page.evaluate(FOCUSED)
        if focused["inFilters"]:
            break
    else:
        pytest.fail("forty presses of Tab never reached the filter form")

    assert focused["tag"] in {"input", "select", "textarea", "button"}
    assert focused["labelled"], f"the first filter control ({focused['tag']}) has no label"
    assert focused["label"] == "地区"
    control = phone_page.locator(":focus")
    expect(control).to_be_visible()
    expect(control).to_be_in_viewport()
