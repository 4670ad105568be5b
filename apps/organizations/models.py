"""Bodies that issue documents, reply to proposals, or publish pages."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OrganizationKind(models.TextChoices):
    EDUCATION_BUREAU = "education_bureau", _("教育局")
    EDUCATION_DEPARTMENT = "education_department", _("教育厅")
    GOVERNMENT = "government", _("人民政府")
    CPPCC = "cppcc", _("政协")
    PEOPLES_CONGRESS = "peoples_congress", _("人大")
    MEDIA = "media", _("媒体/网站")
    SCHOOL = "school", _("学校")
    OTHER = "other", _("其他")


class Organization(models.Model):
    name = models.CharField(_("名称"), max_length=128, unique=True)
    short_name = models.CharField(_("简称"), max_length=64, blank=True, help_text=_("页面上的写法，如“区教育局”"))
    kind = models.CharField(_("类型"), max_length=32, choices=OrganizationKind.choices, db_index=True)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("行政区划"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="organizations",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        ordering = ["name"]

    def __str__(self):
        return self.name
