"""The pages of issue 15 on the 100 k corpus: scorecards, the indicator catalogue, the comparison.

    .venv/bin/python bench/ui_scorecards.py [--repeat 50] [--warmup 5]

Anonymous visitor, server-rendered HTML. Goal: p95 ≤ 150 ms each, with a number of queries
that does not grow with the data. No SQL baseline is written for these (the grouped count is
itself the query a baseline would run).
"""

import common

SCORECARD_P95_GOAL_MS = 150


def busiest(model_name: str) -> int:
    """The id of the catalogue indicator with the most published targets, or the document with the most."""
    from django.db.models import Count, Q

    from apps.curation.models import CurationStatus
    from apps.documents.models import Document
    from apps.targets.models import Indicator

    published = CurationStatus.PUBLISHED
    if model_name == "indicator":
        indicators = Indicator.objects.filter(code__isnull=False)
        counted = indicators.annotate(n=Count("targets", filter=Q(targets__status=published)))
    else:
        counted = Document.objects.filter(status=published).annotate(n=Count("targets"))
    return counted.order_by("-n").values_list("pk", flat=True).first()


def pages() -> list[str]:
    indicator, document = busiest("indicator"), busiest("document")
    return [
        "/", "/regions/320000/", "/regions/320400/", f"/documents/{document}/",
        "/targets/scorecard/", "/targets/scorecard/?region=32", "/targets/scorecard/?region=3204&deadline_year=2022",
        "/targets/scorecard/?region=32&theme=balance",
        "/indicators/", "/indicators/?q=覆盖率", "/indicators/?theme=balance", "/indicators/?level=preschool",
        f"/indicators/{indicator}/", f"/indicators/{indicator}/?region=32", f"/indicators/{indicator}/?region=3204",
        f"/indicators/{indicator}/?regions=320404,320481,320115",
    ]


def cold_cases():
    """What a first request after a change computes before it can remember it."""
    from apps.regions.models import Region
    from apps.targets import figures, scorecards

    jiangsu, changzhou = Region.objects.get(code="320000"), Region.objects.get(code="320400")
    return [
        ("scorecard counts, all China (home page)", lambda: scorecards.progress_scorecard(user=None, filters={})),
        ("scorecard counts, region=32 (region page)",
         lambda: scorecards.progress_scorecard(user=None, filters={"region": "32"})),
        ("scorecard table, the provinces", lambda: scorecards.regions_by_progress(user=None, filters={}, region=None)),
        ("scorecard table, region=32",
         lambda: scorecards.regions_by_progress(user=None, filters={"region": "32"}, region=jiangsu)),
        ("scorecard table, region=3204&deadline_year=2022", lambda: scorecards.regions_by_progress(
            user=None, filters={"region": "3204", "deadline_year": "2022"}, region=changzhou)),
        ("indicator figures (catalogue counts, theme filter)", lambda: figures.indicator_figures(user=None)),
    ]


def main() -> None:
    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    size = common.require_corpus()
    browser = common.client()
    rows = []
    for url in pages():
        page = common.getter(browser, url)
        rows.append(common.Row(
            name=url, page=common.timed(page, warmup=args.warmup, repeat=args.repeat),
            queries=common.query_count(page), p95_goal_ms=SCORECARD_P95_GOAL_MS,
        ))
    common.report(f"Scorecards, indicator catalogue and comparison ({size:,} documents; anonymous)", rows)
    common.report("Cold: the counts a first request computes (3 runs, nothing remembered)",
                  [common.Row(name=name, page=common.cold_timing(work, runs=3)) for name, work in cold_cases()])


if __name__ == "__main__":
    main()
