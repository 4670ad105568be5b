"""Filters for proposals and replies, shared by the API and the web pages."""
import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.curation.api.filters import (
    BooleanFilter,
    CuratedFilterSet,
    DateFilter,
    RegionPrefixFilter,
    StableOrderingFilter,
    TextQueryFilter,
    YearFilter,
    visible_choices,
)
from apps.organizations.models import Organization
from apps.proposals.models import Proposal, ProposalKind, Reply, ReplyKind, ResultCode

REGION_HELP = "this region or anything under it, by GB/T 2260 code or prefix (32, 3201, 320115)."
SESSION_HELP = "Text contained in the session (届次/会议), e.g. 十三届一次 or 邯郸市第十五届."
RESULT_HELP = (
    "Handling result letter as printed: A (resolved or being resolved), B (accepted and planned), "
    "C (cannot be resolved for now), D (kept for reference), or none for a reply whose page gives no "
    "result. Meanings vary by place and year; see each reply's result.scheme."
)
# ``result_code=none``: replies whose page prints no 办理结果 (the code is stored blank).
RESULT_NOT_GIVEN = "none"
RESULT_CHOICES = [*ResultCode.choices, (RESULT_NOT_GIVEN, _("未给出"))]


def result_code_condition(value: str) -> dict:
    """The reply lookup a ``result_code`` parameter means."""
    return {"result_code": "" if value == RESULT_NOT_GIVEN else value}


def proposal_search(queryset, text: str):
    """Case-insensitive substring match over a proposal's title and subject."""
    return queryset.filter(Q(title__icontains=text) | Q(subject__icontains=text))


def reply_search(queryset, text: str):
    """Case-insensitive substring match over the proposal's title and the reply's full text.

    This function and ``proposal_search`` are the only places this app searches text,
    so segmented full-text search can replace them without touching the FilterSets.
    """
    return queryset.filter(Q(proposal__title__icontains=text) | Q(document__clean_text__icontains=text))


class ProposalFilter(CuratedFilterSet):
    """The reply filters (result_code, organization, dates, replied) ask about one and the same visible
    reply: ``result_code=B&year_from=2018&year_to=2018`` is a proposal with a B reply dated 2018, not one
    with a B reply in 2017 and another reply in 2018."""

    region = RegionPrefixFilter(field_name="region__code", help_text=f"Proposals filed in {REGION_HELP}")
    kind = django_filters.ChoiceFilter(
        choices=ProposalKind.choices, help_text="proposal (提案, CPPCC) or suggestion (建议, people's congress).",
    )
    session = django_filters.CharFilter(lookup_expr="icontains", help_text=SESSION_HELP)
    number = django_filters.CharFilter(help_text="The number within the session, exactly (JNZX13010181, 76).")
    proposer = django_filters.CharFilter(method="filter_proposer", help_text="Name of a lead or joint proposer.")
    result_code = django_filters.ChoiceFilter(
        choices=RESULT_CHOICES, method="filter_result_code",
        help_text=f"Proposals with a reply of this result. {RESULT_HELP}",
    )
    replied = BooleanFilter(
        method="filter_replied",
        help_text="true: proposals with a reply you may see; false: proposals with none yet.",
    )
    organization = django_filters.ModelChoiceFilter(
        field_name="replies__responding_organization", queryset=Organization.objects.all(),
        method="filter_organization",
        help_text="Proposals answered by the organization with this id (主办单位).",
    )
    date_from = DateFilter(method="filter_reply_date", help_text="Proposals with a reply dated on or after this date.")
    date_to = DateFilter(method="filter_reply_date", help_text="Proposals with a reply dated on or before this date.")
    year_from = YearFilter(method="filter_reply_date", help_text="Proposals with a reply dated in or after this year.")
    year_to = YearFilter(method="filter_reply_date", help_text="Proposals with a reply dated in or before this year.")
    q = TextQueryFilter(search=proposal_search, help_text="Text contained in the title or subject.")
    ordering = StableOrderingFilter(
        fields=["session", "number", "assigned_date", "due_date", "updated_at", "id"],
        help_text="Sort by session, number, assigned_date, due_date, updated_at or id; prefix - for descending.",
    )

    class Meta:
        model = Proposal
        fields = []

    def filter_queryset(self, queryset):
        # The reply filters' methods below gather their conditions here; one subquery applies them all.
        self.reply_conditions: dict | None = None
        queryset = super().filter_queryset(queryset)
        if self.reply_conditions is not None:
            replies = self.visible(Reply.objects).filter(**self.reply_conditions)
            queryset = queryset.filter(pk__in=replies.values("proposal"))
        return queryset

    def with_visible_reply(self, queryset, **conditions):
        self.reply_conditions = {**(self.reply_conditions or {}), **conditions}
        return queryset

    def filter_proposer(self, queryset, name, value):
        return queryset.filter(pk__in=Proposal.objects.filter(proposers__name__icontains=value).values("pk"))

    def filter_result_code(self, queryset, name, value):
        return self.with_visible_reply(queryset, **result_code_condition(value))

    def filter_replied(self, queryset, name, value):
        if value:
            return self.with_visible_reply(queryset)
        return queryset.exclude(pk__in=self.visible(Reply.objects).values("proposal"))

    def filter_organization(self, queryset, name, value):
        return self.with_visible_reply(queryset, responding_organization=value)

    def filter_reply_date(self, queryset, name, value):
        lookup = {"date_from": "gte", "date_to": "lte", "year_from": "year__gte", "year_to": "year__lte"}[name]
        return self.with_visible_reply(queryset, **{f"reply_date__{lookup}": value})


