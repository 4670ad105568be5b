"""Failed logins are limited (django-axes): after five wrong passwords the right one is refused too."""
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def sign_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_limit_and_the_cool_off_come_from_settings():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_after_five_wrong_passwords_the_right_one_is_refused(curator):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "curator", "wrong-password")
        assert not signed_in(client)
    assert response.status_code == 429  # the fifth failure locks

    response = sign_in(client, "curator", "curator-pass")

    assert response.status_code == 429
    assert not signed_in(client)
    assert "连续 5 次登录失败" in response.content.decode()


def test_fewer_failures_do_not_lock_and_a_success_starts_the_count_again(curator):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "curator", "wrong-password").status_code == 200
    assert sign_in(client, "curator", "curator-pass").status_code == 302
    assert signed_in(client)

    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "curator", "wrong-password")
    assert sign_in(client, "curator", "curator-pass").status_code == 302


def test_the_lock_holds_one_user_name_not_everyone_at_that_address(curator, reviewer):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), "curator", "wrong-password")
    assert sign_in(Client(), "curator", "curator-pass").status_code == 429

    colleague = Client()
    assert sign_in(colleague, "reviewer", "reviewer-pass").status_code == 302
    assert signed_in(colleague)
