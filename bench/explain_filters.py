"""Which index answers each filter: EXPLAIN ANALYZE of the queries behind the API's filtered lists.

    .venv/bin/python bench/explain_filters.py

For each filter people use, the list request runs once; its count and page queries are
explained (ANALYZE: actually run) and the table shows the indexes the plan reads, any
sequential scan of a large table, and the execution time. The filters are those of
apps/*/filters.py, each on its own so that the index it needs is the one that shows.
"""
import json

import common

FILTERS = [
    ("region code prefix (documents, many-to-many)", "/api/v1/documents/?region=3201"),
    ("region code prefix (targets, foreign key)", "/api/v1/targets/?region=3201"),
    ("region code prefix (replies, through the proposal)", "/api/v1/replies/?region=3201"),
    ("type", "/api/v1/documents/?doc_type=news"),
    ("dates (publish date range)", "/api/v1/documents/?date_from=2024-03-01&date_to=2024-03-31"),
    ("status (a curator's drafts; as a curator)", "/api/v1/documents/?status=draft"),
    ("文号 (document)", "/api/v1/documents/?doc_number=邯教办〔2018〕57号"),
    ("文号 (reply)", "/api/v1/replies/?doc_number=邯教办〔2018〕57号"),
    ("result code (replies)", "/api/v1/replies/?result_code=C"),
    ("result code (proposals, through replies)", "/api/v1/proposals/?result_code=C"),
    ("indicator (targets)", "/api/v1/targets/?indicator={indicator}"),
    ("indicator + deadline year (targets)", "/api/v1/targets/?indicator={indicator}&deadline_year=2025"),
    ("deadline year (targets)", "/api/v1/targets/?deadline_year=2026"),
    ("progress + deadline year (targets)", "/api/v1/targets/?deadline_year=2026&progress=no_evidence"),
    ("progress (targets)", "/api/v1/targets/?progress=missed"),
    ("progress + region (targets)", "/api/v1/targets/?region=32&progress=achieved"),
    ("indicator (observations)", "/api/v1/observations/?indicator={indicator}"),
    ("organization (documents)", "/api/v1/documents/?organization={organization}"),
    ("initiative (documents)", "/api/v1/documents/?initiative={initiative}"),
    ("full text (documents)", "/api/v1/documents/?q=县管校聘"),
    ("updated since (sync)", "/api/v1/documents/?updated_since=2100-01-01"),
]
LARGE_TABLES = {
    "documents_document", "documents_document_regions", "documents_citation", "targets_target",
    "targets_observation", "search_searchentry", "initiatives_initiative_documents", "proposals_reply",
    "proposals_proposal", "initiatives_initiative",
}


def plan_nodes(node: dict):
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


def explain(sql: str) -> tuple[set[str], set[str], float]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        raw = cursor.fetchone()[0]
    result = (json.loads(raw) if isinstance(raw, str) else raw)[0]
    nodes = list(plan_nodes(result["Plan"]))
    indexes = {n["Index Name"] for n in nodes if "Index Name" in n}
    scans = {n["Relation Name"] for n in nodes if n["Node Type"] == "Seq Scan" and n.get("Relation Name") in LARGE_TABLES}
    return indexes, scans, result["Execution Time"]


def is_count(sql: str) -> bool:
    # A common word's list is counted from its matches outward (apps/search/counting.py): a CTE first.
    return sql.startswith("SELECT COUNT(*)") or (sql.startswith("WITH matches") and "SELECT count(*)" in sql)


def main() -> None:
    common.django_setup()
    size = common.require_corpus()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.documents.models import Document
    from apps.initiatives.models import Initiative
    from apps.organizations.models import Organization
    from apps.targets.models import Indicator

    ids = {
        "indicator": Indicator.objects.get(name="义务教育紧密型集团化办学覆盖率").pk,
        "organization": Organization.objects.filter(kind="education_bureau").order_by("pk").values_list("pk", flat=True)[20],
        "initiative": Initiative.objects.published().filter(region__isnull=False).order_by("pk").values_list("pk", flat=True)[20],
    }
    assert Document.objects.exists()
    browser, curator = common.client(), common.client(user=common.curator_user())
    print(f"\n### Indexes behind the filters ({size:,} documents; EXPLAIN ANALYZE of each list's count and page)\n")
    print("| filter | request | query | indexes read | seq scan of a large table | ms |")
    print("|---|---|---|---|---|---:|")
    for label, url in FILTERS:
        url = url.format(**ids)
        who = curator if "as a curator" in label else browser
        who.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = who.get(url)
        assert response.status_code == 200, (url, response.status_code)
        sqls = [q["sql"] for q in queries.captured_queries]
        count_at = next(i for i, sql in enumerate(sqls) if is_count(sql))
        # The count, then the page (look-ups of a filter's own choice come before them).
        for kind, sql in (("count", sqls[count_at]), ("page", sqls[count_at + 1] if count_at + 1 < len(sqls) else "")):
            if not sql:
                continue  # nothing matched, so no page was read
            indexes, scans, ms = explain(sql)
            print(f"| {label} | `{url}` | {kind} | {', '.join(sorted(indexes)) or '—'} | "
                  f"{', '.join(sorted(scans)) or '—'} | {ms:.1f} |", flush=True)


if __name__ == "__main__":
    main()
