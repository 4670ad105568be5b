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
- Bulk inserts, a batch of documents per transaction; ``Document.checksum`` is set by hand.
  On PostgreSQL (outside a transaction) two connections write batches at once while this
  thread plans the next: the database's work (indexes, TOAST, ``to_tsvector``) is most of
  the time, and a second backend puts the second core to use. Ids are given from each
  document's serial, so the result does not depend on which batch lands first.
- No django-simple-history rows: history would double every insert (the historical
  document table copies both texts) for records no curator ever edited, and no page the
  benchmarks measure reads it. A generated record's History page is empty, like a
  region's after ``load_regions``.
- Each batch is indexed for search as it is written (``apps.search.services.search_index_rebuild``
  over the batch), since bulk inserts send no ``post_save``; at the end the planner's statistics are refreshed
  (``ANALYZE``), and on PostgreSQL the tables are vacuumed so that counts can use
  index-only scans, as they would after autovacuum on a live site.
"""
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, connections

from apps.commitments.models import Commitment
from apps.demo.corpus.material import CITED_MIN_DISTANCE
from apps.demo.corpus.plan import Place, Places, Planner
from apps.demo.corpus.writer import CorpusWriter, PreparedBatch, batch_insert, sequences_reset
from apps.documents.models import Citation, Document
from apps.initiatives.models import Initiative
from apps.organizations.models import Organization
from apps.proposals.models import Proposal, Proposer, Reply
from apps.regions.models import Region
from apps.regions.services import regions_load
from apps.targets.evidence import target_evidence_refresh
from apps.targets.models import Indicator, Observation, Target

DOCUMENTS_PER_BATCH = 1000
PARALLEL_CONNECTIONS = 2
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


class _Inserters:
    """Threads inserting prepared batches, each on its own connection; the first error is raised to the caller."""

    def __init__(self, count: int, progress: Callable[[int], None] | None):
        self.batches: queue.Queue = queue.Queue(maxsize=count)
        self.errors: list[BaseException] = []
        self.progress, self.written, self.lock = progress, 0, threading.Lock()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(count)]
        for thread in self.threads:
            thread.start()

    def _run(self) -> None:
        try:
            while (batch := self.batches.get()) is not None:
                if not self.errors:
                    self.insert(batch)
        except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
            self.errors.append(error)
            while self.batches.get() is not None:  # keep taking work so the producer never blocks
                pass
        finally:
            connections.close_all()

    def insert(self, batch: PreparedBatch) -> None:
        batch_insert(batch)
        with self.lock:
            self.written += len(batch.documents)
            if self.progress:
                self.progress(self.written)

    def submit(self, batch: PreparedBatch) -> None:
        if self.errors:
            raise self.errors[0]
        self.batches.put(batch)

    def finish(self) -> None:
        for _thread in self.threads:
            self.batches.put(None)
        for thread in self.threads:
            thread.join()
        if self.errors:
            raise self.errors[0]


def _places() -> Places:
    if not Region.objects.exists():
        regions_load()
    return Places([Place(*row) for row in Region.objects.values_list("code", "name", "level", "parent_id")])


def _statistics_refresh() -> None:
    tables = [model._meta.db_table for model in COUNTED_MODELS] + [
        Document.regions.through._meta.db_table, Initiative.documents.through._meta.db_table, "search_searchentry",
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and connection.get_autocommit():
            cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")
        else:
            cursor.execute("ANALYZE")


def corpus_generate(
    *, documents: int, seed: int = 0, batch_size: int = DOCUMENTS_PER_BATCH,
    progress: Callable[[int], None] | None = None,
) -> CorpusSummary:
    """Write ``documents`` generated documents and everything drawn from them, indexed for search.

    Raises ``CorpusNotEmpty`` when documents exist. ``progress`` is called with the number
    of documents written so far after each batch (from a writer thread on PostgreSQL).
    If writing fails part-way, the batches already committed stay: drop the database.
    """
    if Document.objects.exists():
        raise CorpusNotEmpty(f"The database already holds {Document.objects.count():,} documents.")
    # Batches in flight: one being prepared, one queued and one being inserted per connection.
    if batch_size * (2 * PARALLEL_CONNECTIONS + 1) > CITED_MIN_DISTANCE:
        raise ValueError(f"batch_size {batch_size} is too large for CITED_MIN_DISTANCE {CITED_MIN_DISTANCE}.")
    summary = CorpusSummary(documents=documents, seed=seed)
    started = time.perf_counter()
    planner, writer = Planner(_places(), seed=seed), CorpusWriter()
    # Other connections cannot see an open transaction's rows (a test's, for one): write inline then.
    parallel = connection.vendor == "postgresql" and not connection.in_atomic_block
    inserters = _Inserters(PARALLEL_CONNECTIONS, progress) if parallel else None
    try:
        for start in range(0, documents, batch_size):
            batch = writer.prepare([planner.document(serial) for serial in range(start, min(start + batch_size, documents))])
            if inserters:
                inserters.submit(batch)
            else:
                batch_insert(batch)
                if progress:
                    progress(min(start + batch_size, documents))
    finally:
        if inserters:
            inserters.finish()
    sequences_reset()
    summary.timings["records and search index"] = time.perf_counter() - started
    started = time.perf_counter()
    # bulk_create skips Target.save(): each target's evidence and due day, in one UPDATE after the load.
    target_evidence_refresh(Target.objects.all())
    summary.timings["target evidence"] = time.perf_counter() - started
    started = time.perf_counter()
    _statistics_refresh()
    summary.timings["vacuum/analyze"] = time.perf_counter() - started
    summary.counts = {model.__name__: model.objects.count() for model in COUNTED_MODELS}
    return summary
