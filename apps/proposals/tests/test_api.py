"""The proposal and reply endpoints: each proposal with its replies, filters through visible replies."""
import datetime

import pytest

from apps.curation.models import CurationStatus
from apps.curation.tests.api_support import (  # noqa: F401 (fixtures)
    API,
    anonymous_client,
    assert_bad_parameter,
    assert_missing_record,
    assert_query_budget,
    fresh_throttle_history,
    result_ids,
    results,
)
from apps.documents.tests.factories import DocumentFactory
from apps.organizations.models import OrganizationKind
from apps.organizations.tests.factories import OrganizationFactory
from apps.proposals.models import ProposalKind, ProposerRole, ReplyKind, ResultCode
from apps.proposals.tests.factories import ProposalFactory, ProposerFactory, ReplyFactory
from apps.regions.models import Region, RegionLevel

PROPOSAL_LIST_QUERIES = 4  # count, page with regions joined, proposers, replies
PROPOSAL_DETAIL_QUERIES = 5  # proposal, proposers, replies with organizations and text, co-handling units, commitments
REPLY_LIST_QUERIES = 2  # count, page with proposals, regions and organizations joined
REPLY_DETAIL_QUERIES = 2  # reply with proposal, organization and text; co-handling units

pytestmark = pytest.mark.django_db


@pytest.fixture
def handan():
    hebei = Region.objects.create(code="130000", name="河北省", level=RegionLevel.PROVINCE)
    return Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=hebei)


@pytest.fixture
def records(handan):
    jiangning_bureau = OrganizationFactory(name="南京市江宁区教育局")
    handan_bureau = OrganizationFactory(name="邯郸市教育局", region=handan)
    jiangning = ProposalFactory(number="JNZX13010181", title="推进城乡教育优质均衡发展进而留住人才")
    ProposerFactory(proposal=jiangning, name="蔡晶")
    jiangning_reply = ReplyFactory(
        proposal=jiangning, responding_organization=jiangning_bureau, result_code="",
        document=DocumentFactory(clean_text="全区义务教育紧密型集团化办学覆盖率将达到60%以上"),
    )
    suggestion = ProposalFactory(
        kind=ProposalKind.SUGGESTION, session="邯郸市第十五届人民代表大会", number="76", region=handan,
        title="关于统筹城乡教育资源的建议",
    )
    ProposerFactory(proposal=suggestion, name="赵强", role=ProposerRole.DEPUTY)
    suggestion_reply = ReplyFactory(
        proposal=suggestion, responding_organization=handan_bureau, result_code=ResultCode.B,
        result_scheme="A 已解决或基本解决 B 列入计划拟解决", doc_number="邯教办〔2018〕57号",
        reply_date=datetime.date(2018, 7, 26), signer="杨华云", contact="侯朝发", disclosure=True,
        document=DocumentFactory(clean_text="全市县域内共组建教育集团437个"),
    )
    finance = OrganizationFactory(name="邯郸市财政局", kind=OrganizationKind.GOVERNMENT)
    suggestion_reply.co_handling_organizations.add(finance)
    draft_follow_up = ReplyFactory(
        proposal=suggestion, reply_kind=ReplyKind.FOLLOW_UP, result_code=ResultCode.A,
        reply_date=datetime.date(2019, 3, 1), status=CurationStatus.DRAFT,
    )
    draft_proposal = ProposalFactory(title="草稿提案", status=CurationStatus.DRAFT)
    reply_to_draft = ReplyFactory(proposal=draft_proposal)
    return {
        "jiangning": jiangning, "jiangning_reply": jiangning_reply, "suggestion": suggestion,
        "suggestion_reply": suggestion_reply, "draft_follow_up": draft_follow_up, "draft_proposal": draft_proposal,
        "reply_to_draft": reply_to_draft, "jiangning_bureau": jiangning_bureau, "handan_bureau": handan_bureau,
    }


def ids(*objects):
    return {obj.pk for obj in objects}


def proposals(client, **params):
    return result_ids(client.get(API + "proposals/", params))


def replies(client, **params):
    return result_ids(client.get(API + "replies/", params))


def test_proposal_filters(client, records):
    jiangning, suggestion = records["jiangning"], records["suggestion"]
    assert proposals(client, region="3201") == ids(jiangning)
    assert proposals(client, region="130400") == ids(suggestion)
    assert proposals(client, kind="suggestion") == ids(suggestion)
    assert proposals(client, session="十三届一次") == ids(jiangning)
    assert proposals(client, number="76") == ids(suggestion)
    assert proposals(client, proposer="赵强") == ids(suggestion)
    assert proposals(client, q="留住人才") == ids(jiangning)
    assert proposals(client, organization=records["jiangning_bureau"].pk) == ids(jiangning)


