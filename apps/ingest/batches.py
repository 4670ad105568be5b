"""Import batches as background work: create one, read its items, cancel, retry.

A job reads a group of items (``GROUP_SIZE``) in two steps. A committed, conditional update claims
them (waiting → reading, with a token): two workers given the same item cannot both win it. Then
one transaction saves the draft records *and* the items' outcomes, and only under the claim's
token: a worker killed in between leaves no half-saved records, only items "reading" for too long,
which the batch page offers to retry (``ImportItem.is_stalled``). A group that fails is saved again
item by item, so one bad item fails alone. Duplicates across a batch are found as across the
database: within a group, a page of the same article as an earlier one is saved after it
(apps.ingest.services), and every other group is committed or locked (apps.ingest.duplicates).
"""
import logging
import sys
import time
import uuid
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from apps.ingest.archives import pages_unpacked
from apps.ingest.decode import DecodeError
from apps.ingest.draft import Draft, Status
from apps.ingest.fetch import FetchedPage, FetchRefused, page_fetch, url_refusal
from apps.ingest.files import PAGE_SUFFIXES, suffix_of, unsupported_type_note
from apps.ingest.models import BatchOrigin, ImportBatch, ImportItem, ItemState
from apps.ingest.notes import N_, Note, note
from apps.ingest.pipeline import Reader
from apps.ingest.services import GROUP_SIZE, Capture, ImportResult, captures_import, import_reader

logger = logging.getLogger(__name__)

# A worker keeps its reader (region table, vocabulary) this long before reading the database again.
READER_SECONDS = 60
_reader_cache: tuple[float, Reader] | None = None


def _stored(reason: Note | str | None) -> dict | None:
    if reason is None:
        return None
    return reason.stored() if isinstance(reason, Note) else {"message": str(reason), "values": {}}


def batch_create(
    *, files: Iterable[tuple[str, bytes | Exception]] = (), urls: Iterable[str] = (), user=None,
    origin: str = BatchOrigin.ADMIN, enqueue: bool = True,
) -> ImportBatch:
    """A batch of ``(file name, bytes)`` and of addresses, each item waiting for a worker (its job
    enqueued once the batch is committed); a .zip gives one item per file in it, an address one item
    the worker fetches. A file that cannot be read, of a type not accepted, or an address that is not
    http(s), is recorded refused with its reason straight away: no worker needs to look at it."""
    with transaction.atomic():
        batch = ImportBatch.objects.create(started_by=user if user and user.pk else None, origin=origin)
        pages = enumerate(pages_unpacked(files), start=1)
        items = [_new_item(batch, position, name, raw) for position, (name, raw) in pages]
        items += [_url_item(batch, position, url) for position, url in enumerate(urls, start=len(items) + 1)]
        ImportItem.objects.bulk_create(items, batch_size=200)
        if enqueue:
            waiting = batch.items.filter(state=ItemState.WAITING).order_by("position")
            files = list(waiting.filter(url="").values_list("pk", flat=True))
            # One address a job: each fetch may wait its timeout, and a group's items all show reading meanwhile.
            addresses = list(waiting.exclude(url="").values_list("pk", flat=True))
            transaction.on_commit(lambda: (items_enqueue(files), items_enqueue(addresses, group_size=1)))
    return batch


def _new_item(batch: ImportBatch, position: int, name: str, raw: bytes | Exception) -> ImportItem:
    item = ImportItem(batch=batch, position=position, name=name[:500])
    refusal = _refusal(name, raw)
    if refusal is None:
        item.content = raw
    else:
        item.state, item.finished_at, item.reason = ItemState.REFUSED, timezone.now(), refusal.stored()
    return item


def _url_item(batch: ImportBatch, position: int, url: str) -> ImportItem:
    item = ImportItem(batch=batch, position=position, name=url[:500], url=url)
    refusal = url_refusal(url)
    if refusal is not None:
        item.state, item.finished_at, item.reason = ItemState.REFUSED, timezone.now(), refusal.note.stored()
    return item


def _refusal(name: str, raw: bytes | Exception) -> Note | None:
    """Why a file is refused before any worker reads it: unreadable, or not a type the importer reads."""
    if isinstance(raw, DecodeError):
        return raw.note
    if isinstance(raw, Exception):
        return note(N_("无法读取文件：%(reason)s"), reason=str(raw))
    suffix = suffix_of(name)
    return None if suffix in PAGE_SUFFIXES else unsupported_type_note(suffix or name)


