"""An outside program reading the API through a client generated from its schema.

tests/test_api_generated_client.py generates ``policytracker_api_client`` with
openapi-python-client from the served schema, type-checks this file and the client with
``mypy --strict``, then runs it against the demo site: ``python generated_client_reads.py URL``.
It reads every list anonymously, pages through one, and reads a list as CSV text.
"""
import csv
import io
import sys
from typing import TypeVar

from policytracker_api_client import Client
from policytracker_api_client.api.documents import documents_list
from policytracker_api_client.api.indicators import indicators_list
from policytracker_api_client.api.initiatives import initiatives_list
from policytracker_api_client.api.observations import observations_list
from policytracker_api_client.api.organizations import organizations_list
from policytracker_api_client.api.proposals import proposals_list, proposals_retrieve
from policytracker_api_client.api.regions import regions_list
from policytracker_api_client.api.replies import replies_list
from policytracker_api_client.api.targets import targets_list, targets_list_csv
from policytracker_api_client.models import (
    PaginatedDocumentList,
    PaginatedIndicatorList,
    PaginatedInitiativeList,
    PaginatedObservationList,
    PaginatedOrganizationList,
    PaginatedProposalList,
    PaginatedRegionList,
    PaginatedReplyList,
    PaginatedTargetList,
    ProposalDetail,
)

T = TypeVar("T")
PAGE_SIZE = 2


def expect(answer: object, kind: type[T]) -> T:
    """The answer, if it is what a successful call gives; otherwise stop, showing what came instead."""
    if not isinstance(answer, kind):
        raise SystemExit(f"expected {kind.__name__}, got {answer!r}")
    return answer


def count_every_list(client: Client) -> dict[str, int]:
    return {
        "regions": expect(regions_list.sync(client=client), PaginatedRegionList).count,
        "organizations": expect(organizations_list.sync(client=client), PaginatedOrganizationList).count,
        "documents": expect(documents_list.sync(client=client), PaginatedDocumentList).count,
        "proposals": expect(proposals_list.sync(client=client), PaginatedProposalList).count,
        "replies": expect(replies_list.sync(client=client), PaginatedReplyList).count,
        "initiatives": expect(initiatives_list.sync(client=client), PaginatedInitiativeList).count,
        "indicators": expect(indicators_list.sync(client=client), PaginatedIndicatorList).count,
        "targets": expect(targets_list.sync(client=client), PaginatedTargetList).count,
        "observations": expect(observations_list.sync(client=client), PaginatedObservationList).count,
    }


def page_through_documents(client: Client) -> list[int]:
    """Every document id, PAGE_SIZE at a time, following the pages until the last."""
    ids: list[int] = []
    page = 1
    while True:
        answer = expect(documents_list.sync(client=client, page=page, page_size=PAGE_SIZE), PaginatedDocumentList)
        ids += [document.id for document in answer.results]
        if not answer.next_:
            return ids
        page += 1


def proposal_with_reply(client: Client, number: str) -> ProposalDetail:
    (summary,) = expect(proposals_list.sync(client=client, number=number), PaginatedProposalList).results
    return expect(proposals_retrieve.sync(summary.id, client=client), ProposalDetail)


def targets_as_csv(client: Client, region: str) -> list[dict[str, str]]:
    text = expect(targets_list_csv.sync(client=client, region=region), str)
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def main(base_url: str) -> None:
    client = Client(base_url=base_url, raise_on_unexpected_status=True)
    counts = count_every_list(client)
    assert all(counts.values()), counts
    ids = page_through_documents(client)
    assert len(ids) == counts["documents"] == len(set(ids)), (ids, counts)
    suggestion = proposal_with_reply(client, "76")
    assert [reply.doc_number for reply in suggestion.replies] == ["邯教办〔2018〕57号"], suggestion.replies
    rows = targets_as_csv(client, "320115")
    assert rows and all(row["region.code"] == "320115" for row in rows), rows
    print(f"lists: {counts}; {len(ids)} documents over {-(-len(ids) // PAGE_SIZE)} pages; {len(rows)} CSV rows")


if __name__ == "__main__":
    main(sys.argv[1])
