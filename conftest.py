"""Fixtures shared by every app's tests: the kinds of user.

Staff roles (apps.curation.permissions): a curator edits, a reviewer marks reviewed and
publishes, read-only staff look. Beside them a logged-in reader with no staff rights and,
through a plain ``Client()``, an anonymous visitor.
"""
import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from apps.curation.tests.users import logged_in, staff_member


@pytest.fixture(autouse=True)
def cache_cleared():
    """Each test starts with nothing cached or remembered (apps.curation.memo keeps its figures in the
    cache): a rolled-back test's records leave no trace."""
    cache.clear()


@pytest.fixture(autouse=True)
def language_restored():
    """A request in English (its cookie) leaves English active in the test's thread: the next test
    starts in the site's own language again."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def curator(django_user_model):
    return staff_member(django_user_model, "curator", "curators")


@pytest.fixture
def reviewer(django_user_model):
    return staff_member(django_user_model, "reviewer", "reviewers")


@pytest.fixture
def read_only_staff(django_user_model):
    """Staff in the readers group: sees every record in the admin, changes nothing."""
    return staff_member(django_user_model, "staffreader", "readers")


@pytest.fixture
def reader(django_user_model):
    """A logged-in user with no staff rights."""
    return django_user_model.objects.create_user("reader", password="reader-pass")


@pytest.fixture
def curator_client(curator):
    return logged_in(curator)


@pytest.fixture
def reader_client(reader):
    return logged_in(reader)


@pytest.fixture
def reviewer_client(reviewer):
    return logged_in(reviewer)


@pytest.fixture
def read_only_staff_client(read_only_staff):
    return logged_in(read_only_staff)
