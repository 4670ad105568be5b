import time

from django.core.management.base import BaseCommand

from apps.search.services import REBUILD_BATCH_SIZE, fulltext_index_repair, search_index_rebuild


class Command(BaseCommand):
    help = "Re-cut every document's title and clean text into words and store them for search."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=REBUILD_BATCH_SIZE,
            help=f"Documents read and written per transaction (default {REBUILD_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--repair-fulltext", action="store_true",
            help="Also rebuild SQLite's FTS5 index from the stored words (after a migration "
                 "dropped its triggers). Does nothing on PostgreSQL.",
        )

    def handle(self, *args, batch_size, repair_fulltext, **options):
        started = time.monotonic()
        result = search_index_rebuild(batch_size=batch_size)
        if repair_fulltext:
            fulltext_index_repair()
        self.stdout.write(self.style.SUCCESS(
            f"Indexed {result.documents} documents ({result.written} changed) "
            f"in {time.monotonic() - started:.1f} s."
        ))
