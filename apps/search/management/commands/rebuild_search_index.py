import time

from django.core.management.base import BaseCommand

from apps.search.services import REBUILD_BATCH_SIZE, search_index_rebuild


class Command(BaseCommand):
    help = "Re-cut every document's title and clean text into words and store them for search."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=REBUILD_BATCH_SIZE,
            help=f"Documents read and written per transaction (default {REBUILD_BATCH_SIZE}).",
        )

    def handle(self, *args, batch_size, **options):
        started = time.monotonic()
        count = search_index_rebuild(batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(
            f"Indexed {count} documents in {time.monotonic() - started:.1f} s."
        ))
