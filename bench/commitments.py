"""Commitments on the 100 k corpus: the list, its scorecard, the API list and a region page.

    .venv/bin/python bench/commitments.py [--repeat 50] [--warmup 5]

Anonymous visitor. ``generate_corpus`` gives every generated reply its seed's promises
(about one a document: the two seed replies make five). The baseline is one SQL query for the list's
25 rows and count, or the scorecard's counts by province and state.
"""
import common

P95_GOAL_MS = 150  # the commitments list and scorecards (issue 16)
LIST = """
SELECT json_agg(row_to_json(c)) FROM (
  SELECT c.id, c.summary, c.quote, c.kind, c.deadline_year, c.fulfilment, o.name AS organization, r.name AS region
  FROM commitments_commitment c LEFT JOIN organizations_organization o ON o.id = c.organization_id
  LEFT JOIN regions_region r ON r.code = c.region_id
  WHERE c.status = 'published' AND {where} ORDER BY c.id DESC LIMIT 25) c,
  (SELECT count(*) FROM commitments_commitment c WHERE c.status = 'published' AND {where}) n"""
SCORECARD = """
SELECT substr(c.region_id, 1, 2), CASE WHEN c.fulfilment = 'open' AND c.deadline_year < %(year)s THEN 'overdue'
       ELSE c.fulfilment END AS state, count(*)
FROM commitments_commitment c WHERE c.status = 'published' GROUP BY 1, 2"""


def main() -> None:
    import datetime

    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    size = common.require_corpus()
    browser = common.client()
    year = {"year": datetime.date.today().year}
    overdue = "c.region_id LIKE '32%%' AND c.fulfilment = 'open' AND c.deadline_year < %(year)s"
    cases = [
        ("/commitments/", "/commitments/", LIST.format(where="true"), {}),
        ("/commitments/?region=32&state=overdue", "/commitments/?region=32&state=overdue",
         LIST.format(where=overdue), year),
        ("/commitments/scorecard/", "/commitments/scorecard/", SCORECARD, year),
        ("/commitments/scorecard/?region=32", "/commitments/scorecard/?region=32", SCORECARD, year),
        ("/api/v1/commitments/", "/api/v1/commitments/", LIST.format(where="true"), {}),
        ("/regions/320000/", "/regions/320000/", None, {}),
    ]
    rows = []
    for name, url, baseline, params in cases:
        page = common.getter(browser, url)
        base = common.baseline(baseline, params) if baseline else None
        rows.append(common.Row(
            name=name, page=common.timed(page, warmup=args.warmup, repeat=args.repeat),
            base=common.timed(base, warmup=args.warmup, repeat=args.repeat) if base else None,
            queries=common.query_count(page), p95_goal_ms=P95_GOAL_MS,
        ))
    common.report(f"Commitments ({size:,} documents; anonymous)", rows)


if __name__ == "__main__":
    main()
