"""PostgreSQL's fast path for the corpus: COPY into tables stripped of their secondary indexes.

A row inserted into a table with indexes updates every index at once, row by row (the
search entries' GIN index parses the words again for it). Built after the load instead,
each index is one pass over the whole table. So ``indexes_deferred`` drops, for the
corpus's tables, every index that backs no primary key or unique constraint and every
foreign key, and puts them back, from the definitions PostgreSQL printed, when the load is
over: the schema ends as the migrations left it, whatever indexes the apps add later.

``batch_copy`` writes one prepared batch (``apps.demo.corpus.writer.PreparedBatch``) with
one ``COPY ... FROM STDIN`` per table, on a plain psycopg2 connection: it runs in worker
processes, away from Django's connection.
"""
import io
import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.db import models

from apps.demo.corpus.writer import PreparedBatch
from apps.documents.models import Document
from apps.search.models import SearchEntry
from apps.search.segment import document_tokens

INDEX_BUILD_MEMORY = "256MB"
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _text(field, value) -> str:
    if value is None:
        return "\\N"
    if isinstance(field, models.JSONField):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        return "t" if value else "f"
    elif hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).translate(_ESCAPES)


def _columns(model, with_id: bool) -> list:
    return [f for f in model._meta.concrete_fields if with_id or not isinstance(f, models.AutoField)]


def _copy(cursor, model, rows: list) -> None:
    """COPY ``rows`` (unsaved instances) into ``model``'s table; ids only where they were given."""
    if not rows:
        return
    fields = _columns(model, with_id=rows[0].pk is not None)
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_text(f, f.pre_save(row, True)) for f in fields))
        buffer.write("\n")
    buffer.seek(0)
    columns = ", ".join(f'"{f.column}"' for f in fields)
    cursor.copy_expert(f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN', buffer)


def batch_copy(psycopg_connection, batch: PreparedBatch) -> None:
    """Write one batch and its search entries in one transaction of ``psycopg_connection``."""
    entries = [
        SearchEntry(document_id=document.pk, tokens=document_tokens(document.title, document.clean_text))
        for document in batch.documents
    ]
    with psycopg_connection.cursor() as cursor:
        _copy(cursor, Document, batch.documents)
        for model, rows in batch.tables:
            _copy(cursor, model, rows)
        _copy(cursor, SearchEntry, entries)
    psycopg_connection.commit()


# --- dropping and restoring the secondary indexes ------------------------------------------

_INDEXES = """
    SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid AND c.contype IN ('p', 'u', 'x'))
"""
_FOREIGN_KEYS = """
    SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace AND c.contype = 'f'
"""


def _run_all(params: dict, statements: list[str], workers: int) -> None:
    """Run ``statements`` over ``workers`` connections at once, longest (listed first) first."""
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
        _run_all(params, ordered, workers)
        # Two foreign keys of one table lock each other out: one connection for them all.
        _run_all(params, [f'ALTER TABLE "{t}" ADD CONSTRAINT "{n}" {d}' for t, n, d in foreign_keys], 1)
        timings["indexes"] = time.perf_counter() - started
