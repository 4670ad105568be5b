"""A demo site served by gunicorn, shared by the tests that read the API from outside."""
import pytest

from tests.servers import GUNICORN, collect_static, demo_database, gunicorn, production_env


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The demo records (`make setup`) behind gunicorn with the production settings; its base URL.

    Anonymous clients are not throttled (these tests are one client sending thousands of
    requests), and gunicorn reads request lines of any length so that every generated
    request reaches the application: behind the default 4,094-byte limit gunicorn itself
    answers a long one with an HTML 414.
    """
    if not GUNICORN.exists():
        pytest.skip(f"{GUNICORN} is absent: pip install -r requirements.txt")
    directory = tmp_path_factory.mktemp("demo-site")
    environment = production_env(
        DATABASE_URL=demo_database(directory), CACHE_DIR=str(directory / "cache"), API_ANON_RATE="1000000/second",
        STATIC_ROOT=str(directory / "static"),
    )
    collect_static(environment)
    with gunicorn(environment, "--workers", "2", "--limit-request-line", "0") as base:
        yield base
