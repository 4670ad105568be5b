"""Changelist filters whose choices cost index look-ups, not a scan of a large table.

Django's ``AllValuesFieldListFilter`` and ``RelatedOnlyFieldListFilter`` find their choices
with ``SELECT DISTINCT`` over the whole table, on every page view: about 50 ms each on the
560 k targets of the benchmark corpus (docs/performance.md). These two give the same
sidebar from the ends of an index, or from one index probe per choice.
"""
from django.contrib import admin
from django.db.models import Exists, Max, Min, OuterRef, Q


class YearSpanFieldListFilter(admin.AllValuesFieldListFilter):
    """Every year from the smallest to the largest held, from MIN and MAX (two index look-ups).

    A year inside the span that no row has is offered too; choosing it lists nothing.
    """

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        span = model._default_manager.aggregate(first=Min(field_path), last=Max(field_path))
        years = list(range(span["first"], span["last"] + 1)) if span["first"] is not None else []
        # AllValuesFieldListFilter offers "empty" when it meets a None among the values.
        self.lookup_choices = [*years, None] if field.null else years


class UsedRelatedFieldListFilter(admin.RelatedOnlyFieldListFilter):
    """The related objects some row points to, found with EXISTS: one index probe per choice."""

    def field_choices(self, field, request, model_admin):
        used = model_admin.get_queryset(request).filter(**{self.field_path: OuterRef("pk")})
        ordering = self.field_admin_ordering(field, request, model_admin)
        return field.get_choices(include_blank=False, limit_choices_to=Q(Exists(used)), ordering=ordering)
