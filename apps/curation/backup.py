"""Backup and restore of the whole database as one gzip-compressed JSON file.

What goes in: every record of every app, each record's change history (the Historical*
tables of django-simple-history), the admin's log, users with their password hashes,
groups and the permissions given to them. Users, groups and permissions are written by
natural key (user name, group name, app and codename), so the file fits any database
migrated to the same state, SQLite or PostgreSQL.

What stays out, and why:

- content types and permissions: ``migrate`` creates them; the file names them by natural key;
- sessions and django-axes' login attempts: short-lived, and a restored lockout would be wrong;
- the search index (apps.search): derived from the documents, and written again as each
  restored document is saved.
"""
import datetime
import gzip
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router, transaction
from django.test.utils import override_settings

SUFFIX = ".json.gz"
EXCLUDED_APPS = {"contenttypes", "sessions", "axes", "search"}
EXCLUDED_MODELS = {"auth.permission"}


class ExactTimeJSONEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's encoder cuts them to milliseconds, which would
    change every ``history_date`` and ``updated_at`` on the way through a backup."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            return o.isoformat()
        return super().default(o)


class BackupError(ValueError):
    """The backup or restore cannot go ahead; the message says why."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    counts: dict[str, int]  # "app_label.model" → rows

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def backed_up_models() -> list:
    """Every model whose rows the backup holds, in a stable order."""
    models = []
    for model in apps.get_models():
        opts = model._meta
        if opts.app_label in EXCLUDED_APPS or opts.label_lower in EXCLUDED_MODELS:
            continue
        if opts.proxy or not opts.managed or not router.allow_migrate_model("default", model):
            continue
        models.append(model)
    return sorted(models, key=lambda model: model._meta.label_lower)


def row_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.count() for model in backed_up_models()}


def _checked_path(path) -> Path:
    path = Path(path).resolve()
    if not path.name.endswith(SUFFIX):
        raise BackupError(f"Name the backup file …{SUFFIX} (gzip-compressed JSON): {path.name}")
    return path


def database_backup(*, path) -> BackupSummary:
    """Write the whole database to ``path`` (``….json.gz``) and return how many rows of each model it holds."""
    path = _checked_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    models = backed_up_models()
    # What dumpdata does (models ordered so that natural keys refer backwards, rows streamed
    # in primary-key order), with the exact-time encoder dumpdata has no option for.
    ordered = serializers.sort_dependencies([(None, models)], allow_cycles=True)

    def rows():
        for model in ordered:
            yield from model._base_manager.order_by(model._meta.pk.name).iterator()

    partial = path.with_name(path.name + ".partial")
    # One transaction, so the counts and the file describe the same moment.
    with transaction.atomic(), gzip.open(partial, "wt", encoding="utf-8") as stream:
        counts = row_counts()
        serializers.get_serializer("json")().serialize(
            rows(), stream=stream, cls=ExactTimeJSONEncoder,
            use_natural_foreign_keys=True, use_natural_primary_keys=True,
        )
    partial.replace(path)  # a backup that failed half-way never takes the name of a good one
    return BackupSummary(path=path, counts=counts)


def database_is_empty() -> bool:
    """True when no model the backup holds has rows, beyond the groups the migrations create."""
    return not any(
        model._base_manager.exists() for model in backed_up_models() if model is not Group
    )


def database_restore(*, path, replace: bool = False) -> BackupSummary:
    """Load a backup into this database, which must be migrated and empty.

    With ``replace`` a database that holds records is emptied first (``flush``), so that
    afterwards it holds exactly what the backup holds.
    """
    path = _checked_path(path)
    if not path.is_file():
        raise BackupError(f"No backup file at {path}")
    if not database_is_empty():
        if not replace:
            raise BackupError(
                "This database already holds records; restore into an empty, migrated database, "
                "or pass --force to empty this one first."
            )
        call_command("flush", interactive=False, verbosity=0)
    # loaddata runs in one transaction and resets PostgreSQL's id sequences after it. Its
    # saves are "raw" and write no history, but setting a many-to-many field (a document's
    # regions) would add a history entry per record: the history comes from the file alone.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", str(path), verbosity=0)
    return BackupSummary(path=path, counts=row_counts())
