"""Making the kinds of user the tests sign in as (conftest.py's fixtures use these)."""
from django.contrib.auth.models import Group
from django.test import Client


def staff_member(user_model, username: str, group: str):
    """A staff user in one of the role groups, with the password ``<username>-pass``."""
    user = user_model.objects.create_user(username, password=f"{username}-pass", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def logged_in(user) -> Client:
    """A client of its own, signed in as ``user``, to hold beside the anonymous ``client``."""
    client = Client()
    client.force_login(user)
    return client
