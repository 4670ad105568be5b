"""A reply letter saved: its proposal in the region of its session, its co-handling units and its printed result."""
import pytest

from apps.ingest.services import document_import
from apps.proposals.models import Proposal
from apps.regions.services import regions_load

pytestmark = pytest.mark.django_db


def letter(county: str, *, session: str = "县十届人大二次会议", extra: str = "") -> bytes:
    return "\n".join([
        f"对{session}第5号建议的答复",
        "办理结果:列入计划",
        "吴某代表:",
        "您提出的《关于新建城南幼儿园的建议》收悉,经与县发展和改革局共同研究,现答复如下:"
        + "我局已将城南幼儿园新建项目列入明年计划,正在开展选址论证,力争年内完成立项。" * 2 + extra,
        f"{county}教育局",
        "2023年6月30日",
    ]).encode("utf-8")


def test_the_same_relative_session_in_two_counties_is_two_proposals():
    regions_load()  # as on an install: both counties known before either page comes in
    document_import(raw=letter("沛县"), filename="a.txt")
    document_import(raw=letter("丰县"), filename="b.txt")
    assert sorted(Proposal.objects.values_list("region__name", flat=True)) == ["丰县", "沛县"]


def test_a_session_that_names_its_place_sits_there():
    document_import(raw=letter("沛县", session="江苏省十四届人大一次会议"), filename="a.txt")
    assert Proposal.objects.get().region.name == "江苏省"


def test_a_city_session_on_a_county_page_sits_in_the_city():
    document_import(raw=letter("沛县", session="市十七届人大二次会议"), filename="a.txt")
    assert Proposal.objects.get().region.name == "徐州市"


def test_co_handling_units_and_the_result_as_printed_are_kept():
    document = document_import(raw=letter("沛县"), filename="a.txt").document
    reply = document.reply
    assert (reply.result_code, reply.result_scheme) == ("B", "列入计划")
    assert list(reply.co_handling_organizations.values_list("name", flat=True)) == ["县发展和改革局"]



def test_a_proposal_is_never_titled_by_the_reply_letter():
    from apps.ingest.draft import ProposalDraft
    from apps.ingest.writer import proposal_title

    untitled = ProposalDraft(kind="proposal", session="市政协十三届一次会议", number="227", title="", proposers=[])
    assert proposal_title(untitled, "关于增加城区学位的提案的答复") == "关于增加城区学位的提案"
    assert proposal_title(untitled, "对市政协十三届一次会议第227号提案的答复") == "市政协十三届一次会议第227号提案"
