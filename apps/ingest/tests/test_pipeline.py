"""The five seed pages read end to end, without a database, and the JSON line each gives."""
import datetime
import json

import pytest

from apps.ingest.pipeline import page_read

KEYS = {
    "file", "status", "error", "document", "proposal", "reply", "initiatives", "targets", "observations",
    "commitments", "warnings",
}
DOCUMENT_KEYS = {"title", "doc_type", "publish_date", "regions", "organization", "doc_number", "cites"}
PROPOSAL_KEYS = {"kind", "session", "number", "title", "proposers"}
REPLY_KEYS = {"responding_organization", "reply_date", "doc_number", "result_code", "disclosure", "signer",
              "contact", "copy_to", "result_text", "co_handling"}
TARGET_KEYS = {
    "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "quote", "confidence", "indicator_code",
}
OBSERVATION_KEYS = {"indicator", "value", "unit", "date", "quote", "indicator_code"}
COMMITMENT_KEYS = {"quote", "summary", "kind", "deadline_year"}


def assert_shape(line: dict):
    assert set(line) == KEYS
    assert line["status"] in ("ok", "duplicate", "error")
    if line["document"] is not None:
        assert set(line["document"]) == DOCUMENT_KEYS
        assert all(set(r) == {"code", "name"} for r in line["document"]["regions"])
    if line["proposal"] is not None:
        assert set(line["proposal"]) == PROPOSAL_KEYS
        assert all(set(p) == {"name", "role"} for p in line["proposal"]["proposers"])
    if line["reply"] is not None:
        assert set(line["reply"]) == REPLY_KEYS
    assert all(set(t) == TARGET_KEYS for t in line["targets"])
    assert all(set(o) == OBSERVATION_KEYS for o in line["observations"])
    assert all(set(c) == COMMITMENT_KEYS for c in line["commitments"])


def test_every_seed_gives_a_json_line_of_the_agreed_shape(seed_drafts):
    for draft in seed_drafts.values():
        line = json.loads(json.dumps(draft.as_json(), ensure_ascii=False))
        assert_shape(line)
        assert line["status"] == "ok"


def test_the_jiangning_reply_as_a_json_line(seed_drafts):
    line = seed_drafts["000_bfc45f867f23e2c2.txt"].as_json()
    assert line["document"]["regions"] == [{"code": "320115", "name": "江宁区"}]
    assert line["document"]["publish_date"] == "2022-10-14"
    assert line["proposal"]["proposers"] == [{"name": "蔡晶", "role": "委员"}]
    assert line["reply"]["reply_date"] == "2022-10-14"
    assert line["targets"] == [{
        "indicator": "义务教育紧密型集团化办学覆盖率", "comparator": "gte", "value": 60, "value_max": None, "unit": "%",
        "deadline_year": 2025, "quote": "到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上", "confidence": 0.9,
        "indicator_code": "tight_group_schooling_coverage",
    }]


def test_numbers_are_json_numbers_and_dates_iso_strings(seed_drafts):
    line = seed_drafts["001_af0b095c7b96bd7e.txt"].as_json()
    values = {t["quote"]: (t["value"], t["unit"]) for t in line["targets"]}
    assert values["投入1.16亿元,实施后六小学、平桥小学校舍改造工程"] == (1.16, "亿元")
    assert values["全年完成各类培训1.5万人次"] == (1.5, "万人次")
    assert line["observations"][0]["date"] == "2021-12-31"


def test_damage_on_the_handan_reply_is_repaired_and_reported(seed_drafts):
    draft = seed_drafts["003_52d8804a3cf02937.txt"]
    assert draft.reply.reply_date == datetime.date(2018, 7, 26)
    assert draft.document.doc_number == "邯教办〔2018〕57号"
    assert any("2018年726" in str(w) for w in draft.warnings)
    assert any("文号" in str(w) for w in draft.warnings)


def test_a_blanked_place_leaves_region_and_body_empty_with_warnings(seed_drafts):
    draft = seed_drafts["004_3f3e4db4f3d2d089.txt"]
    assert draft.document.regions == [] and draft.document.organization == ""
    assert any("地区市教育局" in str(w) for w in draft.warnings)
    assert any("拼音" in str(w) for w in draft.warnings)
    assert any("预览" in str(w) for w in draft.warnings)
    assert all(t.region is None for t in draft.targets)


