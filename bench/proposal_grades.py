"""Reply grades by place and year (/proposals/grades/) on the 100 k corpus, and the lists its counts link to.

    .venv/bin/python bench/proposal_grades.py [--repeat 50] [--warmup 5]

Anonymous visitor, server-rendered HTML. Goal: p95 ≤ 150 ms with a number of queries that does not
grow with the data. The page's grouped count is remembered (apps.curation.memo) until a record
changes, so the first table is what every request but the first after a change costs; the second
times the grouped count itself, nothing remembered, against the same GROUP BY written by hand.
"""

import common

GRADES_P95_GOAL_MS = 150

PAGES = [
    "/proposals/grades/",
    "/proposals/grades/?region=13",
    "/proposals/grades/?region=32",
    "/proposals/grades/?region=3201",
    "/proposals/grades/?region=32&kind=suggestion",
    "/proposals/grades/?region=32&format=csv",
]
# Where the counts lead: a cell, a year's cell, "not given", a row's total.
LINKED_LISTS = [
    "/proposals/?region=320100&result_code=B",
    "/proposals/?region=320000&year_from=2020&year_to=2020&result_code=A",
    "/proposals/?region=320000&result_code=none",
    "/proposals/?region=320100&replied=true",
]
# The grouped count by hand: replies of published proposals in Jiangsu, by city, year and result.
BASELINE = """
SELECT SUBSTRING(p.region_id, 1, 4) AS place, EXTRACT(YEAR FROM r.reply_date) AS year, r.result_code,
       COUNT(r.id) AS replies
FROM proposals_reply r JOIN proposals_proposal p ON p.id = r.proposal_id
WHERE r.status = 'published' AND p.status = 'published' AND p.region_id LIKE '32%%'
GROUP BY 1, 2, 3"""


def cold_cases():
    from apps.proposals import grades

    return [
        ("grouped count, the provinces", lambda: grades.grade_counts(filters={}, place_length=2)),
        ("grouped count, region=32", lambda: grades.grade_counts(filters={"region": "320000"}, place_length=4)),
        ("grouped count, region=3201", lambda: grades.grade_counts(filters={"region": "320100"}, place_length=6)),
    ]


def main() -> None:
    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    size = common.require_corpus()
    browser = common.client()
    rows = []
    for url in PAGES + LINKED_LISTS:
        page = common.getter(browser, url)
        rows.append(common.Row(
            name=url, page=common.timed(page, warmup=args.warmup, repeat=args.repeat),
            queries=common.query_count(page), p95_goal_ms=GRADES_P95_GOAL_MS,
        ))
    common.report(f"Reply grades and the lists they link to ({size:,} documents; anonymous, counts remembered)", rows)
    cold_rows = [
        common.Row(name=name, page=common.cold_timing(work, runs=min(args.repeat, 20)), p95_goal_ms=GRADES_P95_GOAL_MS)
        for name, work in cold_cases()
    ]
    cold_rows.append(common.Row(
        name="the same GROUP BY by hand (region=32), through psycopg2",
        page=common.timed(common.baseline(BASELINE), warmup=args.warmup, repeat=min(args.repeat, 20)),
    ))
    common.report("Cold: the grouped count a first request computes (nothing remembered)", cold_rows)


if __name__ == "__main__":
    main()
