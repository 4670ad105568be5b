"""One indicator compared across regions (``/indicators/<id>/?region=`` or ``?regions=a,b``).

The form says which regions; ``comparison_rows`` lays targets and observations side by side
by region and year, the table the page shows and exports.
"""
import re
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.curation.api.filters import RegionPrefixField
from apps.regions.models import Region, code_range
from apps.targets.models import TargetProgress
from apps.web.templatetags.web import plain_number

MAX_CHOSEN_REGIONS = 12
# A region may record dozens of targets on one indicator for one year (the same target repeated
# by every document that restates it): the page shows this many per row and links to the rest.
TARGETS_PER_ROW = 5
CODE_LIST = re.compile(r"^[0-9]{6}(,[0-9]{6})*$")


class ComparisonForm(forms.Form):
    """``region``: everything under one code; ``regions``: a list of six-digit codes. Not both."""

    region = RegionPrefixField(
        required=False, label=_("地区"),
        error_messages={"invalid": _("请填写2到6位行政区划代码或其前缀，如 32、3201 或 320115。")},
    )
    regions = forms.CharField(
        required=False, label=_("选定地区"),
        help_text=_("六位行政区划代码，用逗号分隔，如 320404,320481"),
    )

    def clean_regions(self) -> list[Region]:
        text = self.cleaned_data["regions"].replace(" ", "").replace("，", ",")
        if not text:
            return []
        if not CODE_LIST.match(text):
            raise forms.ValidationError(_("请填写六位行政区划代码，用逗号分隔，如 320404,320481。"))
        codes = list(dict.fromkeys(text.split(",")))
        if len(codes) > MAX_CHOSEN_REGIONS:
            raise forms.ValidationError(
                _("最多可选 %(count)d 个地区。") % {"count": MAX_CHOSEN_REGIONS}
            )
        regions = {region.code: region for region in Region.objects.filter(code__in=codes)}
        unknown = [code for code in codes if code not in regions]
        if unknown:
            raise forms.ValidationError(_("没有这些行政区划：%(codes)s。") % {"codes": "、".join(unknown)})
        return [regions[code] for code in codes]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("region") and cleaned.get("regions"):
            raise forms.ValidationError(_("“地区”和“选定地区”只能填一项。"))
        return cleaned

    def region_lookup(self) -> dict:
        """The filter on targets and observations for the chosen regions; {} for every region."""
        if self.cleaned_data.get("regions"):
            return {"region_id__in": [region.code for region in self.cleaned_data["regions"]]}
        if self.cleaned_data.get("region"):
            low, high = code_range(self.cleaned_data["region"])
            return {"region_id__gte": low, "region_id__lt": high}
        return {}


@dataclass
class ComparisonRow:
    region: Region | None
    year: int | None
    targets: list = field(default_factory=list)
    observations: list = field(default_factory=list)

    @property
    def targets_shown(self) -> list:
        return self.targets[:TARGETS_PER_ROW]

    @property
    def targets_not_shown(self) -> int:
        return max(len(self.targets) - TARGETS_PER_ROW, 0)

    @property
    def sort_key(self) -> tuple:
        return (self.region is None, self.region.code if self.region else "", self.year or 0)


def comparison_rows(targets: list, observations: list) -> list[ComparisonRow]:
    """One row per region and year: the targets due that year beside the figures observed in it."""
    rows: dict[tuple, ComparisonRow] = {}
    for target in targets:
        key = (target.region_id, target.deadline_year)
        rows.setdefault(key, ComparisonRow(target.region, target.deadline_year)).targets.append(target)
    for observation in observations:
        key = (observation.region_id, observation.observed_on.year)
        rows.setdefault(key, ComparisonRow(observation.region, observation.observed_on.year)).observations.append(
            observation
        )
    return sorted(rows.values(), key=lambda row: row.sort_key)


def targets_text(row: ComparisonRow) -> str:
    return "；".join(f"{t.describe_value()}（{TargetProgress(t.progress_value).label}）" for t in row.targets)


def observations_text(row: ComparisonRow) -> str:
    return "；".join(f"{plain_number(o.value)}{o.unit}（{o.observed_on:%Y-%m-%d}）" for o in row.observations)
