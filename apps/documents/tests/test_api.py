"""The document endpoints: summaries in lists; full text, citations, targets and observations in detail."""
import datetime

import pytest

from apps.curation.models import CurationStatus
from apps.curation.tests.api_support import (  # noqa: F401 (fresh_throttle_history is an autouse fixture)
    API,
    assert_bad_parameter,
    assert_missing_record,
    assert_query_budget,
    fresh_throttle_history,
    result_ids,
    results,
)
from apps.documents.models import Citation, DocumentType
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.models import Theme
from apps.initiatives.tests.factories import InitiativeFactory
from apps.proposals.tests.factories import ReplyFactory
from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import CountyFactory, PrefectureFactory
from apps.targets.tests.factories import ObservationFactory, TargetFactory

DOCUMENT_LIST_QUERIES = 3  # count, page with organizations joined, regions
# document, regions, citations, cited_by, initiatives, targets, observations
DOCUMENT_DETAIL_QUERIES = 7

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents():
    jiangning = CountyFactory()
    changzhou = PrefectureFactory(code="320400", name="常州市")
    zhonglou = CountyFactory(code="320404", name="钟楼区", parent=changzhou)
    liyang = CountyFactory(code="320481", name="溧阳市", parent=changzhou)
    hebei = Region.objects.create(code="130000", name="河北省", level=RegionLevel.PROVINCE)
    handan = Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=hebei)
    jiangning_reply = DocumentFactory(
        title="对区政协十三届一次会议第JNZX13010181号提案的答复", regions=[jiangning],
        clean_text="到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上。",
    )
    changzhou_goals = DocumentFactory(
        title="钟楼区、溧阳市2022年教育工作目标", doc_type=DocumentType.ANNUAL_GOALS,
        publish_date=datetime.date(2022, 1, 6), regions=[zhonglou, liyang], clean_text="新增学位2800个。",
    )
    handan_reply = DocumentFactory(
        title="对市十五届人大某次会议第76号建议的答复", publish_date=datetime.date(2018, 7, 26),
        doc_number="邯教办〔2018〕57号", regions=[handan], clean_text="全市县域内共组建教育集团437个。",
    )
    draft = DocumentFactory(title="草稿", regions=[jiangning], status=CurationStatus.DRAFT)
    groups = InitiativeFactory(name="集团化办学", theme=Theme.BALANCE)
    groups.documents.add(jiangning_reply, handan_reply)
    smart = InitiativeFactory(name="智慧校园", theme=Theme.INFORMATIZATION)
    smart.documents.add(changzhou_goals)
    return {
        "jiangning": jiangning_reply, "changzhou": changzhou_goals, "handan": handan_reply, "draft": draft,
        "groups": groups, "smart": smart,
    }


def ids(*docs):
    return {doc.pk for doc in docs}


def listed(client, **params):
    return result_ids(client.get(API + "documents/", params))


def test_region_filter_covers_everything_under_the_code_and_lists_each_document_once(client, documents):
    assert listed(client, region="3204") == ids(documents["changzhou"])
    assert len(results(client.get(API + "documents/", {"region": "3204"}))) == 1
    assert listed(client, region="32") == ids(documents["jiangning"], documents["changzhou"])
    assert listed(client, region="320100") == ids(documents["jiangning"])
    assert listed(client, region="13") == ids(documents["handan"])


def test_type_organization_and_number_filters(client, documents):
    assert listed(client, doc_type="annual_goals") == ids(documents["changzhou"])
    assert listed(client, organization=documents["handan"].organization_id) == ids(documents["handan"])
    assert listed(client, doc_number="邯教办〔2018〕57号") == ids(documents["handan"])


def test_initiative_and_theme_filters(client, documents):
    assert listed(client, initiative=documents["groups"].pk) == ids(documents["jiangning"], documents["handan"])
    assert listed(client, theme="informatization") == ids(documents["changzhou"])
    assert listed(client, theme="teachers") == set()


def test_date_and_year_ranges(client, documents):
    assert listed(client, date_from="2022-01-01") == ids(documents["jiangning"], documents["changzhou"])
    assert listed(client, date_to="2021-12-31") == ids(documents["handan"])
    assert listed(client, date_from="2022-01-06", date_to="2022-01-06") == ids(documents["changzhou"])
    assert listed(client, year_from=2018, year_to=2018) == ids(documents["handan"])
    assert listed(client, year_from=2019) == ids(documents["jiangning"], documents["changzhou"])


def test_text_query_searches_title_and_clean_text(client, documents):
    assert listed(client, q="集团化办学覆盖率") == ids(documents["jiangning"])
    assert listed(client, q="第76号") == ids(documents["handan"])
    assert listed(client, q="  ") == ids(documents["jiangning"], documents["changzhou"], documents["handan"])


