"""Import batches: the files a curator (or ``import_documents``) handed in, and each one's fate.

A batch is read by background workers (apps.ingest.tasks), one item per job. The item row is
the truth about its file, whatever the task backend remembers: the admin's batch page reads it,
a restart loses nothing, and a worker claims an item by a conditional update so that two never
read the same one (apps.ingest.batches).
"""
from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.ingest.notes import note_text


class ItemState(models.TextChoices):
    WAITING = "waiting", _("等待中")
    READING = "reading", _("读取中")
    DONE = "done", _("已创建草稿")
    DUPLICATE = "duplicate", _("重复")
    REFUSED = "refused", _("已拒绝")
    FAILED = "failed", _("失败")
    CANCELLED = "cancelled", _("已取消")


# States an item does not leave unless a curator retries it.
FINISHED_STATES = {ItemState.DONE, ItemState.DUPLICATE, ItemState.REFUSED, ItemState.FAILED, ItemState.CANCELLED}
# States counted as errors in a batch's progress.
ERROR_STATES = {ItemState.REFUSED, ItemState.FAILED}


class BatchOrigin(models.TextChoices):
    ADMIN = "admin", _("管理后台上传")
    COMMAND = "command", _("命令行")


class ImportBatch(models.Model):
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("发起人"),
    )
    started_at = models.DateTimeField(_("开始时间"), default=timezone.now)
    origin = models.CharField(_("来源"), max_length=10, choices=BatchOrigin.choices, default=BatchOrigin.ADMIN)
    cancelled_at = models.DateTimeField(_("取消时间"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")

    def __str__(self) -> str:
        return str(_("导入批次 %(id)s") % {"id": self.pk})

    def get_absolute_url(self) -> str:
        return reverse("ingest_import_batch", args=[self.pk])

    def progress(self) -> "BatchProgress":
        """Counts of the batch's items by state, in one query."""
        counts = self.items.aggregate(
            total=Count("pk"),
            **{state.value: Count("pk", filter=Q(state=state)) for state in ItemState},
        )
        return BatchProgress(counts)


class BatchProgress:
    """How far a batch has come: ``finished`` of ``total`` items, of which ``errors`` refused or failed."""

    def __init__(self, counts: dict):
        self.counts = counts
        self.total = counts["total"]
        self.finished = sum(counts[state.value] for state in FINISHED_STATES)
        self.errors = sum(counts[state.value] for state in ERROR_STATES)
        self.waiting = counts[ItemState.WAITING.value]
        self.reading = counts[ItemState.READING.value]

    @property
    def is_finished(self) -> bool:
        return self.finished == self.total


class ImportItem(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items", verbose_name=_("批次"))
    position = models.PositiveIntegerField(_("序号"))
    name = models.CharField(_("文件"), max_length=500)
    # The file as uploaded, kept until it is read so that a worker on another machine can read it
    # and a failed item can be retried; emptied once a draft or a duplicate is recorded.
    content = models.BinaryField(_("内容"), blank=True, editable=False)
    # A page given by its address: the worker fetches it (apps.ingest.fetch); it becomes the document's source.
    url = models.TextField(_("网址"), blank=True)
    state = models.CharField(_("状态"), max_length=10, choices=ItemState.choices, default=ItemState.WAITING)
    # Why it was refused or failed: a stored note (apps.ingest.notes), shown in the reader's language.
    reason = models.JSONField(_("原因"), null=True, blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("创建的文件"),
    )
    held = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("已收录的文件"),
    )
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    # The reading worker's token: only the claim that read the item may record its outcome.
    claim = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(_("开始读取"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        ordering = ["batch", "position"]
        verbose_name = _("导入项")
        verbose_name_plural = _("导入项")
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="ingest_item_unique_position"),
        ]
        indexes = [models.Index(fields=["batch", "state"], name="ingest_item_batch_state")]

    def __str__(self) -> str:
        return self.name

    def reason_text(self) -> str:
        return note_text(self.reason) if self.reason else ""

    def is_stalled(self, now=None) -> bool:
        """Read for longer than any page takes: its worker was killed or lost its connection."""
        if self.state != ItemState.READING or self.claimed_at is None:
            return False
        limit = settings.IMPORT_ITEM_STALLED_SECONDS
        return ((now or timezone.now()) - self.claimed_at).total_seconds() > limit

    def can_retry(self) -> bool:
        return self.state == ItemState.FAILED or self.is_stalled()
