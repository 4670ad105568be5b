"""Two gunicorn workers enforce one anonymous API limit together: the counts live in the shared cache.

With counts in each process's memory the real limit was the rate times the workers. Run with
the default file cache and, when ``redis-server`` is installed (.ci/run installs it), with Redis.
"""
import re
import time
import urllib.error
import urllib.request

import pytest

from tests.servers import GUNICORN, REDIS_SERVER, gunicorn, production_env, redis_server

RATE = 3
WORKERS = 2
MAX_REQUESTS = 40  # sent one at a time until both workers have answered


@pytest.fixture
def redis_url():
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (.ci/run installs it)")
    with redis_server() as url:
        yield url


@pytest.fixture(params=["files", "redis"])
def cache_environment(request, tmp_path):
    if request.param == "redis":
        return {"REDIS_URL": request.getfixturevalue("redis_url")}
    return {"CACHE_DIR": str(tmp_path / "cache")}


@pytest.fixture
def two_workers(cache_environment, tmp_path):
    """gunicorn, two workers, the production settings, anonymous API clients allowed RATE requests a minute.

    The access log names the worker (its pid) that answered each request.
    """
    if not GUNICORN.exists():
        pytest.skip(f"{GUNICORN} is absent: pip install -r requirements.txt")
    access_log = tmp_path / "access.log"
    environment = production_env(
        API_ANON_RATE=f"{RATE}/minute", **cache_environment,
        # The API's root needs no table, so an empty database will do.
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    arguments = ["--workers", str(WORKERS), "--access-logfile", str(access_log), "--access-logformat", "%(p)s %(s)s"]
    with gunicorn(environment, *arguments) as base:
        yield base, access_log


def get_status(url: str) -> int:
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1", "Connection": "close"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def answered_by(access_log) -> list[tuple[str, str]]:
    """(worker pid, status) per request answered so far."""
    return re.findall(r"^<(\d+)> (\d{3})$", access_log.read_text(), re.MULTILINE)


def test_two_workers_share_one_anonymous_limit(two_workers):
    base, access_log = two_workers
    statuses = []
    for _request in range(MAX_REQUESTS):
        statuses.append(get_status(f"{base}/api/v1/"))
        time.sleep(0.05)  # the access log is written after the answer
        if len({pid for pid, _status in answered_by(access_log)}) == WORKERS and len(statuses) > RATE:
            break
    workers = {pid for pid, _status in answered_by(access_log)}
    assert len(workers) == WORKERS, f"one worker answered all {len(statuses)} requests"
    assert statuses[:RATE] == [200] * RATE
    assert set(statuses[RATE:]) == {429}, statuses
