"""``manage.py import_documents PATH... [--dry-run] [--json]``: captured pages in, draft records out."""
import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from apps.documents.models import text_checksum
from apps.ingest.draft import Status
from apps.ingest.files import UnsupportedFile, page_files, page_read_bytes
from apps.ingest.parallel import documents_import
from apps.ingest.services import ImportResult, import_reader

# Fewer files than this finish before a progress bar would tell anything.
PROGRESS_BAR_FROM = 5


class Command(BaseCommand):
    help = (
        "Import captured pages (.txt, .html, .htm files, or folders of them) as draft documents. "
        "Each file is saved in its own transaction; a page already held (same checksum) is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="page files or folders of them")
        parser.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
        parser.add_argument(
            "--json", action="store_true", help="print one JSON object per file, one per line, to stdout"
        )
        parser.add_argument(
            "--workers", type=int, default=1, metavar="N",
            help="import in N processes at once (PostgreSQL; about N times faster up to the number of CPUs)",
        )

    def handle(self, *args, paths, dry_run, json, workers=1, **options):
        files = page_files(paths)
        if not files:
            raise CommandError("no .txt, .html or .htm files under the paths given")
        missing = [str(f) for f in files if not f.exists()]
        if missing:
            raise CommandError(f"no such file: {', '.join(missing)}")
        reader = import_reader()
        seen: set[str] = set()
        counts = {Status.OK: 0, Status.DUPLICATE: 0, Status.ERROR: 0}
        # The bar goes to stderr so --json lines on stdout stay clean; tqdm hides it off a terminal.
        bar = tqdm(files, unit="file", file=sys.stderr, disable=None if len(files) >= PROGRESS_BAR_FROM else True)
        pages = ((str(path), self._read(path)) for path in files)
        results = documents_import(pages=pages, workers=workers, dry_run=dry_run, reader=reader)
        for _path, result in zip(bar, results):
            self._mark_repeat(result, seen=seen)
            counts[result.status] += 1
            bar.clear()
            self._report(result, as_json=json, dry_run=dry_run)
        bar.close()
        if not json:
            verb = "would be created" if dry_run else "created"
            self.stdout.write(
                f"{len(files)} files: {counts[Status.OK]} {verb}, {counts[Status.DUPLICATE]} duplicates, "
                f"{counts[Status.ERROR]} errors."
            )

    @staticmethod
    def _read(path) -> bytes | Exception:
        try:
            return page_read_bytes(path, settings.IMPORT_MAX_BYTES)
        except (UnsupportedFile, OSError) as error:
            return error

    def _mark_repeat(self, result: ImportResult, *, seen) -> ImportResult:
        draft = result.draft
        if draft.status == Status.OK:
            # Within one run the database does not yet hold earlier files on a dry run.
            checksum = text_checksum(draft.raw_text)
            if checksum in seen:
                draft.status, draft.error = Status.DUPLICATE, "same page as an earlier file in this run"
            seen.add(checksum)
        return result

    def _report(self, result: ImportResult, *, as_json: bool, dry_run: bool) -> None:
        draft = result.draft
        if as_json:
            self.stdout.write(json.dumps(draft.as_json(), ensure_ascii=False))
            return
        if draft.status == Status.ERROR:
            self.stdout.write(self.style.ERROR(f"error      {draft.file}: {draft.error}"))
        elif draft.status == Status.DUPLICATE:
            self.stdout.write(self.style.WARNING(f"duplicate  {draft.file}: {draft.error}, nothing created"))
        else:
            what = f"{len(draft.targets)} targets, {len(draft.observations)} observations"
            if dry_run:
                self.stdout.write(f"would create {draft.file}: “{draft.document.title}” ({what})")
            else:
                self.stdout.write(self.style.SUCCESS(
                    f"created    {draft.file}: document {result.document.pk} “{result.document.title}” ({what})"
                ))
            for warning in draft.warnings:
                self.stdout.write(f"           ! {warning}")
