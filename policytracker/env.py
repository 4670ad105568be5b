"""Typed reads of environment variables that fail loudly on malformed values."""
import datetime
import ipaddress
import os
import re

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off.")


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} is below {minimum}.")
    return value


def env_date(name: str) -> datetime.date | None:
    """An ISO date (2026-12-02), or None when unset."""
    raw = os.environ.get(name)
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a date; write it as YYYY-MM-DD.") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(name: str) -> list[str]:
    """IP networks, comma-separated (``10.1.0.0/16,127.0.0.1``); a malformed one stops the start."""
    networks = env_list(name)
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {network!r} is not an IP network (such as 10.1.0.0/16)") from None
    return networks


def env_database(name: str, default: str) -> dict:
    """Parse a database URL; only SQLite and PostgreSQL are supported."""
    url = os.environ.get(name) or default
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={url!r} is not a database URL: {exc}") from None
    engine = config.get("ENGINE", "")
    if engine not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        raise ImproperlyConfigured(f"{name}={url!r}: use a sqlite:// or postgres:// URL.")
    if engine.endswith("postgresql") and not config.get("NAME"):
        raise ImproperlyConfigured(f"{name}={url!r} names no database.")
    return config


def env_database_replicas(name: str) -> dict[str, dict]:
    """Comma-separated PostgreSQL URLs of read replicas → ``{"replica1": config, ...}``; empty when unset."""
    replicas = {}
    for number, url in enumerate(env_list(name), start=1):
        try:
            config = dj_database_url.parse(url, conn_max_age=60)
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name}: {url!r} is not a database URL: {exc}") from None
        if config.get("ENGINE") != "django.db.backends.postgresql" or not config.get("NAME"):
            raise ImproperlyConfigured(f"{name}: {url!r}: a replica is a postgres://host:port/name URL.")
        replicas[f"replica{number}"] = config
    return replicas


_RATE = re.compile(r"^\d+/(s|sec|second|m|min|minute|h|hour|d|day)$")


def env_rate(name: str, default: str) -> str:
    """A throttle rate such as ``120/minute``, checked at start rather than on the first request."""
    value = os.environ.get(name, default).strip()
    if not _RATE.match(value):
        raise ImproperlyConfigured(f"{name}={value!r} is not a rate; write it like 120/minute or 5/second.")
    return value


# The file cache lists its folder on every write to keep under this many entries.
FILE_CACHE_MAX_ENTRIES = 2000


def env_cache(name: str, *, directory: str, key_prefix: str) -> dict:
    """Django's cache, shared by every process on the machine: Redis at the URL in ``name`` when it is
    set, else files in ``directory`` (``CACHE_DIR``), which needs nothing installed."""
    url = os.environ.get(name, "").strip()
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ImproperlyConfigured(f"{name}={url!r}: use a redis://, rediss:// or unix:// URL.")
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": key_prefix}
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env_str("CACHE_DIR", default=directory),
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {"MAX_ENTRIES": FILE_CACHE_MAX_ENTRIES},
    }


def env_tasks(name: str) -> tuple[dict, dict]:
    """Django's Tasks backends and RQ's queues: RQ on the Redis at the URL in ``name`` when it is set
    (workers on any machine that reaches it), else the database (``manage.py db_worker``), which needs
    nothing installed. Returns ``(TASKS, RQ_QUEUES)``."""
    url = os.environ.get(name, "").strip()
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ImproperlyConfigured(f"{name}={url!r}: use a redis://, rediss:// or unix:// URL.")
        # A job that runs longer than this is stopped by RQ; one page takes well under a second.
        queues = {"default": {"URL": url, "DEFAULT_TIMEOUT": 600}}
        return {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}, queues
    return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}, {}
