"""Filter building blocks shared by every app's FilterSet (API and web pages alike).

Each filter states its OpenAPI type and description itself, so the schema documents
every query parameter exactly as it is validated. A value that fails validation makes
the FilterSet invalid, and DRF answers 400 with the parameter's name as the key.
"""
import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.utils import extend_schema_field

from apps.curation.models import CurationStatus
from apps.regions.models import code_prefix

REGION_PREFIX_PATTERN = r"^[0-9]{2,6}$"
YEAR_MIN, YEAR_MAX = 1, 9999
TEXT_QUERY_MAX_LENGTH = 200


class SchemaDescribedFilter:
    """Mixin: give the parameter an explicit OpenAPI schema, described by ``help_text``."""

    schema: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An override replaces drf-spectacular's guess, description included, so both go in.
        extend_schema_field({**self.schema, "description": str(self.extra.get("help_text", ""))})(self)


# --- region -----------------------------------------------------------------------

class RegionPrefixField(forms.RegexField):
    default_error_messages = {
        "invalid": _("Enter a GB/T 2260 region code or its prefix: 2 to 6 digits, e.g. 32, 3201 or 320115."),
    }

    def __init__(self, **kwargs):
        super().__init__(regex=REGION_PREFIX_PATTERN, strip=True, **kwargs)


class RegionPrefixFilter(SchemaDescribedFilter, django_filters.CharFilter):
    """A region and everything under it, by code prefix: ``320100`` and ``3201`` both mean Nanjing.

    ``field_name`` is the path to the region code (``region__code``, ``regions__code``).
    Set ``through_many`` when the path crosses a many-to-many relation: the match then
    goes through a subquery on the link table alone, so a record in two matching regions
    is listed once and the planner can count a province's records from the links of its
    regions without reading the records' table twice (docs/performance.md).
    """

    field_class = RegionPrefixField
    schema = {"type": "string", "pattern": REGION_PREFIX_PATTERN}

    def __init__(self, *args, through_many: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.through_many = through_many

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        lookup = {f"{self.field_name}__startswith": code_prefix(value)}
        if self.through_many:
            return qs.filter(pk__in=self.linked_ids(qs.model, value))
        return qs.filter(**lookup)

    def linked_ids(self, model, value) -> QuerySet:
        """The ids of ``model``'s records linked to a matching region, read from the link table."""
        relation, code_path = self.field_name.split("__", 1)
        many = model._meta.get_field(relation)
        links = many.remote_field.through._default_manager
        region = many.m2m_reverse_field_name()
        return links.filter(**{f"{region}__{code_path}__startswith": code_prefix(value)}).values(many.m2m_field_name())


# --- numbers and dates ------------------------------------------------------------

class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=YEAR_MIN, max_value=YEAR_MAX, **kwargs)


class YearFilter(SchemaDescribedFilter, django_filters.NumberFilter):
    """A four-digit year; pass ``lookup_expr`` such as ``year__gte`` for date fields."""

    field_class = YearField
    schema = {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX}


class TrueFalseSelect(forms.Select):
    """全部 sends nothing; the chosen value goes to the field as typed, so a wrong one can be refused."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=[("", _("全部")), ("true", _("是")), ("false", _("否"))])


class StrictBooleanField(forms.NullBooleanField):
    """true/false (also 1/0, True/False); anything else is an error rather than no filter at all."""

    widget = TrueFalseSelect

    ACCEPTED = {"true": True, "1": True, "True": True, "false": False, "0": False, "False": False}

    def to_python(self, value):
        if value in EMPTY_VALUES or value is None:
            return None
        if isinstance(value, bool):
            return value
        if value not in self.ACCEPTED:
            raise ValidationError(_("请填写 true 或 false。"), code="invalid")
        return self.ACCEPTED[value]

    def validate(self, value):
        pass


class BooleanFilter(SchemaDescribedFilter, django_filters.BooleanFilter):
    field_class = StrictBooleanField
    schema = {"type": "boolean"}


class DateFilter(SchemaDescribedFilter, django_filters.DateFilter):
    schema = {"type": "string", "format": "date"}


class SyncTimestampField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date or date-time, handed to the database in UTC.

    Python accepts offsets up to ±24 hours, PostgreSQL only up to ±15:59, and a time near
    year 1 may have no UTC value at all: converting here turns both into a 400.
    """

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(datetime.timezone.utc)
        except (OverflowError, ValueError):
            raise ValidationError(_("This date and time is out of range."), code="invalid") from None


class UpdatedSinceFilter(SchemaDescribedFilter, django_filters.IsoDateTimeFilter):
    field_class = SyncTimestampField
    schema = {"type": "string", "format": "date-time"}


# --- text, choices, ordering ------------------------------------------------------

class TextQueryFilter(SchemaDescribedFilter, django_filters.CharFilter):
    """The ``q`` parameter: hands the stripped text to the app's one search function."""

    schema = {"type": "string", "maxLength": TEXT_QUERY_MAX_LENGTH}

    def __init__(self, *args, search, **kwargs):
        kwargs.setdefault("max_length", TEXT_QUERY_MAX_LENGTH)
        super().__init__(*args, **kwargs)
        self.search = search

    def filter(self, qs, value):
        text = (value or "").strip()
        return self.search(qs, text) if text else qs


class RepeatedOrCommaWidget(django_filters.widgets.BaseCSVWidget, forms.Select):
    """``ordering=-id,title`` and ``ordering=-id&ordering=title`` alike: generated clients send either."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        if not values or values == [None]:
            return None
        return [part for value in values if value for part in value.split(",")]


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ordering that always ends on the primary key, so pages never overlap or skip."""

    repeatable = True

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", RepeatedOrCommaWidget)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        ordering = [self.get_ordering_value(param) for param in value or [] if param not in EMPTY_VALUES]
        return qs.order_by(*ordering, "pk") if ordering else qs


def visible_choices(model):
    """Choices for a ModelChoiceFilter: the records of ``model`` the requesting user may see.

    An id the user may not see is refused like an unknown one, so filters do not reveal
    which drafts exist.
    """

    def queryset(request):
        return model.objects.visible_to(getattr(request, "user", None))

    return queryset


# --- bases ------------------------------------------------------------------------

class ApiFilterSet(django_filters.FilterSet):
    """Every list can be synced incrementally with ``updated_since``."""

    updated_since = UpdatedSinceFilter(
        field_name="updated_at", lookup_expr="gte",
        help_text="Only records changed at or after this ISO 8601 date or date-time "
                  "(e.g. 2024-01-01 or 2024-01-01T08:00:00+08:00), for incremental sync.",
    )

    def visible(self, queryset):
        """The records of ``queryset`` the requesting user may see (published for anonymous)."""
        return queryset.visible_to(getattr(self.request, "user", None))


class CuratedFilterSet(ApiFilterSet):
    status = django_filters.ChoiceFilter(
        choices=CurationStatus.choices,
        help_text="Curation status (draft, reviewed, published). Anonymous readers only ever "
                  "see published records, so draft and reviewed are useful to curators only.",
    )