def test_proposal_result_and_date_filters_look_at_visible_replies_only(anonymous_client, curator_client, records):
    client = anonymous_client
    suggestion = records["suggestion"]
    assert proposals(client, result_code="B") == ids(suggestion)
    # Only a draft follow-up reply has result A.
    assert proposals(client, result_code="A") == set()
    assert proposals(curator_client, result_code="A") == ids(suggestion)
    assert proposals(client, date_from="2020-01-01") == ids(records["jiangning"])
    assert proposals(client, year_to=2018) == ids(suggestion)
    assert proposals(client, year_from=2019, year_to=2019) == set()


def test_proposal_ordering(client, records):
    ordered = [r["number"] for r in results(client.get(API + "proposals/", {"ordering": "number"}))]
    assert ordered == ["76", "JNZX13010181"]


def test_proposal_list_summarises_replies_without_text(client, records):
    record = next(r for r in results(client.get(API + "proposals/")) if r["number"] == "76")
    assert record["proposers"] == [{"name": "赵强", "role": "代表", "is_lead": True}]
    assert [reply["result_code"] for reply in record["replies"]] == ["B"]
    assert "full_text" not in record["replies"][0]


def test_proposal_detail_nests_each_visible_reply_in_full(client, records):
    body = client.get(API + f"proposals/{records['suggestion'].pk}/").json()
    assert len(body["replies"]) == 1
    reply = body["replies"][0]
    assert reply["responding_organization"]["name"] == "邯郸市教育局"
    assert [o["name"] for o in reply["co_handling_organizations"]] == ["邯郸市财政局"]
    assert reply["reply_date"] == "2018-07-26"
    assert reply["doc_number"] == "邯教办〔2018〕57号"
    assert reply["result"] == {
        "code": "B", "meaning": "B 列入计划拟解决", "scheme": "A 已解决或基本解决 B 列入计划拟解决",
    }
    assert reply["signer"] == "杨华云"
    assert reply["full_text"] == "全市县域内共组建教育集团437个"
    assert reply["document"].endswith(f"/api/v1/documents/{records['suggestion_reply'].document_id}/")


def test_curator_sees_draft_replies_nested(curator_client, records):
    body = curator_client.get(API + f"proposals/{records['suggestion'].pk}/").json()
    assert [r["result"]["code"] for r in body["replies"]] == ["B", "A"]


def test_reply_without_result_code_has_null_result(client, records):
    body = client.get(API + f"proposals/{records['jiangning'].pk}/").json()
    assert body["replies"][0]["result"] is None


def test_reply_filters(client, records):
    jiangning_reply, suggestion_reply = records["jiangning_reply"], records["suggestion_reply"]
    assert replies(client) == ids(jiangning_reply, suggestion_reply)
    assert replies(client, region="3201") == ids(jiangning_reply)
    assert replies(client, kind="suggestion") == ids(suggestion_reply)
    assert replies(client, session="邯郸市") == ids(suggestion_reply)
    assert replies(client, result_code="B") == ids(suggestion_reply)
    assert replies(client, organization=records["jiangning_bureau"].pk) == ids(jiangning_reply)
    assert replies(client, reply_kind="final") == ids(jiangning_reply, suggestion_reply)
    assert replies(client, doc_number="邯教办〔2018〕57号") == ids(suggestion_reply)
    assert replies(client, date_from="2018-07-26", date_to="2018-07-26") == ids(suggestion_reply)
    assert replies(client, year_from=2020) == ids(jiangning_reply)
    assert replies(client, q="教育集团437") == ids(suggestion_reply)
    assert replies(client, q="留住人才") == ids(jiangning_reply)
    assert replies(client, proposal=records["suggestion"].pk) == ids(suggestion_reply)


def test_reply_to_a_draft_proposal_is_hidden_from_readers(anonymous_client, curator_client, records):
    client = anonymous_client
    hidden = records["reply_to_draft"]
    assert hidden.pk not in replies(client)
    assert hidden.pk in replies(curator_client)
    assert client.get(API + f"replies/{hidden.pk}/").status_code == 404
    assert curator_client.get(API + f"replies/{hidden.pk}/").status_code == 200


def test_reply_detail_has_the_proposal_and_full_text(client, records):
    body = client.get(API + f"replies/{records['suggestion_reply'].pk}/").json()
    assert body["proposal"]["number"] == "76"
    assert body["proposal"]["region"]["code"] == "130400"
    assert body["full_text"] == "全市县域内共组建教育集团437个"
    assert body["contact"] == "侯朝发"
    assert body["disclosure"] is True


