"""Which progress states the demo shows in December 2026, from the seed pages' own figures only.

No seed page reports a figure that meets, or falls short of, a target of the same place with
time left, so achieved and on track have no demo target; the tests say so, so that a figure
added without a quote to make them appear would fail here.
"""
import datetime

import pytest

from apps.web.tests.support import demo, page, table_rows  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def judged_in_december_2026(settings):
    settings.PROGRESS_TODAY = datetime.date(2026, 12, 2)


def progress_rows(client, progress: str) -> list[str]:
    return table_rows(page(client, f"/targets/?progress={progress}"))


@pytest.mark.usefixtures("demo")
class TestDemoProgress:
    def test_changzhous_2022_goals_are_due_and_unverified(self, client):
        rows = table_rows(page(client, "/targets/?region=3204&deadline_year=2022"))
        assert len(rows) == 15
        assert all("到期未核实" in row for row in rows)

    def test_handans_standing_rotation_rule_has_no_deadline_and_stays_open(self, client):
        rows = progress_rows(client, "open")
        # Handan's rule and the blanked city's three plans for "the second half-year", which name no year.
        assert len(rows) == 4
        assert sum("邯郸市" in row and "骨干教师" in row for row in rows) == 1
        assert sum("未注明" in row for row in rows) == 3

    def test_the_blanked_citys_culture_target_is_missed_by_the_curators_reading_of_the_page(self, client):
        (row,) = progress_rows(client, "missed")
        assert "校园文化先进单位占比" in row and "≥70%" in row and "2015" in row
        assert "研究员认定：" in row and "现全市已达到50" in row

    def test_no_seed_figure_supports_achieved_or_on_track(self, client):
        assert progress_rows(client, "achieved") == []
        assert progress_rows(client, "on_track") == []
