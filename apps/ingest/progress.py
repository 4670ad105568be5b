"""Following an import batch from the command line (``import_documents``, ``--wait``)."""
import json as json_module

from django.utils.translation import gettext as _

from apps.ingest.batches import batch_wait
from apps.ingest.models import BatchProgress, ImportBatch, ImportItem, ItemState


def item_line(item: ImportItem) -> dict:
    """One item as a JSON line of ``import_documents --wait --json``."""
    return {
        "file": item.name, "state": item.state, "reason": item.reason_text() or None,
        "document_id": item.document_id, "held_id": item.held_id,
    }


class BatchFollower:
    """Prints a queued batch's progress as it changes (to stderr), then each file's outcome (stdout)."""

    def __init__(self, batch: ImportBatch, *, out, err, style):
        self.batch, self.out, self.err, self.style = batch, out, err, style
        self._last: tuple | None = None

    def announce(self, *, wait: bool) -> None:
        progress = self.batch.progress()
        values = {"id": self.batch.pk, "total": progress.total, "waiting": progress.waiting}
        self.err.write(_("导入批次 %(id)s:%(total)s 个文件，%(waiting)s 个已排队等待后台 worker（manage.py import_worker）。") % values)
        if not wait:
            self.err.write(_("进度见管理后台的导入批次页面，或加 --wait 等待完成。"))

    def show(self, progress: BatchProgress) -> None:
        now = (progress.finished, progress.errors)
        if now != self._last:
            self._last = now
            self.err.write(_("进度：%(finished)s/%(total)s 完成，%(errors)s 个出错") % {
                "finished": progress.finished, "total": progress.total, "errors": progress.errors,
            })

    def wait_and_report(self, *, as_json: bool, timeout: float | None = None) -> BatchProgress:
        progress = batch_wait(batch=self.batch, timeout=timeout, on_progress=self.show)
        for item in self.batch.items.select_related("document", "held"):
            if as_json:
                self.out.write(json_module.dumps(item_line(item), ensure_ascii=False))
            else:
                self._report(item)
        if not as_json:
            self.out.write(_("%(files)s 个文件：%(created)s 个已创建，%(duplicates)s 个重复，%(errors)s 个出错。") % {
                "files": progress.total, "created": progress.counts[ItemState.DONE.value],
                "duplicates": progress.counts[ItemState.DUPLICATE.value], "errors": progress.errors,
            })
        return progress

    def _report(self, item: ImportItem) -> None:
        values = {"file": item.name, "reason": item.reason_text()}
        if item.state == ItemState.DONE and item.document:
            values.update(id=item.document.pk, title=item.document.title)
            self.out.write(self.style.SUCCESS(_("已创建 %(file)s：文件 %(id)s “%(title)s”") % values))
        elif item.state == ItemState.DUPLICATE:
            self.out.write(self.style.WARNING(_("重复   %(file)s:%(reason)s，未创建") % values))
        elif item.state in (ItemState.REFUSED, ItemState.FAILED):
            self.out.write(self.style.ERROR(_("出错   %(file)s:%(reason)s") % values))
        else:
            values["state"] = item.get_state_display()
            self.out.write(_("%(state)s %(file)s") % values)
