"""Commitments in the admin: the promise, and the curator's finding with its evidence."""
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.commitments.models import Commitment
from apps.curation.admin import CURATION_FIELDSET, CuratedModelAdmin
from apps.regions.admin import province_filter


@admin.register(Commitment)
class CommitmentAdmin(CuratedModelAdmin):
    list_display = ["summary", "kind", "deadline_year", "fulfilment", "organization", "region", "status"]
    list_filter = ["status", "fulfilment", "kind", province_filter("region__code")]
    search_fields = ["summary", "quote", "organization__name", "source_document__title"]
    autocomplete_fields = [
        "source_document", "reply", "organization", "region", "target", "evidence_document", "evidence_observation",
    ]
    list_select_related = ["organization", "region"]
    readonly_fields = [*CuratedModelAdmin.readonly_fields, "fulfilment_set_by", "fulfilment_set_at"]
    fieldsets = [
        (None, {"fields": [
            "summary", "quote", ("kind", "deadline_year"), "source_document", "reply", "organization", "region",
            "target",
        ]}),
        (_("兑现情况"), {"fields": [
            "fulfilment", "evidence_document", "evidence_observation", "evidence_quote",
            ("fulfilment_set_by", "fulfilment_set_at"),
        ]}),
        CURATION_FIELDSET,
    ]

    def save_model(self, request, obj, form, change):
        if "fulfilment" in form.changed_data:
            obj.fulfilment_set_by, obj.fulfilment_set_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)
