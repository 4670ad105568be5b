"""`create_local_admin` prints a working admin link: on the address the site is served on."""
import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def admin_output(settings, *arguments: str) -> str:
    settings.DEBUG = True  # the command refuses to run without it
    out = io.StringIO()
    call_command("create_local_admin", *arguments, stdout=out)
    return out.getvalue()


def test_the_admin_link_is_on_the_default_address(settings):
    assert "admin: http://127.0.0.1:8000/admin/" in admin_output(settings)


def test_the_admin_link_follows_the_address_make_run_serves_on(settings):
    assert "admin: http://127.0.0.1:8801/admin/" in admin_output(settings, "--address", "127.0.0.1:8801")
