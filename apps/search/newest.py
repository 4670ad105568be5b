"""The newest documents holding a query: a ranked search's candidates.

A ranked search scores the ``limit`` (a thousand) most recently added matches. On PostgreSQL
the GIN index gives matches in no useful order, so for a word in many pages every match used
to be read (hashed, or joined and sorted): 100,000 to 220,000 of them for a word in 10–22 %
of a million pages. The newest matches lie among the newest pages, and how many pages to look
at follows from the planner's estimate of the word's share: ``limit / share`` pages hold about
``limit`` matches. ``_from_newest_pages`` asks the GIN index and the primary key together (a
``BitmapAnd``: only the matches among those pages are read) and widens the slice of pages from
what it found; when a slice holds ``limit`` matches, they are the newest of all, as every match
above the slice's bottom was read. A slice that would span most of the table gives way to
reading every match.
"""
import math
from contextlib import contextmanager

from django.db import connections
from django.db.models import F, Max, QuerySet

from apps.search import matching
from apps.search.models import SearchEntry

# Pages looked at per expected match: the estimate is an average, and filters narrow the queryset.
SLICE_MARGIN = 2
# Slices tried before every match is read; each is sized from what the previous one found.
SLICE_TRIES = 2
# A slice spanning more than this share of the pages costs about what reading every match costs.
SLICE_MAX_SHARE = 0.5


def newest_matches(queryset: QuerySet, entries: QuerySet, limit: int, condition=None) -> list[int]:
    """The ids of the ``limit`` newest documents of ``queryset`` among ``entries``' (the matches,
    those of the word ``condition`` when given), newest first."""
    if matching.vendor(entries) != "postgresql":
        matches = entries.filter(document_id__in=queryset.values("pk"))
        return list(matches.order_by("-document_id").values_list("document_id", flat=True)[:limit])
    share = matching.estimated_share(entries)
    # A query whose words are in nearly every page (集团化办学 or 集团 with 办学, widened) is
    # estimated to match every row, and the planner then scans the table computing to_tsvector()
    # for each row: 0.2 ms a row, 20 s at 100 k documents, against 0.1-0.4 s from the GIN index
    # (docs/performance.md). For these statements, a sequential scan is ruled out.
    with _planner_without(entries.db, "enable_seqscan"):
        if condition and matching.testing_pays(share, entries.db, rows=limit):
            # Words in nearly every page: the newest documents' stored vectors tested one by one
            # (集团化办学 widened, in every page at 100 k documents: 300 → 130 ms under load).
            tested = matching.documents_tested_each(queryset, condition)
            return list(tested.order_by("-pk").values_list("pk", flat=True)[:limit])
        found = _from_newest_pages(queryset, entries, limit, share) if share else None
        return found if found is not None else list(_every_match(queryset, entries, limit, share))


@contextmanager
def _planner_without(using: str, *settings: str):
    """PostgreSQL's planner with the ``settings`` (``enable_seqscan`` ...) off for the statements inside."""
    with connections[using].cursor() as cursor:
        for setting in settings:
            cursor.execute(f"SET {setting} = off")
        try:
            yield
        finally:
            for setting in settings:
                cursor.execute(f"RESET {setting}")


def _from_newest_pages(queryset: QuerySet, entries: QuerySet, limit: int, share: float) -> list[int] | None:
    """The newest ``limit`` matches, read from slices of the newest pages; None when the slice
    needed spans most of the table (or the tries ran out) before ``limit`` matches were found."""
    top = SearchEntry.objects.using(entries.db).aggregate(top=Max("document_id"))["top"]
    if top is None:
        return []
    span = math.ceil(limit / share * SLICE_MARGIN)
    for _ in range(SLICE_TRIES):
        if span > top * SLICE_MAX_SHARE:
            return None
        bottom = top - span
        # The bottom on both sides: the queryset's documents are read from that id up, not all of them.
        documents = queryset.filter(pk__gt=bottom).values("pk")
        matches = entries.filter(document_id__gt=bottom, document_id__in=documents)
        newest = matches.order_by((F("document_id") + 0).desc()).values_list("document_id", flat=True)[:limit]
        # Plain index scans ruled out: the planner walked the slice by primary key computing
        # to_tsvector() for each row (县管校聘 at a million documents: 3.7 s, so the slice was
        # refused and every match read, 110 ms) where the BitmapAnd takes 18 ms.
        with _planner_without(entries.db, "enable_indexscan"):
            if not _words_read_from_the_index(newest):
                return None
            found = list(newest)
        if len(found) >= limit:
            return found
        span = math.ceil(span * limit / max(len(found), 1) * SLICE_MARGIN)
    return None


def _words_read_from_the_index(rows: QuerySet) -> bool:
    """Whether PostgreSQL plans to find ``rows``' words through the GIN index, never by computing
    to_tsvector() row by row. The planner takes to_tsvector() for cheap: where the GIN index's part
    looks dear (a widened query holding 教育 and 集团, in every page), it would walk the slice by its
    primary key testing each row, 0.2–2 ms a row (3 s at 100 k documents), instead of narrowing
    the GIN index's matches with the primary key (a ``BitmapAnd``)."""
    return not any("to_tsvector" in node.get("Filter", "") for node in _nodes(matching.query_plan(rows)))


def _nodes(node: dict):
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)


def _every_match(queryset: QuerySet, entries: QuerySet, limit: int, share: float) -> QuerySet:
    """The newest ``limit`` matches, read from every match of a word in ``share`` of the pages."""
    if share >= matching.COMMON_SHARE:
        # Common words: walk the documents newest first, each looked up in the matches hashed
        # once, and stop at ``limit`` (``matching.documents_holding``), rather than join and sort
        # them all (集团化办学 at 100 k documents: 160 → 50 ms).
        return matching.documents_holding(queryset, entries).order_by("-pk").values_list("pk", flat=True)[:limit]
    # "+ 0" keeps PostgreSQL's planner from walking the primary key backwards and testing each
    # row with to_tsvector() (0.2 ms a row): it takes the matches from the GIN index and sorts those.
    matches = entries.filter(document_id__in=queryset.values("pk"))
    return matches.order_by((F("document_id") + 0).desc()).values_list("document_id", flat=True)[:limit]