class ReplyFilter(CuratedFilterSet):
    region = RegionPrefixFilter(
        field_name="proposal__region__code", help_text=f"Replies to proposals filed in {REGION_HELP}",
    )
    proposal = django_filters.ModelChoiceFilter(
        queryset=visible_choices(Proposal), help_text="Replies to the proposal with this id.",
    )
    kind = django_filters.ChoiceFilter(
        field_name="proposal__kind", choices=ProposalKind.choices,
        help_text="Replies to a proposal (提案) or to a suggestion (建议).",
    )
    session = django_filters.CharFilter(
        field_name="proposal__session", lookup_expr="icontains", help_text=SESSION_HELP,
    )
    reply_kind = django_filters.ChoiceFilter(
        choices=ReplyKind.choices, help_text="final, interim, second (after dissatisfaction) or follow_up (跟踪办理).",
    )
    result_code = django_filters.ChoiceFilter(choices=RESULT_CHOICES, method="filter_result_code", help_text=RESULT_HELP)
    organization = django_filters.ModelChoiceFilter(
        field_name="responding_organization", queryset=Organization.objects.all(),
        help_text="Replies by the responding organization (主办单位) with this id.",
    )
    doc_number = django_filters.CharFilter(help_text="The reply's 文号 exactly as printed, e.g. 邯教办〔2018〕57号.")
    date_from = DateFilter(field_name="reply_date", lookup_expr="gte", help_text="Replies dated on or after this date.")
    date_to = DateFilter(field_name="reply_date", lookup_expr="lte", help_text="Replies dated on or before this date.")
    year_from = YearFilter(
        field_name="reply_date", lookup_expr="year__gte", help_text="Replies dated in or after this year.",
    )
    year_to = YearFilter(
        field_name="reply_date", lookup_expr="year__lte", help_text="Replies dated in or before this year.",
    )
    q = TextQueryFilter(
        search=reply_search, help_text="Text contained in the proposal's title or the reply's full text.",
    )
    ordering = StableOrderingFilter(
        fields=["reply_date", "result_code", "updated_at", "id"],
        help_text="Sort by reply_date, result_code, updated_at or id; prefix - for descending.",
    )

    class Meta:
        model = Reply
        fields = []

    def filter_result_code(self, queryset, name, value):
        return queryset.filter(**result_code_condition(value))
