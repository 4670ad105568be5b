"""A proposal with its reply in full, on the 100 k corpus: the API detail and the UI page.

    .venv/bin/python bench/proposal_detail.py [--repeat 50] [--warmup 5]

Twenty published proposals with a published reply, spread over the table, are fetched in
turn (so no one row sits hot in every cache). The baseline is one SQL query returning the
proposal, its region, proposers and replies with organizations and full text.
"""
import itertools

import common

BASELINE = """
SELECT 'http://127.0.0.1/api/v1/proposals/' || p.id || '/' AS url, p.id, p.kind, p.session, p.number, p.title, p.subject, p.assigned_date,
       p.due_date, p.status, p.created_at, p.updated_at,
       json_build_object('code', rg.code, 'name', rg.name, 'level', rg.level) AS region,
       (SELECT json_agg(json_build_object('name', s.name, 'role', s.role, 'is_lead', s.is_lead)
                        ORDER BY s.is_lead DESC, s.id)
        FROM proposals_proposer s WHERE s.proposal_id = p.id) AS proposers,
       (SELECT json_agg(json_build_object(
                'id', r.id, 'reply_kind', r.reply_kind, 'reply_date', r.reply_date, 'doc_number', r.doc_number,
                'result_code', r.result_code, 'result_scheme', r.result_scheme, 'disclosure', r.disclosure,
                'signer', r.signer, 'contact', r.contact, 'copy_to', r.copy_to, 'satisfaction', r.satisfaction,
                'status', r.status, 'updated_at', r.updated_at,
                'responding_organization', json_build_object('id', o.id, 'name', o.name),
                'co_handling_organizations', (SELECT json_agg(json_build_object('id', co.id, 'name', co.name)
                                                              ORDER BY co.name)
                    FROM proposals_reply_co_handling_organizations rc
                    JOIN organizations_organization co ON co.id = rc.organization_id WHERE rc.reply_id = r.id),
                'document', d.id, 'full_text', d.clean_text) ORDER BY r.reply_date, r.id)
        FROM proposals_reply r LEFT JOIN organizations_organization o ON o.id = r.responding_organization_id
        LEFT JOIN documents_document d ON d.id = r.document_id AND d.status = 'published'
        WHERE r.proposal_id = p.id AND r.status = 'published') AS replies
FROM proposals_proposal p LEFT JOIN regions_region rg ON rg.code = p.region_id
WHERE p.id = %(pk)s AND p.status = 'published'"""


def sample_ids(count: int = 20) -> list[int]:
    from apps.proposals.models import Proposal

    ids = list(
        Proposal.objects.published().filter(replies__status="published").order_by("pk").values_list("pk", flat=True)
    )
    step = max(len(ids) // count, 1)
    return ids[::step][:count]


def rotating(make):
    """A callable that serves the next of the sampled ids on each call."""
    ids = itertools.cycle(sample_ids())
    return lambda: make(next(ids))


def main() -> None:
    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    size = common.require_corpus()
    browser = common.client()

    def base(pk):
        return common.baseline(BASELINE, {"pk": pk})()

    rows = []
    for name, url in (("API /api/v1/proposals/<id>/", "/api/v1/proposals/{}/"), ("UI /proposals/<id>/", "/proposals/{}/")):
        page = rotating(lambda pk, url=url: common.getter(browser, url.format(pk))())
        rows.append(common.Row(
            name=name, page=common.timed(page, warmup=args.warmup, repeat=args.repeat),
            base=common.timed(rotating(base), warmup=args.warmup, repeat=args.repeat),
            queries=common.query_count(page), p95_goal_ms=common.LIST_P95_GOAL_MS, ratio_goal=common.LIST_RATIO_GOAL,
        ))
    common.report(f"Proposal detail with its reply ({size:,} documents; anonymous)", rows)


if __name__ == "__main__":
    main()
