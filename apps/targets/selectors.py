"""Reading targets for the pages: lists through ``TargetFilter``, one indicator across regions."""
from django.db.models import OuterRef, QuerySet, Subquery

from apps.curation.selectors import filtered
from apps.documents.models import Document
from apps.targets.filters import TargetFilter
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


def indicator_comparison(*, pk: int, user) -> tuple[Indicator, list[Target], list[Observation]]:
    """An indicator with every target and observation of it ``user`` may see, by region then time.

    Raises ``Indicator.DoesNotExist``.
    """
    indicator = Indicator.objects.visible_to(user).get(pk=pk)
    targets = list(_targets(user).filter(indicator=indicator).order_by("region_id", "deadline_year", "pk"))
    observations = Observation.objects.visible_to(user).filter(indicator=indicator).select_related("region")
    observations = list(_with_visible_source(observations, user).order_by("region_id", "observed_on", "pk"))
    return indicator, targets, observations
