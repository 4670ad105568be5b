"""Fixtures shared by every app's tests: the three kinds of user."""
import pytest
from django.contrib.auth.models import Group
from django.test import Client


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator", password="curator-pass", is_staff=True)
    user.groups.add(Group.objects.get(name="curators"))
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
