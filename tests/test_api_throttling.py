"""Anonymous readers are throttled at the rate settings give; logged-in users are not."""
import pytest
from django.test import Client

from apps.curation.tests.api_support import API, fresh_throttle_history  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_per_minute(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}


def test_default_rate_comes_from_settings(settings):
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]


def test_anonymous_requests_past_the_rate_get_429(three_per_minute):
    client = Client()
    statuses = [client.get(API + "regions/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    throttled = client.get(API + "documents/")
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0


def test_logged_in_users_are_not_throttled(three_per_minute, reader):
    client = Client()
    client.force_login(reader)
    assert {client.get(API + "regions/").status_code for _ in range(5)} == {200}
