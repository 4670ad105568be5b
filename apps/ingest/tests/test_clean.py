"""Cleaning: HTML, the junk around the article, traditional characters, pinyin artefacts, punctuation."""
import pytest

from apps.demo.seeds import SEEDS
from apps.ingest.clean import page_clean, remove_page_markers, remove_pinyin_artefacts, to_simplified
from apps.ingest.html import html_to_text


def cleaned(seed_bytes, name):
    return page_clean(seed_bytes[name].decode("utf-8"))


def test_html_becomes_one_line_per_block_without_scripts_or_styles():
    text, title = html_to_text(
        "<html><head><title>答复</title><style>p{color:red}</style></head><body>"
        "<div>第一段&nbsp;文字</div><script>var x = '广告';</script><p>第二段<br>换行</p></body></html>"
    )
    assert title == "答复"
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    assert lines == ["第一段\xa0文字", "第二段", "换行"]


def test_pinyin_artefacts_go_and_real_brackets_stay():
    text, count = remove_pinyin_artefacts("施教區(qū)就近入學,執(zhí)行;承諾書(8篇),(2025.v3),辦法(試行),(WiFi)")
    assert count == 2
    assert text == "施教區就近入學,執行;承諾書(8篇),(2025.v3),辦法(試行),(WiFi)"


def test_seed_004_loses_all_74_pinyin_artefacts(seed_bytes):
    page = cleaned(seed_bytes, "004_3f3e4db4f3d2d089.txt")
    assert page.pinyin_artefacts == 74
    assert "(qū)" not in page.full_text and "(zhí)" not in page.full_text


def test_traditional_becomes_simplified_and_simplified_stays():
    assert to_simplified("地區市教育局各縣市區,隨著,著力") == "地区市教育局各县市区,随着,着力"
    simplified = "到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上,著名学校"
    assert to_simplified(simplified) == simplified


def test_preview_page_markers_are_removed_only_as_a_complete_series():
    assert remove_page_markers("1/3甲乙2/3丙丁现全3/3市") == "甲乙丙丁现全市"
    assert remove_page_markers("比例为1/3,另有2/5") == "比例为1/3,另有2/5"


def test_full_width_forms_and_odd_spaces_are_normalised():
    page = page_clean("标题\r\n全区覆盖率达到６０％以上，\u3000共计１２所（含分校）。" * 5)
    assert "达到60%以上,共计12所(含分校)。" in page.text
    assert "\u3000" not in page.text and "\r" not in page.text


@pytest.mark.parametrize("name, junk", [
    ("000_bfc45f867f23e2c2.txt", ["客服热线", "劳务派遣公司", "本文章内容来源于网络", "喀左县", "重新编辑"]),
    ("001_af0b095c7b96bd7e.txt", ["当前位置", "打印", "ICP备", "版权所有"]),
    ("002_309da62706959858.txt", ["相关阅读", "姜堰区", "版权与免责声明", "校体购产品"]),
    ("003_52d8804a3cf02937.txt", ["今天是", "2016年03月07日", "365bet", "娱乐场"]),
    ("004_3f3e4db4f3d2d089.txt", ["全文预览已结束", "下载本文档", "温馨提示", "最新文档", "承诺书", "提交评论"]),
])
def test_junk_around_each_seed_article_is_removed(seed_bytes, name, junk):
    text = cleaned(seed_bytes, name).text
    for phrase in junk:
        assert phrase not in text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.file_name[:3])
def test_every_sentence_the_reading_quotes_survives_cleaning(seed_bytes, seed):
    text = cleaned(seed_bytes, seed.file_name).text.replace(" ", "")
    for figure in [*seed.targets, *seed.observations]:
        assert figure.quote.replace(" ", "") in text


def test_misleading_today_is_header_is_kept_aside_not_in_the_text(seed_bytes):
    page = cleaned(seed_bytes, "003_52d8804a3cf02937.txt")
    assert "2016年03月07日" not in page.full_text
    assert any("今天是" in line for line in page.misleading_lines)


def test_preview_cut_short_is_flagged(seed_bytes):
    assert cleaned(seed_bytes, "004_3f3e4db4f3d2d089.txt").truncated_preview
    assert not cleaned(seed_bytes, "000_bfc45f867f23e2c2.txt").truncated_preview
