"""Figures worked out from many records (the regions with records, the home page's counts), kept a while.

At 100,000 documents such a figure takes 20–120 ms of queries and changes only when a curator
saves, publishes or deletes something. Figures are kept in Django's cache, which every worker
process shares (``CACHES``: files, or Redis with ``REDIS_URL``), under the current *generation*:
saving or deleting any record of the project's apps (curated records, regions, organizations)
starts a new generation (``forget_all``, connected in
``apps.curation.apps``), so every process stops using the old figures at its next request.
A change the signals do not see (a bulk ``update()``, SQL by hand) shows within ``MEMO_SECONDS``.
"""
import hashlib
import time
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

from apps.curation.models import sees_drafts

MEMO_SECONDS = 60
GENERATION_KEY = "memo:generation"

T = TypeVar("T")
_MISSING = object()


def audience(user) -> str:
    """Who a figure is for: staff see drafts, everyone else the published records only."""
    return "staff" if sees_drafts(user) else "public"


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Never 0 or another guessable value: a generation key evicted from the cache must not
        # bring back figures stored under an earlier generation of the same name.
        cache.add(GENERATION_KEY, str(time.time_ns()), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its result from the last ``MEMO_SECONDS`` if no record has changed since."""
    digest = hashlib.sha256(repr(key).encode()).hexdigest()
    stored_key = f"memo:{_generation()}:{digest}"
    value = cache.get(stored_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(stored_key, value, MEMO_SECONDS)
    return value


def _new_generation() -> None:
    cache.set(GENERATION_KEY, str(time.time_ns()), timeout=None)


def forget_all(*args, **kwargs) -> None:
    """Start a new generation now, and again when the change is committed.

    Now, so this process's next read (still inside the transaction) sees the change; at the
    commit, because another process may have filled the new generation from the database
    before the change was visible to it.
    """
    _new_generation()
    connection = transaction.get_connection()
    # Once per transaction: an import saves hundreds of records in one.
    if connection.in_atomic_block and not any(func is _new_generation for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_new_generation)
