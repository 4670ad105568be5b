"""The home page: counts, newest documents, targets due this year, replies by result code."""
import datetime

import pytest

from apps.targets.tests.factories import TargetFactory
from apps.web.tests.support import demo, page, text_of  # noqa: F401

pytestmark = pytest.mark.django_db

HOME_QUERIES = 10  # + the scorecard's counts


@pytest.mark.usefixtures("demo")
class TestOverDemo:
    def test_counts_link_into_the_lists(self, client):
        html = page(client, "/")
        text = text_of(html)
        for expected in ["5 份文件", "2 件提案/建议", "2 份答复", "28 项目标", "10 个有记录的地区"]:
            assert expected in text, expected

    def test_newest_documents_come_first(self, client):
        text = text_of(page(client, "/"))
        assert text.index("对江宁区政协十三届一次会议") < text.index("泰州海陵") < text.index("对人大076号建议的答复")

    def test_replies_by_result_code_link_to_the_filtered_proposals(self, client):
        html = page(client, "/")
        assert '<a href="/proposals/?result_code=B">B 列入计划拟解决</a></th>\n            <td data-label="答复数">1</td>' in html
        assert "未注明" in html


def test_targets_falling_due_this_year_are_listed_with_their_progress(client, settings):
    settings.PROGRESS_TODAY = datetime.date(2026, 12, 2)
    year = 2026
    TargetFactory(deadline_year=year, quote="今年到期的目标语句")
    TargetFactory(deadline_year=year + 5, quote="五年后到期的目标语句")
    html = page(client, "/")
    assert "今年到期的目标语句" in html and "五年后到期的目标语句" not in html
    assert "badge--open" in html and "未到期" in html
    assert f"/targets/?deadline_year={year}" in html


def test_the_home_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    TargetFactory.create_batch(5, deadline_year=datetime.date.today().year)
    with django_assert_max_num_queries(HOME_QUERIES):
        page(client, "/")


def test_a_long_list_of_targets_due_this_year_shows_the_first_and_counts_them_all(client):
    from apps.web.selectors import DUE_SHOWN

    TargetFactory.create_batch(DUE_SHOWN + 3, deadline_year=datetime.date.today().year, quote="今年到期的目标语句")
    html = page(client, "/")
    assert html.count("今年到期的目标语句") == DUE_SHOWN
    assert f"共 {DUE_SHOWN + 3} 个目标，这里列出前 {DUE_SHOWN} 个。" in html


def test_the_counts_are_remembered_until_a_record_changes(client, django_assert_num_queries):
    TargetFactory()
    assert "1 项目标" in text_of(page(client, "/"))
    with django_assert_num_queries(0):
        page(client, "/")
    target = TargetFactory()
    assert "2 项目标" in text_of(page(client, "/"))
    target.delete()
    assert "1 项目标" in text_of(page(client, "/"))
