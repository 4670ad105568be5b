"""How target sentences are said: plan sections, report leads, years of intent, lists and repeats."""
import datetime
from decimal import Decimal

import pytest

from apps.ingest.draft import PlaceRef
from apps.ingest.extract.figures import PageContext, figures_find
from apps.ingest.tests.figure_pages import page


def due(targets):
    return [(t.value, t.unit, t.deadline_year) for t in targets]


def test_a_report_heading_that_plans_a_year_makes_its_paragraphs_targets_due_that_year():
    targets, observations = figures_find(
        "一、工作回顾\n新建学校6所,新增学位3000个。\n"
        "二、2021年重点工作\n建成幼儿园12所。\n学前三年毛入园率达到98%以上。\n"
        "三、“十四五”时期任务\n引进国际学校2所。",
        page("work_report"),
    )
    assert [(o.value, o.unit) for o in observations] == [(Decimal(6), "所"), (Decimal(3000), "个")]
    assert due(targets) == [(Decimal(12), "所", 2021), (Decimal(98), "%", 2021), (Decimal(2), "所", 2025)]


def test_what_a_government_work_report_proposes_is_a_target():
    targets, observations = figures_find(
        "报告中关于2024年政府工作重点任务如下。\n推动学前教育普惠发展,一类幼儿园占比达到60%。\n"
        "建设高水平中职学校20所。",
        page("work_report"),
    )
    assert observations == []
    assert due(targets) == [(Decimal(60), "%", 2024), (Decimal(20), "所", 2024)]


def test_the_year_before_a_word_of_intent_is_the_deadline_and_a_range_of_years_ends_it():
    targets, _ = figures_find(
        "2023年计划投资600万元用于设备采购;2021—2025年计划安排专项资金1100万元。",
        page("reply", datetime.date(2023, 5, 4)),
    )
    assert due(targets) == [(Decimal(600), "万元", 2023), (Decimal(1100), "万元", 2025)]


def test_a_headline_restating_a_target_is_one_target_but_two_places_alike_are_two():
    targets, _ = figures_find(
        "全市2025年计划新建中小学校11所\n2025年任务目标是计划新建、改扩建中小学校11所。\n"
        "每个县创建1所及以上示范幼儿园,每个市创建1所及以上一类示范幼儿园。",
        page("news", datetime.date(2025, 2, 1)),
    )
    assert due(targets) == [(Decimal(11), "所", 2025), (Decimal(1), "所", 2025), (Decimal(1), "所", 2025)]


def test_scores_a_rating_table_awards_counts_of_names_just_listed_and_meeting_numbers_are_not_targets():
    targets, _ = figures_find(
        "到2025年,按从高到低分别得10、8、6、4分;补齐东区、西区、南区等3个区的学位缺口;"
        "方案经区政府第29次会议审议,新增学位1200个。",
        page("plan", datetime.date(2022, 1, 1), page_year=2025),
    )
    assert due(targets) == [(Decimal(1200), "个", 2025)]


def test_years_of_schooling_and_a_fraction_are_amounts():
    targets, _ = figures_find(
        "到2025年,劳动年龄人口平均受教育年限达到11.5年,三分之二以上的乡镇建成中心学校。",
        page("plan", datetime.date(2021, 6, 1), page_year=2025),
    )
    assert [(t.value, t.unit, t.comparator) for t in targets] == [
        (Decimal("11.5"), "年", "gte"), (Decimal("66.7"), "%", "gte"),
    ]


def test_a_typeset_thousands_space_is_part_of_the_number():
    _, observations = figures_find("2019年,全省改建幼儿园1 376所,设立7 559个保教班。", page("work_report", datetime.date(2020, 3, 1)))
    assert [o.value for o in observations] == [Decimal(1376), Decimal(7559)]


def test_each_figure_is_for_the_place_named_last_before_it_and_an_unlisted_place_falls_to_the_section():
    places = [PlaceRef("220200", "吉林市"), PlaceRef("220202", "昌邑区"), PlaceRef("220203", "龙潭区")]
    context = PageContext(
        doc_type="annual_goals", page_year=2014, doc_date=None, regions=places[1:],
        region_names={p.code: (p.name, p.name[:-1]) for p in places},
    )
    targets, _ = figures_find(
        "吉林市:2014年全市改造项目共100个。为昌邑区拟投入资金46万元,其中省级补助资金44万元;"
        "为龙潭区拟投入资金53万元;为开发区拟投入资金30万元。",
        context,
    )
    assert [(t.value, t.region) for t in targets] == [
        (Decimal(100), "220200"), (Decimal(46), "220202"), (Decimal(44), "220202"),
        (Decimal(53), "220203"), (Decimal(30), "220200"),
    ]


def test_a_respective_list_names_each_figure_by_its_place_in_the_list_and_shares_its_verb():
    targets, _ = figures_find(
        "到2025年,学前三年毛入园率、义务教育巩固率和高中阶段教育毛入学率分别达到90%、99%、92%。"
        "到2030年分别达到95%、99.5%、95%。",
        page("plan", datetime.date(2021, 6, 1), page_year=2025),
    )
    named = [(t.indicator, t.value, t.comparator, t.deadline_year, t.indicator_code) for t in targets]
    assert named[:3] == [
        ("学前三年毛入园率", Decimal(90), "gte", 2025, None),
        ("义务教育巩固率", Decimal(99), "gte", 2025, None),
        ("高中阶段教育毛入学率", Decimal(92), "gte", 2025, None),
    ]
    assert [name for name, *_ in named[3:]] == ["学前三年毛入园率", "义务教育巩固率", "高中阶段教育毛入学率"]


