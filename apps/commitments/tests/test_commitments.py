"""What the seed replies promised, as analysts and API consumers read it: on the proposal page,
in /commitments/ and its scorecard, and in /api/v1/commitments/. Drafts stay hidden."""
import datetime

import pytest
from django.urls import reverse

from apps.commitments.models import Commitment, CommitmentState, Fulfilment
from apps.curation.models import CurationStatus
from apps.documents.models import Document
from apps.curation.tests.api_support import API, csv_rows, fresh_throttle_history, results  # noqa: F401
from apps.proposals.models import Proposal
from apps.web.tests.support import demo, page, text_of  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]
NUMERIC = "到2025年义务教育紧密型集团化办学覆盖率达到60%以上"


def promise(summary: str) -> Commitment:
    return Commitment.objects.get(summary=summary)


class TestStates:
    def test_an_open_promise_past_its_year_reads_overdue_and_a_curators_finding_wins(self):
        def state(pk, today):
            return Commitment.objects.with_state(today).get(pk=pk).state

        numeric = promise(NUMERIC)
        assert state(numeric.pk, datetime.date(2025, 12, 31)) == CommitmentState.OPEN
        assert state(numeric.pk, datetime.date(2026, 1, 1)) == CommitmentState.OVERDUE
        Commitment.objects.filter(pk=numeric.pk).update(fulfilment=Fulfilment.PARTLY_KEPT)
        assert state(numeric.pk, datetime.date(2026, 1, 1)) == CommitmentState.PARTLY_KEPT


class TestPages:
    def test_the_proposal_page_lists_what_its_reply_promised_with_each_state(self, client):
        proposal = Proposal.objects.get(number="76")
        text = text_of(page(client, reverse("proposals:detail", args=[proposal.pk])))
        assert "承诺与兑现" in text
        assert "探索按办学体制、层次、区域和水平组建多种形式的教育集团" in text
        assert text.count("进行中") >= 2

    def test_the_list_filters_by_state_region_and_kind_and_exports(self, client):
        overdue = text_of(page(client, "/commitments/?state=overdue"))
        assert NUMERIC in overdue and "探索按办学体制" not in overdue
        hebei = text_of(page(client, "/commitments/?region=13"))
        assert "探索按办学体制" in hebei and NUMERIC not in hebei
        assert NUMERIC in text_of(page(client, "/commitments/?kind=target"))
        rows = csv_rows(client.get("/commitments/?format=csv&region=32"))
        assert {row["兑现情况"] for row in rows} == {"进行中", "已逾期"} and len(rows) == 3

    def test_a_malformed_filter_is_refused_on_the_page(self, client):
        assert "请先更正筛选条件" in page(client, "/commitments/?state=done", status=400)

    def test_the_scorecard_counts_by_region_and_by_body_each_count_a_link(self, client):
        html = page(client, "/commitments/scorecard/")
        text = text_of(html)
        assert "江苏省" in text and "河北省" in text and "南京市江宁区教育局" in text
        assert 'href="/commitments/?region=320000&amp;state=overdue"' in html
        cities = text_of(page(client, "/commitments/scorecard/?region=13"))
        assert "邯郸市" in cities and "江苏省" not in cities
        assert "承诺兑现情况：河北省" in cities  # the code's region by name, as /commitments/?region=13 shows it


class TestApi:
    def test_the_list_filters_and_each_record_links_to_its_proposal(self, client):
        body = client.get(API + "commitments/", {"region": "32", "kind": "target"}).json()
        (record,) = body["results"]
        assert record["summary"] == NUMERIC and record["deadline_year"] == 2025
        assert record["proposal"].endswith(f"/proposals/{promise(NUMERIC).reply.proposal_id}/")
        assert record["target"] is not None
        assert client.get(API + "commitments/", {"state": "nonsense"}).status_code == 400

    def test_the_proposal_json_lists_its_commitments(self, client):
        proposal = Proposal.objects.get(number="JNZX13010181")
        body = client.get(f"{API}proposals/{proposal.pk}/").json()
        assert {c["summary"] for c in body["commitments"]} >= {NUMERIC}
        assert all(set(c) == {"url", "id", "summary", "kind", "deadline_year", "state"} for c in body["commitments"])

    def test_a_draft_commitment_and_a_hidden_evidence_document_never_show(self, client):
        numeric = promise(NUMERIC)
        hidden = Commitment.objects.exclude(pk=numeric.pk).first()
        Commitment.objects.filter(pk=hidden.pk).update(status=CurationStatus.DRAFT)
        draft_document = Document.objects.create(
            title="草稿证据", doc_type="news", raw_text="一份没有发布的证据。", status=CurationStatus.DRAFT,
        )
        Commitment.objects.filter(pk=numeric.pk).update(evidence_document=draft_document)

        assert hidden.pk not in [r["id"] for r in results(client.get(API + "commitments/"))]
        assert client.get(f"{API}commitments/{hidden.pk}/").status_code == 404
        assert client.get(f"{API}commitments/{numeric.pk}/").json()["evidence_document"] is None
        assert hidden.summary not in text_of(page(client, "/commitments/"))
        proposal_page = page(client, reverse("proposals:detail", args=[numeric.reply.proposal_id]))
        assert "草稿证据" not in proposal_page and hidden.summary not in proposal_page


class TestFeed:
    def test_the_feed_lists_each_finding_newest_first_for_the_filter(self, client):
        from django.utils import timezone

        numeric = promise(NUMERIC)
        Commitment.objects.filter(pk=numeric.pk).update(
            fulfilment=Fulfilment.KEPT, fulfilment_set_at=timezone.now(), evidence_quote="覆盖率达到63%",
        )
        feed = client.get("/commitments/feed/?region=32").content.decode()
        assert f"已兑现:{NUMERIC}" in feed and "覆盖率达到63%" in feed
        assert f"#commitment-{numeric.pk}" in feed
        assert NUMERIC not in client.get("/commitments/feed/?region=13").content.decode()
        assert client.get("/commitments/feed/?state=nonsense").status_code == 400


class TestRegionPage:
    def test_a_region_page_counts_the_promises_under_it_by_state(self, client):
        html = page(client, "/regions/320000/")
        assert "承诺与兑现" in text_of(html)
        assert 'href="/commitments/?region=320000&amp;state=overdue"' in html
        assert "承诺与兑现" not in text_of(page(client, "/regions/110000/"))
