"""The web UI's documents page on the 100 k corpus, and the first page of every other list and the home page.

    .venv/bin/python bench/ui_documents.py [--repeat 50] [--warmup 5]

Anonymous visitor, server-rendered HTML (the page of 25 with its sidebar, sort headers
and pager). The baseline is one SQL query for the same 25 documents and count
(bench/sql.py), serialised with json.dumps: the database's share of the page. A list's count
is remembered until a record changes; the second table times the first request after a change.
"""
import common
import sql

COLD_RUNS = 5

NEWEST_FIRST = "d.publish_date DESC NULLS LAST, d.id DESC"
IN_JIANGSU = "d.id IN (SELECT document_id FROM documents_document_regions WHERE region_id LIKE %(prefix)s)"
MATCHING = "d.id IN (SELECT document_id FROM search_searchentry WHERE to_tsvector('simple'::regconfig, tokens) " \
           "@@ plainto_tsquery('simple', %(q)s) OFFSET 0)"


def document_cases() -> list[tuple[str, str, str, dict]]:
    def page(where: str) -> str:
        return sql.documents(where, order=NEWEST_FIRST, limit=25)

    return [
        ("/documents/", "/documents/", page("true"), {}),
        ("/documents/?region=32", "/documents/?region=32", page(IN_JIANGSU), {"prefix": "32%"}),
        ("/documents/?region=3201", "/documents/?region=3201", page(IN_JIANGSU), {"prefix": "3201%"}),
        ("/documents/?doc_type=reply&year_from=2020", "/documents/?doc_type=reply&year_from=2020",
         page("d.doc_type = 'reply' AND d.publish_date >= '2020-01-01'"), {}),
        ("/documents/?q=县管校聘", "/documents/?q=县管校聘", page(MATCHING), {"q": "县管校聘"}),
        ("/documents/?page=200", "/documents/?page=200",
         sql.documents("true", order=NEWEST_FIRST, limit=25).replace("LIMIT 25", "LIMIT 25 OFFSET 4975"), {}),
    ]


OTHER_PAGES = ["/", "/proposals/", "/targets/", "/initiatives/", "/regions/"]


def main() -> None:
    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    size = common.require_corpus()
    browser = common.client()
    rows = []
    for name, url, statement, params in document_cases():
        page = common.getter(browser, url)
        rows.append(common.Row(
            name=name, page=common.timed(page, warmup=args.warmup, repeat=args.repeat),
            base=common.timed(common.baseline(statement, params), warmup=args.warmup, repeat=args.repeat),
            queries=common.query_count(page),
            p95_goal_ms=common.LIST_P95_GOAL_MS, ratio_goal=common.LIST_RATIO_GOAL,
        ))
    common.report(f"UI documents page ({size:,} documents; page of 25, anonymous)", rows)
    common.report("UI documents page, first request after a change (nothing remembered, the count included; 5 runs)", [
        common.Row(name=name, page=common.cold_timing(common.getter(browser, url), runs=COLD_RUNS),
                   p95_goal_ms=common.LIST_P95_GOAL_MS)
        for name, url, _, _ in document_cases()
    ])
    others = []
    for url in OTHER_PAGES:
        page = common.getter(browser, url)
        others.append(common.Row(
            name=url, page=common.timed(page, warmup=args.warmup, repeat=args.repeat),
            queries=common.query_count(page), p95_goal_ms=common.LIST_P95_GOAL_MS,
        ))
    common.report("Other UI pages (first page, anonymous; no SQL baseline written)", others)


if __name__ == "__main__":
    main()
