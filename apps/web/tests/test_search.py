"""/search/?q= : Chinese words found in titles and texts, marked, most relevant first."""
import re

import pytest
from django.db import connection

from apps.documents.models import Document
from apps.documents.tests.factories import DocumentFactory
from apps.search.services import documents_ranked, documents_search
from apps.web.tests.support import demo, page, text_of  # noqa: F401

pytestmark = pytest.mark.django_db

# The search reads the published initiatives' spellings (apps.search.vocabulary), the newest candidates
# from the index, those the text confirms, their scores (bm25() or ts_rank), the documents linked to
# the initiative 集团化办学 names and the best candidates' texts: one query each, however many rows.
# PostgreSQL also asks the planner how common the words are (apps.search.matching.common; the
# table's size is asked once in five minutes) and sets and resets enable_seqscan around the
# candidates (apps.search.newest).
# With nothing remembered yet (apps.curation.memo): two counts decide the sidebar's record selects.
SEARCH_QUERIES = 14 if connection.vendor == "sqlite" else 18


def result_titles(html: str) -> list[str]:
    return [text_of(title).strip() for title in re.findall(r"<h3><a [^>]+>(.*?)</a></h3>", html, re.S)]


@pytest.mark.usefixtures("demo")
class TestOverDemo:
    def test_group_schooling_is_marked_and_ranked_by_relevance(self, client):
        html = page(client, "/search/?q=集团化办学")
        assert "<mark>集团化办学</mark>" in html
        expected = [d.title for d in documents_ranked(Document.objects.published(), "集团化办学")]
        assert result_titles(html) == expected and len(expected) == 5

    def test_shuangjian_finds_the_changzhou_page(self, client):
        html = page(client, "/search/?q=双减")
        assert result_titles(html) == ["辖市区年度教育“小目标”"]
        assert "<mark>双减</mark>" in html

    def test_two_words_must_both_occur(self, client):
        assert result_titles(page(client, "/search/?q=集团化办学 双减")) == ["辖市区年度教育“小目标”"]

    def test_the_sidebar_narrows_like_the_documents_list(self, client):
        html = page(client, "/search/?q=集团化办学&region=13")
        assert result_titles(html) == ["对人大076号建议的答复"]
        assert '<input type="hidden" name="q" value="集团化办学">' in html

    def test_results_show_type_date_and_region(self, client):
        text = text_of(page(client, "/search/?q=双减"))
        assert "年度目标/工作要点 · 2022-01-06 · 钟楼区 · 溧阳市" in text

    def test_the_api_q_filter_uses_the_same_search(self, client):
        body = client.get("/api/v1/documents/", {"q": "双减"}).json()
        assert [record["title"] for record in body["results"]] == ["辖市区年度教育“小目标”"]

    def test_a_query_with_no_words_finds_nothing(self, client):
        assert "检索词中没有可检索的词" in page(client, "/search/?q=,,,")
        assert "请输入检索词" in page(client, "/search/")

    def test_a_word_nowhere_finds_nothing(self, client):
        assert "没有文件同时包含这些词" in page(client, "/search/?q=量子计算")


def test_search_text_is_escaped_around_the_marks(client):
    DocumentFactory(title="<b>集团化办学</b>", clean_text="<script>x</script> 集团化办学")
    html = page(client, "/search/?q=集团化办学")
    assert "&lt;b&gt;<mark>集团化办学</mark>&lt;/b&gt;" in html and "<script>x</script>" not in html


@pytest.mark.parametrize("rows", [1, 20])
def test_search_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, rows):
    for n in range(rows):
        DocumentFactory(clean_text=f"第{n}份:推进集团化办学")
    with django_assert_max_num_queries(SEARCH_QUERIES):
        html = page(client, "/search/?q=集团化办学")
    assert len(result_titles(html)) == rows


def test_the_page_says_what_it_searched_for_with_other_spellings(client):
    DocumentFactory(clean_text="全区义务教育学校流动教师人数占比均超15%。")
    html = page(client, "/search/?q=教师交流轮岗")
    searched = re.search(r'<p class="help searched-for">(.*?)</p>', html, re.S).group(1)
    assert "<kbd>教师交流轮岗</kbd>" in searched and "<kbd>流动教师</kbd>" in searched
    assert "<mark>流动教师</mark>" in html


def test_a_quoted_phrase_is_shown_as_a_phrase(client):
    DocumentFactory(clean_text="推动义务教育优质均衡发展。")
    html = page(client, '/search/?q="义务教育优质均衡"')
    assert "<kbd>“义务教育优质均衡”</kbd>" in html
    assert "<mark>义务教育优质均衡</mark>" in html


