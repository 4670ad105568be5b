"""Settings come from the environment and a malformed value stops the start."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], s.DEBUG, s.LANGUAGE_CODE, s.TIME_ZONE)"
)


def run_django(settings_module: str, code: str = PRINT_SETTINGS, **env) -> subprocess.CompletedProcess:
    unset = {"DATABASE_URL", "SECRET_KEY", "DEBUG", "REDIS_URL", "CACHE_DIR", "TRUSTED_PROXIES"}
    clean_env = {k: v for k, v in os.environ.items() if k not in unset}
    clean_env.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=clean_env, capture_output=True, text=True, timeout=60
    )


def test_local_settings_default_to_a_sqlite_file_in_the_project_folder():
    result = run_django("policytracker.settings.local")
    assert result.returncode == 0, result.stderr
    engine, name, debug, language, time_zone = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert Path(name) == PROJECT / "db.sqlite3"
    assert (language, time_zone) == ("zh-hans", "Asia/Shanghai")


def test_database_url_switches_to_postgresql():
    result = run_django("policytracker.settings.local", DATABASE_URL="postgres://postgres@127.0.0.1:5432/somedb")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["django.db.backends.postgresql", "somedb"]


def test_debug_is_off_unless_set():
    result = run_django("policytracker.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[2] == "False"


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG='maybe' is not a boolean"),
        ("DATABASE_URL", "not-a-url", "DATABASE_URL='not-a-url' is not a database URL"),
        ("DATABASE_URL", "mysql://root@localhost/x", "use a sqlite:// or postgres:// URL"),
        ("REPLY_DUE_MONTHS", "three", "REPLY_DUE_MONTHS='three' is not a whole number"),
        ("API_ANON_RATE", "lots", "API_ANON_RATE='lots' is not a rate"),
        ("TRUSTED_PROXIES", "one", "TRUSTED_PROXIES='one' is not a whole number"),
        ("TRUSTED_PROXIES", "-1", "TRUSTED_PROXIES='-1' is below 0"),
        ("REDIS_URL", "localhost:6379", "use a redis://, rediss:// or unix:// URL"),
        ("PROGRESS_TODAY", "2026/12/02", "PROGRESS_TODAY='2026/12/02' is not a date"),
    ],
)
def test_a_malformed_value_fails_loudly_at_start(variable, value, message):
    result = run_django("policytracker.settings.local", **{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_progress_today_pins_the_date_progress_is_judged_at():
    code = "import django; django.setup(); from apps.targets.progress import progress_today; print(progress_today())"
    result = run_django("policytracker.settings.local", code=code, PROGRESS_TODAY="2022-12-31")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2022-12-31"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("policytracker.settings.production")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


PRINT_CACHE = (
    "import django; django.setup(); from django.conf import settings as s; c = s.CACHES['default']; "
    "print(c['BACKEND'], c['LOCATION'], c['KEY_PREFIX'], s.TRUSTED_PROXIES)"
)


def test_the_shared_cache_is_a_folder_of_files_by_default():
    result = run_django("policytracker.settings.local", PRINT_CACHE, DATABASE_URL="sqlite:////tmp/site.sqlite3")
    assert result.returncode == 0, result.stderr
    backend, location, prefix, proxies = result.stdout.split()
    assert backend == "django.core.cache.backends.filebased.FileBasedCache"
    assert Path(location) == PROJECT / ".cache"
    assert prefix == "/tmp/site.sqlite3"  # two sites on one machine keep their figures apart
    assert proxies == "0"


def test_redis_url_moves_the_shared_cache_to_redis():
    result = run_django("policytracker.settings.local", PRINT_CACHE, REDIS_URL="redis://127.0.0.1:6379/2")
    assert result.returncode == 0, result.stderr
    backend, location, _prefix, _proxies = result.stdout.split()
    assert (backend, location) == ("django.core.cache.backends.redis.RedisCache", "redis://127.0.0.1:6379/2")