def test_full_text_of_a_draft_document_is_withheld_from_readers(anonymous_client, curator_client, records):
    client = anonymous_client
    document = records["suggestion_reply"].document
    document.status = CurationStatus.DRAFT
    document.save()
    url = API + f"replies/{records['suggestion_reply'].pk}/"
    assert client.get(url).json()["full_text"] is None
    assert client.get(url).json()["document"] is None
    assert curator_client.get(url).json()["full_text"] == "全市县域内共组建教育集团437个"


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("region", "1304001"), ("kind", "bill"), ("result_code", "E"), ("organization", "1.0"),
     ("date_from", "26/07/2018"), ("year_to", "二〇一八"), ("ordering", "title"), ("status", "archived")],
)
def test_malformed_proposal_filters_are_400_naming_the_parameter(client, records, parameter, value):
    assert_bad_parameter(client.get(API + "proposals/", {parameter: value}), parameter)


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("region", "x"), ("proposal", "abc"), ("reply_kind", "late"), ("result_code", "b"),
     ("organization", "1e3"), ("date_to", "2018-7-32"), ("year_from", "-5"), ("ordering", "signer")],
)
def test_malformed_reply_filters_are_400_naming_the_parameter(client, records, parameter, value):
    assert_bad_parameter(client.get(API + "replies/", {parameter: value}), parameter)


def test_a_draft_proposal_cannot_be_used_as_a_filter_by_readers(client, records):
    """The same answer as for an id nobody has: the filter does not tell which drafts exist."""
    assert_missing_record(client.get(API + "replies/", {"proposal": records["draft_proposal"].pk}), "proposal")
    assert_missing_record(client.get(API + "replies/", {"proposal": 999999}), "proposal")
    assert_missing_record(client.get(API + "proposals/", {"organization": -1}), "organization")


def test_proposal_list_query_budget(client, django_assert_num_queries):
    def add_proposals(count):
        for proposal in ProposalFactory.create_batch(count):
            ProposerFactory(proposal=proposal)
            ProposerFactory(proposal=proposal, is_lead=False)
            ReplyFactory.create_batch(2, proposal=proposal)

    body = assert_query_budget(
        client, django_assert_num_queries, API + "proposals/", add_proposals, PROPOSAL_LIST_QUERIES,
    )
    assert body["count"] == 50


def test_proposal_detail_query_budget(client, django_assert_num_queries):
    proposal = ProposalFactory()
    ProposerFactory(proposal=proposal)

    def add_replies(count):
        for reply in ReplyFactory.create_batch(count, proposal=proposal, document=None):
            reply.document = DocumentFactory()
            reply.save()
            reply.co_handling_organizations.add(OrganizationFactory())

    body = assert_query_budget(
        client, django_assert_num_queries, API + f"proposals/{proposal.pk}/", add_replies, PROPOSAL_DETAIL_QUERIES,
    )
    assert len(body["replies"]) == 50
    assert all(reply["full_text"] for reply in body["replies"])


def test_reply_list_query_budget(client, django_assert_num_queries):
    body = assert_query_budget(
        client, django_assert_num_queries, API + "replies/",
        lambda count: ReplyFactory.create_batch(count), REPLY_LIST_QUERIES,
    )
    assert body["count"] == 50


def test_reply_detail_query_budget(client, django_assert_num_queries):
    reply = ReplyFactory(document=DocumentFactory())

    def add_co_handling_units(count):
        reply.co_handling_organizations.add(*OrganizationFactory.create_batch(count))

    body = assert_query_budget(
        client, django_assert_num_queries, API + f"replies/{reply.pk}/", add_co_handling_units, REPLY_DETAIL_QUERIES,
    )
    assert len(body["co_handling_organizations"]) == 50


def test_result_code_none_finds_replies_whose_page_gives_no_result(client, records):
    assert proposals(client, result_code="none") == ids(records["jiangning"])
    assert replies(client, result_code="none") == ids(records["jiangning_reply"])


def test_replied_tells_answered_proposals_from_the_others(anonymous_client, records):
    unanswered = ProposalFactory(title="尚无答复的提案")
    assert proposals(anonymous_client, replied="true") == ids(records["jiangning"], records["suggestion"])
    assert proposals(anonymous_client, replied="false") == ids(unanswered)


def test_a_replied_value_other_than_true_or_false_is_refused_not_ignored(anonymous_client, records):
    response = anonymous_client.get("/api/v1/proposals/", {"replied": "perhaps"})
    assert response.status_code == 400
    assert response.json() == {"replied": ["请填写 true 或 false。"]}
    page = anonymous_client.get("/proposals/", {"replied": "perhaps"})
    assert page.status_code == 400 and "请填写 true 或 false。" in page.content.decode()
