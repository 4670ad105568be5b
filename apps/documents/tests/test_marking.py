"""Marking quotes in a document's text: escaped, anchored, merged when they overlap."""
from apps.documents.marking import Quote, locate, marked_text


def quote(anchor, text, title="t"):
    return Quote(anchor, text, title, "target")


def test_a_quote_is_wrapped_in_a_mark_with_its_anchor_and_title():
    html, found = marked_text("前文。新增学位2800个。后文", [quote("target-1", "新增学位2800个", "新增学位数 =2800个")])
    mark = '<mark id="target-1" class="quote quote--target" title="新增学位数 =2800个">新增学位2800个</mark>'
    assert html == f"前文。{mark}。后文"
    assert found == {"target-1"}


def test_text_and_titles_are_escaped():
    html, _ = marked_text("<b>x</b> 覆盖率60%", [quote("target-1", "覆盖率60%", 'a "b" <c>')])
    assert html.startswith("&lt;b&gt;x&lt;/b&gt; ")
    assert 'title="a &quot;b&quot; &lt;c&gt;"' in html


def test_a_quote_broken_by_a_line_break_is_still_found():
    assert locate("覆盖率将\n达到60%", "覆盖率将达到60%") == (0, 10)


def test_a_quote_not_in_the_text_is_reported_missing():
    html, found = marked_text("正文", [quote("target-1", "不在正文里")])
    assert html == "正文" and found == set()


def test_overlapping_quotes_share_one_mark_and_keep_both_anchors():
    text = "以92.45分位列大市第一"
    html, found = marked_text(text, [quote("observation-4", text, "得分"), quote("observation-5", text, "排名")])
    assert html.count("<mark") == 1
    assert 'id="observation-4"' in html and '<span id="observation-5"></span>' in html
    assert 'title="得分; 排名"' in html
    assert found == {"observation-4", "observation-5"}
