"""Page layouts the seeds do not show: metadata tables, record headers, bylines as labels, spam.

Every text here is written for the test (invented places keep real county names so the
region table can find them).
"""
import datetime

import pytest

from apps.ingest.extract.labels import labelled_fields
from apps.ingest.extract.localities import localities_find
from apps.ingest.extract.doc_types import doc_type_guess
from apps.ingest.extract.header import header_read
from apps.ingest.extract.metadata import own_doc_number
from apps.ingest.pipeline import page_read

BODY = "我局高度重视,组织人员实地调研,现将有关情况说明如下,希望继续关心支持教育事业的发展。"


@pytest.mark.parametrize("lines, expected", [
    (["索引号: 1234/2023-001 发布机构: 某县教育局", "名称: 关于印发某县教育工作要点的通知 文号: 某教〔2023〕5号",
      "成文日期: 2023-02-01 发布日期: 2023-02-03"],
     {"publisher": "某县教育局", "title": "关于印发某县教育工作要点的通知", "doc_number": "某教〔2023〕5号",
      "written": "2023-02-01", "published": "2023-02-03"}),
    (["索引号 | 0099-1/2023 | 发布机构 | 某市人民政府 |", "文号 | 浏览量 |"],
     {"publisher": "某市人民政府"}),
    (["索 引 号 0099/2022-7 发文时间 2022-05-06", "标 题: 某某工作总结"],
     {"published": "2022-05-06", "title": "某某工作总结"}),
    (["[ 索引号 ]0099/2021 [ 发文字号 ]某府发〔2021〕3号 [ 成文日期 ]2021-04-01"],
     {"doc_number": "某府发〔2021〕3号", "written": "2021-04-01"}),
    (["代表提案者", "王某某", "会议届次", "市十届人大一次会议", "办理类型", "B"],
     {"proposer": "王某某", "session": "市十届人大一次会议", "result": "B"}),
])
def test_metadata_tables_are_read_in_every_layout(lines, expected):
    fields = labelled_fields(lines)
    assert {name: fields.get(name) for name in expected} == expected


def test_a_table_header_row_is_not_a_field():
    assert "result" not in labelled_fields(["类别 | 事项名称 | 年度任务目标 | 责任单位 | 分管领导 | 完成情况 | 取得成效 |"])


def test_the_title_skips_navigation_file_names_and_site_chrome():
    header = header_read(["无障碍浏览", "top_banner.png", "您现在的位置:首页 > 政务公开 > 建议提案",
                          "关于加快建设城东小学的建议", "发布时间:2023-04-05", BODY])
    assert header.title == "关于加快建设城东小学的建议"
    assert header.publish_date == datetime.date(2023, 4, 5)


def test_a_letter_heading_broken_before_its_last_word_is_joined():
    header = header_read(["某政字〔2022〕8号B类 同意公开", "对市九届人大二次会议第17号建议的", "答 复", "张某代表:", BODY])
    assert header.title == "对市九届人大二次会议第17号建议的答复"


def test_a_record_header_above_the_letter_does_not_hide_its_heading():
    lines = ["建议号:12号", "提案人:李某", "内 容:" + BODY, "承办单位:教育局", "办理情况",
             "某县教育局关于某县第九届人大二次会议第12号建议的答复函", "李某代表:", BODY]
    assert header_read(lines, fields=labelled_fields(lines)).title == "某县教育局关于某县第九届人大二次会议第12号建议的答复函"


def test_a_notice_that_issues_a_plan_takes_the_plan_name_it_declares():
    header = header_read(["各县(市)人民政府:", "《某州“十四五”教育发展规划》已经州政府常务会议审议通过,现印发给你们,请认真贯彻执行。"])
    assert header.title == "某州“十四五”教育发展规划"


@pytest.mark.parametrize("title, text, dated, expected", [
    ("", "王某委员:\n您提出的《关于增加校车的提案》收悉,现答复如下:\n" + BODY, False, "reply"),
    ("关于办理情况的说明", "各位代表:\n" + BODY, False, "other"),
    ("某省启动学前教育三年行动计划", BODY, True, "news"),
    ("某市第三期学前教育行动计划(2021—2025年)", BODY, False, "plan"),
    ("关于印发某区教育发展规划的通知", BODY, True, "plan"),
    ("2023年全区教育工作要点", BODY, True, "annual_goals"),
    ("今年将新建学校十所", "市长在大会上作《政府工作报告》。" + BODY, False, "work_report"),
    ("", "同志们:\n" + BODY, False, "work_report"),
])
def test_the_type_comes_from_title_opening_and_layout(title, text, dated, expected):
    assert doc_type_guess(title, text, dated) == expected


