"""A synthetic corpus for benchmarks (``manage.py generate_corpus``), deterministic for a seed.

Every document is a variation of one of the five seed pages, picked at random: the same
type, the same shape (regions, targets, observations, citations, initiatives, a proposal
with its reply for the two replies), new places from the full region table, a new date
in 2015-2025, and a text recombined from the seed paragraphs with the place names
replaced. So the corpus holds records in the seed pages' proportions: per 100 documents
about 40 replies with their proposals, 560 targets, 260 observations, 500 citations and
680 initiative links. What the seeds cannot say is assumed and named in
``apps.demo.corpus.material`` (curation statuses, result letters, linked citations).

- Refuses a database that already holds documents (``CorpusNotEmpty``): the corpus is
  for a database of its own, and mixing it into curated records would be a mess to undo.
  Regions are loaded from the national table first when the table is empty.
- On PostgreSQL outside a transaction (``manage.py generate_corpus``): this process plans
  the documents in order (one random stream, so the corpus depends on the seed only) and
  creates the shared rows (organizations, initiatives); ``LOADER_PROCESSES`` worker
  processes cut each batch's words for search and ``COPY`` its rows in
  (``apps.demo.corpus.copy``), into tables whose secondary indexes, foreign keys and
  stored tsvector are dropped first and rebuilt once at the end. Ids come from each
  document's serial and a counter here, so the rows do not depend on which batch lands
  first. At most ``2 × LOADER_PROCESSES`` batches wait in memory, whatever the size.
- Elsewhere (SQLite, or inside a test's transaction): ``bulk_create`` a batch per
  transaction, indexed for search as it is written (``search_index_rebuild`` over the
  batch, since bulk inserts send no ``post_save``). The same seed gives the same rows on
  both paths. ``Document.checksum`` is set by hand.
- No django-simple-history rows: history would double every insert (the historical
  document table copies both texts) for records no curator ever edited, and no page the
  benchmarks measure reads it. A generated record's History page is empty, like a
  region's after ``load_regions``.
- At the end the planner's statistics are refreshed (``ANALYZE``), and on PostgreSQL the
  tables are vacuumed so that counts can use index-only scans, as they would after
  autovacuum on a live site.
"""
import collections
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import connection, connections

from apps.commitments.models import Commitment
from apps.demo.corpus.copy import CopyBatch, batch_copy, copy_batch, indexes_deferred, run_parallel
from apps.demo.corpus.plan import Place, Places, Planner
from apps.demo.corpus.writer import CorpusWriter, PreparedBatch, batch_insert, sequences_reset
from apps.documents.models import Citation, Document
from apps.initiatives.models import Initiative
from apps.organizations.models import Organization
from apps.proposals.models import Proposal, Proposer, Reply
from apps.regions.models import Region
from apps.regions.services import regions_load
from apps.search.models import SearchEntry
from apps.targets.evidence import target_evidence_refresh
from apps.targets.models import Indicator, Observation, Target

DOCUMENTS_PER_BATCH = 1000
# Processes COPYing on PostgreSQL: cutting words for search is most of their work, one per core.
LOADER_PROCESSES = max(2, os.cpu_count() or 1)
COUNTED_MODELS = [
    Region, Organization, Document, Citation, Proposal, Proposer, Reply, Initiative, Indicator, Target, Observation,
    Commitment,
]


class CorpusNotEmpty(Exception):
    """The database already holds documents."""


@dataclass
class CorpusSummary:
    documents: int
    seed: int
    counts: dict[str, int] = field(default_factory=dict)
    # Seconds spent writing and indexing records, and vacuuming/analysing.
    timings: dict[str, float] = field(default_factory=dict)

    def lines(self) -> list[str]:
        lines = [f"{name}: {count:,}" for name, count in self.counts.items()]
        lines += [f"{step}: {seconds:.1f} s" for step, seconds in self.timings.items()]
        return lines


_loader_connection = None


def _loader_start(params: dict) -> None:
    global _loader_connection
    import psycopg2

    # The pool stops its children with SIGTERM; a handler the parent had installed (a job worker
    # run in the same process, as in the tests) would otherwise keep them alive and the pool waiting.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    _loader_connection = psycopg2.connect(**params)
    with _loader_connection.cursor() as cursor:
        # A lost corpus is regenerated, not recovered: no need to wait for each commit's flush.
        cursor.execute("SET synchronous_commit = off")
    _loader_connection.commit()


def _loader_run(batch: CopyBatch) -> int:
    batch_copy(_loader_connection, batch)
    return batch.documents


