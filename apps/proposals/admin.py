"""Proposals and suggestions, their proposers, and the bureaus' replies."""
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from apps.curation.admin import CURATION_FIELDSET, CascadingStatusAdmin, CuratedModelAdmin, HistoryAdmin
from apps.curation.admin_filters import DateYearSpanFieldListFilter
from apps.proposals.models import Proposal, Proposer, Reply
from apps.proposals.publishing import proposal_changes, proposals_set_status
from apps.regions.admin import province_filter

REPLY_MAIN_FIELDS = [
    ("reply_kind", "reply_date", "doc_number"),
    ("responding_organization", "co_handling_organizations"),
    ("result_code", "satisfaction", "disclosure"),
    "document",
]
# Printed on most replies but rarely looked up: kept out of the way.
REPLY_DETAIL_FIELDS = ["result_scheme", ("signer", "contact"), "copy_to"]
REPLY_AUTOCOMPLETE_FIELDS = ["responding_organization", "co_handling_organizations", "document"]


class ReplyForm(forms.ModelForm):
    class Meta:
        model = Reply
        fields = "__all__"

    def clean_copy_to(self):
        # A cleared box means "copied to no one"; the form field would make it NULL, which the column refuses.
        return self.cleaned_data["copy_to"] or []


class ProposerFormSet(forms.BaseInlineFormSet):
    def clean(self):
        # The database allows one lead per proposal, but a conditional unique constraint is not
        # checked across the rows of a formset; without this a second lead is a server error.
        super().clean()
        leads = [
            form for form in self.forms
            if form.cleaned_data.get("is_lead") and not self._should_delete_form(form)
        ]
        if len(leads) > 1:
            raise ValidationError(_("只能有一位领衔提案人，其余为联名。"))


class ProposerInline(admin.TabularInline):
    model = Proposer
    formset = ProposerFormSet
    fields = ["name", "role", "is_lead"]
    extra = 0


class ReplyInline(admin.StackedInline):
    model = Reply
    form = ReplyForm
    fieldsets = [
        (None, {"fields": [*REPLY_MAIN_FIELDS, "status"]}),
        (_("签发、联系与抄送"), {"fields": REPLY_DETAIL_FIELDS, "classes": ["collapse"]}),
    ]
    autocomplete_fields = REPLY_AUTOCOMPLETE_FIELDS
    extra = 0

    def get_queryset(self, request):
        # Each inline's heading prints the reply, which names its proposal.
        return super().get_queryset(request).select_related("proposal")


@admin.register(Proposal)
class ProposalAdmin(CascadingStatusAdmin):
    list_display = [
        "__str__", "title", "kind", "region", "lead_proposer_name", "reply_count", "due_date", "status",
    ]
    list_filter = [
        "status", "kind", ("assigned_date", DateYearSpanFieldListFilter), province_filter("region__code"), "session",
    ]
    search_fields = ["title", "number", "session", "subject", "proposers__name"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]
    fieldsets = [
        (None, {"fields": ["kind", "session", "number", "title", "region", "subject", ("assigned_date", "due_date")]}),
        CURATION_FIELDSET,
    ]
    inlines = [ProposerInline, ReplyInline]

    def cascade_changes(self, queryset, status):
        return proposal_changes(queryset, status)

    def cascade_set_status(self, queryset, status, user):
        return proposals_set_status(proposals=queryset, status=status, user=user)

    def get_queryset(self, request):
        return (
            super().get_queryset(request)
            .annotate(reply_total=Count("replies", distinct=True))
            .prefetch_related("proposers")
        )

    @admin.display(description=_("领衔提案人"))
    def lead_proposer_name(self, obj):
        lead = obj.lead_proposer
        return str(lead) if lead else "-"

    @admin.display(description=_("答复数"), ordering="reply_total")
    def reply_count(self, obj):
        return obj.reply_total


@admin.register(Proposer)
class ProposerAdmin(HistoryAdmin):
    list_display = ["name", "role", "is_lead", "proposal"]
    list_filter = ["role", "is_lead"]
    search_fields = ["name", "proposal__title", "proposal__number"]
    autocomplete_fields = ["proposal"]
    list_select_related = ["proposal"]


@admin.register(Reply)
class ReplyAdmin(CuratedModelAdmin):
    form = ReplyForm
    list_display = [
        "proposal_link", "reply_kind", "responding_organization", "reply_date", "doc_number", "result_code",
        "satisfaction", "status",
    ]
    # The first column already links to the proposal; open the reply from its kind.
    list_display_links = ["reply_kind"]
    list_filter = [
        "status", "reply_kind", "result_code", "satisfaction", "disclosure", ("reply_date", DateYearSpanFieldListFilter),
        province_filter("proposal__region__code"),
    ]
    search_fields = [
        "proposal__title", "proposal__number", "proposal__session", "doc_number", "responding_organization__name",
        "signer",
    ]
    autocomplete_fields = ["proposal", *REPLY_AUTOCOMPLETE_FIELDS]
    list_select_related = ["proposal", "responding_organization"]
    fieldsets = [
        (None, {"fields": ["proposal", *REPLY_MAIN_FIELDS]}),
        CURATION_FIELDSET,
        (_("签发、联系与抄送"), {"fields": REPLY_DETAIL_FIELDS, "classes": ["collapse"]}),
    ]

    @admin.display(description=_("提案/建议"), ordering="proposal__session")
    def proposal_link(self, obj):
        url = reverse("admin:proposals_proposal_change", args=[obj.proposal_id])
        return format_html('<a href="{}">{}</a>', url, obj.proposal)
