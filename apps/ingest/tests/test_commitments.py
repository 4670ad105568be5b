"""The promises of a reply letter: what the bureau will do, not what it did or its courtesies.
The letters here are written for the tests."""
from apps.ingest.extract.commitments import commitments_find, deadline_year, summary

LETTER = """关于改善城西小学办学条件的建议的答复
王某代表:
您提出的《关于改善城西小学办学条件的建议》收悉,现答复如下:
近年来,我局先后投入资金完成了城西小学教学楼改造,新建塑胶跑道一条。
目前,城西小学已将食堂改扩建列入2025年校舍维修改造项目计划。
下一步,我局将积极争取上级专项资金,力争三年内建成城西小学风雨操场。
同时,我局将会同区住建局开展学校周边道路调研,年内提出改造方案。
到2026年,全区新增学位3000个。
感谢您对教育工作的关心和支持。
"""
TARGET_QUOTES = ["到2026年,全区新增学位3000个"]


def promises(text=LETTER, year=2024):
    return commitments_find(text, reply_year=year, target_quotes=TARGET_QUOTES)


def test_each_promise_is_found_once_and_nothing_done_or_courteous():
    quotes = [c.quote for c in promises()]
    assert quotes == [
        "城西小学已将食堂改扩建列入2025年校舍维修改造项目计划",
        "下一步,我局将积极争取上级专项资金,力争三年内建成城西小学风雨操场",
        "我局将会同区住建局开展学校周边道路调研,年内提出改造方案",
    ]


def test_kinds_and_deadlines_follow_the_words():
    found = {c.quote[:6]: (c.kind, c.deadline_year) for c in promises()}
    assert found["城西小学已将"] == ("plan", 2025)
    assert found["下一步,我局"] == ("funding", 2027)  # 力争三年内, from a 2024 letter
    assert found["我局将会同区"] == ("study", 2024)  # 年内


def test_a_deadline_is_none_when_the_text_gives_none():
    assert deadline_year("下一步,我局将继续加强师资队伍建设", 2024) is None
    assert deadline_year("争取在“十四五”期间完成", 2022) == 2025
    assert deadline_year("明年春季开工建设", 2023) == 2024


def test_the_points_of_a_list_a_promise_opens_are_promises():
    text = "下一步重点做好以下工作:一是持续推进课后服务;\n二是深化集团化办学;\n三是加强安全教育。\n此后情况另行报告。\n"
    quotes = [c.quote for c in commitments_find(text, reply_year=2023, target_quotes=[])]
    assert quotes[1:] == ["二是深化集团化办学", "三是加强安全教育"]


def test_the_summary_drops_the_connective_and_the_bureau():
    assert summary("下一步,我局将积极争取上级专项资金") == "积极争取上级专项资金"
