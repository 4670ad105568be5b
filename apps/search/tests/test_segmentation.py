"""The segmenter keeps the field's words whole, and queries are cut the same way."""
import pytest

from apps.search.segment import dictionary_terms, index_tokens, query_terms, region_stem


def words(text):
    return index_tokens(text).split()


@pytest.mark.parametrize("term", ["紧密型", "集团化办学", "县管校聘", "半紧密型", "教师交流轮岗", "普惠性幼儿园"])
def test_field_terms_are_indexed_whole(term):
    assert term in words(f"积极推进{term}工作,成效明显。")


@pytest.mark.parametrize("name", ["江宁区", "溧阳市", "海陵区", "钟楼区", "邯郸市"])
def test_region_names_are_indexed_whole(name):
    assert name in words(f"{name}教育局召开现场会")


def test_search_mode_also_indexes_the_parts():
    assert {"集团", "办学", "集团化", "集团化办学"} <= set(words("深入推进义务教育集团化办学"))


def test_four_character_parts_of_long_terms_are_indexed():
    # Search mode alone yields only 2- and 3-character parts, and 交流轮岗 would be lost.
    assert {"教师交流轮岗", "交流轮岗"} <= set(words("全面实施教师交流轮岗"))
    assert {"优质均衡", "义务教育"} <= set(words("创建义务教育优质均衡发展区"))


def test_region_names_are_also_indexed_without_their_suffix():
    assert "唐山" in words("唐山市教育局")
    assert "延边" in words("延边朝鲜族自治州")


def test_bare_region_names_do_not_recut_running_text():
    # 新干县's stem is not a dictionary word, so 新干部 stays 新/干部.
    assert "干部" in words("培养新干部")


@pytest.mark.parametrize(("name", "stem"), [
    ("江宁区", "江宁"), ("内蒙古自治区", "内蒙古"), ("广西壮族自治区", "广西"), ("长白朝鲜族自治县", "长白"),
    ("隆林各族自治县", "隆林"), ("清新区", "清新"), ("塔城地区", "塔城"), ("赵县", None), ("城区", None),
])
def test_region_stem(name, stem):
    assert region_stem(name) == stem


def test_punctuation_and_whitespace_are_not_indexed():
    assert words("双减,\n “校外培训”!") == ["双减", "校外", "培训", "校外培训"]


def test_a_two_character_word_is_one_query_term():
    assert query_terms("双减") == ["双减"]


def test_query_is_cut_precisely_without_function_words_or_repeats():
    assert query_terms("紧密型集团化办学的覆盖率 覆盖率") == ["紧密型", "集团化办学", "覆盖率"]


@pytest.mark.parametrize("q", ["", "   ", "\n\t", ",。!?", '"', "()", "*^:&|"])
def test_queries_without_words_ask_for_nothing(q):
    assert query_terms(q) == []


def test_operators_in_a_query_are_plain_words():
    assert query_terms('双减 AND "校外培训" OR (NOT NEAR) * ^ : & |') == [
        "双减", "AND", "校外培训", "OR", "NOT", "NEAR"
    ]


def test_full_width_letters_and_digits_are_folded():
    assert query_terms("２０２５") == ["2025"]
    assert "2025" in words("到２０２５年")


def test_very_long_queries_are_cut_short():
    assert len(query_terms("双减 " * 1000 + "".join(f"词{i} " for i in range(100)))) <= 16


def test_dictionary_holds_the_field_vocabulary_once_each():
    terms = dictionary_terms()
    assert len(terms) >= 100
    assert len(terms) == len(set(terms))
    assert {"集团化办学", "紧密型", "县管校聘", "双减", "提案", "答复", "政协", "人大"} <= set(terms)


def test_a_query_in_traditional_characters_asks_for_the_simplified_words():
    assert query_terms("集團化辦學") == query_terms("集团化办学") == ["集团化办学"]
    assert query_terms("縣管校聘") == ["县管校聘"]
