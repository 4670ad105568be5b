"""Indicators, targets and observations in the API."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.curation.api.serializers import ApiModelSerializer, LinkField, list_url
from apps.regions.api.serializers import RegionSummarySerializer
from apps.targets.models import Indicator, IndicatorLevel, Observation, Target, TargetProgress
from apps.targets.progress import legacy_progress

DESCRIPTIONS = {
    "indicator": "What is measured (指标).",
    "region": "The region the figure is about; null when the page blanks the place's name.",
    "comparator": "gte ≥ (达到/以上), lte ≤ (以下), eq =, approx ≈ (左右), range (3-4), increase_by (提高), "
                  "decrease_by (下降 N 个百分点), maintain (保持).",
    "comparator_display": "The comparator in Chinese.",
    "value": "The promised or observed number, as a decimal string.",
    "value_max": "Upper bound of a range target (3-4 → 4).",
    "unit": "Unit as printed (%, 所, 万元, ...).",
    "baseline": "Starting value that increase_by and decrease_by targets count from.",
    "deadline_year": "Year the target is due (到2025年 → 2025).",
    "deadline_date": "Exact due date, when the page gives one.",
    "value_text": "Comparator, value and unit in one short string (≥60%).",
    "progress": "achieved, on_track, missed, unverified or open, as of today; see the progress filter.",
    "progress_legacy": "Deprecated, removed in the next release: progress in the old words, achieved, on_track, "
                       "overdue (now missed) or no_evidence (now unverified or open). Read progress instead.",
    "progress_display": "The progress in Chinese.",
    "progress_override": "A curator's judgement that overrides the computed progress, if any.",
    "progress_note": "Why the curator judged so.",
    "initiative": "The initiative the target belongs to.",
    "source_document": "The document the sentence was taken from.",
    "quote": "The exact sentence the figure was taken from.",
    "observed_on": "Date the figure was reported as reached.",
    "name": "Name of the indicator (e.g. 义务教育紧密型集团化办学覆盖率).",
    "description": "A curator's notes on the indicator.",
    "code": "The catalogue's stable code (preschool_gross_enrolment); null for indicators the importer or curators "
            "made. Places are comparable on catalogue indicators.",
    "level": "Level of schooling: preschool, compulsory, senior_secondary, vocational, higher, special, lifelong, "
             "teachers, students or general; empty when not set.",
    "direction": "Which way is better: higher, lower or none; empty when not set.",
    "name_en": "English name of a catalogue indicator.",
    "definition": "One-line definition (Chinese) of what the indicator measures.",
}


@extend_schema_field({"type": "string", "enum": [*IndicatorLevel.values, ""]}, component_name="IndicatorLevelEnum")
class IndicatorLevelField(serializers.CharField):
    """The level's code, its enum named apart: regions already have a "level" enum."""


@extend_schema_field(
    {"type": "string", "enum": ["achieved", "on_track", "overdue", "no_evidence"], "deprecated": True},
    component_name="LegacyTargetProgressEnum",
)
class LegacyProgressField(serializers.ReadOnlyField):
    """The progress words API clients read before issue 15, for one release."""

    def to_representation(self, value):
        return legacy_progress(value)


class IndicatorSummarySerializer(ApiModelSerializer):
    """The indicator as targets and observations show it."""

    class Meta:
        model = Indicator
        fields = ["url", "id", "name", "unit"]
        descriptions = DESCRIPTIONS


class IndicatorSerializer(IndicatorSummarySerializer):
    """An indicator in a list."""

    level = IndicatorLevelField(read_only=True)

    class Meta(IndicatorSummarySerializer.Meta):
        fields = [*IndicatorSummarySerializer.Meta.fields, "code", "level", "direction", "updated_at"]


class IndicatorDetailSerializer(IndicatorSerializer):
    """An indicator in full, with links to its targets and observations."""

    related = serializers.SerializerMethodField(help_text="Lists of the targets and observations of this indicator.")
    aliases = serializers.ListField(
        source="alias_list", child=serializers.CharField(), read_only=True,
        help_text="Other names pages use for this indicator (学前三年毛入园率 for 学前教育毛入园率).",
    )

    class Meta(IndicatorSerializer.Meta):
        fields = [
            *IndicatorSerializer.Meta.fields, "name_en", "aliases", "definition", "description", "created_at", "related",
        ]

    def get_related(self, indicator) -> dict[str, str]:
        request = self.context.get("request")
        return {
            "targets": list_url(request, "target", indicator=indicator.pk),
            "observations": list_url(request, "observation", indicator=indicator.pk),
        }


class TargetSummarySerializer(ApiModelSerializer):
    """A target as a document shows it. Needs ``Target.objects.with_progress()``."""

    indicator = IndicatorSummarySerializer()
    region = RegionSummarySerializer(allow_null=True)
    value_text = serializers.CharField(source="describe_value")
    progress = serializers.ChoiceField(choices=TargetProgress.choices, source="progress_value")
    progress_legacy = LegacyProgressField(source="progress_value")

    class Meta:
        model = Target
        fields = [
            "url", "id", "indicator", "region", "comparator", "value", "value_max", "unit", "deadline_year",
            "value_text", "progress", "progress_legacy", "quote",
        ]
        descriptions = DESCRIPTIONS


class TargetSerializer(TargetSummarySerializer):
    """A target with its attainment as of today. Needs ``Target.objects.with_progress()``."""

    comparator_display = serializers.CharField(source="get_comparator_display")
    progress_display = serializers.SerializerMethodField()
    # Links only, and null where the initiative or document is one the reader cannot see.
    initiative = LinkField("initiative-detail", source="visible_initiative_id", allow_null=True)
    source_document = LinkField("document-detail", source="visible_source_document_id", allow_null=True)

    class Meta(TargetSummarySerializer.Meta):
        fields = [
            "url", "id", "indicator", "region", "initiative", "comparator", "comparator_display", "value",
            "value_max", "unit", "baseline", "deadline_year", "deadline_date", "value_text", "progress",
            "progress_legacy", "progress_display", "source_document", "quote", "status", "updated_at",
        ]

    def get_progress_display(self, target) -> str:
        return str(TargetProgress(target.progress_value).label)


class TargetDetailSerializer(TargetSerializer):
    """A target in full, with any curator's judgement of its progress."""

    class Meta(TargetSerializer.Meta):
        fields = [*TargetSerializer.Meta.fields, "progress_override", "progress_note", "created_at"]


class ObservationSummarySerializer(ApiModelSerializer):
    """An observation as a document shows it."""

    indicator = IndicatorSummarySerializer()
    region = RegionSummarySerializer(allow_null=True)

    class Meta:
        model = Observation
        fields = ["url", "id", "indicator", "region", "value", "unit", "observed_on", "quote"]
        descriptions = DESCRIPTIONS


class ObservationSerializer(ObservationSummarySerializer):
    """An observation in a list."""

    source_document = LinkField("document-detail", source="visible_source_document_id", allow_null=True)

    class Meta(ObservationSummarySerializer.Meta):
        fields = [*ObservationSummarySerializer.Meta.fields, "source_document", "status", "updated_at"]


class ObservationDetailSerializer(ObservationSerializer):
    """An observation in full."""

    class Meta(ObservationSerializer.Meta):
        fields = [*ObservationSerializer.Meta.fields, "created_at"]