def test_nearest_matches_are_said_to_be_near(client):
    DocumentFactory(title="答复", clean_text="乡村教师队伍建设。落实生活补助待遇。")
    html = page(client, "/search/?q=乡村教师待遇保障")
    assert "没有文件包含全部检索词" in html and result_titles(html) == ["答复"]
    assert "没有文件包含全部检索词" not in page(client, "/search/?q=乡村教师")


def test_the_result_shows_the_matching_sentence_marked(client):
    DocumentFactory(
        title="工作要点",
        clean_text="坚持立德树人。" * 20 + "到2025年普惠性幼儿园覆盖率达到85%。" + "加强党建。" * 20,
    )
    html = page(client, "/search/?q=普惠性幼儿园")
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html, re.S).group(1)
    assert snippet == "到2025年<mark>普惠性幼儿园</mark>覆盖率达到85%。"


def test_nearest_matches_never_come_from_drafts(client):
    DocumentFactory(title="草稿", clean_text="乡村教师队伍建设。落实生活补助待遇。", status="draft")
    html = page(client, "/search/?q=乡村教师待遇保障")
    assert "草稿" not in html and "没有文件同时包含这些词" in html


def test_the_page_says_a_glued_word_was_also_searched_by_its_core(client):
    DocumentFactory(title="答复", clean_text="启动乡村教师周转宿舍建设工程。")
    html = page(client, "/search/?q=教师周转房")
    searched = re.search(r'<p class="help searched-for">(.*?)</p>', html, re.S).group(1)
    assert "<kbd>周转房</kbd>" in searched and "<kbd>周转</kbd>" in searched
    assert result_titles(html) == ["答复"] and "<mark>周转</mark>" in html


def test_words_standing_close_rank_above_words_scattered_on_the_page(client):
    DocumentFactory(title="要点甲", clean_text="义务教育阶段入学率100%。" + "其他工作。" * 30 + "创建优质均衡发展县。")
    DocumentFactory(title="要点乙", clean_text="推动义务教育优质均衡发展。")
    assert result_titles(page(client, "/search/?q=义务教育 优质均衡")) == ["要点乙", "要点甲"]


def test_a_page_about_the_term_is_listed_above_a_page_that_names_it_in_a_list(client):
    DocumentFactory(title="工作要点", clean_text="深化教育评价改革、县管校聘改革、招生机制改革、课堂教学改革。")
    DocumentFactory(title="教师管理", clean_text="进一步深化县管校聘管理改革,力争交流教师200名。")
    assert result_titles(page(client, "/search/?q=县管校聘")) == ["教师管理", "工作要点"]


def test_more_matches_than_are_listed_are_said_to_be_more(client, monkeypatch):
    for n in range(4):
        DocumentFactory(clean_text=f"第{n}份：推进集团化办学。")
    monkeypatch.setattr("apps.search.services.RANK_CANDIDATES", 3)  # the newest three are ranked
    html = page(client, "/search/?q=集团化办学")
    assert len(result_titles(html)) == 3
    assert "这里只列出较新的匹配中最相关的 3 份" in html and "超过 3 条" in html
    assert "only the 3 most relevant of the newer matches" in page(client, "/en/search/?q=集团化办学")

    monkeypatch.setattr("apps.search.services.RANK_CANDIDATES", 10)
    monkeypatch.setattr("apps.search.services.LISTED", 2)  # ranked, but only the best two listed
    html = page(client, "/search/?q=集团化办学")
    assert len(result_titles(html)) == 2 and "超过 2 条" in html

    monkeypatch.setattr("apps.search.services.LISTED", 4)
    html = page(client, "/search/?q=集团化办学")
    assert "这里只列出" not in html and "共 4 条" in html


def test_the_text_is_read_best_first_until_enough_are_confirmed(monkeypatch):
    """Words of one chunk far apart fail the text's check: the next best by score are read in their place."""
    monkeypatch.setattr("apps.search.services.LISTED", 2)
    close = [DocumentFactory(clean_text=f"第{n}份：推进紧密型教育集团建设。") for n in range(2)]
    for n in range(3):  # each word more often, so scored higher, but never close together
        DocumentFactory(clean_text=f"第{n}份：紧密型。紧密型。" + "其他内容。" * 20 + "教育集团。教育集团。")
    results = documents_search(Document.objects.all(), "紧密型教育集团")
    assert set(results.documents) == set(close) and not results.relaxed
