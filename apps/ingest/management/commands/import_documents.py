"""``manage.py import_documents [PATH...] [--urls FILE] [--wait] [--now [--workers N]] [--dry-run] [--json]``: captured pages in, draft records out.

By default the files become an import batch read by the background workers (``import_worker``),
as an upload in the admin does; ``--wait`` follows it to the end. ``--now`` reads them here,
without a worker; ``--dry-run`` reads them here and writes nothing. ``--urls FILE`` adds the pages
whose addresses FILE lists, one a line: fetched by the workers (with ``--now``, here).
"""
import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from apps.ingest.batches import batch_create, item_import
from apps.ingest.draft import Status
from apps.ingest.duplicates import SeenArticles, same_as_earlier_note
from apps.ingest.archives import pages_unpacked
from apps.ingest.files import (
    PAGE_SUFFIXES, UnsupportedFile, page_files, page_read_bytes, suffix_of, unsupported_type_note, upload_limit,
)
from apps.ingest.parallel import documents_import
from apps.ingest.models import BatchOrigin, ItemState
from apps.ingest.progress import BatchFollower
from apps.ingest.services import ImportResult, import_reader

# Fewer files than this finish before a progress bar would tell anything.
PROGRESS_BAR_FROM = 5


# No monitor thread: this process forks worker processes (--workers, apps.ingest.parallel; and any
# later fork in the same process, as generate_corpus's loaders in a test run), and a process forked
# while another thread holds a lock can wait for it forever (a CI run hung so in a loader pool).
tqdm.monitor_interval = 0


