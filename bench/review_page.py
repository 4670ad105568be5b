"""The curator's review page of one imported document with 30 targets, and the review queue,
on the 100 k corpus.

    .venv/bin/python bench/review_page.py [--repeat 50] [--warmup 5]

The document is a draft written here once (``source_file`` bench-review-30-targets.txt): a
reply with its proposal, 30 targets and 5 observations, each read from a sentence of its text.
Logged in as a curator. The baseline is one SQL query returning the document, its reply and
proposal, and every target and observation with its indicator and region.
"""
import common

SOURCE_FILE = "bench-review-30-targets.txt"
REVIEW_P95_GOAL_MS = 150  # the review page of a document with 30 targets (issue 13)
TARGETS, OBSERVATIONS = 30, 5
BASELINE = """
SELECT d.id, d.title, d.clean_text, d.import_warnings,
       (SELECT json_build_object('reply', r.id, 'proposal', p.id, 'title', p.title, 'number', p.number)
        FROM proposals_reply r JOIN proposals_proposal p ON p.id = r.proposal_id WHERE r.document_id = d.id) AS reply,
       (SELECT json_agg(json_build_object('id', t.id, 'indicator', i.name, 'region', rg.name, 'value', t.value,
                                          'unit', t.unit, 'deadline_year', t.deadline_year, 'quote', t.quote) ORDER BY t.id)
        FROM targets_target t JOIN targets_indicator i ON i.id = t.indicator_id
        LEFT JOIN regions_region rg ON rg.code = t.region_id WHERE t.source_document_id = d.id) AS targets,
       (SELECT json_agg(json_build_object('id', o.id, 'indicator', i.name, 'value', o.value, 'quote', o.quote) ORDER BY o.id)
        FROM targets_observation o JOIN targets_indicator i ON i.id = o.indicator_id
        WHERE o.source_document_id = d.id) AS observations
FROM documents_document d WHERE d.id = %(pk)s"""


def review_document():
    """The draft with 30 targets, written on the first run."""
    import datetime

    from apps.documents.models import Document, DocumentType
    from apps.proposals.models import Proposal, ProposalKind, Reply
    from apps.regions.models import Region
    from apps.targets.models import Comparator, Indicator, Observation, Target

    existing = Document.objects.filter(source_file=SOURCE_FILE).first()
    if existing:
        return existing
    region = Region.objects.order_by("code").first()
    indicators = list(Indicator.objects.order_by("pk")[:TARGETS])
    target_lines = [f"到2030年,{indicator.name}达到{90 + n % 10}。" for n, indicator in enumerate(indicators)]
    observation_lines = [f"2024年,{indicator.name}为{80 + n}。" for n, indicator in enumerate(indicators[:OBSERVATIONS])]
    document = Document.objects.create(
        title="关于测试审核页的建议的答复", doc_type=DocumentType.REPLY, source_file=SOURCE_FILE,
        raw_text="\n".join([*observation_lines, *target_lines]), clean_text="\n".join([*observation_lines, *target_lines]),
        import_warnings=[{"message": "页面上没有发布日期", "values": {}}],
    )
    document.regions.add(region)
    proposal = Proposal.objects.create(
        kind=ProposalKind.SUGGESTION, session="测试会议", number="R30", title="关于测试审核页的建议", region=region,
    )
    Reply.objects.create(proposal=proposal, document=document, reply_date=datetime.date(2024, 6, 1))
    for n, (indicator, line) in enumerate(zip(indicators, target_lines)):
        Target.objects.create(
            indicator=indicator, region=region, comparator=Comparator.GTE, value=90 + n % 10, unit=indicator.unit,
            deadline_year=2030, source_document=document, quote=line,
        )
    for n, (indicator, line) in enumerate(zip(indicators, observation_lines)):
        Observation.objects.create(
            indicator=indicator, region=region, value=80 + n, unit=indicator.unit,
            observed_on=datetime.date(2024, 12, 31), source_document=document, quote=line,
        )
    return document


def main() -> None:
    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    size = common.require_corpus()
    document = review_document()
    browser = common.client(user=common.curator_user())
    cases = [
        (f"/admin/review/<id>/ ({TARGETS} targets)", f"/admin/review/{document.pk}/", True, REVIEW_P95_GOAL_MS),
        ("/admin/review/ (queue)", "/admin/review/", False, common.LIST_P95_GOAL_MS),
        ("/admin/review/?note=no-date", "/admin/review/?note=no-date", False, common.LIST_P95_GOAL_MS),
    ]
    rows = []
    for name, url, with_baseline, goal in cases:
        page = common.getter(browser, url)
        base = common.baseline(BASELINE, {"pk": document.pk}) if with_baseline else None
        rows.append(common.Row(
            name=name, page=common.timed(page, warmup=args.warmup, repeat=args.repeat),
            base=common.timed(base, warmup=args.warmup, repeat=args.repeat) if base else None,
            queries=common.query_count(page), p95_goal_ms=goal,
        ))
    common.report(f"The review page and queue ({size:,} documents; a curator)", rows)


if __name__ == "__main__":
    main()
