"""Pages and files as captured from bureau sites, and the citations between them."""
import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.curation.indexes import NullsOrderedIndex
from apps.curation.models import CuratedModel, CuratedQuerySet
from apps.regions.models import code_prefix


class DocumentType(models.TextChoices):
    REPLY = "reply", _("提案/建议答复")
    ANNUAL_GOALS = "annual_goals", _("年度目标/工作要点")
    WORK_REPORT = "work_report", _("工作汇报")
    NEWS = "news", _("新闻报道")
    POLICY = "policy", _("政策文件")
    OTHER = "other", _("其他")


def text_checksum(raw_text: str) -> str:
    return hashlib.sha256(raw_text.encode("utf-8")).hexdigest()


class DocumentQuerySet(CuratedQuerySet):
    def in_region(self, code: str):
        """Documents about this region or anything under it."""
        return self.filter(regions__code__startswith=code_prefix(code)).distinct()


class Document(CuratedModel):
    title = models.CharField(_("标题"), max_length=300)
    doc_type = models.CharField(_("类型"), max_length=32, choices=DocumentType.choices, db_index=True)
    regions = models.ManyToManyField("regions.Region", verbose_name=_("行政区划"), blank=True, related_name="documents")
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("发文/答复机构"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="documents",
    )
    publish_date = models.DateField(_("发布日期"), null=True, blank=True, db_index=True)
    doc_number = models.CharField(_("文号"), max_length=64, blank=True, db_index=True)
    source_url = models.URLField(_("来源网址"), max_length=500, blank=True)
    source_site = models.CharField(_("来源网站"), max_length=128, blank=True)
    raw_text = models.TextField(_("原始文本"), help_text=_("抓取时的原文,未经清理"))
    clean_text = models.TextField(_("正文"), blank=True)
    checksum = models.CharField(
        _("内容校验和"), max_length=64, unique=True, editable=False, help_text=_("原始文本的 SHA-256")
    )
    source_file = models.CharField(_("导入文件名"), max_length=255, blank=True)
    import_warnings = models.JSONField(
        _("导入提示"), default=list, blank=True, help_text=_("导入程序请审核者核对的地方")
    )
    history = HistoricalRecords(m2m_fields=[regions])

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("文件")
        verbose_name_plural = _("文件")
        ordering = ["-publish_date", "-id"]
        indexes = [
            # The pages' "newest first, undated last" (apps.documents.selectors.NEWEST_FIRST):
            # without it every list page sorts all documents (docs/performance.md).
            NullsOrderedIndex(
                models.F("publish_date").desc(nulls_last=True), models.F("id").desc(), name="document_newest_idx"
            ),
            # The importer links each citation to a held document by its title.
            models.Index(fields=["title"], name="document_title_idx"),
            # "The documents a reader may see" as ids, read from the index alone: a search joins
            # its matches to them (100 → 65 ms for a word in 74 % of 100,000 documents).
            models.Index(fields=["status", "id"], name="document_status_id_idx"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        checksum = text_checksum(self.raw_text)
        duplicate = Document.objects.filter(checksum=checksum).exclude(pk=self.pk).first()
        if duplicate is not None:
            raise ValidationError(
                {"raw_text": _("这份原文已收录为“%(title)s”(#%(id)s)。") % {"title": duplicate.title, "id": duplicate.pk}}
            )

    def save(self, *args, **kwargs):
        self.checksum = text_checksum(self.raw_text)
        super().save(*args, **kwargs)


class Citation(models.Model):
    """A document citing another by title (《》) and/or 文号; linked when the cited one is held."""

    document = models.ForeignKey(Document, verbose_name=_("引用方"), on_delete=models.CASCADE, related_name="citations")
    cited_title = models.CharField(_("被引标题"), max_length=300, blank=True)
    cited_doc_number = models.CharField(_("被引文号"), max_length=64, blank=True)
    cited_document = models.ForeignKey(
        Document, verbose_name=_("被引文件"), null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("引用")
        verbose_name_plural = _("引用")
        ordering = ["document", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(cited_title="", cited_doc_number="", cited_document__isnull=True),
                name="citation_names_what_it_cites",
            ),
            models.UniqueConstraint(
                fields=["document", "cited_title", "cited_doc_number"], name="citation_unique_per_document"
            ),
        ]

    def __str__(self):
        return self.cited_title or self.cited_doc_number or str(self.cited_document)
