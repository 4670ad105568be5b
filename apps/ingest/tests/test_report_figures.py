"""What a report, a plan's look back or a news story says was reached: observations, each dated by its sentence."""
import datetime
from decimal import Decimal

from apps.ingest.extract.figures import figures_find
from apps.ingest.tests.figure_pages import page


def observed(observations):
    return [(o.value, o.unit, o.date) for o in observations]


def test_a_report_keeps_the_counts_and_sums_it_reached_dated_by_the_year_its_paragraph_opens_with():
    targets, observations = figures_find(
        "三年行动计划成效明显。2019年,全区累计投入资金3.2亿元,新建学校12所;"
        "新增学位5600个,比2015年增加18%。",
        page("work_report", datetime.date(2021, 3, 2)),
    )
    assert targets == []
    end_2019 = datetime.date(2019, 12, 31)
    assert observed(observations) == [
        (Decimal("3.2"), "亿元", end_2019), (Decimal(12), "所", end_2019),
        (Decimal(5600), "个", end_2019), (Decimal(18), "%", end_2019),
    ]


def test_the_year_a_paragraph_opened_with_ends_with_the_paragraph():
    _, observations = figures_find(
        "2018年,全县建成幼儿园9所。\n全县现有在园幼儿8000人。",
        page("work_report", datetime.date(2021, 3, 2)),
    )
    assert observed(observations) == [
        (Decimal(9), "所", datetime.date(2018, 12, 31)), (Decimal(8000), "人", datetime.date(2021, 3, 2)),
    ]


def test_a_past_years_end_is_a_record_although_year_end_alone_looks_ahead():
    targets, observations = figures_find(
        "截至2024年年底,全省共开工项目300个,新增学位8.5万个。", page("news", datetime.date(2025, 2, 20)),
    )
    assert targets == []
    assert [o.date for o in observations] == [datetime.date(2024, 12, 31)] * 2


def test_tense_after_the_figure_decides_where_the_words_before_it_say_nothing():
    targets, observations = figures_find(
        "第三季度:城东等6所学校已建成并交付使用,其余4所学校将于年底开工。", page("annual_goals", page_year=2025),
    )
    assert [(o.value, o.date) for o in observations] == [(Decimal(6), datetime.date(2025, 12, 31))]
    assert [(t.value, t.deadline_year) for t in targets] == [(Decimal(4), 2025)]


def test_a_figure_of_the_recent_years_is_dated_by_the_page_not_by_the_year_its_paragraph_opened_with():
    _, observations = figures_find(
        "2014年,市教育局印发了交流办法,近三年参与交流的教师达到1200多人。",
        page("reply", datetime.date(2018, 7, 26)),
    )
    assert observed(observations) == [(Decimal(1200), "人", datetime.date(2018, 7, 26))]


def test_jiang_that_moves_an_object_is_not_the_future_tense():
    targets, observations = figures_find(
        "我县已完成将城南幼儿园收购改为公办园工作,收购资金共计80万元。", page("work_report", datetime.date(2019, 12, 1)),
    )
    assert targets == []
    assert [(o.value, o.unit) for o in observations] == [(Decimal(80), "万元")]


def test_a_breakdown_in_brackets_is_read_and_activity_counts_are_not_observations():
    _, observations = figures_find(
        "去年完成建设工程(新建学校3所、改建学校2所),开展宣讲活动12场。", page("work_report", datetime.date(2021, 1, 5)),
    )
    assert [(o.value, o.unit) for o in observations] == [(Decimal(3), "所"), (Decimal(2), "所")]


def test_a_reply_keeps_levels_reached_but_not_its_account_of_money_spent():
    _, observations = figures_find(
        "近年来,我县投入资金300万元改造校舍,全县学前三年毛入园率达到92%。", page("reply", datetime.date(2020, 6, 1)),
    )
    assert [(o.value, o.unit) for o in observations] == [(Decimal(92), "%")]


def test_last_year_dates_its_figures_but_not_as_a_baseline_and_growth_is_named_by_what_grew():
    targets, observations = figures_find(
        "去年,该区新增中小学学位6000个,今年将再新增学位8000个。\n"
        "2022年,全市共投入教育经费35.6亿元,同比增长8.2%;教育集团由去年的20个增加到37个。",
        page("news", datetime.date(2024, 3, 5)),
    )
    assert [(t.indicator, t.value, t.deadline_year) for t in targets] == [("新增学位数", Decimal(8000), 2024)]
    assert [(o.indicator, o.value, o.date) for o in observations] == [
        ("新增中小学学位数", Decimal(6000), datetime.date(2023, 12, 31)),
        ("投入教育经费", Decimal("35.6"), datetime.date(2022, 12, 31)),
        ("教育经费同比增长率", Decimal("8.2"), datetime.date(2022, 12, 31)),
        ("教育集团数", Decimal(37), datetime.date(2022, 12, 31)),
    ]


def test_the_years_total_in_a_report_is_a_record():
    targets, observations = figures_find(
        "全年共投入资金8600万元,完成12所学校改造,学生体质健康达标率达到93.2%。",
        page("work_report", datetime.date(2022, 12, 20)),
    )
    assert targets == []
    assert [(o.value, o.unit) for o in observations] == [(Decimal(8600), "万元"), (Decimal(12), "所"), (Decimal("93.2"), "%")]


def test_words_of_record_a_plan_uses_too_count_only_where_a_page_reports():
    report_targets, report_observations = figures_find(
        "围绕既定目标,全区现有公办幼儿园45所。", page("work_report", datetime.date(2022, 3, 1)),
    )
    plan_targets, plan_observations = figures_find("对现有幼儿园6所进行整合。", page("annual_goals", page_year=2022))
    assert (report_targets, [o.value for o in report_observations]) == ([], [Decimal(45)])
    assert ([t.value for t in plan_targets], plan_observations) == ([Decimal(6)], [])