def test_clean_text_starts_at_the_title_and_keeps_the_raw_text_beside(seed_drafts, seed_bytes):
    draft = seed_drafts["002_309da62706959858.txt"]
    assert draft.clean_text.startswith("泰州海陵:聚焦五大重点任务 推动教育高质量发展\n\n近年来")
    assert draft.raw_text == seed_bytes["002_309da62706959858.txt"].decode("utf-8")
    assert "教育装备采购网 2022-04-08" not in draft.clean_text


@pytest.mark.parametrize("raw, reason", [
    (b"", "空"),
    ("首页 | 新闻 | 通知公告 | 联系我们\n网站地图".encode(), "不是文章"),
    (b"id,name,value\n1,a,2\n2,b,3\n" * 20, "不是文章"),
    ("<html><body><ul><li><a href='/a'>链接一</a></li><li><a href='/b'>链接二</a></li></ul></body></html>".encode(),
     "不是文章"),
])
def test_files_that_are_not_articles_come_back_as_errors_with_a_reason(page_reader, raw, reason):
    draft = page_read(raw, filename="bad.txt", reader=page_reader)
    assert draft.status == "error" and reason in str(draft.error)
    assert draft.as_json()["document"] is None


def test_the_same_page_in_gbk_big5_or_html_reads_the_same(page_reader, seed_bytes):
    text = seed_bytes["000_bfc45f867f23e2c2.txt"].decode("utf-8")
    plain = page_read(text.encode("utf-8"), filename="a.txt", reader=page_reader).as_json()
    gbk = page_read(text.encode("gb18030"), filename="a.txt", reader=page_reader).as_json()
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</body></html>"
    as_html = page_read(html.encode("utf-8"), filename="a.txt", reader=page_reader).as_json()
    assert gbk == plain
    assert as_html["document"] == plain["document"] and as_html["targets"] == plain["targets"]


def test_a_figure_that_lost_its_percent_sign_or_decimal_point_is_flagged_not_guessed(page_reader):
    text = "\n".join([
        "沛县教育局2023年工作总结",
        "发布时间:2023-12-20",
        "今年全县教育工作坚持稳中求进,以办好人民满意的教育为目标,统筹推进各级各类教育协调发展。",
        "截至2023年底,全县义务教育巩固率达到96,普惠性幼儿园在园幼儿占405。",
        "同时加强教师队伍建设,深化教育教学改革,全面提升办学质量和管理水平。",
    ])
    draft = page_read(text.encode(), filename="report.txt", reader=page_reader)
    assert [(o.value, o.unit, o.damaged) for o in draft.observations] == [(96, "%", True)]
    warnings = [str(w) for w in draft.warnings]
    assert any("已按 96% 读取" in w and "巩固率达到96" in w for w in warnings), warnings
    assert any("“405”超过100" in w for w in warnings), warnings


def test_a_replys_next_step_with_no_year_is_left_undated_and_says_so(page_reader):
    text = "\n".join([
        "对县九届人大二次会议第7号建议的答复",
        "发布时间:2023-06-01",
        "周某代表:",
        "您提出的《关于增加学位的建议》收悉,现答复如下:我局高度重视学位供给,已完成城区学校布局调研。",
        "下一步,我局将新建小学2所,新增学位1800个,切实缓解城区入学压力。",
        "沛县教育局",
        "2023年5月20日",
    ])
    draft = page_read(text.encode(), filename="reply.txt", reader=page_reader)
    assert [(t.value, t.deadline_year) for t in draft.targets] == [(2, None), (1800, None)]
    assert "2 个目标的原文没有给出年份（如“下一步”“今后”）：期限留空，请核对" in [str(w) for w in draft.warnings]


def test_a_change_in_points_is_not_read_as_the_level_of_a_catalogue_indicator(page_reader):
    text = "\n".join([
        "沛县“十四五”教育事业发展规划",
        "发布时间:2021-06-01",
        "今年全县教育工作坚持稳中求进,以办好人民满意的教育为目标,统筹推进各级各类教育协调发展。",
        "2020年,全县高中阶段教育毛入学率为92.5%,比2015年增加6个百分点。",
        "到2025年,全县高中阶段教育毛入学率提高2个百分点。",
    ])
    draft = page_read(text.encode(), filename="plan.txt", reader=page_reader)
    assert [(o.value, o.unit, o.indicator_code) for o in draft.observations] == [
        (92.5, "%", "senior_secondary_gross_enrolment"), (6, "个百分点", None),
    ]
    assert [(t.comparator, t.indicator_code) for t in draft.targets] == [("increase_by", "senior_secondary_gross_enrolment")]
