"""python manage.py restore PATH: load a backup into an empty, migrated database."""
from django.core.management.base import BaseCommand, CommandError

from apps.curation.backup import BackupError, database_restore


class Command(BaseCommand):
    help = (
        "Load a file written by `manage.py backup` into this database. Run `migrate` first; "
        "the database must hold no records unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="a file written by `manage.py backup` (….json.gz)")
        parser.add_argument(
            "--force", action="store_true",
            help="empty a database that already holds records (flush) before restoring, "
                 "so that it ends up holding exactly the backup",
        )

    def handle(self, *args, path, force, **options):
        try:
            summary = database_restore(path=path, replace=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        history = sum(count for label, count in summary.counts.items() if ".historical" in label)
        self.stdout.write(self.style.SUCCESS(
            f"Restored {summary.total} rows ({history} of them history entries) from {summary.path}"
        ))
