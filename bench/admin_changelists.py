"""The curators' admin on the 100 k corpus: the document and target changelists, as a curator sees them.

    .venv/bin/python bench/admin_changelists.py [--repeat 50] [--warmup 5]

Logged in as a member of the curators group (staff: drafts included), page of 100, the
filter sidebar rendered. Unfiltered lists count with PostgreSQL's estimate
(apps.curation.paginator); filtered ones count up to the cap (RESULT_COUNT_CAP), without a
second count of the whole table (show_full_result_count = False). The baseline is one SQL query
for the same 100 rows and an exact count.
"""
import datetime

import common
import sql

ADMIN = "/admin/{}/{}/"
IN_JIANGSU = "d.id IN (SELECT document_id FROM documents_document_regions WHERE region_id LIKE %(prefix)s)"


def cases(indicator_id: int) -> list[tuple[str, str, str, dict]]:
    documents, targets = ADMIN.format("documents", "document"), ADMIN.format("targets", "target")
    today = datetime.date.today()
    progress = {"today": today, "year": today.year}

    def document_page(where):
        return sql.documents(where, limit=100, published=False)

    def target_page(where):
        return sql.targets(where, limit=100, published=False, source_title=True)

    return [
        ("documents", documents, document_page("true"), {}),
        ("documents ?status=draft", f"{documents}?status__exact=draft", document_page("d.status = 'draft'"), {}),
        ("documents ?province=320000", f"{documents}?province=320000", document_page(IN_JIANGSU), {"prefix": "32%"}),
        ("documents ?doc_type=reply&year=2022", f"{documents}?doc_type__exact=reply&publish_date__year=2022",
         document_page("d.doc_type = 'reply' AND d.publish_date BETWEEN '2022-01-01' AND '2022-12-31'"), {}),
        ("documents ?q=教办", f"{documents}?q=教办",
         document_page("(d.title LIKE '%%教办%%' OR d.doc_number LIKE '%%教办%%' OR d.source_site LIKE '%%教办%%')"), {}),
        ("targets", targets, target_page("true"), progress),
        ("targets ?deadline_year=2025", f"{targets}?deadline_year=2025", target_page("t.deadline_year = 2025"), progress),
        (f"targets ?indicator={indicator_id}", f"{targets}?indicator__id__exact={indicator_id}",
         target_page(f"t.indicator_id = {indicator_id}"), progress),
        ("targets ?province=320000", f"{targets}?province=320000", target_page("t.region_id LIKE %(prefix)s"),
         {**progress, "prefix": "32%"}),
    ]


def main() -> None:
    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    size = common.require_corpus()
    from apps.targets.models import Indicator

    browser = common.client(user=common.curator_user())
    rows = []
    for name, url, statement, params in cases(Indicator.objects.get(name="义务教育紧密型集团化办学覆盖率").pk):
        page = common.getter(browser, url)
        rows.append(common.Row(
            name=name, page=common.timed(page, warmup=args.warmup, repeat=args.repeat),
            base=common.timed(common.baseline(statement, params), warmup=args.warmup, repeat=args.repeat),
            queries=common.query_count(page), p95_goal_ms=common.ADMIN_P95_GOAL_MS, ratio_goal=common.LIST_RATIO_GOAL,
        ))
    common.report(f"Admin changelists ({size:,} documents; curator, page of 100)", rows)


if __name__ == "__main__":
    main()