def test_ordering_by_publish_date(client, documents):
    ordered = [r["id"] for r in results(client.get(API + "documents/", {"ordering": "publish_date"}))]
    assert ordered == [documents["handan"].pk, documents["changzhou"].pk, documents["jiangning"].pk]


def test_the_list_is_newest_first_with_undated_documents_last(client, documents):
    undated = DocumentFactory(publish_date=None)
    ordered = [r["id"] for r in results(client.get(API + "documents/"))]
    assert ordered == [documents["jiangning"].pk, documents["changzhou"].pk, documents["handan"].pk, undated.pk]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("region", "江宁"), ("doc_type", "memo"), ("organization", "abc"),
     ("initiative", "1.5"), ("theme", "sports"), ("date_from", "2022-02-30"), ("date_to", "yesterday"),
     ("year_from", "20x2"), ("year_to", "0"), ("year_to", "10000"), ("status", "deleted"),
     ("updated_since", "2022-01-01T25:00"), ("updated_since", "0001-01-01T00:00:00+14:00"),
     ("ordering", "clean_text"), ("q", "x" * 201)],
)
def test_malformed_filter_values_are_400_naming_the_parameter(client, documents, parameter, value):
    assert_bad_parameter(client.get(API + "documents/", {parameter: value}), parameter)


def test_a_filter_naming_a_missing_record_is_a_404_naming_the_parameter(client, documents):
    assert_missing_record(client.get(API + "documents/", {"organization": 999999}), "organization")


def test_list_gives_summaries_without_text(client, documents):
    record = results(client.get(API + "documents/", {"region": "3204"}))[0]
    assert "clean_text" not in record and "raw_text" not in record
    assert [region["code"] for region in record["regions"]] == ["320404", "320481"]


def test_detail_shows_text_and_the_targets_and_observations_drawn_from_it(client, documents):
    document = documents["jiangning"]
    target = TargetFactory(source_document=document)
    ObservationFactory(source_document=document, quote="覆盖率达到50%")
    TargetFactory(source_document=document, status=CurationStatus.DRAFT, deadline_year=2030)
    Citation.objects.create(
        document=document, cited_title="教育资源布局优化提升三年行动计划", cited_document=documents["draft"],
    )
    Citation.objects.create(document=documents["handan"], cited_document=document)
    reply = ReplyFactory(document=document)

    body = client.get(API + f"documents/{document.pk}/").json()

    assert body["clean_text"].startswith("到2025年")
    assert body["raw_text"]
    assert [t["id"] for t in body["targets"]] == [target.pk]
    assert body["targets"][0]["value_text"] == "≥60%"
    assert body["targets"][0]["indicator"]["name"] == "义务教育紧密型集团化办学覆盖率"
    assert [o["quote"] for o in body["observations"]] == ["覆盖率达到50%"]
    assert [i["name"] for i in body["initiatives"]] == ["集团化办学"]
    # The cited document is a draft: its title stays, the link does not.
    assert body["citations"] == [
        {"cited_title": "教育资源布局优化提升三年行动计划", "cited_doc_number": "", "cited_document": None}
    ]
    assert body["cited_by"][0]["document"].endswith(f"/api/v1/documents/{documents['handan'].pk}/")
    assert body["reply"].endswith(f"/api/v1/replies/{reply.pk}/")


def test_document_list_query_budget(client, django_assert_num_queries):
    regions = [CountyFactory(), CountyFactory(code="320104", name="秦淮区")]
    body = assert_query_budget(
        client, django_assert_num_queries, API + "documents/",
        lambda count: DocumentFactory.create_batch(count, regions=regions), DOCUMENT_LIST_QUERIES,
    )
    assert body["count"] == 50


def test_document_detail_query_budget(client, django_assert_num_queries):
    document = DocumentFactory(regions=[CountyFactory()])
    cited = DocumentFactory()

    def add_drawn_records(count):
        for _ in range(count):
            TargetFactory(source_document=document)
            ObservationFactory(source_document=document)
            InitiativeFactory().documents.add(document)
            title = f"文件{Citation.objects.count()}"
            Citation.objects.create(document=document, cited_title=title, cited_document=cited)
            Citation.objects.create(document=DocumentFactory(), cited_document=document)

    body = assert_query_budget(
        client, django_assert_num_queries, API + f"documents/{document.pk}/", add_drawn_records,
        DOCUMENT_DETAIL_QUERIES,
    )
    assert len(body["targets"]) == len(body["observations"]) == len(body["citations"]) == 50
