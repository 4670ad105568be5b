"""The documents list and a document's page: filters, marks in the text, citations, visibility."""
import pytest

from apps.curation.models import CurationStatus
from apps.documents.models import Citation, Document
from apps.documents.tests.factories import DocumentFactory
from apps.regions.tests.factories import CountyFactory
from apps.targets.tests.factories import ObservationFactory, TargetFactory
from apps.web.tests.support import csv_rows, demo, page, table_rows, text_of, xlsx_rows  # noqa: F401

pytestmark = pytest.mark.django_db

# With nothing remembered yet (apps.curation.memo): two counts decide the sidebar's record selects.
DOCUMENT_LIST_QUERIES = 8
DOCUMENT_PAGE_QUERIES = 9  # + the scorecard: its document filter's check, its counts
CHANGZHOU_GOALS = "辖市区年度教育“小目标”"


@pytest.mark.usefixtures("demo")
class TestOverDemo:
    def test_the_list_shows_every_published_document_newest_first_undated_last(self, client):
        rows = table_rows(page(client, "/documents/"))
        assert len(rows) == 5
        assert rows[0].startswith("对江宁区政协十三届一次会议第JNZX13010181号提案的答复")
        assert rows[-1].startswith("地区市教育局")

    @pytest.mark.parametrize("query, expected", [
        ("region=3204", [CHANGZHOU_GOALS]),
        ("region=320481", [CHANGZHOU_GOALS]),
        ("region=13&doc_type=reply", ["对人大076号建议的答复"]),
        ("doc_number=邯教办〔2018〕57号", ["对人大076号建议的答复"]),
        ("year_from=2022&year_to=2022&ordering=title", [
            "对江宁区政协十三届一次会议第JNZX13010181号提案的答复", "泰州海陵:聚焦五大重点任务 推动教育高质量发展",
            CHANGZHOU_GOALS,
        ]),
        ("q=双减", [CHANGZHOU_GOALS]),
    ])
    def test_filters(self, client, query, expected):
        rows = table_rows(page(client, f"/documents/?{query}"))
        assert len(rows) == len(expected)
        for row, title in zip(sorted(rows), sorted(expected), strict=True):
            assert row.startswith(title)

    def test_q_marks_the_words_in_titles_and_snippets(self, client):
        html = page(client, "/documents/?q=集团化办学")
        assert "<mark>集团化办学</mark>" in html and 'class="snippet"' in html

    def test_the_filter_sidebar_has_labelled_controls_and_region_names(self, client):
        html = page(client, "/documents/")
        assert '<label for="id_region">地区</label>' in html
        assert '<option value="320400">\u3000常州市</option>' in html
        assert '<label for="id_q">关键词</label>' in html

    def test_export_links_keep_the_filters(self, client):
        html = page(client, "/documents/?region=3204&page=1")
        assert 'href="?region=3204&amp;format=csv"' in html and "下载 CSV" in html
        assert 'href="?region=3204&amp;format=xlsx"' in html and "下载 Excel (.xlsx)" in html

    def test_csv_and_xlsx_exports_hold_the_filtered_documents(self, client):
        rows = csv_rows(client.get("/documents/?region=32&format=csv"))
        assert rows[0][:3] == ["编号", "标题", "类型"] and rows[0][-1] == "网页链接"
        assert len(rows) == 1 + 3
        assert rows[1][-1].startswith("http://testserver/documents/")
        sheet = xlsx_rows(client.get("/documents/?region=32&format=xlsx"))
        assert sheet[0] == rows[0] and len(sheet) == 4

    def test_the_page_marks_each_target_and_observation_where_its_sentence_stands(self, client):
        document = Document.objects.get(title=CHANGZHOU_GOALS)
        html = page(client, f"/documents/{document.pk}/")
        target = document.targets.get(indicator__name="新增学位数")
        assert f'<mark id="target-{target.pk}" class="quote quote--target" title="新增学位数 =2800个 (2022)">' \
               f"新增学位2800个,不断补齐民生短板</mark>" in html
        assert f'href="#target-{target.pk}"' in html
        # Two observations read from one sentence share a mark; each keeps an anchor.
        for observation in document.observations.all():
            assert f'id="observation-{observation.pk}"' in html

    def test_the_page_lists_regions_initiatives_citations_and_the_raw_text(self, client):
        document = Document.objects.get(doc_number="邯教办〔2018〕57号")
        html = page(client, f"/documents/{document.pk}/")
        text = text_of(html)
        assert "河北省邯郸市" in text and "集团化办学" in text
        assert "《关于进一步明确义务教育集团化办学形式的通知》 邯教〔2017〕89号" in text
        assert "<details" in html and "原始文本" in text
        assert "查看提案与答复对照" in text

    def test_view_raw_shows_the_text_as_captured(self, client):
        document = Document.objects.get(doc_number="邯教办〔2018〕57号")
        html = page(client, f"/documents/{document.pk}/?view=raw")
        assert '<pre class="raw-text">' in html and "<mark" not in html.split('<pre class="raw-text">')[1]


def test_a_cited_document_is_linked_when_held_and_visible(client, curator_client):
    cited = DocumentFactory(title="被引用的通知")
    draft = DocumentFactory(title="草稿通知", status=CurationStatus.DRAFT)
    citing = DocumentFactory()
    Citation.objects.create(document=citing, cited_title="被引用的通知", cited_document=cited)
    Citation.objects.create(document=citing, cited_title="草稿通知", cited_document=draft)
    html = page(client, f"/documents/{citing.pk}/")
    assert f'href="/documents/{cited.pk}/"' in html
    assert f'href="/documents/{draft.pk}/"' not in html
    assert f'href="/documents/{draft.pk}/"' in page(curator_client, f"/documents/{citing.pk}/")


def test_document_text_is_escaped_and_only_marks_are_markup(client):
    document = DocumentFactory(clean_text="<script>alert(1)</script>到2025年,覆盖率将达到60%以上。")
    TargetFactory(source_document=document, quote="覆盖率将达到60%以上")
    html = page(client, f"/documents/{document.pk}/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<mark id=" in html


def test_a_draft_document_is_404_for_anonymous_and_a_reader_and_shown_to_a_curator(
    client, reader_client, curator_client,
):
    draft = DocumentFactory(title="尚在审核的文件", status=CurationStatus.DRAFT)
    page(client, f"/documents/{draft.pk}/", status=404)
    page(reader_client, f"/documents/{draft.pk}/", status=404)
    assert "尚在审核的文件" in page(curator_client, f"/documents/{draft.pk}/")
    assert "尚在审核的文件" not in page(client, "/documents/")
    assert "尚在审核的文件" in page(curator_client, "/documents/")


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, rows):
    county = CountyFactory()
    for _ in range(rows):
        DocumentFactory(regions=[county])
    with django_assert_max_num_queries(DOCUMENT_LIST_QUERIES):
        html = page(client, "/documents/")
    assert len(table_rows(html)) == rows


@pytest.mark.parametrize("figures", [1, 20])
def test_a_document_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, figures):
    document = DocumentFactory(regions=[CountyFactory()])
    TargetFactory.create_batch(figures, source_document=document)
    ObservationFactory.create_batch(figures, source_document=document)
    with django_assert_max_num_queries(DOCUMENT_PAGE_QUERIES):
        page(client, f"/documents/{document.pk}/")
