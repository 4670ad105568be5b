"""A reply's promise (承诺), followed to what happened.

A commitment is drawn from a reply letter: the sentence it is said in, a short form, its kind,
the year it is due (printed, implied, or none). Whether it was kept is a curator's finding
(``fulfilment``) with its evidence: a later document, an observation, or a quote. An open
promise whose year has passed reads as overdue (``CommitmentQuerySet.with_state``).
"""
import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.curation.models import CuratedModel, CuratedQuerySet
from apps.targets.progress import progress_today


class CommitmentKind(models.TextChoices):
    TARGET = "target", _("量化目标")
    PLAN = "plan", _("纳入计划")
    POLICY = "policy", _("出台文件")
    FUNDING = "funding", _("争取资金")
    STUDY = "study", _("开展调研")
    PROJECT = "project", _("建设项目")
    COORDINATE = "coordinate", _("协调配合")
    STRENGTHEN = "strengthen", _("加强推进")
    OTHER = "other", _("其他")


class Fulfilment(models.TextChoices):
    """What a curator found; "overdue" is not set by hand but read from the year (CommitmentState)."""

    OPEN = "open", _("未兑现")
    KEPT = "kept", _("已兑现")
    PARTLY_KEPT = "partly_kept", _("部分兑现")
    NOT_KEPT = "not_kept", _("未能兑现")
    WITHDRAWN = "withdrawn", _("已撤回")


class CommitmentState(models.TextChoices):
    """What an analyst sees: the curator's finding, with an open promise past its year overdue."""

    OPEN = "open", _("进行中")
    KEPT = "kept", _("已兑现")
    PARTLY_KEPT = "partly_kept", _("部分兑现")
    NOT_KEPT = "not_kept", _("未能兑现")
    OVERDUE = "overdue", _("已逾期")
    WITHDRAWN = "withdrawn", _("已撤回")


class CommitmentQuerySet(CuratedQuerySet):
    def with_state(self, today: datetime.date | None = None):
        """Each commitment's ``state`` (CommitmentState) as of ``today``, for filters and counts."""
        today = today or progress_today()  # the date targets' progress is judged at, too
        return self.annotate(state=Case(
            When(Q(fulfilment=Fulfilment.OPEN, deadline_year__lt=today.year), then=Value(CommitmentState.OVERDUE)),
            default="fulfilment", output_field=models.CharField(),
        ))


class Commitment(CuratedModel):
    source_document = models.ForeignKey(
        "documents.Document", verbose_name=_("来源文件"), on_delete=models.CASCADE, related_name="commitments",
    )
    reply = models.ForeignKey(
        "proposals.Reply", verbose_name=_("答复"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="commitments",
    )
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("承诺单位"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="commitments",
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("行政区划"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="commitments",
    )
    quote = models.TextField(_("原文语句"))
    summary = models.CharField(_("承诺内容"), max_length=200)
    kind = models.CharField(_("类别"), max_length=16, choices=CommitmentKind.choices, db_index=True)
    target = models.ForeignKey(
        "targets.Target", verbose_name=_("对应目标"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="commitments", help_text=_("量化的承诺对应的目标"),
    )
    deadline_year = models.PositiveSmallIntegerField(
        _("期限年份"), null=True, blank=True, db_index=True, help_text=_("原文写明或隐含的年份；没有则留空"),
    )
    fulfilment = models.CharField(
        _("兑现情况"), max_length=16, choices=Fulfilment.choices, default=Fulfilment.OPEN, db_index=True,
    )
    evidence_document = models.ForeignKey(
        "documents.Document", verbose_name=_("证据文件"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="evidence_for",
    )
    evidence_observation = models.ForeignKey(
        "targets.Observation", verbose_name=_("证据观测值"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="evidence_for",
    )
    evidence_quote = models.TextField(_("证据语句"), blank=True)
    fulfilment_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("认定人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    fulfilment_set_at = models.DateTimeField(_("认定时间"), null=True, blank=True)

    objects = CommitmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("承诺")
        verbose_name_plural = _("承诺")
        ordering = ["-id"]
        indexes = [models.Index(fields=["status", "id"], name="commitment_status_id_idx")]

    def __str__(self):
        return self.summary

    @property
    def state_label(self) -> str:
        """The state as read by ``CommitmentQuerySet.with_state`` (its ``state``), in words."""
        return CommitmentState(self.state).label
