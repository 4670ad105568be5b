"""Reading targets for the pages: lists through ``TargetFilter``, the indicator catalogue, one indicator across regions."""
from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from apps.curation.selectors import filtered
from apps.documents.models import Document
from apps.initiatives.models import Theme
from apps.targets.comparison import MAX_CHOSEN_REGIONS
from apps.targets.figures import indicator_figures
from apps.targets.filters import IndicatorFilter, TargetFilter
from apps.targets.models import Indicator, Observation, Target

# By year, then indicator: each indicator's targets together, in the catalogue's order (its id), which
# an index serves (Target.Meta); its name would need a join and a sort of every match.
TARGET_ORDER = ["deadline_year", "indicator_id", "region_id", "pk"]


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


# The indicator page draws and tables this many regions (in code order) at most, as many as one
# may choose to compare: a busy indicator is set in thousands of places, which no chart can show
# and no page should load (30 regions still took 300 ms to render).
MAX_PAGE_REGIONS = MAX_CHOSEN_REGIONS


@dataclass
class IndicatorPage:
    """What the indicator page shows: the records of its first ``MAX_PAGE_REGIONS`` regions, and totals."""

    indicator: Indicator
    targets: list  # of the regions shown, by region then deadline
    observations: list  # of the regions shown, by region then date
    target_count: int  # of every region chosen
    observation_count: int
    more_regions: bool  # whether regions beyond those shown hold records


def _first_codes(records: QuerySet) -> set:
    """The first ``MAX_PAGE_REGIONS`` + 1 region codes of ``records``, read in code order from an
    index and stopped there: a union of both kinds sorted every place's records first (a busy
    indicator at a million documents: 170,000 targets)."""
    ordered = records.order_by(F("region_id").asc(nulls_last=True)).values_list("region_id", flat=True)
    return set(ordered.distinct()[: MAX_PAGE_REGIONS + 1])


def _page_regions(targets: QuerySet, observations: QuerySet) -> tuple[list, bool]:
    """The first ``MAX_PAGE_REGIONS`` region codes holding a target or an observation (None: unplaced, last)."""
    codes = sorted(_first_codes(targets) | _first_codes(observations), key=lambda code: (code is None, code or ""))
    return codes[:MAX_PAGE_REGIONS], len(codes) > MAX_PAGE_REGIONS


def _in_regions(records: QuerySet, codes: list) -> QuerySet:
    placed = [code for code in codes if code is not None]
    condition = Q(region_id__in=placed)
    if None in codes:
        condition |= Q(region_id__isnull=True)
    return records.filter(condition)


def indicator_page(*, pk: int, user, region_lookup: dict | None = None) -> IndicatorPage:
    """An indicator with the targets and observations ``user`` may see in the first regions narrowed by
    ``region_lookup`` (``ComparisonForm.region_lookup()``), and how many there are in all: seven queries
    whatever the number of records.

    Raises ``Indicator.DoesNotExist``.
    """
    region_lookup = region_lookup or {}
    indicator = Indicator.objects.visible_to(user).get(pk=pk)
    targets = Target.objects.visible_to(user).filter(indicator=indicator, **region_lookup)
    observations = Observation.objects.visible_to(user).filter(indicator=indicator, **region_lookup)
    codes, more = _page_regions(targets, observations)
    shown_targets = _in_regions(_targets(user).filter(indicator=indicator, **region_lookup), codes)
    shown_observations = _with_visible_source(
        _in_regions(observations, codes).select_related("region"), user
    )
    return IndicatorPage(
        indicator=indicator,
        targets=list(shown_targets.order_by(F("region_id").asc(nulls_last=True), "deadline_year", "pk")),
        observations=list(shown_observations.order_by(F("region_id").asc(nulls_last=True), "observed_on", "pk")),
        target_count=targets.count(),
        observation_count=observations.count(),
        more_regions=more,
    )


def indicator_catalogue(*, filters, user) -> QuerySet:
    """The indicators ``user`` may see, narrowed by ``IndicatorFilter``; ``indicator_reach`` adds the counts.

    Raises ``InvalidFilters``.
    """
    indicators = Indicator.objects.visible_to(user).order_by("name", "pk")
    return filtered(IndicatorFilter, indicators, filters=filters, user=user)


def indicator_reach(indicators: list[Indicator], *, user) -> list[Indicator]:
    """Give each of ``indicators`` ``target_count``, ``observation_count``, ``region_count`` (places with
    a target or observation on it) and ``themes`` (labels), counting only what ``user`` may see."""
    figures = indicator_figures(user=user)
    empty = {"targets": 0, "observations": 0, "places": 0, "themes": []}
    for indicator in indicators:
        found = figures.get(indicator.pk, empty)
        indicator.target_count, indicator.observation_count = found["targets"], found["observations"]
        indicator.region_count = found["places"]
        indicator.themes = [Theme(theme).label for theme in found["themes"]]
    return indicators