def test_a_doc_number_line_keeps_its_result_class_apart_and_a_run_together_one_as_printed():
    assert own_doc_number(["某教体字〔2022〕12号 A类 同意公开"]) == ("某教体字〔2022〕12号", False)
    assert own_doc_number(["某教函〔20221号"]) == ("某教函〔20221号", True)


def test_towns_are_read_where_their_name_starts():
    text = ("关于新建东坪镇中心小学的建议收悉。东坪和西坪两个村的学生增多。"
            "另外,用于北沙街镇中心学校的资金已下达,北沙街镇学校正在建设。推进城乡一体化,部分街道已完成。")
    assert localities_find(text) == ["东坪镇", "北沙街镇"]


def test_a_page_in_a_new_layout_reads_as_a_reply_with_every_field(page_reader):
    page = "\n".join([
        "您当前所在位置:首页 > 政务公开 > 建议提案办理",
        "索引号 | 000123/2022-0042 | 发布机构 | 丘北县教育体育局 |",
        "对县十届人大二次会议第(J015)号建议的答复",
        "发布时间:2022-09-01 来源:县教体局",
        "某某县教体字〔2022〕7号 (B)类",
        "赵某某、钱某等3位代表:",
        "你们提出的《关于改善农村学校住宿条件的建议》已收悉,经与县财政局共同研究,现答复如下:",
        "我局高度重视农村学校住宿条件,已将东坪镇中心学校宿舍楼纳入明年建设计划,力争年内完成设计。" * 2,
        "感谢你们对教育工作的关心和支持。",
        "丘北县教育体育局",
        "2022年8月20日",
        "(联系人及电话:孙某,1234567)",
    ]).encode("utf-8")
    draft = page_read(page, filename="new-layout.txt", reader=page_reader)
    proposal, reply = draft.proposal, draft.reply
    assert draft.document.doc_type == "reply"
    assert draft.document.title == "对县十届人大二次会议第(J015)号建议的答复"
    assert draft.document.publish_date == datetime.date(2022, 9, 1)
    assert (proposal.kind, proposal.session, proposal.number) == ("suggestion", "县十届人大二次会议", "J015")
    assert [(p.name, p.role) for p in proposal.proposers] == [("赵某某", "代表"), ("钱某", "代表")]
    assert proposal.title == "关于改善农村学校住宿条件的建议"
    assert (reply.result_code, reply.reply_date, reply.co_handling) == ("B", datetime.date(2022, 8, 20), ["县财政局"])
    assert reply.doc_number == "某某县教体字〔2022〕7号"
    assert reply.contact == "孙某,1234567"
    assert [r.name for r in draft.document.regions] == ["丘北县"]
    assert draft.document.localities == ["东坪镇"]
    assert any("联名" in str(w) for w in draft.warnings)


def test_a_masked_place_stays_empty_with_a_note_and_is_not_guessed_from_the_site(page_reader):
    page = "\n".join([
        "**县教育局2023年工作要点",
        "2023年,全县教育系统将继续推进义务教育优质均衡发展,新建幼儿园两所,改善农村学校办学条件。" * 2,
        "主办单位:沛县人民政府办公室",
    ]).encode("utf-8")
    draft = page_read(page, filename="masked.txt", reader=page_reader)
    assert draft.document.regions == []
    assert [str(w) for w in draft.warnings if "隐去" in str(w)] == ["地名被隐去（“**县”）：地点留空，未作推测"]


def test_a_letter_that_only_says_our_county_takes_its_place_from_the_site_host(page_reader):
    page = "\n".join([
        "王某代表:",
        "您提出的《关于增设校车线路的建议》已收悉,现答复如下:" + "我局将会同交通部门研究线路,力争下学期开通。" * 3,
        "2023年7月1日",
        "主办单位:沛县人民政府办公室",
    ]).encode("utf-8")
    draft = page_read(page, filename="host.txt", reader=page_reader)
    assert [r.name for r in draft.document.regions] == ["沛县"]
    assert any("页眉页脚" in str(w) for w in draft.warnings)
