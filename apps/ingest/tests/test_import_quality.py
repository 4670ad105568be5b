"""``make import-quality``: the importer per field against a hand reading, and the goals it is held to.

The dev corpus (``../shared/corpus/dev``) lies outside the repository: the goal test runs where
it is present and is skipped elsewhere; the command's own tests use a small key written here.
"""
import json

import pytest
from django.core.management import call_command

from apps.ingest.quality.fields import Scorecard, names, place_found, plain
from apps.ingest.quality.key import dev_corpus_dir, dev_keys

DEV_GOAL = 0.95

LETTER = "\n".join([
    "对县九届人大二次会议第7号建议的答复",
    "发布时间:2023-06-01",
    "周某代表:",
    "您提出的《关于修缮东坪小学围墙的建议》收悉,现答复如下:" + "我局已安排专项资金,计划暑假期间完成围墙修缮工程,确保师生安全。" * 2,
    "沛县教育局",
    "2023年5月20日",
])


def _corpus(tmp_path, reading: dict) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "r01_letter.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "replies.json").write_text(json.dumps([reading], ensure_ascii=False), encoding="utf-8")


READING = {
    "file": "pages/r01_letter.txt", "doc_type": "suggestion_reply", "title": "对县九届人大二次会议第7号建议的答复",
    "regions": ["沛县"], "publish_date": "2023-06-01",
    "proposal": {"number": "7", "session": "县九届人大二次会议", "proposer": "周某", "title": "关于修缮东坪小学围墙的建议"},
    "reply": {"doc_number": None, "result_code": None},
}


@pytest.mark.django_db
def test_the_table_counts_each_field_on_the_seeds_and_the_corpus(tmp_path, monkeypatch, capsys):
    _corpus(tmp_path, READING)
    monkeypatch.setenv("IMPORT_QUALITY_CORPUS", str(tmp_path))
    call_command("import_quality")
    out = capsys.readouterr().out
    assert "seed pages: 5 pages" in out and f"dev corpus ({tmp_path}): 1 pages" in out
    corpus_table = out.split("dev corpus")[1]
    assert "proposal.session             1     1   100%" in corpus_table
    assert "all fields                   9     9 100.0%" in corpus_table


@pytest.mark.django_db
def test_mistakes_name_the_page_the_expected_value_and_what_was_read(tmp_path, monkeypatch, capsys):
    _corpus(tmp_path, {**READING, "proposal": {**READING["proposal"], "number": "8"}})
    monkeypatch.setenv("IMPORT_QUALITY_CORPUS", str(tmp_path))
    call_command("import_quality", "--mistakes")
    assert "r01_letter proposal.number: '8' → '7'" in capsys.readouterr().out


@pytest.mark.django_db
def test_without_the_corpus_the_seeds_are_measured_alone(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("IMPORT_QUALITY_CORPUS", str(tmp_path / "missing"))
    call_command("import_quality")
    out = capsys.readouterr().out
    assert "no dev corpus at" in out and "seed pages: 5 pages" in out and "all fields" in out


def test_the_counting_rules():
    assert plain("《關於“雙減”的建議》 ") == plain("关于双减的建议")
    assert names("张三等5名、李四") == {"张三", "李四"}
    assert place_found("江宁区", ["江宁"]) and place_found("黔东南州", ["黔东南苗族侗族自治州"])
    assert not place_found("江宁区", ["南京市"])


@pytest.mark.skipif(not dev_keys(dev_corpus_dir()), reason="the dev corpus (../shared/corpus/dev) is not here")
def test_the_dev_corpus_is_read_as_a_careful_curator_reads_it(page_reader):
    from apps.ingest.pipeline import page_read

    card, replies_read, proposals_invented = Scorecard(), 0, 0
    for key in dev_keys(dev_corpus_dir()):
        draft = page_read(key.path.read_bytes(), filename=key.path.name, reader=page_reader)
        card.add(key, draft)
        replies_read += key.proposal is not None and draft.document.doc_type == "reply"
        proposals_invented += key.proposal is None and draft.proposal is not None
    assert card.share >= DEV_GOAL, card.mistakes
    assert replies_read == sum(1 for key in dev_keys(dev_corpus_dir()) if key.proposal is not None)
    assert proposals_invented == 0


def test_an_indicator_compares_places_when_three_regions_report_it(page_reader):
    from apps.ingest.pipeline import page_read
    from apps.ingest.quality.figures import compared_indicators

    def goals(county: str, share: int) -> bytes:
        return (
            f"{county}教育局2024年工作要点\n发布时间:2024-02-01\n"
            f"今年全县教育工作坚持稳中求进,以办好人民满意的教育为目标,统筹推进各级各类教育协调发展。\n"
            f"到2024年底,{county}学前三年毛入园率达到{share}%以上,新增义务教育学位1200个。\n"
            "同时加强教师队伍建设,深化教育教学改革,全面提升办学质量和管理水平。\n"
        ).encode()

    drafts = [
        page_read(goals(county, share), filename=f"{county}.txt", reader=page_reader)
        for county, share in (("沛县", 95), ("丰县", 96), ("睢宁县", 97))
    ]
    assert compared_indicators(drafts) == {
        "preschool_gross_enrolment": {"320322", "320321", "320324"},
        "new_school_places": {"320322", "320321", "320324"},
    }
    assert compared_indicators(drafts[:2]) == {}


@pytest.mark.skipif(not dev_keys(dev_corpus_dir()), reason="the dev corpus (../shared/corpus/dev) is not here")
def test_the_dev_corpus_figures_are_found_as_a_careful_curator_finds_them(page_reader):
    from apps.ingest.pipeline import page_read
    from apps.ingest.quality.figures import FigureScore

    score = FigureScore()
    for key in dev_keys(dev_corpus_dir()):
        score.add(key, page_read(key.path.read_bytes(), filename=key.path.name, reader=page_reader), {})
    targets, observations = score.targets, score.observations
    assert targets.recall >= 0.90 and targets.precision >= 0.90, score.mistakes
    assert targets.comparator_right >= 0.9 * targets.found and targets.unit_right >= 0.9 * targets.found
    assert observations.recall >= 0.80, score.mistakes


@pytest.mark.skipif(not dev_keys(dev_corpus_dir()), reason="the dev corpus (../shared/corpus/dev) is not here")
def test_the_dev_corpus_promises_are_found_as_a_careful_curator_finds_them(page_reader):
    from apps.ingest.pipeline import page_read
    from apps.ingest.quality.commitments import CommitmentScore

    score = CommitmentScore()
    for key in dev_keys(dev_corpus_dir()):
        score.add(key, page_read(key.path.read_bytes(), filename=key.path.name, reader=page_reader))
    assert score.found >= 0.85 * score.labelled, score.mistakes
    assert score.right >= 0.80 * score.extracted, score.mistakes


def test_a_promise_is_found_through_traditional_characters_and_pinyin():
    from apps.ingest.quality.commitments import overlaps

    assert overlaps("下一步將繼續(xù)加強校舍維修", "下一步,将继续加强校舍维修,确保安全")
    assert not overlaps("将加强校舍维修", "已完成图书采购工作")
