"""Filters for the commitment list, shared by the API and the web pages."""
import django_filters
from django.db.models import Q

from apps.commitments.models import Commitment, CommitmentKind, CommitmentState
from apps.curation.api.filters import (
    CuratedFilterSet,
    RegionPrefixFilter,
    StableOrderingFilter,
    TextQueryFilter,
    YearFilter,
)
from apps.organizations.models import Organization
from apps.proposals.models import ProposalKind


def commitment_search(queryset, text: str):
    """Case-insensitive substring match over the promise and its sentence."""
    return queryset.filter(Q(summary__icontains=text) | Q(quote__icontains=text))


class CommitmentFilter(CuratedFilterSet):
    """Expects a queryset annotated with ``state`` (``Commitment.objects.with_state()``)."""

    region = RegionPrefixFilter(
        field_name="region__code",
        help_text="Commitments made in this region or anything under it, by GB/T 2260 code or prefix (32, 3201, 320115).",
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.all(), help_text="Commitments made by the organization with this id.",
    )
    year = YearFilter(
        method="filter_year", help_text="Commitments made in this year (the reply's date, else its document's).",
    )
    deadline_year = YearFilter(help_text="Commitments due in this year.")
    state = django_filters.ChoiceFilter(
        choices=CommitmentState.choices,
        help_text="Where the promise stands: open, kept, partly_kept, not_kept, overdue (open with its year "
                  "passed), withdrawn.",
    )
    kind = django_filters.ChoiceFilter(
        choices=CommitmentKind.choices,
        help_text="target, plan (纳入计划), policy (出台文件), funding (争取资金), study (开展调研), project (建设项目), "
                  "coordinate (协调配合), strengthen (加强推进), other.",
    )
    proposal_kind = django_filters.ChoiceFilter(
        field_name="reply__proposal__kind", choices=ProposalKind.choices,
        help_text="Commitments answering a proposal (提案) or a suggestion (建议).",
    )
    q = TextQueryFilter(search=commitment_search, help_text="Text contained in the promise or its sentence.")
    ordering = StableOrderingFilter(
        fields=["deadline_year", "kind", "updated_at", "id"],
        help_text="Sort by deadline_year, kind, updated_at or id; prefix - for descending.",
    )

    class Meta:
        model = Commitment
        fields = []

    def filter_year(self, queryset, name, value):
        return queryset.filter(
            Q(reply__reply_date__year=value) | Q(reply__reply_date__isnull=True, source_document__publish_date__year=value)
        )
