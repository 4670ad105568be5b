"""Reading targets for the pages: lists through ``TargetFilter``, the indicator catalogue, one indicator across regions."""
from collections import defaultdict

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from apps.curation.selectors import filtered
from apps.documents.models import Document
from apps.initiatives.models import Initiative, Theme
from apps.targets.filters import IndicatorFilter, TargetFilter
from apps.targets.models import Indicator, Observation, Target

TARGET_ORDER = ["deadline_year", "indicator__name", "region_id", "pk"]


def _with_visible_source(records: QuerySet, user) -> QuerySet:
    """Annotate ``source_id`` and ``source_title``: the source document, only if ``user`` may see it."""
    source = Document.objects.visible_to(user).filter(pk=OuterRef("source_document"))
    return records.annotate(source_id=Subquery(source.values("pk")), source_title=Subquery(source.values("title")))


def _targets(user) -> QuerySet:
    targets = Target.objects.visible_to(user).with_progress().select_related("indicator", "region")
    return _with_visible_source(targets, user)


def target_list(*, filters, user) -> QuerySet:
    """The targets ``user`` may see with ``progress_value``, narrowed by ``TargetFilter``.

    Raises ``apps.curation.selectors.InvalidFilters`` on a malformed filter.
    """
    return filtered(TargetFilter, _targets(user).order_by(*TARGET_ORDER), filters=filters, user=user)


def indicator_comparison(*, pk: int, user, region_lookup: dict | None = None) -> tuple[Indicator, list, list]:
    """An indicator with every target and observation of it ``user`` may see, by region then time,
    narrowed by ``region_lookup`` (``ComparisonForm.region_lookup()``).

    Raises ``Indicator.DoesNotExist``.
    """
    region_lookup = region_lookup or {}
    indicator = Indicator.objects.visible_to(user).get(pk=pk)
    targets = _targets(user).filter(indicator=indicator, **region_lookup)
    targets = list(targets.order_by("region_id", "deadline_year", "pk"))
    observations = Observation.objects.visible_to(user).filter(indicator=indicator, **region_lookup)
    observations = observations.select_related("region")
    observations = list(_with_visible_source(observations, user).order_by("region_id", "observed_on", "pk"))
    return indicator, targets, observations


def _count_of(records: QuerySet) -> Coalesce:
    """How many of ``records`` (filtered on ``indicator=OuterRef("pk")``), as a subquery."""
    counted = records.order_by().values("indicator").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def indicator_catalogue(*, filters, user) -> QuerySet:
    """The indicators ``user`` may see, narrowed by ``IndicatorFilter``, each with ``target_count`` and
    ``observation_count`` (of the targets and observations ``user`` may see). Raises ``InvalidFilters``."""
    indicators = Indicator.objects.visible_to(user).annotate(
        target_count=_count_of(Target.objects.visible_to(user).filter(indicator=OuterRef("pk"))),
        observation_count=_count_of(Observation.objects.visible_to(user).filter(indicator=OuterRef("pk"))),
    ).order_by("name", "pk")
    return filtered(IndicatorFilter, indicators, filters=filters, user=user)


def indicator_reach(indicators: list[Indicator], *, user) -> list[Indicator]:
    """Give each of ``indicators`` ``region_count`` (places with a target or observation on it) and
    ``themes`` (labels of its targets' initiatives' themes), all that ``user`` may see: three queries."""
    ids = [indicator.pk for indicator in indicators]
    places = defaultdict(set)
    for model in (Target, Observation):
        pairs = model.objects.visible_to(user).filter(indicator__in=ids, region__isnull=False)
        for indicator_id, region_id in pairs.order_by().values_list("indicator_id", "region_id").distinct():
            places[indicator_id].add(region_id)
    themes = defaultdict(set)
    initiatives = Initiative.objects.visible_to(user)
    pairs = Target.objects.visible_to(user).filter(indicator__in=ids, initiative__in=initiatives)
    for indicator_id, theme in pairs.order_by().values_list("indicator_id", "initiative__theme").distinct():
        themes[indicator_id].add(theme)
    order = {theme: index for index, theme in enumerate(Theme.values)}
    for indicator in indicators:
        indicator.region_count = len(places[indicator.pk])
        indicator.themes = [Theme(t).label for t in sorted(themes[indicator.pk], key=order.get) if t in order]
    return indicators
