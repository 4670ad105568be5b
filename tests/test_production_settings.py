"""The production settings pass `check --deploy` and gunicorn serves the site with them.

Each test runs Django in a subprocess with ``DJANGO_SETTINGS_MODULE=policytracker.settings.production``
and only the environment a deployment gives it (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL).
"""
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
HOST = "policy.example.org"
GUNICORN = Path(sys.executable).with_name("gunicorn")
START_TIMEOUT_S = 30


def production_env(**overrides) -> dict:
    # DJANGO_ALLOW_ASYNC_UNSAFE: set while the browser tests' session lasts (tests/browser/conftest.py).
    unwanted = {"DEBUG", "SECURE_SSL_REDIRECT", "STATIC_ROOT", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unwanted}
    env.update(
        DJANGO_SETTINGS_MODULE="policytracker.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
        DATABASE_URL=os.environ.get("DATABASE_URL") or "sqlite:////tmp/policytracker-production-check.sqlite3",
    )
    env.update(overrides)
    return env


def manage(*args, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=production_env(**env),
        capture_output=True, text=True, timeout=180,
    )


# WhiteNoise also writes Brotli copies when the optional brotli package is importable,
# which takes most of a minute for the API docs' bundles; gzip alone shows the same thing.
COLLECT_STATIC_WITHOUT_BROTLI = (
    "import sys; sys.modules['brotli'] = None; "
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['manage.py', 'collectstatic', '--noinput', '--verbosity', '0'])"
)


def test_check_deploy_reports_no_issues():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_check_deploy_names_a_weak_secret_key():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="short")
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_switching_off_the_https_redirect_is_the_one_warning_local_serving_gets():
    """`SECURE_SSL_REDIRECT=0` is for trying production settings without TLS in front."""
    result = manage("check", "--deploy", SECURE_SSL_REDIRECT="0")
    assert result.returncode == 0, result.stderr
    assert "security.W008" in result.stderr
    assert "1 issue" in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, **headers):
    """(status, headers, body) without following redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers={"Host": HOST, **headers})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def gunicorn_server(tmp_path_factory):
    """gunicorn with the production settings on a free local port, static files collected first."""
    if not GUNICORN.exists():
        pytest.skip(f"{GUNICORN} is absent: pip install -r requirements.txt")
    static_root = tmp_path_factory.mktemp("static")
    collected = subprocess.run(
        [sys.executable, "-c", COLLECT_STATIC_WITHOUT_BROTLI], cwd=PROJECT,
        env=production_env(STATIC_ROOT=str(static_root)), capture_output=True, text=True, timeout=180,
    )
    assert collected.returncode == 0, collected.stderr
    port = free_port()
    server = subprocess.Popen(
        # No control socket: its default path in the home folder is shared with any other gunicorn.
        [str(GUNICORN), "policytracker.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--no-control-socket"],
        cwd=PROJECT, env=production_env(STATIC_ROOT=str(static_root)),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert server.poll() is None, server.stderr.read()
            time.sleep(0.2)
    else:
        server.terminate()
        pytest.fail(f"gunicorn did not listen on port {port} within {START_TIMEOUT_S} s")
    yield f"http://127.0.0.1:{port}", static_root
    server.terminate()
    server.wait(timeout=10)


HTTPS = {"X-Forwarded-Proto": "https"}  # what the TLS proxy in front says


def test_gunicorn_serves_pages_with_https_only_cookies_hsts_and_the_policy(gunicorn_server):
    base, _static_root = gunicorn_server

    status, headers, body = fetch(f"{base}/admin/login/", **HTTPS)

    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "Secure" in headers["Set-Cookie"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_plain_http_is_sent_to_https(gunicorn_server):
    base, _static_root = gunicorn_server
    status, headers, _body = fetch(f"{base}/admin/login/")
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/admin/login/"


def test_static_files_are_served_by_whitenoise_compressed_and_cached_for_good(gunicorn_server):
    base, static_root = gunicorn_server
    hashed = next(static_root.glob("web/site.*.css")).name  # collectstatic named it by content
    assert (static_root / "web" / f"{hashed}.gz").exists()

    status, headers, body = fetch(f"{base}/static/web/{hashed}", **HTTPS, **{"Accept-Encoding": "gzip"})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    # Pages link the hashed name, so a changed stylesheet is a new URL.
    _status, _headers, page = fetch(f"{base}/admin/login/", **HTTPS)
    assert b"/static/admin/css/login." in page
