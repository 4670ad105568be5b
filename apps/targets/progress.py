"""The date progress is judged at, and the progress words API clients used before issue 15."""
import datetime

from django.conf import settings
from django.utils import timezone

# Deprecated filter and field values, kept for one release: overdue is now missed, and
# no_evidence splits by deadline into unverified (passed) and open (ahead).
LEGACY_PROGRESS = {
    "overdue": ("missed",),
    "no_evidence": ("unverified", "open"),
}


def progress_today() -> datetime.date:
    """Today, unless ``settings.PROGRESS_TODAY`` pins the date (tests, demonstrations)."""
    return getattr(settings, "PROGRESS_TODAY", None) or timezone.localdate()


def legacy_progress(progress: str) -> str:
    """The deprecated word for ``progress``: achieved and on_track are unchanged."""
    for old, new in LEGACY_PROGRESS.items():
        if progress in new:
            return old
    return progress
