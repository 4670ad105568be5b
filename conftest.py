"""Fixtures shared by every app's tests: the kinds of user.

Staff roles (apps.curation.permissions): a curator edits, a reviewer marks reviewed and
publishes, read-only staff look. Beside them a logged-in reader with no staff rights and,
through a plain ``Client()``, an anonymous visitor.
"""
import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from apps.curation import memo


@pytest.fixture(autouse=True)
def cache_cleared():
    """Each test starts with nothing cached or remembered: a rolled-back test's records leave no trace."""
    cache.clear()
    memo.forget_all()


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator", password="curator-pass", is_staff=True)
    user.groups.add(Group.objects.get(name="curators"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", password="reviewer-pass", is_staff=True)
    user.groups.add(Group.objects.get(name="reviewers"))
    return user


@pytest.fixture
def read_only_staff(django_user_model):
    """Staff in the readers group: sees every record in the admin, changes nothing."""
    user = django_user_model.objects.create_user("staffreader", password="staffreader-pass", is_staff=True)
    user.groups.add(Group.objects.get(name="readers"))
    return user


@pytest.fixture
def reader(django_user_model):
    """A logged-in user with no staff rights."""
    return django_user_model.objects.create_user("reader", password="reader-pass")


@pytest.fixture
def curator_client(curator):
    """A client of its own, so a test can hold it beside the anonymous ``client``."""
    client = Client()
    client.force_login(curator)
    return client


@pytest.fixture
def reader_client(reader):
    client = Client()
    client.force_login(reader)
    return client


@pytest.fixture
def reviewer_client(reviewer):
    client = Client()
    client.force_login(reviewer)
    return client


@pytest.fixture
def read_only_staff_client(read_only_staff):
    client = Client()
    client.force_login(read_only_staff)
    return client
