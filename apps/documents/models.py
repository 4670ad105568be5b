"""Pages and files as captured from bureau sites, and the citations between them."""
import hashlib
import re
import unicodedata
from dataclasses import dataclass

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
    PLAN = "plan", _("规划/行动方案")
    WORK_REPORT = "work_report", _("工作汇报")
    NEWS = "news", _("新闻报道")
    POLICY = "policy", _("政策文件")
    OTHER = "other", _("其他")


def text_checksum(raw_text: str) -> str:
    return hashlib.sha256(raw_text.encode("utf-8")).hexdigest()


NOT_LETTERS = re.compile(r"[\W_]+")
# An article this long (letters and digits) is compared by its ends too; each end is this long.
ARTICLE_LONG = 300
ARTICLE_END = 100


def article_letters(clean_text: str) -> str:
    """The article's Chinese characters, letters and digits only: what two captures of one page
    share whatever their whitespace, punctuation, quote marks or full-width forms."""
    return NOT_LETTERS.sub("", unicodedata.normalize("NFKC", clean_text).casefold())


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ArticleFingerprint:
    """The article's letters hashed whole, and (when long) its first and last stretches, so a page
    that differs from a held one only by junk lines can be found by an index too."""

    lines: tuple[str, ...]  # each line's letters
    checksum: str
    head: str
    tail: str

    @property
    def letters(self) -> str:
        return "".join(self.lines)

    @classmethod
    def of(cls, clean_text: str) -> "ArticleFingerprint":
        lines = tuple(filter(None, map(article_letters, clean_text.split("\n"))))
        letters = "".join(lines)
        long = len(letters) >= ARTICLE_LONG
        return cls(
            lines=lines,
            checksum=_digest(letters) if letters else "",
            head=_digest(letters[:ARTICLE_END]) if long else "",
            tail=_digest(letters[-ARTICLE_END:]) if long else "",
        )


# The lists' order: newest first, undated last, as document_newest_idx holds it.
NEWEST_FIRST = [models.F("publish_date").desc(nulls_last=True), "-pk"]


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
    raw_text = models.TextField(_("原始文本"), help_text=_("抓取时的原文，未经清理"))
    clean_text = models.TextField(_("正文"), blank=True)
    checksum = models.CharField(
        _("内容校验和"), max_length=64, unique=True, editable=False, help_text=_("原始文本的 SHA-256")
    )
    # The article's fingerprint as first saved (ArticleFingerprint): not recomputed when a curator
    # edits the clean text, so the page itself, captured again, is still recognised.
    content_checksum = models.CharField(_("正文校验和"), max_length=64, blank=True, editable=False)
    content_head = models.CharField(max_length=64, blank=True, editable=False)
    content_tail = models.CharField(max_length=64, blank=True, editable=False)
    source_file = models.CharField(_("导入文件名"), max_length=255, blank=True)
    import_warnings = models.JSONField(
        _("导入提示"), default=list, blank=True, help_text=_("导入程序请审核者核对的地方")
    )
    # The fingerprint is kept in history too: simple-history builds a document's historical row from
    # the other side's field list when an initiative is linked from the document (reverse m2m), so
    # excluding fields here breaks that.
    history = HistoricalRecords(m2m_fields=[regions])

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("文件")
        verbose_name_plural = _("文件")
        ordering = ["-publish_date", "-id"]
        indexes = [
            # The pages' "newest first, undated last" (NEWEST_FIRST):
            # without it every list page sorts all documents (docs/performance.md).
            NullsOrderedIndex(
                models.F("publish_date").desc(nulls_last=True), models.F("id").desc(), name="document_newest_idx"
            ),
            # The importer links each citation to a held document by its title.
            models.Index(fields=["title"], name="document_title_idx"),
            # "The documents a reader may see" as ids, read from the index alone: a search joins
            # its matches to them (100 → 65 ms for a word in 74 % of 100,000 documents).
            models.Index(fields=["status", "id"], name="document_status_id_idx"),
            # A page already held, by its article (apps.ingest.duplicates). In Meta rather than on the
            # fields, so the history table, which copies the fields, does not index them too.
            models.Index(fields=["content_checksum"], name="document_content_checksum_idx"),
            models.Index(fields=["content_head"], name="document_content_head_idx"),
            models.Index(fields=["content_tail"], name="document_content_tail_idx"),
            # The review queue: drafts, newest import first (apps.review.queue), read in order.
            models.Index(
                fields=["-created_at", "-id"], condition=models.Q(status="draft"), name="document_draft_queue_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        checksum = text_checksum(self.raw_text)
        duplicate = Document.objects.filter(checksum=checksum).exclude(pk=self.pk).first()
        if duplicate is not None:
            raise ValidationError(
                {"raw_text": _("这份原文已收录为“%(title)s”（#%(id)s）。") % {"title": duplicate.title, "id": duplicate.pk}}
            )

    def fingerprint_set(self, fingerprint: ArticleFingerprint) -> None:
        self.content_checksum, self.content_head, self.content_tail = (
            fingerprint.checksum, fingerprint.head, fingerprint.tail,
        )

    def save(self, *args, **kwargs):
        self.checksum = text_checksum(self.raw_text)
        if not self.content_checksum:
            self.fingerprint_set(ArticleFingerprint.of(self.clean_text))
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
