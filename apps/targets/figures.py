"""Figures about every indicator at once (targets, observations, places, themes), remembered.

Counted with four grouped queries over every target and observation the reader may see and
kept by apps.curation.memo: 0.5–3 s cold at 558,000 targets, where counting a page of 25 by
correlated subqueries took 850 ms on every request, and filtering by theme with EXISTS 0.9 s.
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


def _indicator_figures(user) -> dict[int, dict]:
    figures: dict[int, dict] = defaultdict(lambda: {"targets": 0, "observations": 0, "places": 0, "themes": set()})
    targets, observations = Target.objects.visible_to(user).order_by(), Observation.objects.visible_to(user).order_by()
    for indicator_id, n in targets.values("indicator_id").annotate(n=Count("pk")).values_list("indicator_id", "n"):
        figures[indicator_id]["targets"] = n
    for indicator_id, n in observations.values("indicator_id").annotate(n=Count("pk")).values_list("indicator_id", "n"):
        figures[indicator_id]["observations"] = n
    # Counted in the database: the distinct (indicator, region) pairs are 300,000 rows at 100 k documents.
    placed_sql, placed_params = targets.filter(region__isnull=False).values("indicator_id", "region_id").union(
        observations.filter(region__isnull=False).values("indicator_id", "region_id")
    ).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT indicator_id, COUNT(*) FROM ({placed_sql}) placed GROUP BY indicator_id", placed_params
        )
        for indicator_id, n in cursor.fetchall():
            figures[indicator_id]["places"] = n
    themed = targets.filter(initiative__in=Initiative.objects.visible_to(user))
    for indicator_id, theme in themed.values_list("indicator_id", "initiative__theme").distinct():
        figures[indicator_id]["themes"].add(theme)
    order = {theme: index for index, theme in enumerate(Theme.values)}
    return {
        pk: {**f, "themes": sorted((t for t in f["themes"] if t in order), key=order.get)}
        for pk, f in figures.items()
    }
