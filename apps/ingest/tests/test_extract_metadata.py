"""Regions, titles, dates, 文号, replies and citations read from text."""
import datetime

import pytest

from apps.ingest.extract.citations import citations_find
from apps.ingest.extract.header import header_read
from apps.ingest.extract.metadata import own_doc_number
from apps.ingest.extract.replies import copy_to_split, proposal_read, reply_date_read
from apps.ingest.extract.text import read_damaged_date


def codes(page_reader, text):
    return [p.code for p in page_reader.matcher.find(text)[0]]


@pytest.mark.parametrize("text", [
    "我县喜获全国创建无***示范县殊荣",       # 示范县 is not 范县
    "坪山镇江岭工业区劳务派遣公司",           # 镇江 is not 镇江市
    "名校合作办学、高校合作办学",             # 合作 is not 合作市
    "东山城区、开发区、高新区",               # 城区 is not 汕尾城区
    "到深圳、成都等地考察学习",               # short names alone do not count
    "统筹推进南京师范大学溧阳实验小学",
])
def test_place_names_inside_other_words_are_not_places(page_reader, text):
    assert codes(page_reader, text) == []


def test_every_place_named_is_kept_at_its_level_in_order(page_reader):
    assert codes(page_reader, "近年来,江苏省泰州市海陵区聚焦五大重点任务") == ["320000", "321200", "321202"]
    assert codes(page_reader, "常州市实验小学……钟楼区……溧阳市") == ["320400", "320404", "320481"]


def test_short_names_count_next_to_their_parent(page_reader):
    assert codes(page_reader, "泰州海陵:聚焦五大重点任务") == ["321200", "321202"]


def test_autonomous_places_by_their_common_names_and_provinces_by_short_names(page_reader):
    assert codes(page_reader, "黔东南州人民政府") == ["522600"]
    assert codes(page_reader, "考察云南重要讲话精神") == ["530000"]


def test_a_two_character_county_after_the_word_before_a_name(page_reader):
    assert codes(page_reader, "对政协泗县第十一届委员会第一次会议第126号提案的答复") == ["341324"]


def test_a_shared_name_needs_its_parent_named(page_reader):
    places, notes = page_reader.matcher.find("鼓楼区教育局")
    assert places == [] and "鼓楼区" in str(notes[0])
    assert codes(page_reader, "南京市鼓楼区教育局") == ["320100", "320106"]


def test_body_names_join_the_place_above_a_county(page_reader):
    assert page_reader.matcher.full_name("320115") == "南京市江宁区"
    assert page_reader.matcher.full_name("130400") == "邯郸市"


def test_title_is_the_line_above_the_byline():
    header = header_read(["教育装备采购网", "第七届图书馆 体育教师课题研修班", "泰州海陵:聚焦五大重点任务",
                          "教育装备采购网 2022-04-08 09:13 围观675次", "近年来," + "江苏省泰州市海陵区聚焦" * 4])
    assert header.title == "泰州海陵:聚焦五大重点任务"
    assert header.publish_date == datetime.date(2022, 4, 8)


def test_report_title_run_into_its_text_is_cut_with_its_subtitle():
    header = header_read(["地区市教育局各县市区教育局长例会汇报材料追求有质量公平推进内涵式发展今年以来,我市着力追求"
                          + "有质量的教育公平" * 5])
    assert header.title == "地区市教育局各县市区教育局长例会汇报材料:追求有质量公平推进内涵式发展"


def test_damaged_signature_date_is_read_when_only_one_reading_exists():
    assert read_damaged_date("2018年726") == datetime.date(2018, 7, 26)
    assert read_damaged_date("2018年111") is None  # 1月11日 or 11月1日
    assert reply_date_read(["邯郸市教育局", "2018年726", "领导签发:杨华云"])[0] == datetime.date(2018, 7, 26)


def test_damaged_own_doc_number_is_repaired():
    assert own_doc_number(["办理结果:B", "邯教办2018〕57"]) == ("邯教办〔2018〕57号", True)
    assert own_doc_number(["邯教办〔2018〕57号"]) == ("邯教办〔2018〕57号", False)


def test_citations_keep_the_doc_number_printed_after_the_title():
    text = "先后印发了《关于推行集团化办学的意见》(邯教〔2017〕42号)和《进一步加强市直教育集团建设的通知》。"
    assert [(c.title, c.doc_number) for c in citations_find(text)] == [
        ("关于推行集团化办学的意见", "邯教〔2017〕42号"), ("进一步加强市直教育集团建设的通知", ""),
    ]


def test_proposal_session_without_its_ordinal_is_kept_as_printed_with_a_note():
    proposal, notes = proposal_read("对邯郸市第十五届人民代表大会\n次会议第76号建议的答复\n赵强代表:\n"
                                    "提出的关于均衡城乡教育资源的建议收悉")
    assert (proposal.kind, proposal.session, proposal.number) == ("suggestion", "邯郸市第十五届人民代表大会", "76")
    assert proposal.title == "关于均衡城乡教育资源的建议"
    assert [(p.name, p.role) for p in proposal.proposers] == [("赵强", "代表")]
    assert "次会议" in str(notes[0])


def test_joint_proposers_are_each_listed():
    proposal, _ = proposal_read("对某区政协一届二次会议第12号提案的答复\n张三、李四委员:\n您提出的关于“加强校园安全”的提案收悉")
    assert [p.name for p in proposal.proposers] == ["张三", "李四"]
    assert proposal.title == "加强校园安全" and proposal.kind == "proposal"


def test_copy_to_bodies_run_together_are_split():
    assert copy_to_split("市人大常委会选举任免代表工作委员会市政府办公厅") == [
        "市人大常委会选举任免代表工作委员会", "市政府办公厅",
    ]
    assert copy_to_split("区政协提案委、区政府办") == ["区政协提案委", "区政府办"]
