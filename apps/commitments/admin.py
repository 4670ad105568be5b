"""Commitments in the admin: the promise, the curator's finding with its evidence, and the
possible evidence found for it, each to be accepted in one click."""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from apps.commitments.evidence import evidence_candidates
from apps.commitments.models import Commitment, Fulfilment
from apps.curation.admin import CURATION_FIELDSET, CuratedModelAdmin
from apps.regions.admin import province_filter

# The findings a piece of evidence can support, offered as one button each.
FINDINGS = [Fulfilment.KEPT, Fulfilment.PARTLY_KEPT, Fulfilment.NOT_KEPT]


@admin.register(Commitment)
class CommitmentAdmin(CuratedModelAdmin):
    list_display = ["summary", "kind", "deadline_year", "fulfilment", "organization", "region", "status"]
    list_filter = ["status", "fulfilment", "kind", province_filter("region__code")]
    search_fields = ["summary", "quote", "organization__name", "source_document__title"]
    autocomplete_fields = [
        "source_document", "reply", "organization", "region", "target", "evidence_document", "evidence_observation",
    ]
    list_select_related = ["organization", "region"]
    readonly_fields = [
        *CuratedModelAdmin.readonly_fields, "fulfilment_set_by", "fulfilment_set_at", "possible_evidence",
    ]
    fieldsets = [
        (None, {"fields": [
            "summary", "quote", ("kind", "deadline_year"), "source_document", "reply", "organization", "region",
            "target",
        ]}),
        (_("兑现情况"), {"fields": [
            "fulfilment", "evidence_document", "evidence_observation", "evidence_quote",
            ("fulfilment_set_by", "fulfilment_set_at"), "possible_evidence",
        ]}),
        CURATION_FIELDSET,
    ]

    def get_urls(self):
        return [
            path("<int:pk>/evidence/", self.admin_site.admin_view(self.evidence_accept), name="commitments_evidence"),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if "fulfilment" in form.changed_data:
            obj.fulfilment_set_by, obj.fulfilment_set_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("可能的证据"))
    def possible_evidence(self, obj):
        """Later records that may show the promise kept; a button per finding sets it with that evidence."""
        if obj.pk is None:
            return "-"
        candidates = evidence_candidates(obj)
        if not candidates:
            return _("没有找到之后的文件或观测值。")
        url = reverse("admin:commitments_evidence", args=[obj.pk])
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{} {}<br>{}</li>", (
            (
                candidate.record, format_html("<q>{}</q>", candidate.sentence) if candidate.sentence else "",
                format_html_join(" ", '<button type="submit" formaction="{}" formmethod="post" name="evidence" '
                                      'value="{}:{}:{}">{}</button>', (
                    (url, finding.value, candidate.kind, candidate.record.pk, finding.label) for finding in FINDINGS
                )),
            )
            for candidate in candidates
        )))

    def evidence_accept(self, request, pk: int):
        """One click: the finding, with the chosen record and its sentence as evidence."""
        commitment = get_object_or_404(Commitment, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, commitment):
            raise PermissionDenied
        finding, kind, record_pk = (request.POST.get("evidence", "") + "::").split(":")[:3]
        chosen = next((c for c in evidence_candidates(commitment) if c.kind == kind and str(c.record.pk) == record_pk), None)
        if finding not in Fulfilment.values or chosen is None:
            self.message_user(request, _("这条证据已不在候选之列，没有修改。"), messages.ERROR)
            return redirect("admin:commitments_commitment_change", pk)
        commitment.fulfilment = finding
        commitment.evidence_document = chosen.record if kind == "document" else None
        commitment.evidence_observation = chosen.record if kind == "observation" else None
        commitment.evidence_quote = chosen.sentence
        commitment.fulfilment_set_by, commitment.fulfilment_set_at = request.user, timezone.now()
        commitment._history_user = request.user
        commitment.save()
        self.message_user(request, _("已认定为“%(finding)s”，证据：%(record)s") % {
            "finding": Fulfilment(finding).label, "record": chosen.record,
        }, messages.SUCCESS)
        return redirect("admin:commitments_commitment_change", pk)
