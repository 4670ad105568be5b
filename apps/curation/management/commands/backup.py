"""python manage.py backup PATH: the whole database, history included, to one .json.gz file."""
from django.core.management.base import BaseCommand, CommandError

from apps.curation.backup import BackupError, database_backup


class Command(BaseCommand):
    help = (
        "Write every record, its change history, the admin log, users and groups to PATH "
        "(gzip-compressed JSON, named ….json.gz). Restore it with `manage.py restore PATH`."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file to write, e.g. backups/policytracker-2025-01-31.json.gz")

    def handle(self, *args, path, **options):
        try:
            summary = database_backup(path=path)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        history = sum(count for label, count in summary.counts.items() if ".historical" in label)
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {summary.total} rows ({history} of them history entries) to {summary.path}"
        ))
        if options["verbosity"] > 1:
            for label, count in summary.counts.items():
                self.stdout.write(f"  {label}: {count}")