def items_enqueue(item_ids: Iterable[int], *, group_size: int = GROUP_SIZE) -> None:
    """One background job per group of up to ``group_size`` items (apps.ingest.tasks). In one
    transaction: on the database backend a thousand jobs are a thousand rows, which SQLite would
    otherwise write (and sync) one by one."""
    from apps.ingest.tasks import import_items

    item_ids = list(item_ids)
    groups = [item_ids[start:start + group_size] for start in range(0, len(item_ids), group_size)]
    with transaction.atomic():
        if _database_jobs_create(import_items, groups):
            return
        for group in groups:
            import_items.enqueue(group)


def _database_jobs_create(task, groups: list[list[int]]) -> bool:
    """On the database backend, the jobs' rows in a few INSERTs rather than one per job: the rows
    ``task.enqueue`` writes (test_import_jobs.py compares them), a 1,000-file upload's request
    otherwise spending most of its time on them. False on another backend."""
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult, get_date_max

    backend = task_backends[task.backend]
    if not isinstance(backend, DatabaseBackend):
        return False
    backend.validate_task(task)
    DBTaskResult.objects.bulk_create([
        DBTaskResult(
            args_kwargs={"args": [group], "kwargs": {}}, priority=task.priority, task_path=task.module_path,
            queue_name=task.queue_name, run_after=task.run_after or get_date_max(), backend_name=backend.alias,
        )
        for group in groups
    ], batch_size=500)
    return True


def _worker_reader() -> Reader:
    global _reader_cache
    now = time.monotonic()
    if _reader_cache is None or now - _reader_cache[0] > READER_SECONDS:
        _reader_cache = (now, import_reader())
    return _reader_cache[1]


def items_claim(item_ids: list[int]) -> tuple[str, list[int]]:
    """Take the waiting items among ``item_ids`` for this worker: the claim's token and the ids
    won (not those another worker has, finished, or of a cancelled batch). Committed at once, so
    the batch page shows them reading."""
    token = uuid.uuid4().hex
    with transaction.atomic():
        ImportItem.objects.filter(
            pk__in=item_ids, state=ItemState.WAITING, batch__cancelled_at__isnull=True,
        ).update(state=ItemState.READING, claim=token, claimed_at=timezone.now(), attempts=F("attempts") + 1)
    claimed = ImportItem.objects.filter(pk__in=item_ids, claim=token).order_by("position", "pk")
    return token, list(claimed.values_list("pk", flat=True))


def item_claim(item_id: int) -> str | None:
    """Take one waiting item (``items_claim``); its token, or None when it was not this worker's to take."""
    token, claimed = items_claim([item_id])
    return token if claimed else None


def item_import(*, item_id: int, reader: Reader | None = None) -> ImportResult | None:
    """Read one item of a batch (``items_import``); None when it was not this worker's to read."""
    return items_import(item_ids=[item_id], reader=reader).get(item_id)


def items_import(*, item_ids: list[int], reader: Reader | None = None) -> dict[int, ImportResult]:
    """Read a group of items and save their draft records and their outcomes in one transaction.

    The results by item, for the items this worker claimed (see ``items_claim``). Bad input ends
    an item refused with its reason. If saving the group fails, each item is read again alone, so
    that an unexpected error ends only its own item failed, retryable, with nothing saved.
    """
    token, claimed = items_claim(item_ids)
    reader = reader or _worker_reader()
    items = ImportItem.objects.filter(pk__in=claimed).select_related("batch__started_by").order_by("position", "pk")
    results, captures = {}, {}
    for item in items:
        try:
            page = _page_fetched(item) if item.url else None
        except FetchRefused as refusal:
            # Nothing to save: only the item's outcome, still under this worker's claim.
            ImportItem.objects.filter(pk=item.pk, claim=token).update(
                state=ItemState.REFUSED, finished_at=timezone.now(), reason=refusal.note.stored(),
            )
            results[item.pk] = ImportResult(Draft(file=item.name, status=Status.ERROR, error=refusal.note))
            continue
        captures[item] = Capture(
            page.content if page else bytes(item.content), item.name,
            suffix=page.suffix if page else None, source_url=item.url,
        )
    by_user = {}
    for item in captures:
        by_user.setdefault(item.batch.started_by, []).append(item)
    for user, group in by_user.items():
        results.update(_items_save(group, captures, token, reader, user))
    return results