def test_list_items_take_the_building_verb_before_them_and_a_place_is_not_part_of_a_name():
    places = [PlaceRef("441900", "东莞市")]
    context = PageContext(
        doc_type="annual_goals", page_year=2024, doc_date=None, regions=places,
        region_names={p.code: (p.name, p.name[:-1]) for p in places},
    )
    targets, _ = figures_find("年内新改扩建公办中小学45所、幼儿园18所,为东莞市拟投入资金30亿元。", context)
    assert [t.indicator for t in targets] == ["新改扩建公办中小学数", "新改扩建幼儿园数", "拟投入资金"]


def test_a_magnitude_without_its_counter_takes_the_next_items_or_money():
    targets, _ = figures_find(
        "2024年计划安排省级补助资金44万,新增学位4.68万和7000个。", page("reply", datetime.date(2024, 3, 1)),
    )
    assert [(t.value, t.unit) for t in targets] == [
        (Decimal(44), "万元"), (Decimal("4.68"), "万个"), (Decimal(7000), "个"),
    ]


def test_intent_in_the_next_clause_one_in_a_list_and_an_adverb_that_looks_like_a_score():
    targets, _ = figures_find(
        "今年县教体局筹措资金80万元,计划实施运动场改造项目。此项工作十分重要。\n"
        "2025年计划新建项目:城区项目8个、乡镇项目1个;建成1个实训中心。",
        page("reply", datetime.date(2024, 10, 9)),
    )
    assert [(t.value, t.unit) for t in targets] == [(Decimal(80), "万元"), (Decimal(8), "个"), (Decimal(1), "个")]


@pytest.mark.parametrize("text, deadline", [
    ("到“十四五”末,全市学前三年毛入园率达到95%以上。", 2025),
    ("“十四五”期间,我县将新建学校20所。", 2025),
    ("十四五末,高中阶段毛入学率达到95%。", 2025),
    ("到2035年,全市普惠性幼儿园覆盖率达到90%。", 2035),
    ("年内新增学位3000个。", 2022),
    ("年底前完成改造校舍12所。", 2022),
    ("力争三年内新建幼儿园5所。", 2025),
    ("下一步,我局将把大班额比例控制在5%以内。", None),
])
def test_every_way_a_deadline_is_said(text, deadline):
    targets, _ = figures_find(text, page("reply", datetime.date(2022, 5, 1)))
    assert [t.deadline_year for t in targets] == [deadline]


def test_a_gap_to_a_benchmark_is_not_the_level_and_a_list_item_is_named_by_its_own_words():
    targets, observations = figures_find(
        "2020年,全市学前三年毛入园率95.3%,高出全国平均水平12个百分点。\n"
        "到2025年,确保公办园在园幼儿占比达到50%、普惠性幼儿园覆盖率提高到85%。",
        page("plan", datetime.date(2021, 5, 1), page_year=2025),
    )
    assert [o.indicator for o in observations] == ["学前三年毛入园率", "学前三年毛入园率高出全国平均水平"]
    assert [t.indicator for t in targets] == ["公办园在园幼儿占比", "普惠性幼儿园覆盖率"]


def test_a_year_after_a_word_of_intent_is_the_deadline_but_not_after_obtaining_funds():
    targets, _ = figures_find(
        "我局将积极争取上级资金,力争2024年新建教师周转房60套。\n"
        "2023年,市局指导县局积极争取2023年项目资金,项目概算投资300万元。",
        page("reply", datetime.date(2023, 6, 1)),
    )
    assert [(t.value, t.deadline_year) for t in targets] == [(Decimal(60), 2024)]


def test_a_heading_that_reports_on_key_work_is_not_a_plan():
    targets, observations = figures_find(
        "一、2020年重点工作完成情况\n新建学校6所,新增学位3000个。\n二、2021年重点工作\n新建学校8所。",
        page("work_report", datetime.date(2021, 1, 20)),
    )
    assert [o.value for o in observations] == [Decimal(6), Decimal(3000)]
    assert [(t.value, t.deadline_year) for t in targets] == [(Decimal(8), 2021)]


def test_a_sentence_without_a_subject_measures_what_the_one_before_did_and_a_past_plan_period_dates():
    targets, observations = figures_find(
        "2023年全市义务教育巩固率达到99.2%。2024年力争达到99.5%。\n"
        "“十三五”期间,全市累计新建学校45所。力争用三年时间,新建改扩建幼儿园20所。",
        page("annual_goals", datetime.date(2024, 2, 1)),
    )
    assert [(o.indicator, o.value, o.date) for o in observations] == [
        ("义务教育巩固率", Decimal("99.2"), datetime.date(2023, 12, 31)),
        ("新建学校数", Decimal(45), datetime.date(2020, 12, 31)),
    ]
    assert [(t.indicator, t.value, t.deadline_year) for t in targets] == [
        ("义务教育巩固率", Decimal("99.5"), 2024), ("新建改扩建幼儿园数", Decimal(20), 2027),
    ]
