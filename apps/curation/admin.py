"""What every curated model's admin shares: the review actions and the status fieldset."""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from apps.curation.locking import VERSION_FIELD, versioned_form, with_version_field
from apps.curation.models import CurationStatus
from apps.curation.paginator import EstimatedCountPaginator
from apps.curation.permissions import REVIEW_PERMISSION
from apps.curation.services import records_set_status

# Appended to each curated model's fieldsets, so status and timestamps sit in the same place.
CURATION_FIELDSET = (_("审核"), {"fields": ["status", ("created_at", "updated_at")]})
CURATION_READONLY_FIELDS = ("created_at", "updated_at")


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose revert page saves only for users who may change the record.

    django-simple-history checks view permission alone before saving a revert, so a
    read-only user (a reviewer, a reader) could otherwise edit by posting to that page.
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class CuratedModelAdmin(HistoryAdmin):
    """Admin for a CuratedModel: history with revert, plus "mark reviewed" and "publish" actions.

    The actions need ``curation.review_records`` (curators and reviewers), not the right to
    change the record: reviewers publish without editing. A change form refuses a save made
    from a page opened before someone else's save (apps.curation.locking).

    Subclasses still list ``status`` in their own ``list_display`` and ``list_filter`` so each
    admin reads completely on its own.
    """

    actions = ["mark_reviewed", "publish"]
    readonly_fields = CURATION_READONLY_FIELDS
    # Curated tables reach hundreds of thousands of rows (targets): no exact count of the
    # whole table on each page view (apps.curation.paginator).
    paginator = EstimatedCountPaginator
    show_full_result_count = False

    def _set_status(self, request, queryset, status: CurationStatus) -> None:
        changed = records_set_status(queryset=queryset, status=status, user=request.user)
        self.message_user(
            request,
            _("已将 %(count)d 条记录设为“%(status)s”。") % {"count": changed, "status": status.label},
            messages.SUCCESS,
        )

    def has_review_permission(self, request):
        return request.user.has_perm(REVIEW_PERMISSION)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and "form" not in kwargs:
            kwargs["form"] = versioned_form(self.form, drop_fields=self.get_readonly_fields(request, obj))
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        if any(VERSION_FIELD in options["fields"] for _name, options in fieldsets):
            return fieldsets
        return with_version_field(fieldsets)

    @admin.action(description=_("标记为已审核"), permissions=["review"])
    def mark_reviewed(self, request, queryset):
        self._set_status(request, queryset, CurationStatus.REVIEWED)

    @admin.action(description=_("发布"), permissions=["review"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, CurationStatus.PUBLISHED)


class CascadingStatusAdmin(CuratedModelAdmin):
    """A curated admin whose records carry others with them (a document its reply and targets, a
    proposal its replies): three more actions move them together, after a page that lists what
    will change, and a change form that changes the status offers the same page. Subclasses say
    what changes (``cascade_changes``) and make it (``cascade_set_status``).
    """

    actions = ["mark_reviewed", "publish", "publish_with_drawn", "review_with_drawn", "draft_with_drawn"]
    STATUS_ACTIONS = {
        CurationStatus.PUBLISHED: "publish_with_drawn",
        CurationStatus.REVIEWED: "review_with_drawn",
        CurationStatus.DRAFT: "draft_with_drawn",
    }

    def cascade_changes(self, queryset, status: CurationStatus) -> list[tuple[str, int]]:
        raise NotImplementedError

    def cascade_set_status(self, queryset, status: CurationStatus, user) -> list[tuple[str, int]]:
        raise NotImplementedError

    def _confirmation(self, request, queryset, status: CurationStatus, changes, lead: str = ""):
        return TemplateResponse(request, "admin/curation/cascade_confirmation.html", {
            **self.admin_site.each_context(request),
            "title": _("确认设为“%(status)s”") % {"status": status.label},
            "lead": lead,
            "opts": self.model._meta,
            "status": status.label,
            "changes": changes,
            "selected": queryset.values_list("pk", flat=True),
            "action": self.STATUS_ACTIONS[status],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })

    def _cascade(self, request, queryset, status: CurationStatus):
        if request.POST.get("confirm"):
            changed = self.cascade_set_status(queryset, status, request.user)
            summary = "、".join(f"{name} {count}" for name, count in changed) or _("无")
            self.message_user(
                request, _("已设为“%(status)s”：%(changes)s") % {"status": status.label, "changes": summary},
                messages.SUCCESS,
            )
            return None
        return self._confirmation(request, queryset, status, self.cascade_changes(queryset, status))

    def save_model(self, request, obj, form, change):
        request.status_changed = change and "status" in form.changed_data
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        """After a save that changed the status, offer to move what is drawn from the record too."""
        if getattr(request, "status_changed", False) and self.has_review_permission(request):
            queryset = self.model._default_manager.filter(pk=obj.pk)
            status = CurationStatus(obj.status)
            drawn = self.cascade_changes(queryset, status)
            if drawn:
                lead = _("“%(record)s”已保存为“%(status)s”。从它读出的记录还没有跟着改变：") % {
                    "record": obj, "status": status.label,
                }
                return self._confirmation(request, queryset, status, drawn, lead)
        return super().response_change(request, obj)

    @admin.action(description=_("发布，连同附属记录"), permissions=["review"])
    def publish_with_drawn(self, request, queryset):
        return self._cascade(request, queryset, CurationStatus.PUBLISHED)

    @admin.action(description=_("撤下发布（标为已审核），连同附属记录"), permissions=["review"])
    def review_with_drawn(self, request, queryset):
        return self._cascade(request, queryset, CurationStatus.REVIEWED)

    @admin.action(description=_("退回草稿，连同附属记录"), permissions=["review"])
    def draft_with_drawn(self, request, queryset):
        return self._cascade(request, queryset, CurationStatus.DRAFT)