def _psycopg_params() -> dict:
    params = connection.get_connection_params()
    for key in ("cursor_factory", "context"):
        params.pop(key, None)
    return params


def _copied_tables() -> list[str]:
    models = [Document, Citation, Target, Observation, Proposal, Proposer, Reply, Commitment, SearchEntry]
    return [m._meta.db_table for m in models] + [
        Document.regions.through._meta.db_table, Initiative.documents.through._meta.db_table,
    ]


def _write_copied(
    batches: Iterator[PreparedBatch], progress: Callable[[int], None] | None, started: float,
) -> dict[str, float]:
    """Load the batches through ``LOADER_PROCESSES`` processes COPYing into index-free tables.

    Returns the seconds from ``started`` to the last batch written (``records``) and those
    spent rebuilding indexes, foreign keys and search vectors (``indexes``).
    """
    params = _psycopg_params()
    # Forked children must not share this process's open socket: fork before reconnecting.
    connections.close_all()
    written = 0
    fork = multiprocessing.get_context("fork")
    with fork.Pool(LOADER_PROCESSES, initializer=_loader_start, initargs=(params,)) as pool:
        with indexes_deferred(params, _copied_tables(), workers=LOADER_PROCESSES) as timings:
            pending: collections.deque = collections.deque()
            for batch in batches:
                pending.append(pool.apply_async(_loader_run, (copy_batch(batch),)))
                while len(pending) >= 2 * LOADER_PROCESSES or (pending and pending[0].ready()):
                    written += pending.popleft().get()
                    if progress:
                        progress(written)
            while pending:
                written += pending.popleft().get()
                if progress:
                    progress(written)
            timings["records"] = time.perf_counter() - started
    return timings


def _places() -> Places:
    if not Region.objects.exists():
        regions_load()
    return Places([Place(*row) for row in Region.objects.values_list("code", "name", "level", "parent_id")])


def _statistics_refresh() -> None:
    tables = [model._meta.db_table for model in COUNTED_MODELS] + [
        Document.regions.through._meta.db_table, Initiative.documents.through._meta.db_table, "search_searchentry",
    ]
    if connection.vendor == "postgresql" and connection.get_autocommit():
        # Largest first, LOADER_PROCESSES tables at a time.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname FROM pg_class WHERE relname = ANY(%s) ORDER BY pg_total_relation_size(oid) DESC",
                [tables],
            )
            ordered = [row[0] for row in cursor.fetchall()]
        run_parallel(_psycopg_params(), [f'VACUUM ANALYZE "{table}"' for table in ordered], LOADER_PROCESSES)
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def corpus_generate(
    *, documents: int, seed: int = 0, batch_size: int = DOCUMENTS_PER_BATCH,
    progress: Callable[[int], None] | None = None,
) -> CorpusSummary:
    """Write ``documents`` generated documents and everything drawn from them, indexed for search.

    Raises ``CorpusNotEmpty`` when documents exist. ``progress`` is called with the number
    of documents written so far after each batch.
    If writing fails part-way, the batches already committed stay: drop the database.
    """
    if Document.objects.exists():
        raise CorpusNotEmpty(f"The database already holds {Document.objects.count():,} documents.")
    summary = CorpusSummary(documents=documents, seed=seed)
    started = time.perf_counter()
    planner, writer = Planner(_places(), seed=seed), CorpusWriter()
    batches = (
        writer.prepare([planner.document(serial) for serial in range(start, min(start + batch_size, documents))])
        for start in range(0, documents, batch_size)
    )
    # Other connections cannot see an open transaction's rows (a test's, for one): write inline then.
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        timings = _write_copied(batches, progress, started)
        summary.timings["records"] = timings["records"]
        summary.timings["indexes and foreign keys"] = timings["indexes"]
    else:
        for batch in batches:
            batch_insert(batch)
            if progress:
                progress(batch.documents[-1].pk - writer.first_document_id + 1)
        summary.timings["records and search index"] = time.perf_counter() - started
    sequences_reset()
    started = time.perf_counter()
    # bulk_create skips Target.save(): each target's evidence and due day, in one UPDATE after the load.
    target_evidence_refresh(Target.objects.all())
    summary.timings["target evidence"] = time.perf_counter() - started
    started = time.perf_counter()
    _statistics_refresh()
    summary.timings["vacuum/analyze"] = time.perf_counter() - started
    summary.counts = {model.__name__: model.objects.count() for model in COUNTED_MODELS}
    return summary
