"""What every curated model's admin shares: the review actions and the status fieldset."""
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from apps.curation.models import CurationStatus
from apps.curation.services import records_set_status

# Appended to each curated model's fieldsets, so status and timestamps sit in the same place.
CURATION_FIELDSET = (_("审核"), {"fields": ["status", ("created_at", "updated_at")]})
CURATION_READONLY_FIELDS = ("created_at", "updated_at")


class CuratedModelAdmin(SimpleHistoryAdmin):
    """Admin for a CuratedModel: history with revert, plus "mark reviewed" and "publish" actions.

    Subclasses still list ``status`` in their own ``list_display`` and ``list_filter`` so each
    admin reads completely on its own.
    """

    actions = ["mark_reviewed", "publish"]
    readonly_fields = CURATION_READONLY_FIELDS

    def _set_status(self, request, queryset, status: CurationStatus) -> None:
        changed = records_set_status(queryset=queryset, status=status, user=request.user)
        self.message_user(
            request,
            _("已将 %(count)d 条记录设为“%(status)s”。") % {"count": changed, "status": status.label},
            messages.SUCCESS,
        )

    @admin.action(description=_("标记为已审核"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        self._set_status(request, queryset, CurationStatus.REVIEWED)

    @admin.action(description=_("发布"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, CurationStatus.PUBLISHED)
