"""Putting figures on the catalogue of indicators: by name, after a place, by keywords and unit; never by guess."""
import time

import pytest

from apps.ingest.extract.catalogue import _index, catalogue_code, normalise, unit_kind
from apps.targets.catalogue import catalogue_entries


@pytest.mark.parametrize(
    ("words", "unit", "code"),
    [
        # The catalogue's own names and aliases, with the place and time pages put in front.
        ("学前三年毛入园率", "%", "preschool_gross_enrolment"),
        ("全县学前教育毛入园率", "%", "preschool_gross_enrolment"),
        ("到2030年学前三年幼儿教育毛入园率", "%", "preschool_gross_enrolment"),
        ("九年义务教育巩固率", "%", "compulsory_retention"),
        ("我区义务教育巩固率", "%", "compulsory_retention"),
        ("公办幼儿园在园幼儿占比", "%", "public_kindergarten_enrolment_share"),
        ("普惠性幼儿园覆盖率", "%", "inclusive_kindergarten_coverage"),
        ("新增学位", "个", "new_school_places"),
        ("新增学位数", "个", "new_school_places"),
        ("高中阶段教育毛入学率", "%", "senior_secondary_gross_enrolment"),
        ("高等教育毛入学率", "%", "higher_gross_enrolment"),
        ("新增劳动力平均受教育年限", "年", "new_labour_schooling_years"),
        # A named place before the name.
        ("滨江区普惠性幼儿园覆盖率", "%", "inclusive_kindergarten_coverage"),
        ("某某省某某市学前三年毛入园率", "%", "preschool_gross_enrolment"),
        # Spelling that varies: quotes, 、, brackets, counters.
        ("“双师型”教师比例", "%", "dual_qualified_teacher_share"),
        ("新建、改扩建中小学校", "所", "new_or_expanded_schools"),
        ("义务教育优质均衡发展县(市、区)", "个", "quality_balanced_counties"),
        ("特色专业(群)", "个", "featured_vocational_programmes"),
        # The head noun and its qualifiers, with a unit of the same kind.
        ("新增公办中小学学位", "万个", "new_school_places"),
        ("十四五期间增加义务教育公办学位", "个", "new_school_places"),
        ("新增公办幼儿园学位", "个", "new_preschool_places"),
        ("公办园在园幼儿数占比", "%", "public_kindergarten_enrolment_share"),
        ("义务教育阶段紧密型集团化办学覆盖率", "%", "tight_group_schooling_coverage"),
        ("中小学集团化办学覆盖面", "%", "group_schooling_coverage"),
        ("学生体质健康测试优良率", "%", "physical_fitness_good_rate"),
        ("总体近视率下降", "个百分点", "myopia_rate"),
        ("学生新发近视率", "%", "new_myopia_rate"),
        ("资助家庭经济困难学生人次", "万人次", "student_aid_recipients"),
        ("生均公用经费", "元", "per_student_public_funding"),
        ("交流轮岗教师中骨干教师比例", "%", "backbone_rotation_share"),
        ("残疾儿童少年入学安置率", "%", "special_needs_enrolment"),
    ],
)
def test_figures_land_on_their_catalogue_indicator(words, unit, code):
    assert catalogue_code(words, unit) == code


@pytest.mark.parametrize(
    ("words", "unit"),
    [
        # A count never lands on a share, nor a share on a count.
        ("幼儿园教师", "人"),
        ("公办园在园幼儿", "人"),
        ("学前三年毛入园率", "所"),
        ("新增学位", "%"),
        ("新建学校", "万元"),
        # 学位 as an academic degree.
        ("硕士学位", "个"),
        ("新增博士学位授权点", "个"),
        ("新增硕士学位", "人"),
        # Another measure about the same thing: a completion rate, a gap over a plan.
        ("普惠性幼儿园覆盖率任务完成率", "%"),
        ("新增学位完成率", "%"),
        ("新增学位超出规划", "个"),
        # A narrower population or tier than the catalogue's.
        ("农村学前三年毛入园率", "%"),
        ("乡镇公办幼儿园在园幼儿占比", "%"),
        ("小学生近视率", "%"),
        ("高职毕业生高级职业资格证书持有率", "%"),
        ("省级示范性幼儿园", "所"),
        ("高职省部级重点专业", "个"),
        # One school's project, named by its township.
        ("某某镇中心小学新建校舍面积", "平方米"),
        # Words no entry names.
        ("专项补助资金", "万元"),
        ("学科竞赛获奖", "项"),
        ("学位", "个"),
        ("率", "%"),
        ("", "%"),
    ],
)
def test_no_catalogue_indicator_rather_than_a_wrong_one(words, unit):
    assert catalogue_code(words, unit) is None


def test_the_clause_can_rule_out_school_places():
    assert catalogue_code("新增学位", "个", clause="今年新增学位800个") == "new_school_places"
    assert catalogue_code("新增学位", "个", clause="新增硕士学位授予单位1个") is None


def test_a_figure_without_a_unit_lands_only_by_name():
    # A page that lost its % (占405) still names its indicator; keywords alone are not enough.
    assert catalogue_code("公办园在园幼儿占比", "") == "public_kindergarten_enrolment_share"
    assert catalogue_code("新增公办小学学位", "个") == "new_school_places"
    assert catalogue_code("新增公办小学学位", "") is None


def test_units_by_kind():
    assert [unit_kind(u) for u in ["%", "个百分点", "万元", "亿元", "万人次", "名", "所", "万个", "万平方米", "年", ""]] == [
        "share", "share", "money", "money", "people", "people", "count", "count", "area", "年", "",
    ]


def test_normalise_drops_place_time_and_counter():
    assert normalise("到2025年,全市 的“新增学位”数") == normalise("新增学位") == "新增学位"


def test_the_catalogue_is_large_enough_and_well_formed():
    entries = catalogue_entries()
    codes = [entry.code for entry in entries]
    assert len(entries) >= 60
    assert len(set(codes)) == len(codes)
    assert all(code.isascii() and code.replace("_", "").isalnum() for code in codes)
    assert all(entry.direction in {"higher", "lower", "none"} for entry in entries)
    assert all(entry.name and entry.definition and entry.level for entry in entries)


def test_no_spelling_names_two_entries():
    assert [name for name, code in _index().names.items() if code is None] == []


def test_every_entry_is_found_by_its_own_name_and_aliases():
    for entry in catalogue_entries():
        for spelling in (entry.name, *entry.aliases):
            assert catalogue_code(spelling, entry.unit) == entry.code, spelling


def test_matching_is_fast_enough_for_every_figure():
    phrases = [f"第{n}类学校新增公办中小学学位" for n in range(2000)]
    start = time.perf_counter()
    for phrase in phrases:
        catalogue_code(phrase, "个")
    assert (time.perf_counter() - start) / len(phrases) < 0.001


def test_words_with_markup_in_them_are_not_placed():
    assert catalogue_code("全区<b>学前三年毛入园率", "%") is None
