"""PostgreSQL's fast path for the corpus: COPY into tables stripped of their secondary indexes.

A row inserted into a table with indexes updates every index at once, row by row (the
search entries' GIN index parses the words again for it). Built after the load instead,
each index is one pass over the whole table. So ``indexes_deferred`` drops, for the
corpus's tables, every index that backs no primary key or unique constraint and every
foreign key, and puts them back, from the definitions PostgreSQL printed, when the load is
over: the schema ends as the migrations left it, whatever indexes the apps add later.

``copy_batch`` turns a prepared batch (``apps.demo.corpus.writer.PreparedBatch``) into plain
values in the planning process; ``batch_copy``, in a loader process on a plain psycopg2
connection, cuts its documents' words and writes it with one ``COPY ... FROM STDIN`` per table.
"""
import io
import json
import operator
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from apps.demo.corpus.writer import PreparedBatch
from apps.documents.models import Document
from apps.search.models import SearchEntry
from apps.search.segment import document_tokens

INDEX_BUILD_MEMORY = "256MB"
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


@dataclass
class CopyBatch:
    """A prepared batch as plain values, cheap to pickle to a loader process (model instances are not).

    ``tables``: per table, its name, its columns and its rows' values; ``texts``: each
    document's id, title and clean text, which the loader cuts into words for search.
    """

    tables: list[tuple[str, list[str], list[tuple]]]
    texts: list[tuple[int, str, str]]

    @property
    def documents(self) -> int:
        return len(self.texts)


def _columns(model, with_id: bool) -> list:
    return [f for f in model._meta.concrete_fields if with_id or not isinstance(f, models.AutoField)]


def _getter(field, now):
    """How to read one column's value from an unsaved row, as ``bulk_create`` would write it."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return lambda row: now
    attname = field.attname
    if isinstance(field, models.JSONField):
        return lambda row: json.dumps(getattr(row, attname), ensure_ascii=False)
    return operator.attrgetter(attname)


def copy_batch(batch: PreparedBatch) -> CopyBatch:
    """``batch``'s rows as values; ids only where they were given (the others come from the sequence)."""
    now, tables = timezone.now(), []
    for model, rows in [(Document, batch.documents), *batch.tables]:
        if not rows:
            continue
        fields = _columns(model, with_id=rows[0].pk is not None)
        getters = [_getter(f, now) for f in fields]
        tables.append((model._meta.db_table, [f.column for f in fields], [tuple(g(r) for g in getters) for r in rows]))
    texts = [(d.pk, d.title, d.clean_text) for d in batch.documents]
    return CopyBatch(tables, texts)


def _text(value) -> str:
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _copy(cursor, table: str, columns: list[str], rows: list[tuple]) -> None:
    buffer = io.StringIO()
    buffer.writelines("\t".join(map(_text, row)) + "\n" for row in rows)
    buffer.seek(0)
    names = ", ".join(f'"{c}"' for c in columns)
    cursor.copy_expert(f'COPY "{table}" ({names}) FROM STDIN', buffer)


def batch_copy(psycopg_connection, batch: CopyBatch) -> None:
    """Cut the batch's documents into words and COPY every table, in one transaction of ``psycopg_connection``."""
    entries = [(pk, document_tokens(title, text)) for pk, title, text in batch.texts]
    with psycopg_connection.cursor() as cursor:
        for table, columns, rows in batch.tables:
            _copy(cursor, table, columns, rows)
        _copy(cursor, SearchEntry._meta.db_table, ["document_id", "tokens"], entries)
    psycopg_connection.commit()


# --- dropping and restoring the secondary indexes ------------------------------------------

_INDEXES = """
    SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid AND c.contype IN ('p', 'u', 'x'))
"""
# Statistics targets set on index columns (ALTER INDEX ... SET STATISTICS): pg_get_indexdef omits them.
_INDEX_STATISTICS = """
    SELECT i.relname, a.attnum, a.attstattarget FROM pg_attribute a
    JOIN pg_class i ON i.oid = a.attrelid JOIN pg_index x ON x.indexrelid = i.oid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace AND a.attstattarget > 0
"""
_FOREIGN_KEYS = """
    SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace AND c.contype = 'f'
"""


def run_parallel(params: dict, statements: list[str], workers: int) -> None:
    """Run ``statements`` over ``workers`` autocommit connections at once, each taking every ``workers``-th."""
    import psycopg2

    def run(share: list[str]) -> None:
        link = psycopg2.connect(**params)
        link.autocommit = True
        try:
            with link.cursor() as cursor:
                cursor.execute(f"SET maintenance_work_mem = '{INDEX_BUILD_MEMORY}'")
                for sql in share:
                    cursor.execute(sql)
        finally:
            link.close()

    shares = [statements[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        for done in [pool.submit(run, share) for share in shares if share]:
            done.result()


@contextmanager
def indexes_deferred(params: dict, tables: list[str], *, workers: int = 2) -> Iterator[dict]:
    """Drop the tables' secondary indexes and foreign keys; rebuild them on exit, ``workers`` at a time.

    Yields a dict that gets the seconds spent rebuilding (key ``"indexes"``) on exit. The
    foreign keys are re-added with validation, so a load that broke one fails here. The
    search entries' stored tsvector (a generated column) stays: it is computed as rows are
    COPYed, by the loaders' backends in parallel, rather than in one single-core rewrite after.
    """
    import psycopg2

    link = psycopg2.connect(**params)
    try:
        with link, link.cursor() as cursor:  # one transaction: all dropped or none
            cursor.execute(_INDEXES, [tables])
            indexes = cursor.fetchall()
            cursor.execute(_INDEX_STATISTICS, [tables])
            statistics = cursor.fetchall()
            cursor.execute(_FOREIGN_KEYS, [tables])
            foreign_keys = cursor.fetchall()
            for table, name, _definition in foreign_keys:
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
    finally:
        link.close()
    timings: dict[str, float] = {}
    try:
        yield timings
    finally:
        started = time.perf_counter()
        # The GIN index parses every entry's words again: the longest build, started first.
        ordered = sorted((definition for _name, definition in indexes), key=lambda sql: " gin " not in sql)
        run_parallel(params, ordered, workers)
        run_parallel(params, [f'ALTER INDEX "{i}" ALTER COLUMN {n} SET STATISTICS {t}' for i, n, t in statistics], 1)
        # Two foreign keys of one table lock each other out: one connection for them all.
        run_parallel(params, [f'ALTER TABLE "{t}" ADD CONSTRAINT "{n}" {d}' for t, n, d in foreign_keys], 1)
        timings["indexes"] = time.perf_counter() - started
