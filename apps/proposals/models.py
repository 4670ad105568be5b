"""Proposals (提案) and suggestions (建议) with the bureaus' formal replies (答复)."""
import calendar
import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.curation.models import CuratedModel, CuratedQuerySet
from apps.regions.models import code_prefix


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class ProposalKind(models.TextChoices):
    PROPOSAL = "proposal", _("提案（政协）")
    SUGGESTION = "suggestion", _("建议（人大）")


class ProposerRole(models.TextChoices):
    CPPCC_MEMBER = "委员", _("委员")
    DEPUTY = "代表", _("代表")


class ProposalQuerySet(CuratedQuerySet):
    def in_region(self, code: str):
        return self.filter(region__code__startswith=code_prefix(code))


class Proposal(CuratedModel):
    kind = models.CharField(_("类别"), max_length=16, choices=ProposalKind.choices, db_index=True)
    session = models.CharField(
        _("届次/会议"), max_length=128, db_index=True, help_text=_("如“江宁区政协十三届一次会议”")
    )
    number = models.CharField(_("编号"), max_length=32, help_text=_("会议内的编号，如 JNZX13010181 或 76"))
    title = models.CharField(_("标题"), max_length=300)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("行政区划"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="proposals",
    )
    subject = models.CharField(_("主题"), max_length=128, blank=True)
    assigned_date = models.DateField(_("交办日期"), null=True, blank=True)
    due_date = models.DateField(
        _("答复期限"), null=True, blank=True, help_text=_("留空则为交办后三个月")
    )
    history = HistoricalRecords()

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("提案/建议")
        verbose_name_plural = _("提案/建议")
        ordering = ["-id"]
        constraints = [
            # Per region: a session named relatively (县十六届人大一次会议) recurs in every county.
            models.UniqueConstraint(
                fields=["kind", "session", "number", "region"], name="proposal_number_unique_in_session"
            ),
        ]

    def __str__(self):
        return f"{self.session} 第{self.number}号{self.get_kind_display()[:2]}"

    def save(self, *args, **kwargs):
        if self.assigned_date and not self.due_date:
            self.due_date = add_months(self.assigned_date, settings.REPLY_DUE_MONTHS)
        super().save(*args, **kwargs)

    @property
    def lead_proposer(self):
        return next((p for p in self.proposers.all() if p.is_lead), None)


class Proposer(models.Model):
    """A lead proposer (领衔) or co-signer (联名) of a proposal."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("提案/建议"), on_delete=models.CASCADE, related_name="proposers")
    name = models.CharField(_("姓名"), max_length=64)
    role = models.CharField(_("身份"), max_length=8, choices=ProposerRole.choices, blank=True)
    is_lead = models.BooleanField(_("领衔"), default=False, help_text=_("不勾选即为联名"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("提案人")
        verbose_name_plural = _("提案人")
        ordering = ["proposal", "-is_lead", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "name"], name="proposer_once_per_proposal"),
            models.UniqueConstraint(
                fields=["proposal"], condition=models.Q(is_lead=True), name="proposal_single_lead_proposer"
            ),
        ]

    def __str__(self):
        return f"{self.name}{self.role}"


class ResultCode(models.TextChoices):
    """办理结果 letters with their most common meanings; the page's own scheme is kept beside."""

    A = "A", _("A 所提问题已解决或基本解决")
    B = "B", _("B 列入计划拟解决")
    C = "C", _("C 因条件限制暂不能解决，留作参考")
    D = "D", _("D 留作参考")


class ReplyKind(models.TextChoices):
    FINAL = "final", _("正式答复")
    INTERIM = "interim", _("中期答复")
    SECOND = "second", _("再次答复（不满意）")
    FOLLOW_UP = "follow_up", _("跟踪办理答复")


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASICALLY = "basically", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")


class Reply(CuratedModel):
    proposal = models.ForeignKey(Proposal, verbose_name=_("提案/建议"), on_delete=models.CASCADE, related_name="replies")
    reply_kind = models.CharField(_("答复类别"), max_length=16, choices=ReplyKind.choices, default=ReplyKind.FINAL)
    responding_organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("主办单位"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="replies",
    )
    co_handling_organizations = models.ManyToManyField(
        "organizations.Organization", verbose_name=_("会办单位"), blank=True, related_name="co_handled_replies"
    )
    reply_date = models.DateField(_("答复日期"), null=True, blank=True, db_index=True)
    doc_number = models.CharField(_("文号"), max_length=64, blank=True)
    result_code = models.CharField(_("办理结果"), max_length=1, choices=ResultCode.choices, blank=True, db_index=True)
    result_scheme = models.CharField(
        _("结果代码方案"), max_length=200, blank=True, help_text=_("页面上对字母含义的说明，各地各年不同")
    )
    disclosure = models.BooleanField(_("是否同意公开"), null=True, blank=True)
    signer = models.CharField(_("领导签发"), max_length=64, blank=True)
    contact = models.CharField(_("联系人及电话"), max_length=128, blank=True)
    copy_to = models.JSONField(_("抄送"), default=list, blank=True)
    satisfaction = models.CharField(_("提案人满意度"), max_length=16, choices=Satisfaction.choices, blank=True)
    document = models.OneToOneField(
        "documents.Document", verbose_name=_("答复全文"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="reply",
    )
    history = HistoricalRecords(m2m_fields=[co_handling_organizations])

    class Meta:
        verbose_name = _("答复")
        verbose_name_plural = _("答复")
        ordering = ["proposal", "reply_date", "id"]
        indexes = [
            # The reply filter's 文号 (doc_number), matched exactly.
            models.Index(fields=["doc_number"], name="reply_doc_number_idx"),
            # Replies of a grade since a date (?result_code=A&date_from=…), counted from the index alone
            # and joined to the proposals of a place (PostgreSQL: proposal_region_prefix_idx,
            # migration 0006) without reading 180,000 graded replies from the table at a million documents.
            models.Index(fields=["result_code", "reply_date", "proposal", "status"], name="reply_result_date_idx"),
        ]

    def __str__(self):
        return f"{_('答复')}: {self.proposal}"

    @property
    def full_text(self) -> str:
        return self.document.clean_text if self.document else ""
