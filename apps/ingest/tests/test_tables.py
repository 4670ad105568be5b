"""Tables flattened into text: an indicator table by year, and a task list with its progress."""
import datetime
from decimal import Decimal

from apps.ingest.extract.figures import figures_find
from apps.ingest.extract.tables import header_columns, row_cells, table_value
from apps.ingest.tests.figure_pages import page

PLAN = page("plan", datetime.date(2021, 9, 1), page_year=2025)


def test_an_indicator_table_gives_past_years_as_observations_and_years_ahead_as_targets():
    targets, observations = figures_find(
        "表1 主要发展指标\n"
        "主要指标 | 2020年 | 2025年 | 属性\n"
        "学前三年毛入园率(%) | 88.5 | ≥95 | 预期性\n"
        "1.义务教育巩固率(%) | 95 | 97以上 | 约束性\n"
        "新增学位(万个) | — | 2.5 | 预期性\n"
        "到2025年,基本实现教育现代化。",
        PLAN,
    )
    assert [(o.indicator, o.value, o.unit, o.date) for o in observations] == [
        ("学前三年毛入园率", Decimal("88.5"), "%", datetime.date(2020, 12, 31)),
        ("义务教育巩固率", Decimal(95), "%", datetime.date(2020, 12, 31)),
    ]
    assert [(t.indicator, t.comparator, t.value, t.unit, t.deadline_year) for t in targets] == [
        ("学前三年毛入园率", "gte", Decimal(95), "%", 2025),
        ("义务教育巩固率", "gte", Decimal(97), "%", 2025),
        ("新增学位", "eq", Decimal("2.5"), "万个", 2025),
    ]
    assert targets[0].quote == "学前三年毛入园率(%) | 88.5 | ≥95 | 预期性"


def test_a_task_table_reads_its_goal_column_as_targets_and_its_progress_column_as_records():
    targets, observations = figures_find(
        "类别 | 事项名称 | 2022年度任务目标 | 责任单位 | 1-9月份完成情况\n"
        "教育 | 1.新建学校 | 新建中小学3所。 | 教育局 | 已完成主体工程的80%。\n"
        "2.扩充学位 | 新增学位1200个。 | 教育局 | 已新增学位900个。",
        page("work_report", datetime.date(2022, 10, 8)),
    )
    assert [(t.value, t.unit, t.deadline_year) for t in targets] == [(Decimal(3), "所", 2022), (Decimal(1200), "个", 2022)]
    assert [(o.value, o.unit) for o in observations] == [(Decimal(80), "%"), (Decimal(900), "个")]


def test_a_row_of_words_is_no_header_and_a_cell_of_words_no_value():
    assert header_columns(row_cells("序号 | 指标 | 分值 | 赋分办法"), 2021) is None
    assert header_columns(row_cells("完成情况良好,进度符合预期。 | 教育局 | 2022年"), 2021) is None
    assert table_value("预期性") is None
    assert table_value("3-5").value_max == Decimal(5)
