"""DATABASE_REPLICA_URLS: public reads come from a replica; writes, curators and reads after a write from the primary.

The stand-in replica is a second PostgreSQL database on 127.0.0.1:5432 (there on CI for
both passes) holding the regions table only, with rows the primary does not have: which
rows a page lists shows which database answered.
"""
import contextvars
import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest
from django.contrib.auth import get_user_model
from django.db import connections, router
from django.db.utils import load_backend
from django.test import Client

from apps.regions.models import Region, RegionLevel
from policytracker import replicas
from policytracker.replicas import ReplicaRouter

PROJECT = Path(__file__).resolve().parent.parent
SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
ALIAS = "replica1"


def _server_run(*statements: str) -> None:
    """CREATE/DROP DATABASE on the server's maintenance database, outside any transaction."""
    import psycopg2

    link = psycopg2.connect(dbname="postgres", connect_timeout=3, **SERVER)
    link.autocommit = True
    try:
        with link.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
    finally:
        link.close()


def _server_reachable() -> bool:
    try:
        _server_run("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means no server to stand in for a replica
        return False
    return True


pytestmark = [
    pytest.mark.skipif(not _server_reachable(), reason="needs PostgreSQL on 127.0.0.1:5432 for the stand-in replica"),
    # Outside a test transaction: inside one, every read goes to the primary by design.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def replica(settings):
    """A second database routed to as ``replica1``, holding a region the primary lacks.

    Its connection is made here rather than listed in DATABASES, which the test runner
    would want to create and flush as a test database of its own.
    """
    name = f"test_policytracker_replica_{os.getpid()}"
    _server_run(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    wrapper = None
    try:
        config = dj_database_url.parse(f"postgres://postgres@127.0.0.1:5432/{name}")
        config = connections.configure_settings({"default": dict(connections.settings["default"]), ALIAS: config})[ALIAS]
        wrapper = connections[ALIAS] = load_backend(config["ENGINE"]).DatabaseWrapper(config, ALIAS)
        settings.DATABASE_REPLICAS = [ALIAS]
        with connections[ALIAS].schema_editor() as editor:
            editor.create_model(Region)
        with connections[ALIAS].cursor() as cursor:
            cursor.execute(
                "INSERT INTO regions_region (code, name, level, parent_id) VALUES ('990100', '副本市', %s, NULL)",
                [RegionLevel.PREFECTURE],
            )
        Region.objects.create(code="980100", name="主库市", level=RegionLevel.PREFECTURE)
        yield ALIAS
    finally:
        if wrapper is not None:
            wrapper.close()
            del connections[ALIAS]
        _server_run(f'DROP DATABASE IF EXISTS "{name}"')


def listed_codes(client: Client) -> set[str]:
    response = client.get("/api/v1/regions/", {"page_size": 100})
    assert response.status_code == 200, response.content[:300]
    return {region["code"] for region in response.json()["results"]}


def in_a_fresh_context(work):
    """Run ``work`` as a new request would start: the same connections, no write seen yet."""
    def fresh():
        replicas._primary_pinned.set(False)
        return work()

    return contextvars.copy_context().run(fresh)


def test_a_public_read_is_answered_by_the_replica(replica):
    assert listed_codes(Client()) == {"990100"}


def test_a_write_goes_to_the_primary_and_what_follows_reads_it_back(replica):
    def save_then_read():
        Region.objects.create(code="980200", name="新建市", level=RegionLevel.PREFECTURE)
        return set(Region.objects.values_list("code", flat=True))

    assert in_a_fresh_context(save_then_read) == {"980100", "980200"}
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT code FROM regions_region WHERE code = '980200'")
        assert cursor.fetchall() == [("980200",)]
    with connections[replica].cursor() as cursor:
        cursor.execute("SELECT code FROM regions_region WHERE code = '980200'")
        assert cursor.fetchall() == []
    # A later request, with no write of its own, reads the replica again.
    assert in_a_fresh_context(lambda: set(Region.objects.values_list("code", flat=True))) == {"990100"}


def test_curators_read_the_primary_on_public_pages_and_in_the_admin(replica):
    curator = get_user_model().objects.create_user("curator", password="x", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(curator)
    assert listed_codes(client) == {"980100"}
    changelist = client.get("/admin/regions/region/").content.decode()
    assert "主库市" in changelist and "副本市" not in changelist


def test_reads_inside_a_transaction_use_the_primary(replica):
    from django.db import transaction

    def read_in_transaction():
        with transaction.atomic():
            return set(Region.objects.values_list("code", flat=True))

    assert in_a_fresh_context(read_in_transaction) == {"980100"}


def test_migrations_run_on_the_primary_only(replica):
    assert router.allow_migrate("default", "documents", model_name="document")
    assert not ReplicaRouter().allow_migrate(replica, "documents", model_name="document")


def test_replica_urls_come_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(sorted(s.DATABASES), s.DATABASES['replica2']['NAME'], s.DATABASES['replica2']['HOST'])"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "policytracker.settings.local", "SECRET_KEY": "x",
        "DATABASE_URL": "postgres://postgres@10.0.0.1:5432/policytracker",
        "DATABASE_REPLICA_URLS": "postgres://reader@10.0.0.2:5432/policytracker, postgres://reader@10.0.0.3/pt",
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["['default',", "'replica1',", "'replica2']", "pt", "10.0.0.3"]

    env["DATABASE_REPLICA_URLS"] = "sqlite:///replica.sqlite3"
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "DATABASE_REPLICA_URLS" in result.stderr
