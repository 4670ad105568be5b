"""Real servers for the tests that talk HTTP to the site as outside programs do.

gunicorn with the production settings on a free port of 127.0.0.1, against a database of its
own: an empty SQLite file, or one holding every region and the demo records (``load_demo``);
a throwaway redis-server; and a small HTTP server of pages for the importer to fetch.
"""
import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
REDIS_SERVER = shutil.which("redis-server")
GUNICORN = Path(sys.executable).with_name("gunicorn")
START_TIMEOUT_S = 30
SETUP_TIMEOUT_S = 300


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(**overrides: str) -> dict:
    """The environment a deployment gives: the production settings, a fresh secret key, no DEBUG."""
    # DJANGO_ALLOW_ASYNC_UNSAFE: set while the browser tests' session lasts (tests/browser/conftest.py).
    unwanted = {"DEBUG", "SECURE_SSL_REDIRECT", "STATIC_ROOT", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "CACHE_DIR"}
    env = {key: value for key, value in os.environ.items() if key not in unwanted}
    env.update(
        DJANGO_SETTINGS_MODULE="policytracker.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
    )
    env.update(overrides)
    return env


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"{process.args[0]} stopped with status {process.returncode}") from None
            time.sleep(0.2)
    raise RuntimeError(f"nothing listened on port {port} within {START_TIMEOUT_S} s")


def demo_database(directory: Path) -> str:
    """An SQLite database in ``directory`` holding what `make setup` loads; its DATABASE_URL."""
    url = f"sqlite:///{directory / 'demo.sqlite3'}"
    for command in (["migrate", "--noinput"], ["load_regions"], ["load_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "--verbosity", "0"], cwd=PROJECT,
            env=production_env(DATABASE_URL=url), check=True, capture_output=True, timeout=SETUP_TIMEOUT_S,
        )
    return url


# WhiteNoise also writes Brotli copies when the optional brotli package is importable, which
# takes most of a minute for the API docs' bundles; gzip alone serves the pages as well.
COLLECT_STATIC_WITHOUT_BROTLI = (
    "import sys; sys.modules['brotli'] = None; "
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['manage.py', 'collectstatic', '--noinput', '--verbosity', '0'])"
)


def collect_static(environment: dict) -> None:
    """collectstatic into the environment's STATIC_ROOT: the production settings serve pages from its manifest."""
    subprocess.run(
        [sys.executable, "-c", COLLECT_STATIC_WITHOUT_BROTLI], cwd=PROJECT, env=environment, check=True,
        capture_output=True, timeout=SETUP_TIMEOUT_S,
    )


@contextlib.contextmanager
def gunicorn(environment: dict, *arguments: str) -> Iterator[str]:
    """gunicorn serving the project with ``environment``; yields its base URL and stops it after."""
    port = free_port()
    server = subprocess.Popen(
        # No control socket: its default path in the home folder is shared with any other gunicorn.
        [str(GUNICORN), "policytracker.wsgi", "--bind", f"127.0.0.1:{port}", "--no-control-socket", *arguments],
        cwd=PROJECT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A throwaway redis-server on a free port, nothing saved to disk; yields its REDIS_URL."""
    port = free_port()
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@dataclass(frozen=True)
class Page:
    """What the test page server answers at one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0  # seconds before answering
    declared_length: bool = True  # send Content-Length (else the body ends when the connection closes)


@contextlib.contextmanager
def page_server(pages: dict[str, Page], requests: list | None = None) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 (Python's http.server, in a thread) answering ``pages`` by
    path, 404 elsewhere; yields its base URL. The importer's fetcher talks to it over a socket.
    Each request's path and Host header are added to ``requests`` when one is given."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self):  # noqa: N802 — http.server's name
            if requests is not None:
                requests.append((self.path, self.headers.get("Host")))
            page = pages.get(self.path, Page(b"not found", "text/plain", 404))
            if page.delay:
                time.sleep(page.delay)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            if page.declared_length:
                self.send_header("Content-Length", str(len(page.body)))
            for name, value in page.headers:
                self.send_header(name, value)
            self.end_headers()
            try:
                self.wfile.write(page.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the fetcher stopped reading: what a size limit does

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