def _items_save(items: list[ImportItem], captures: dict, token: str, reader: Reader, user) -> dict[int, ImportResult]:
    """The items' pages saved together with their outcomes; if that fails, each item alone."""
    try:
        with transaction.atomic():
            results = captures_import([captures[item] for item in items], reader=reader, user=user)
            _outcomes_record(items, results, token)
        return {item.pk: result for item, result in zip(items, results)}
    except ClaimLost:
        if len(items) == 1:
            return {}
    except Exception:
        if len(items) == 1:
            _item_failed(items[0], token)
            return {}
    logger.info("Import items %s failed together; reading each alone", [item.pk for item in items])
    results = {}
    for item in items:
        results.update(_items_save([item], captures, token, reader, user))
    return results


def _item_failed(item: ImportItem, token: str) -> None:
    """Anything unforeseen: the item fails, retryable, with nothing saved."""
    logger.exception("Import item %s failed", item.pk)
    error = sys.exc_info()[1]
    ImportItem.objects.filter(pk=item.pk, claim=token).update(
        state=ItemState.FAILED, finished_at=timezone.now(),
        reason=note(N_("读取时出错：%(reason)s"), reason=f"{type(error).__name__}: {error}").stored(),
    )


def _page_fetched(item: ImportItem) -> FetchedPage:
    """The item's page, fetched outside any transaction (a slow server holds no lock)."""
    try:
        return page_fetch(item.url)
    except FetchRefused:
        raise
    except Exception as error:  # a fetch that breaks in an unforeseen way is still the address's fault
        logger.info("Fetching %s failed: %r", item.url, error)
        raise FetchRefused(note(N_("无法连接或读取网页：%(reason)s"), reason=f"{type(error).__name__}: {error}")) from error


class ClaimLost(Exception):
    pass


def _outcomes_record(items: list[ImportItem], results: list[ImportResult], token: str) -> None:
    """The items' outcomes in one statement, only while this worker's claim on each holds (the rows
    locked first: a retry waits for this transaction, then finds the item finished)."""
    held = ImportItem.objects.select_for_update().filter(pk__in=[item.pk for item in items], claim=token)
    if len(held.values_list("pk", flat=True)) < len(items):
        # A curator retried an item while this worker was stuck: the retry's reading counts.
        raise ClaimLost([item.pk for item in items])
    outcomes = [_outcome(result) for result in results]
    for item, outcome in zip(items, outcomes):
        for field, value in outcome.items():
            setattr(item, field, value)
    ImportItem.objects.bulk_update(items, sorted({field for outcome in outcomes for field in outcome}))


def _outcome(result: ImportResult) -> dict:
    outcome = {"finished_at": timezone.now(), "reason": _stored(result.draft.error)}
    if result.status == Status.OK:
        return {**outcome, "state": ItemState.DONE, "document_id": result.document.pk, "content": b""}
    if result.status == Status.DUPLICATE:
        return {**outcome, "state": ItemState.DUPLICATE, "held_id": result.held.pk, "content": b""}
    return {**outcome, "state": ItemState.REFUSED}


def batch_cancel(*, batch: ImportBatch) -> int:
    """Stop a batch: its waiting items are cancelled (an item being read finishes). How many were."""
    now = timezone.now()
    with transaction.atomic():
        ImportBatch.objects.filter(pk=batch.pk, cancelled_at__isnull=True).update(cancelled_at=now)
        return batch.items.filter(state=ItemState.WAITING).update(state=ItemState.CANCELLED, finished_at=now)


def item_retry(*, item: ImportItem) -> bool:
    """Put a failed (or stalled) item back in the queue; False when it is neither."""
    if not item.can_retry() or item.batch.cancelled_at:
        return False
    with transaction.atomic():
        retried = ImportItem.objects.filter(pk=item.pk, state=item.state, claim=item.claim).update(
            state=ItemState.WAITING, claim="", reason=None, finished_at=None,
        )
        if retried:
            transaction.on_commit(lambda: items_enqueue([item.pk]))
    return bool(retried)


def batch_wait(*, batch: ImportBatch, timeout: float | None = None, interval: float = 0.5, on_progress=None):
    """Wait until every item of the batch is finished (or ``timeout`` seconds); its last progress."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        progress = batch.progress()
        if on_progress:
            on_progress(progress)
        if progress.is_finished or (deadline is not None and time.monotonic() > deadline):
            return progress
        time.sleep(interval)
