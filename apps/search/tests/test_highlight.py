"""Marking the query's words in untrusted document text."""
from apps.search.highlight import highlight, snippet


def test_document_markup_is_escaped_and_terms_marked():
    html = highlight('<script>alert("双减")</script>落实双减政策', ["双减"])
    assert "<script>" not in html
    assert html == '&lt;script&gt;alert(&quot;<mark>双减</mark>&quot;)&lt;/script&gt;落实<mark>双减</mark>政策'


def test_longest_term_is_marked_first():
    assert highlight("推进集团化办学", ["集团化", "集团化办学"]) == "推进<mark>集团化办学</mark>"


def test_terms_never_match_inside_escaped_entities():
    assert highlight("A&B amp", ["amp"]) == "A&amp;B <mark>amp</mark>"


def test_latin_terms_match_whole_words_in_any_case():
    assert highlight("WiFi and wifi, not wifis", ["wifi"]) == "<mark>WiFi</mark> and <mark>wifi</mark>, not wifis"


def test_terms_that_are_regex_syntax_are_plain_text():
    assert highlight("a.b (c) a*b", ["(c)", "a*b"]) == "a.b <mark>(c)</mark> <mark>a*b</mark>"


def test_no_terms_gives_the_escaped_text():
    assert highlight("<b>双减</b>", []) == "&lt;b&gt;双减&lt;/b&gt;"
    assert highlight(None, ["双减"]) == ""


def test_snippet_is_a_window_around_the_first_match():
    text = "开头" * 100 + "全面落实双减政策" + "结尾" * 100
    result = snippet(text, ["双减"], width=40)
    assert result.startswith("…") and result.endswith("…")
    assert "<mark>双减</mark>" in result
    assert len(result.replace("<mark>", "").replace("</mark>", "")) <= 42


def test_snippet_without_a_match_is_the_beginning():
    assert snippet("第一段。\n\n  第二段。", ["双减"], width=5) == "第一段。 …"
    assert snippet("短文", ["双减"]) == "短文"


def test_snippet_escapes_the_document_text():
    assert snippet("<img src=x onerror=alert(1)>双减", ["双减"]) == "&lt;img src=x onerror=alert(1)&gt;<mark>双减</mark>"
