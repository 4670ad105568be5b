"""API list latency on the 100 k corpus: the five most used filters, then every list unfiltered.

    .venv/bin/python bench/api_lists.py [--repeat 50] [--warmup 5]

Anonymous requests (published records only), first page of 50, JSON. Each case is also
timed as one hand-written SQL query for the same rows and count (bench/sql.py) through
psycopg2 + json.dumps; the ratio is page p95 / SQL p95. A list's count is remembered until a
record changes, so repeated requests count once; the second table times the first request
after a change.
"""
import datetime

import common
import sql

COLD_RUNS = 5


def cases(indicator_id: int, year: int) -> list[tuple[str, str, str, dict]]:
    today = datetime.date.today()
    progress_params = {"today": today, "year": today.year}
    in_jiangsu = "d.id IN (SELECT document_id FROM documents_document_regions WHERE region_id LIKE %(prefix)s)"
    return [
        # The five filters analysts use most (DOMAIN.md: "every reply from a Jiangsu education
        # bureau since 2020", "all 2025 coverage targets", "targets due this year with no evidence").
        ("documents ?region=32", "/api/v1/documents/?region=32", sql.documents(in_jiangsu), {"prefix": "32%"}),
        ("documents ?doc_type=reply&year_from=2020", "/api/v1/documents/?doc_type=reply&year_from=2020",
         sql.documents("d.doc_type = 'reply' AND d.publish_date >= '2020-01-01'"), {}),
        ("replies ?region=32&result_code=A&date_from=2020-01-01",
         "/api/v1/replies/?region=32&result_code=A&date_from=2020-01-01",
         sql.replies("pr.region_id LIKE %(prefix)s AND r.result_code = 'A' AND r.reply_date >= '2020-01-01'"),
         {"prefix": "32%"}),
        (f"targets ?indicator={indicator_id}&deadline_year=2025",
         f"/api/v1/targets/?indicator={indicator_id}&deadline_year=2025",
         sql.targets(f"t.indicator_id = {indicator_id} AND t.deadline_year = 2025"), progress_params),
        (f"targets ?deadline_year={year}&progress=open", f"/api/v1/targets/?deadline_year={year}&progress=open",
         sql.targets(f"t.deadline_year = {year}", progress="open"), progress_params),
        # Progress as issue 18 timed it (the deprecated word), and on its own or with a region.
        (f"targets ?deadline_year={year}&progress=no_evidence",
         f"/api/v1/targets/?deadline_year={year}&progress=no_evidence",
         sql.targets(f"t.deadline_year = {year}", progress="no_evidence"), progress_params),
        ("targets ?progress=missed", "/api/v1/targets/?progress=missed", sql.targets("true", progress="missed"),
         progress_params),
        ("targets ?region=32&progress=achieved", "/api/v1/targets/?region=32&progress=achieved",
         sql.targets("t.region_id LIKE %(prefix)s", progress="achieved"), {**progress_params, "prefix": "32%"}),
        # Every list as it first opens.
        ("documents (no filter)", "/api/v1/documents/", sql.documents("true"), {}),
        ("proposals (no filter)", "/api/v1/proposals/", sql.proposals("true"), {}),
        ("proposals ?result_code=B", "/api/v1/proposals/?result_code=B",
         sql.proposals(f"pr.id IN (SELECT proposal_id FROM proposals_reply WHERE status = {sql.PUBLISHED} "
                       "AND result_code = 'B')"), {}),
        ("replies (no filter)", "/api/v1/replies/", sql.replies("true"), {}),
        ("targets (no filter)", "/api/v1/targets/", sql.targets("true"), progress_params),
        ("targets ?region=3201", "/api/v1/targets/?region=3201", sql.targets("t.region_id LIKE %(prefix)s"),
         {**progress_params, "prefix": "3201%"}),
        ("observations (no filter)", "/api/v1/observations/", sql.observations("true"), {}),
        ("initiatives (no filter)", "/api/v1/initiatives/", sql.initiatives("true"), {}),
    ]


def main() -> None:
    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    size = common.require_corpus()
    from apps.targets.models import Indicator

    indicator_id = Indicator.objects.get(name="义务教育紧密型集团化办学覆盖率").pk
    year = datetime.date.today().year
    browser = common.client()
    rows = []
    for name, url, statement, params in cases(indicator_id, year):
        page = common.getter(browser, url)
        rows.append(common.Row(
            name=name,
            page=common.timed(page, warmup=args.warmup, repeat=args.repeat),
            base=common.timed(common.baseline(statement, params), warmup=args.warmup, repeat=args.repeat),
            queries=common.query_count(page),
            p95_goal_ms=common.LIST_P95_GOAL_MS, ratio_goal=common.LIST_RATIO_GOAL,
        ))
    common.report(f"API lists ({size:,} documents; page of 50, anonymous)", rows)
    # The count is remembered until a record changes (apps.curation.paginator): what the first
    # request after a change pays, for the five filters analysts use most.
    common.report("API lists, first request after a change (nothing remembered, the count included; 5 runs)", [
        common.Row(name=name, page=common.cold_timing(common.getter(browser, url), runs=COLD_RUNS),
                   p95_goal_ms=common.LIST_P95_GOAL_MS)
        for name, url, _, _ in cases(indicator_id, year)[:5]
    ])


if __name__ == "__main__":
    main()
