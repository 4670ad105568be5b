"""One client address for every per-address rule: REMOTE_ADDR, unless the deployment declares its proxies."""
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from apps.curation.tests.api_support import API, fresh_throttle_history  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PROXY = "10.0.0.2"


@pytest.fixture
def three_per_minute(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}


def api_status(client, forwarded_for: str, remote: str = "127.0.0.1") -> int:
    return client.get(API + "regions/", HTTP_X_FORWARDED_FOR=forwarded_for, REMOTE_ADDR=remote).status_code


def test_no_proxies_are_trusted_unless_the_deployment_says_so():
    assert settings.TRUSTED_PROXIES == 0


def test_a_throttled_client_rotating_x_forwarded_for_stays_throttled(three_per_minute):
    client = Client()
    statuses = [api_status(client, f"203.0.113.{n}") for n in range(1, 7)]
    assert statuses == [200, 200, 200, 429, 429, 429]


def test_behind_a_declared_proxy_clients_are_counted_apart(three_per_minute, settings):
    settings.TRUSTED_PROXIES = 1
    client = Client()
    assert [api_status(client, "198.51.100.1", PROXY) for _ in range(4)] == [200, 200, 200, 429]
    assert api_status(client, "198.51.100.2", PROXY) == 200


def test_behind_a_declared_proxy_addresses_the_client_adds_are_not_believed(three_per_minute, settings):
    """The proxy appends what it saw; whatever the client wrote stands to its left."""
    settings.TRUSTED_PROXIES = 1
    client = Client()
    statuses = [api_status(client, f"203.0.113.{n}, 198.51.100.1", PROXY) for n in range(1, 6)]
    assert statuses == [200, 200, 200, 429, 429]


def failed_logins(forwarded_for: str, remote: str = "127.0.0.1", *, times: int) -> int:
    for _attempt in range(times):
        response = Client().post(
            LOGIN, {"username": "curator", "password": "wrong", "next": "/admin/"},
            HTTP_X_FORWARDED_FOR=forwarded_for, REMOTE_ADDR=remote,
        )
    return response.status_code


def test_login_limits_count_the_same_address_rotating_x_forwarded_for_does_not_escape(curator):
    for n in range(settings.AXES_FAILURE_LIMIT):
        failed_logins(f"203.0.113.{n}", times=1)
    assert failed_logins("203.0.113.99", times=1) == 429


def test_login_limits_behind_a_declared_proxy_hold_the_client_not_the_proxy(curator, settings):
    settings.TRUSTED_PROXIES = 1
    assert failed_logins("198.51.100.1", PROXY, times=settings.AXES_FAILURE_LIMIT) == 429
    assert failed_logins("198.51.100.2", PROXY, times=1) == 200
