"""Importing many pages at once, in several processes (``import_documents --workers``).

Saving a page is mostly Python: the ORM, django-simple-history's copies, the segmenter.
Threads share one interpreter lock, so two import threads ran no faster than one (42
against 40 pages/s at 100 k documents on 2 cores); two processes ran about twice as many
(docs/performance.md, "Import throughput").
Pages are written in groups (``captures_import``: one transaction, one statement per table for
the group), each group in one process on its own connection; results come back in the order of
the pages.

Concurrent imports meet in the database: the same page twice ends as a duplicate (each
import takes a lock on its article's fingerprint before looking for it, apps.ingest.duplicates), and a new
organization, initiative or indicator wanted by two pages is created once (get_or_create
waits for the other transaction, then finds its row).

Processes are forked, so only where fork exists, on PostgreSQL, and outside a transaction
(another process cannot see a test's open transaction, nor share SQLite's file lock well);
anywhere else the pages are imported one after another in this process.
"""
import itertools
import multiprocessing
import signal
from collections.abc import Iterable, Iterator

from django.db import connection, connections

from apps.ingest.decode import DecodeError
from apps.ingest.draft import Draft, Status
from apps.ingest.notes import N_, Note, note
from apps.ingest.pipeline import Reader
from apps.ingest.services import GROUP_SIZE, Capture, ImportResult, captures_import, document_import, import_reader

# Set in the parent just before forking; each child inherits it rather than rebuilding it.
_child_reader: Reader | None = None
_child_options: dict = {}


def _unreadable(error: Exception) -> Note:
    if isinstance(error, DecodeError):
        return error.note
    return note(N_("无法读取文件：%(reason)s"), reason=str(error))


def _import_one(page: tuple[str, bytes | Exception], reader: Reader, options: dict) -> ImportResult:
    filename, raw = page
    if isinstance(raw, Exception):
        return ImportResult(Draft(file=filename, status=Status.ERROR, error=_unreadable(raw)))
    return document_import(raw=raw, filename=filename, reader=reader, **options)


def _import_group(pages: list[tuple[str, bytes | Exception]], reader: Reader, options: dict) -> list[ImportResult]:
    """A group of pages written together (``captures_import``); on a dry run, each looked at alone."""
    if options["dry_run"]:
        return [_import_one(page, reader, options) for page in pages]
    readable = {i: Capture(raw, filename) for i, (filename, raw) in enumerate(pages) if not isinstance(raw, Exception)}
    written = dict(zip(readable, captures_import(list(readable.values()), reader=reader, user=options["user"])))
    return [written[i] if i in written else _import_one(page, reader, options) for i, page in enumerate(pages)]


def _groups(pages: Iterable, size: int) -> Iterator[list]:
    pages = iter(pages)
    while group := list(itertools.islice(pages, size)):
        yield group


def _child_start() -> None:
    # The pool stops its children with SIGTERM; a handler the parent had installed (a job worker
    # run in the same process, as in the tests) would otherwise keep them alive and the pool waiting.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _import_in_child(pages: list[tuple[str, bytes | Exception]]) -> list[ImportResult]:
    return _import_group(pages, _child_reader, _child_options)


def parallel_possible() -> bool:
    return (
        connection.vendor == "postgresql" and not connection.in_atomic_block
        and "fork" in multiprocessing.get_all_start_methods()
    )


def documents_import(
    *, pages: Iterable[tuple[str, bytes | Exception]], workers: int = 1, dry_run: bool = False,
    reader: Reader | None = None, user=None,
) -> Iterator[ImportResult]:
    """``document_import`` for each ``(filename, raw bytes)``, in order, ``GROUP_SIZE`` pages written
    together (``captures_import``); in ``workers`` processes when possible.

    A page given as an exception (the file could not be read) comes back as an error with its message.
    """
    global _child_reader, _child_options
    reader = reader or import_reader()
    options = {"dry_run": dry_run, "user": user}
    groups = _groups(pages, GROUP_SIZE)
    if workers <= 1 or not parallel_possible():
        for group in groups:
            yield from _import_group(group, reader, options)
        return
    _child_reader, _child_options = reader, options
    # Children must open connections of their own, not share this process's socket.
    connections.close_all()
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_child_start) as pool:
            for results in pool.imap(_import_in_child, groups):
                yield from results
    finally:
        _child_reader, _child_options = None, {}
