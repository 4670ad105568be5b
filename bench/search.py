"""Chinese full-text search on the 100 k corpus: latency and result quality for ten real queries.

    .venv/bin/python bench/search.py [--repeat 50] [--warmup 5]

Latency, per query, three ways: the search service alone (``documents_ranked``: the
first page of 25 by relevance and the count of ranked candidates, what /search/ needs),
the API (/api/v1/documents/?q=, newest first, page of 50 with the total) and the UI
(/search/?q=). The baselines are one hand-written SQL query each: the ranked page and
count (service, UI), the newest-first page and count (API).

Quality, per query: how many published documents match; *truth*, how many contain the
query as typed (every space-separated part as a substring of the title or text, found by
scanning every document); recall (matches that are true / truth); precision@10 (of the ten
best-ranked, how many contain the query as typed) and the matches that are not true, with
an example, so that each miss has a cause to read.
"""
import common
import sql

# Documents matching every word of %(q)s, as the API filters them; OFFSET 0 keeps the planner
# from testing each document in date order with to_tsvector() (apps.search.services.MATCH_FENCE).
MATCHING = ("d.id IN (SELECT document_id FROM search_searchentry WHERE to_tsvector('simple'::regconfig, tokens) "
            "@@ plainto_tsquery('simple', %(q)s) OFFSET 0)")
QUERIES = [
    "集团化办学", "县管校聘", "双减", "普惠性幼儿园", "教师交流",
    "智慧校园", "视力筛查", "校外培训", "紧密型教育集团", "学前教育 普惠",
]
PAGE = 25


def ranked_sql(terms: list[str]) -> tuple[str, dict]:
    """The ranked first page and the candidate count, as ``documents_ranked`` computes them, in one query."""
    any_term = " || ".join(f"plainto_tsquery('simple', %(t{i})s)" for i in range(len(terms)))
    statement = f"""
WITH candidates AS (
    SELECT s.document_id FROM search_searchentry s
    WHERE to_tsvector('simple'::regconfig, s.tokens) @@ plainto_tsquery('simple', %(all)s)
      AND s.document_id IN (SELECT id FROM documents_document WHERE status = 'published')
    ORDER BY s.document_id + 0 DESC LIMIT 1000),
ranked AS (
    SELECT d.id, d.title, d.doc_type, d.publish_date, d.doc_number, d.organization_id,
           ts_rank(s.search_vector, {any_term}, 1) AS rank
    FROM candidates c JOIN documents_document d ON d.id = c.document_id
    JOIN search_searchentry s ON s.document_id = d.id)
SELECT (SELECT count(*) FROM candidates) AS total, r.* FROM ranked r ORDER BY r.rank DESC, r.id DESC LIMIT {PAGE}"""
    params = {"all": " ".join(terms), **{f"t{i}": term for i, term in enumerate(terms)}}
    return statement, params


def truth_ids(q: str) -> set[int]:
    """Published documents whose title or text holds every space-separated part of ``q``."""
    from django.db import connection

    parts = q.split()
    condition = " AND ".join(["strpos(title || chr(10) || clean_text, %s) > 0"] * len(parts))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM documents_document WHERE status = 'published' AND {condition}", parts)
        return {row[0] for row in cursor.fetchall()}


def quality(q: str) -> dict:
    from apps.documents.models import Document
    from apps.search.segment import query_terms
    from apps.search.services import document_ids_matching, documents_ranked

    published = Document.objects.published()
    matched = set(published.filter(pk__in=document_ids_matching(q)).values_list("pk", flat=True))
    truth = truth_ids(q)
    top = list(documents_ranked(published, q).values_list("pk", flat=True)[:10])
    false_hits = matched - truth
    example = ""
    if false_hits:
        document = Document.objects.get(pk=min(false_hits))
        text = f"{document.title}\n{document.clean_text}"
        term = next((t for t in query_terms(q) if t in text), "")
        at = text.find(term) if term else 0
        example = text[max(0, at - 12):at + 20].replace("\n", " ")
    return {
        "terms": " + ".join(query_terms(q)), "matched": len(matched), "truth": len(truth),
        "recall": len(matched & truth) / len(truth) if truth else 1.0,
        "precision10": sum(pk in truth for pk in top) / len(top) if top else 1.0,
        "false": len(false_hits), "example": example,
    }


def main() -> None:
    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    size = common.require_corpus()
    from apps.documents.models import Document
    from apps.search.segment import query_terms
    from apps.search.services import documents_ranked

    def timed(work):
        return common.timed(work, warmup=args.warmup, repeat=args.repeat)

    baselines = {q: timed(common.baseline(*ranked_sql(query_terms(q)))) for q in QUERIES}
    rows = []
    for q in QUERIES:
        def engine(q=q):
            ranked = documents_ranked(Document.objects.published().only("id", "title", "publish_date"), q)
            return ranked.count(), list(ranked[:PAGE])

        rows.append(common.Row(
            name=q, page=timed(engine), base=baselines[q], queries=common.query_count(engine),
            p95_goal_ms=common.SEARCH_P95_GOAL_MS,
        ))
    common.report(f"Search service: ranked page of {PAGE} + count ({size:,} documents)", rows)
    browser = common.client()
    newest_first = {
        q: timed(common.baseline(sql.documents(MATCHING), {"q": " ".join(query_terms(q))})) for q in QUERIES
    }
    for title, url, base in (
        ("Search through the API: /api/v1/documents/?q= (page of 50, newest first)", "/api/v1/documents/?q={}",
         newest_first),
        ("Search page: /search/?q= (page of 25 by relevance)", "/search/?q={}", baselines),
    ):
        rows = []
        for q in QUERIES:
            page = common.getter(browser, url.format(q))
            rows.append(common.Row(
                name=q, page=timed(page), base=base[q], queries=common.query_count(page),
                p95_goal_ms=common.SEARCH_P95_GOAL_MS,
            ))
        common.report(title, rows)
    print("\n### Search quality (published documents)\n")
    print("| query | terms searched | matches | truth | recall | precision@10 | matches without the query as typed | e.g. |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for q in QUERIES:
        r = quality(q)
        print(f"| {q} | {r['terms']} | {r['matched']:,} | {r['truth']:,} | {r['recall']:.3f} | "
              f"{r['precision10']:.1f} | {r['false']:,} | {r['example']} |", flush=True)


if __name__ == "__main__":
    main()
