"""An analyst finds an initiative by typing part of its name when the list is too long for a select."""
import re

import pytest
from playwright.sync_api import expect

from apps.web import filter_form

pytestmark = pytest.mark.browser


@pytest.fixture
def long_lists(monkeypatch):
    """The demo's few initiatives count as a long list, as 31,000 do at full size."""
    monkeypatch.setattr(filter_form, "SELECT_MAX_CHOICES", 3)


def test_typing_part_of_a_name_offers_the_initiative_and_filters_by_it(page, long_lists):
    from apps.documents.models import Document
    from apps.initiatives.models import Initiative

    # The initiative the fewest seed pages mention, so that filtering by it leaves some out.
    groups = min(
        (i for i in Initiative.objects.published() if i.documents.exists()), key=lambda i: i.documents.count()
    )
    mentioning = list(Document.objects.filter(initiatives=groups).values_list("title", flat=True))
    assert Document.objects.exclude(initiatives=groups).exists(), groups.name

    page.goto("/documents/")
    sidebar = page.get_by_role("form", name="筛选")
    choice = sidebar.get_by_label("举措", exact=True)
    expect(choice.locator("option")).to_have_count(1)  # only "all" until the reader looks
    sidebar.get_by_role("searchbox", name="举措 输入名称查找").fill(groups.name[:3])
    expect(choice.get_by_role("option", name=groups.name, exact=True)).to_have_count(1)
    expect(page.locator("#id_initiative_lookup_status")).to_contain_text("找到")
    choice.select_option(str(groups.pk))
    sidebar.get_by_role("button", name="应用筛选").click()

    expect(page).to_have_url(re.compile(rf"[?&]initiative={groups.pk}(&|$)"))
    results = page.get_by_role("region", name="结果")
    expect(results.locator("tbody tr")).to_have_count(len(mentioning))
    # The choice is still shown by name after the page reloads.
    expect(sidebar.get_by_label("举措", exact=True).locator("option:checked")).to_have_text(groups.name)


def test_a_name_that_matches_nothing_says_so(page, long_lists):
    page.goto("/documents/")
    sidebar = page.get_by_role("form", name="筛选")
    box = sidebar.get_by_role("searchbox", name="举措 输入名称查找")
    box.fill("没有这样的举措")
    box.press("Enter")  # looks up at once, does not submit the filters
    expect(page.locator("#id_initiative_lookup_status")).to_have_text("没有找到")
    expect(page).to_have_url(re.compile(r"/documents/$"))
