"""Figures about every indicator at once (targets, observations, places, themes), remembered.

Counted with two grouped queries over every target and observation the reader may see and
kept by apps.curation.memo: cold, they read every record (docs/performance.md), where counting a
page of 25 by correlated subqueries took 850 ms on every request, and filtering by theme with
EXISTS 0.9 s.
"""
from collections import defaultdict

from django.db import connection
from django.db.models import Count

from apps.curation.memo import audience, remembered
from apps.initiatives.models import Initiative, Theme
from apps.targets.models import Observation, Target


def indicator_figures(*, user) -> dict[int, dict]:
    """Per indicator id: ``targets``, ``observations``, ``places`` (regions with either) and ``themes``
    (codes, in ``Theme`` order) of what ``user`` may see; indicators with none are absent."""
    return remembered(("indicator_figures", audience(user)), lambda: _indicator_figures(user))


def indicators_with_theme(theme: str, *, user) -> list[int]:
    return [pk for pk, figures in indicator_figures(user=user).items() if theme in figures["themes"]]


def _by_place(records) -> tuple[str, tuple]:
    """SQL for how many of ``records`` each (indicator, region) pair holds: targets are grouped straight
    from ``target_published_region_idx``, in its order, without a sort or a hash."""
    return records.values("indicator_id", "region_id").annotate(n=Count("pk")).order_by().query.sql_with_params()


def _indicator_figures(user) -> dict[int, dict]:
    figures: dict[int, dict] = defaultdict(lambda: {"targets": 0, "observations": 0, "places": 0, "themes": set()})
    targets, observations = Target.objects.visible_to(user).order_by(), Observation.objects.visible_to(user).order_by()
    # One pass over both kinds, joined by place: the counts of each, and the places holding either
    # (a record with no region counts as a record, not as a place). Three grouped queries read every
    # record twice and hashed 300,000 (indicator, region) pairs at 100 k documents.
    targets_sql, targets_params = _by_place(targets)
    observations_sql, observations_params = _by_place(observations)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT indicator_id, SUM(t.n), SUM(o.n), COUNT(region_id) "
            f"FROM ({targets_sql}) t FULL JOIN ({observations_sql}) o USING (indicator_id, region_id) "
            f"GROUP BY indicator_id",
            (*targets_params, *observations_params),
        )
        for indicator_id, target_count, observation_count, places in cursor.fetchall():
            figures[indicator_id].update(
                targets=int(target_count or 0), observations=int(observation_count or 0), places=places,
            )
    themed = targets.filter(initiative__in=Initiative.objects.visible_to(user))
    for indicator_id, theme in themed.values_list("indicator_id", "initiative__theme").distinct():
        figures[indicator_id]["themes"].add(theme)
    order = {theme: index for index, theme in enumerate(Theme.values)}
    return {
        pk: {**f, "themes": sorted((t for t in f["themes"] if t in order), key=order.get)}
        for pk, f in figures.items()
    }
