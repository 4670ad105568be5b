"""The initiatives list and an initiative's page with the documents that mention it."""
import pytest

from apps.curation.models import CurationStatus
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.models import Initiative
from apps.initiatives.tests.factories import InitiativeFactory
from apps.web.tests.support import csv_rows, demo, page, table_rows, text_of  # noqa: F401

pytestmark = pytest.mark.django_db

INITIATIVE_LIST_QUERIES = 3
INITIATIVE_PAGE_QUERIES = 7


@pytest.mark.usefixtures("demo")
class TestOverDemo:
    def test_the_list_shows_each_initiative_with_its_theme_and_document_count(self, client):
        rows = table_rows(page(client, "/initiatives/?q=集团化办学"))
        assert any(row.startswith("集团化办学 均衡发展") for row in rows)

    def test_the_theme_filter(self, client):
        rows = table_rows(page(client, "/initiatives/?theme=informatization"))
        assert rows and all("信息化" in row for row in rows)

    def test_an_initiative_page_lists_the_documents_that_mention_it(self, client):
        initiative = Initiative.objects.get(name="集团化办学", region__isnull=True)
        text = text_of(page(client, f"/initiatives/{initiative.pk}/"))
        assert "对人大076号建议的答复" in text and "对江宁区政协十三届一次会议第JNZX13010181号提案的答复" in text

    def test_csv_export(self, client):
        rows = csv_rows(client.get("/initiatives/?format=csv"))
        assert rows[0][:2] == ["名称", "主题"] and len(rows) == 1 + Initiative.objects.count()


def test_draft_documents_are_not_counted_or_listed_for_anonymous(client, curator_client):
    initiative = InitiativeFactory(name="县管校聘")
    initiative.documents.add(DocumentFactory(title="已发布的文件"), DocumentFactory(
        title="草稿文件", status=CurationStatus.DRAFT))
    (row,) = table_rows(page(client, "/initiatives/"))
    assert row.endswith("1")
    html = page(client, f"/initiatives/{initiative.pk}/")
    assert "已发布的文件" in html and "草稿文件" not in html
    assert "草稿文件" in page(curator_client, f"/initiatives/{initiative.pk}/")


def test_a_draft_initiative_is_404_for_anonymous(client, curator_client):
    initiative = InitiativeFactory(status=CurationStatus.DRAFT)
    page(client, f"/initiatives/{initiative.pk}/", status=404)
    page(curator_client, f"/initiatives/{initiative.pk}/")


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, rows):
    for initiative in InitiativeFactory.create_batch(rows):
        initiative.documents.add(DocumentFactory())
    with django_assert_max_num_queries(INITIATIVE_LIST_QUERIES):
        html = page(client, "/initiatives/")
    assert len(table_rows(html)) == rows


@pytest.mark.parametrize("rows", [1, 20])
def test_an_initiative_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, rows):
    initiative = InitiativeFactory()
    for _ in range(rows):
        initiative.documents.add(DocumentFactory())
    with django_assert_max_num_queries(INITIATIVE_PAGE_QUERIES):
        page(client, f"/initiatives/{initiative.pk}/")
