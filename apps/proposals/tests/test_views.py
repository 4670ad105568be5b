"""The proposals list and a proposal beside its replies."""
import re

import pytest

from apps.curation.models import CurationStatus
from apps.documents.tests.factories import DocumentFactory
from apps.proposals.models import Proposal
from apps.proposals.tests.factories import ProposalFactory, ProposerFactory, ReplyFactory
from apps.web.tests.support import csv_rows, demo, page, table_rows, text_of, xlsx_rows  # noqa: F401

pytestmark = pytest.mark.django_db

# With nothing remembered yet (apps.curation.memo): a count decides the organization select.
PROPOSAL_LIST_QUERIES = 7
# The proposal, proposers, replies, co-handling units, the replies' commitments, the targets and the
# observations read from the replies' texts.
PROPOSAL_PAGE_QUERIES = 7
HEBEI_REPLIES_GRADED_B = "/proposals/?region=13&result_code=B"


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.usefixtures("demo")
class TestOverDemo:
    def test_all_replies_graded_b_in_hebei_are_suggestion_76(self, client):
        html = page(client, HEBEI_REPLIES_GRADED_B)
        (row,) = table_rows(html)
        assert "建议（人大）" in row and "76" in row and "赵强" in row and "邯郸市" in row and " B" in row
        assert 'title="B 列入计划拟解决"' in html

    def test_graded_b_in_jiangsu_is_none(self, client):
        assert table_rows(page(client, "/proposals/?region=32&result_code=B")) == []

    def test_the_list_shows_kind_session_number_lead_proposer_region_and_result(self, client):
        rows = table_rows(page(client, "/proposals/"))
        assert len(rows) == 2
        jiangning = next(row for row in rows if "JNZX13010181" in row)
        assert "提案（政协）" in jiangning and "江宁区政协十三届一次会议" in jiangning and "蔡晶" in jiangning
        assert "江宁区" in jiangning and "未注明" in jiangning

    def test_the_proposal_page_shows_the_proposer_and_the_full_reply(self, client):
        proposal = Proposal.objects.get(number="JNZX13010181")
        html = page(client, f"/proposals/{proposal.pk}/")
        text = text_of(html)
        assert "蔡晶" in text and "推进城乡教育优质均衡发展进而留住人才" in text
        reply_text = proposal.replies.get().document.clean_text
        assert squeezed(reply_text[200:260]) in squeezed(text)  # marks may stand inside it
        assert "页面未注明办理结果" in text

    def test_the_reply_shows_its_result_and_what_it_means_dates_number_signer_contact_and_copy_to(self, client):
        proposal = Proposal.objects.get(number="76")
        text = text_of(page(client, f"/proposals/{proposal.pk}/"))
        for expected in ["B 列入计划拟解决", "2018-07-26", "邯教办〔2018〕57号", "杨华云", "侯朝发", "市政府办公厅",
                         "邯郸市教育局", "437"]:
            assert expected in text, expected

    def test_exports_carry_the_filtered_proposals(self, client):
        rows = csv_rows(client.get(HEBEI_REPLIES_GRADED_B + "&format=csv"))
        record = dict(zip(rows[0], rows[1], strict=True))
        assert len(rows) == 2 and record["编号"] == "76" and record["领衔"] == "赵强" and record["办理结果"] == "B"
        sheet = xlsx_rows(client.get(HEBEI_REPLIES_GRADED_B + "&format=xlsx"))
        assert sheet[0] == rows[0] and sheet[1][0] == "76"


def test_interim_and_final_replies_stand_in_date_order(client):
    proposal = ProposalFactory()
    ReplyFactory(proposal=proposal, reply_kind="final", reply_date="2022-10-14", result_code="A")
    ReplyFactory(proposal=proposal, reply_kind="interim", reply_date="2022-07-01", result_code="B")
    text = text_of(page(client, f"/proposals/{proposal.pk}/"))
    assert text.index("中期答复") < text.index("正式答复")


def test_a_draft_reply_or_its_draft_text_stays_hidden_from_anonymous(client, curator_client):
    proposal = ProposalFactory()
    ReplyFactory(proposal=proposal, status=CurationStatus.DRAFT, signer="草稿签发人")
    draft_text = DocumentFactory(clean_text="尚未发布的答复全文", status=CurationStatus.DRAFT)
    ReplyFactory(proposal=proposal, document=draft_text)
    html = page(client, f"/proposals/{proposal.pk}/")
    assert "草稿签发人" not in html and "尚未发布的答复全文" not in html and "答复全文未收录" in html
    curator_html = page(curator_client, f"/proposals/{proposal.pk}/")
    assert "草稿签发人" in curator_html and "尚未发布的答复全文" in curator_html


def test_a_draft_proposal_is_404_for_anonymous(client, curator_client):
    proposal = ProposalFactory(status=CurationStatus.DRAFT)
    page(client, f"/proposals/{proposal.pk}/", status=404)
    page(curator_client, f"/proposals/{proposal.pk}/")


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, rows):
    for _ in range(rows):
        proposal = ProposalFactory()
        ProposerFactory(proposal=proposal)
        ReplyFactory(proposal=proposal)
    with django_assert_max_num_queries(PROPOSAL_LIST_QUERIES):
        html = page(client, "/proposals/")
    assert len(table_rows(html)) == rows


@pytest.mark.parametrize("replies", [1, 20])
def test_a_proposal_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, replies):
    proposal = ProposalFactory()
    ProposerFactory(proposal=proposal)
    for _ in range(replies):
        ReplyFactory(proposal=proposal, document=DocumentFactory())
    with django_assert_max_num_queries(PROPOSAL_PAGE_QUERIES):
        page(client, f"/proposals/{proposal.pk}/")
