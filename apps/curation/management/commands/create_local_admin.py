"""Create (or reset) the local superuser `admin` and print its new password."""
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create or reset the local admin account and print its password (local use only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--address", default="127.0.0.1:8000",
            help="host:port the site is served on, for the admin link (`make run HOST=…` passes its own)",
        )

    def handle(self, *args, username, address, **options):
        if not settings.DEBUG:
            raise CommandError("create_local_admin is for local use: it runs only with DEBUG on.")
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name="curators"))
        verb = "Created" if created else "Reset the password of"
        self.stdout.write(self.style.SUCCESS(f"{verb} the local admin account."))
        self.stdout.write(f"  user: {username}\n  password: {password}\n  admin: http://{address}/admin/")
