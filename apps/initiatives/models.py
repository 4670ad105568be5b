"""Named programmes and reforms (举措/项目) and the documents that mention them."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.curation.models import CuratedModel


class Theme(models.TextChoices):
    RESOURCES = "resources", _("资源建设")
    BALANCE = "balance", _("均衡发展")
    TEACHERS = "teachers", _("师资队伍")
    QUALITY = "quality", _("教育质量")
    INFORMATIZATION = "informatization", _("信息化")
    PRESCHOOL = "preschool", _("学前教育")
    VOCATIONAL = "vocational", _("职业教育")
    SAFETY = "safety", _("安全")
    PARTY_BUILDING = "party_building", _("党建")


class Initiative(CuratedModel):
    name = models.CharField(_("名称"), max_length=200, db_index=True)
    theme = models.CharField(_("主题"), max_length=32, choices=Theme.choices, db_index=True)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("行政区划"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="initiatives", help_text=_("留空表示通用举措（如集团化办学）"),
    )
    start_year = models.PositiveSmallIntegerField(_("起始年份"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("结束年份"), null=True, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级举措"), null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    description = models.TextField(_("说明"), blank=True)
    aliases = models.TextField(
        _("别名/关键词"), blank=True, help_text=_("导入时据此识别文件提及的举措；用逗号、顿号或换行分隔")
    )
    documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("提及文件"), blank=True, related_name="initiatives"
    )
    history = HistoricalRecords(m2m_fields=[documents])

    class Meta:
        verbose_name = _("举措")
        verbose_name_plural = _("举措")
        ordering = ["name"]
        # Lists order by name then id; a programme's name recurs in thousands of regions.
        indexes = [models.Index(fields=["name", "id"], name="initiative_name_id_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True) | models.Q(start_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="initiative_end_not_before_start",
            ),
            models.UniqueConstraint(fields=["name", "region"], name="initiative_unique_name_per_region"),
            # NULLs are distinct in a unique index, so generic programmes need their own rule.
            models.UniqueConstraint(
                fields=["name"], condition=models.Q(region__isnull=True), name="initiative_unique_generic_name"
            ),
        ]

    def __str__(self):
        return self.name
