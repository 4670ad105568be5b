"""Targets and observations kept apart, with the year each target is due."""
import datetime
from decimal import Decimal

from apps.ingest.draft import PlaceRef
from apps.ingest.extract.figures import PageContext, figures_find

JIANGNING = PlaceRef("320115", "江宁区")


def context(doc_type="reply", day=datetime.date(2022, 10, 14), regions=(JIANGNING,)):
    return PageContext(
        doc_type=doc_type, page_year=day.year if day else None, doc_date=day, regions=list(regions),
        region_names={r.code: (r.name, r.name[:-1]) for r in regions},
    )


def test_a_commitment_with_a_deadline_is_a_target_and_a_past_figure_an_observation():
    targets, observations = figures_find(
        "一、建设情况\n近年来,全区流动教师人数占符合条件总数比例均超15%。\n"
        "二、下步工作\n到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上。",
        context(),
    )
    assert [(t.indicator, t.comparator, t.value, t.deadline_year) for t in targets] == [
        ("义务教育紧密型集团化办学覆盖率", "gte", Decimal(60), 2025),
    ]
    assert [(o.indicator, o.value, o.date) for o in observations] == [
        ("流动教师人数占符合条件总数比例", Decimal(15), datetime.date(2022, 10, 14)),
    ]
    assert targets[0].quote == "到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上"
    assert targets[0].region == "320115"


def test_a_past_coverage_figure_in_a_reply_is_not_a_target():
    targets, observations = figures_find("近年来,全市义务教育集团化覆盖率达到60%以上。", context())
    assert targets == []
    assert [o.value for o in observations] == [Decimal(60)]


def test_an_annual_goals_page_sets_the_year_and_last_year_is_looked_back_on():
    targets, observations = figures_find(
        "2021年,钟楼教育交出成绩单:在江苏省教育现代化建设监测中以92.45分位列大市第一。\n"
        "资源配置再提速。2022年将新建改扩建学校13所,新增学位两千八百个。\n"
        "全年争创市新优质学校2所,省市优质园3所左右。",
        context("annual_goals", datetime.date(2022, 1, 6), [PlaceRef("320404", "钟楼区")]),
    )
    assert [(t.value, t.comparator, t.deadline_year) for t in targets] == [
        (Decimal(13), "eq", 2022), (Decimal(2800), "eq", 2022), (Decimal(2), "eq", 2022), (Decimal(3), "approx", 2022),
    ]
    assert [(o.value, o.unit, o.date) for o in observations] == [
        (Decimal("92.45"), "分", datetime.date(2021, 12, 31)), (Decimal(1), "名", datetime.date(2021, 12, 31)),
    ]


def test_a_rule_is_a_target_without_a_deadline_whatever_its_tense():
    targets, _ = figures_find(
        "2014年,市教育局印发了《指导意见》,骨干教师每年参与交流的比例不低于骨干教师总数的15%。", context()
    )
    assert [(t.indicator, t.comparator, t.value, t.deadline_year) for t in targets] == [
        ("骨干教师每年参与交流的比例", "gte", Decimal(15), None),
    ]


def test_worded_figures_full_coverage_and_a_fall_of_no_stated_size():
    targets, _ = figures_find(
        "深入实施教育惠民工程,实现中小学教室空调全覆盖。确保学科类校外培训机构数量明显减少。",
        context("annual_goals", datetime.date(2022, 1, 6)),
    )
    assert [(t.indicator, t.comparator, t.value, t.unit) for t in targets] == [
        ("中小学教室空调覆盖率", "eq", Decimal(100), "%"), ("学科类校外培训机构数量", "decrease_by", None, ""),
    ]


def test_activity_counts_and_figures_in_titles_are_neither():
    targets, observations = figures_find(
        "全区开展了12场师德宣讲报告会,宣传了60名优秀教师的师德事迹。严格执行《师德师风建设十项禁令》。", context()
    )
    assert targets == [] and observations == []


def test_singular_counters_are_articles_not_targets():
    targets, _ = figures_find("建成1个省级中小学职业体验中心,提供实践体验工作5000个以上。",
                              context("annual_goals", datetime.date(2022, 1, 6)))
    assert [(t.value, t.comparator) for t in targets] == [(Decimal(5000), "gte")]


def test_a_damaged_goal_is_a_low_confidence_target_for_the_plan_period():
    targets, _ = figures_find(
        "再创校园文化先进单位20所,现全市已达到50,离“十二五”70的目标又前进了一大步。",
        PageContext(doc_type="work_report", page_year=None, doc_date=None, regions=[]),
    )
    assert [(t.indicator, t.comparator, t.value, t.unit, t.deadline_year, t.confidence) for t in targets] == [
        ("校园文化先进单位占比", "gte", Decimal(70), "%", 2015, 0.3),
    ]