class Command(BaseCommand):
    help = (
        "Import captured pages (.txt, .html, .htm, .docx, .pdf files, or folders of them) as draft documents: by default "
        "as a batch for the background workers (import_worker); --now reads them here. Each file is saved in "
        "its own transaction; a page already held (the same article) is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help="page files or folders of them")
        parser.add_argument(
            "--urls", metavar="FILE",
            help="a text file of page addresses, one a line (blank lines and lines starting with # skipped), to fetch and import",
        )
        parser.add_argument("--dry-run", action="store_true", help="read and report here, write nothing")
        parser.add_argument("--now", action="store_true", help="import here, without a background worker")
        parser.add_argument(
            "--wait", action="store_true", help="queue the batch, then wait for the workers and report each file",
        )
        parser.add_argument(
            "--timeout", type=float, default=None, metavar="S",
            help="with --wait: stop waiting after S seconds (the workers go on with the batch)",
        )
        parser.add_argument(
            "--json", action="store_true", help="print one JSON object per file, one per line, to stdout"
        )
        parser.add_argument(
            "--workers", type=int, default=1, metavar="N",
            help="with --now: import in N processes at once (PostgreSQL; about N times faster up to the number of CPUs)",
        )

    def handle(self, *args, paths, dry_run, json, workers=1, now=False, wait=False, timeout=None, urls=None, **options):
        addresses = self._addresses(urls) if urls else []
        if urls and dry_run:
            raise CommandError(_("--urls 不能与 --dry-run 同用：网址要抓取后才能读取，请用 --now 或交给后台 worker"))
        files = page_files(paths)
        if not files and not addresses:
            raise CommandError(_("所给路径下没有可导入的文件（.txt、.html、.htm、.docx、.pdf）"))
        missing = [str(f) for f in files if not f.exists()]
        if missing:
            raise CommandError(_("没有这个文件：%(paths)s") % {"paths": ", ".join(missing)})
        if addresses:
            self._queue(files, addresses, json=json, wait=wait or now, timeout=timeout, here=now)
        elif dry_run or now:
            self._import_here(files, dry_run=dry_run, json=json, workers=workers)
        else:
            self._queue(files, [], json=json, wait=wait, timeout=timeout)

    @staticmethod
    def _addresses(path: str) -> list[str]:
        try:
            with open(path, encoding="utf-8-sig") as handle:
                lines = [line.strip() for line in handle]
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(_("无法读取网址列表 %(path)s:%(reason)s") % {"path": path, "reason": error}) from None
        addresses = [line for line in lines if line and not line.startswith("#")]
        if not addresses:
            raise CommandError(_("网址列表 %(path)s 中没有网址") % {"path": path})
        return addresses

    def _queue(self, files, urls: list[str], *, json: bool, wait: bool, timeout: float | None, here: bool = False) -> None:
        """A batch for the workers; with ``here`` (``--now --urls``) read by this process, one item after another."""
        batch = batch_create(
            files=((str(path), self._read(path)) for path in files), urls=urls, origin=BatchOrigin.COMMAND,
            enqueue=not here,
        )
        follower = BatchFollower(batch, out=self.stdout, err=self.stderr, style=self.style)
        if here:
            for item_id in batch.items.filter(state=ItemState.WAITING).values_list("pk", flat=True):
                item_import(item_id=item_id)
                follower.show(batch.progress())
        else:
            follower.announce(wait=wait)
        if wait:
            follower.wait_and_report(as_json=json, timeout=timeout)

    def _import_here(self, files, *, dry_run: bool, json: bool, workers: int) -> None:
        reader = import_reader()
        seen = SeenArticles()
        counts = {Status.OK: 0, Status.DUPLICATE: 0, Status.ERROR: 0}
        # The bar goes to stderr so --json lines on stdout stay clean; tqdm hides it off a terminal.
        pages = [
            (name, raw if isinstance(raw, Exception) or suffix_of(name) in PAGE_SUFFIXES
             else UnsupportedFile(unsupported_type_note(suffix_of(name) or name)))
            for name, raw in pages_unpacked((str(path), self._read(path)) for path in files)
        ]
        bar = tqdm(pages, unit="file", file=sys.stderr, disable=None if len(pages) >= PROGRESS_BAR_FROM else True)
        results = documents_import(pages=pages, workers=workers, dry_run=dry_run, reader=reader)
        for _path, result in zip(bar, results):
            self._mark_repeat(result, seen=seen)
            counts[result.status] += 1
            bar.clear()
            self._report(result, as_json=json, dry_run=dry_run)
        bar.close()
        if not json:
            summary = (
                _("%(files)s 个文件：%(created)s 个可创建，%(duplicates)s 个重复，%(errors)s 个出错。") if dry_run
                else _("%(files)s 个文件：%(created)s 个已创建，%(duplicates)s 个重复，%(errors)s 个出错。")
            )
            self.stdout.write(summary % {
                "files": len(pages), "created": counts[Status.OK], "duplicates": counts[Status.DUPLICATE],
                "errors": counts[Status.ERROR],
            })

    @staticmethod
    def _read(path) -> bytes | Exception:
        try:
            return page_read_bytes(path, upload_limit(path.name))
        except (UnsupportedFile, OSError) as error:
            return error

    def _mark_repeat(self, result: ImportResult, *, seen: SeenArticles) -> ImportResult:
        draft = result.draft
        if draft.status == Status.OK:
            # Within one run the database does not yet hold earlier files on a dry run.
            earlier = seen.earlier_file(draft)
            if earlier and result.document is None:
                draft.status, draft.error = Status.DUPLICATE, same_as_earlier_note(earlier)
        return result

    def _report(self, result: ImportResult, *, as_json: bool, dry_run: bool) -> None:
        draft = result.draft
        if as_json:
            self.stdout.write(json.dumps(draft.as_json(), ensure_ascii=False))
            return
        values = {"file": draft.file, "reason": draft.error}
        if draft.status == Status.ERROR:
            self.stdout.write(self.style.ERROR(_("出错   %(file)s:%(reason)s") % values))
        elif draft.status == Status.DUPLICATE:
            self.stdout.write(self.style.WARNING(_("重复   %(file)s:%(reason)s，未创建") % values))
        else:
            values.update(title=draft.document.title, targets=len(draft.targets), observations=len(draft.observations))
            if dry_run:
                self.stdout.write(_("可创建 %(file)s：“%(title)s”（%(targets)s 个目标，%(observations)s 个观测值）") % values)
            else:
                values.update(id=result.document.pk, title=result.document.title)
                self.stdout.write(self.style.SUCCESS(
                    _("已创建 %(file)s：文件 %(id)s “%(title)s”（%(targets)s 个目标，%(observations)s 个观测值）") % values
                ))
            for warning in draft.warnings:
                self.stdout.write(f"       ! {warning}")
