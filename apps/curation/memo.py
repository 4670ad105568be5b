"""Figures worked out from many records (the regions with records, the home page's counts), kept a while.

At 100,000 documents such a figure takes 20–120 ms of queries and changes only when a curator
saves, publishes or deletes something. Each process keeps its own copy, without pickling, and
forgets every copy as soon as any record is saved or deleted in that process (``forget_all``,
connected in ``apps.curation.apps``); another process's copy is at most ``MEMO_SECONDS`` old.
"""
import time
from collections.abc import Callable, Hashable
from typing import TypeVar

from apps.curation.models import sees_drafts

MEMO_SECONDS = 60

T = TypeVar("T")
_kept: dict[Hashable, tuple[float, object]] = {}


def audience(user) -> str:
    """Who a figure is for: staff see drafts, everyone else the published records only."""
    return "staff" if sees_drafts(user) else "public"


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its result from the last ``MEMO_SECONDS`` if no record has changed since."""
    now = time.monotonic()
    kept = _kept.get(key)
    if kept is not None and kept[0] > now:
        return kept[1]
    value = compute()
    _kept[key] = (now + MEMO_SECONDS, value)
    return value


def forget_all(*args, **kwargs) -> None:
    _kept.clear()
