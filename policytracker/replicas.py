"""Reads on PostgreSQL replicas, writes on the primary (``DATABASE_REPLICA_URLS``).

With replicas configured, ``settings.DATABASES`` holds them as ``replica1``, ``replica2``…
beside ``default`` (the primary), ``settings.DATABASE_REPLICAS`` names them, and ``ReplicaRouter`` sends each read to one of them,
except where a replica's lag would show:

- inside a transaction on the primary (a service reading what it is about to change);
- after a write in the same request or command: the rest of it reads the primary, so a
  save is followed by pages that show it;
- requests that are not GET/HEAD/OPTIONS, anything under the admin, and every request by
  a staff member (curators see their own edits at once) — ``PrimaryReadsMiddleware``;
- sessions, users, groups, permissions and login attempts, always: a login written on the
  primary must be found on the next request, however far a replica lags.

Migrations run on the primary only; the replicas receive them by replication.
"""
import random
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

# Apps whose rows a request reads back right after writing them (login, session, lock-out).
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "axes", "contenttypes", "admin"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_primary_pinned: ContextVar[bool] = ContextVar("primary_pinned", default=False)


def replica_aliases() -> list[str]:
    return settings.DATABASE_REPLICAS


def primary_pin() -> None:
    """Read the primary for the rest of this request (or, outside a request, this context)."""
    _primary_pinned.set(True)


class ReplicaRouter:
    """Reads to a random replica unless the primary must answer; writes and migrations to the primary."""

    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if (
            not replicas or _primary_pinned.get() or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        primary_pin()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Every alias holds the same data: a row read from a replica may point to one from the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class PrimaryReadsMiddleware:
    """Pins the primary for writes, the admin and staff; place it after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_aliases():  # one database: nothing to choose, and no user to load for it
            return self.get_response(request)
        token = _primary_pinned.set(self._needs_primary(request))
        try:
            return self.get_response(request)
        finally:
            _primary_pinned.reset(token)

    @staticmethod
    def _needs_primary(request) -> bool:
        if request.method not in SAFE_METHODS or request.path.startswith("/admin/"):
            return True
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated and user.is_staff)
