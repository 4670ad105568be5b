"""Captured pages and files, with the citations, targets and observations drawn from them."""
from django import forms
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from apps.curation.admin import CURATION_FIELDSET, CascadingStatusAdmin, CuratedModelAdmin, HistoryAdmin
from apps.curation.admin_filters import DateYearSpanFieldListFilter
from apps.curation.models import CurationStatus
from apps.curation.paginator import EstimatedCountPaginator
from apps.documents.models import Citation, Document
from apps.documents.publishing import changes, documents_set_status
from apps.ingest.notes import note_text
from apps.regions.admin import province_filter
from apps.targets.models import Observation, Target

# The quote is one sentence; a short box keeps the inline rows readable.
QUOTE_WIDGET = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}}


class CitationInline(admin.TabularInline):
    model = Citation
    fk_name = "document"
    fields = ["cited_title", "cited_doc_number", "cited_document"]
    autocomplete_fields = ["cited_document"]
    extra = 0


class TargetInline(admin.StackedInline):
    model = Target
    fk_name = "source_document"
    fieldsets = [
        (None, {"fields": [
            ("indicator", "region", "initiative"),
            ("comparator", "value", "value_max", "unit"),
            ("deadline_year", "confidence", "status"),
            "quote",
        ]}),
        (_("基线与人工认定"), {
            "fields": ["baseline", "deadline_date", ("progress_override", "progress_note")],
            "classes": ["collapse"],
        }),
    ]
    autocomplete_fields = ["indicator", "region", "initiative"]
    readonly_fields = ["confidence"]
    formfield_overrides = QUOTE_WIDGET
    extra = 0

    def get_queryset(self, request):
        # Each inline's heading prints the target, which names its region and indicator.
        return super().get_queryset(request).select_related("indicator", "region")


class ObservationInline(admin.TabularInline):
    model = Observation
    fk_name = "source_document"
    fields = ["indicator", "region", "value", "unit", "observed_on", "quote", "status"]
    autocomplete_fields = ["indicator", "region"]
    formfield_overrides = QUOTE_WIDGET
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator", "region")


class OrganizationKindFilter(admin.ChoicesFieldListFilter):
    """The issuing body's kind, titled apart from the document's own 类型."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("机构类型")


class DocumentForm(forms.ModelForm):
    """Browsers post text boxes with CRLF line ends; keep the text's own LF ends."""

    def clean_clean_text(self):
        return self.cleaned_data["clean_text"].replace("\r\n", "\n")

    def clean_raw_text(self):
        return self.cleaned_data["raw_text"].replace("\r\n", "\n")


@admin.register(Document)
class DocumentAdmin(CascadingStatusAdmin):
    form = DocumentForm
    list_display = [
        "title", "doc_type", "organization_link", "region_names", "publish_date", "doc_number", "source_link",
        "status", "review_link",
    ]
    list_filter = [
        "status", "doc_type", ("publish_date", DateYearSpanFieldListFilter), province_filter("regions__code"),
        ("organization__kind", OrganizationKindFilter),
    ]
    search_fields = ["title", "doc_number", "organization__name", "source_site"]
    autocomplete_fields = ["regions", "organization"]
    list_select_related = ["organization"]
    # Undated documents last, as document_newest_idx holds them: Django's plain "-publish_date"
    # puts them first, and the page then sorts every undated document (a fifth of the corpus).
    ordering = [models.F("publish_date").desc(nulls_last=True), "-id"]
    readonly_fields = [*CuratedModelAdmin.readonly_fields, "checksum", "import_warnings_list", "source_file"]
    fieldsets = [
        (None, {"fields": [
            "import_warnings_list",
            "title", "doc_type", "regions", "organization", ("publish_date", "doc_number"), "clean_text",
        ]}),
        CURATION_FIELDSET,
        (_("来源与原文"), {
            "fields": ["source_url", "source_site", "source_file", "raw_text", "checksum"], "classes": ["collapse"],
        }),
    ]
    inlines = [CitationInline, TargetInline, ObservationInline]
    # Bureau sites are mixed http/https; a bare host pasted in is more likely https today.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("regions")

    def cascade_changes(self, queryset, status):
        return changes(queryset, status)

    def cascade_set_status(self, queryset, status, user):
        return documents_set_status(documents=queryset, status=status, user=user)

    def get_readonly_fields(self, request, obj=None):
        # The raw text is the page as captured (and its checksum's source): fixed once saved.
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "raw_text"] if obj is not None else readonly

    @admin.display(description=_("导入提示"))
    def import_warnings_list(self, obj):
        """What the importer asks the curator to check, above the fields it filled."""
        if not obj.import_warnings:
            return "-"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((note_text(w),) for w in obj.import_warnings))
        )

    @admin.display(description=_("审核"))
    def review_link(self, obj):
        """Drafts open on the review page, where what was read from them is checked and published."""
        if obj.status != CurationStatus.DRAFT:
            return "-"
        return format_html('<a href="{}">{}</a>', reverse("review_document", args=[obj.pk]), _("审核"))

    @admin.display(description=_("发文/答复机构"), ordering="organization__name")
    def organization_link(self, obj):
        if obj.organization is None:
            return "-"
        url = reverse("admin:organizations_organization_change", args=[obj.organization_id])
        return format_html('<a href="{}">{}</a>', url, obj.organization.short_name or obj.organization.name)

    @admin.display(description=_("行政区划"))
    def region_names(self, obj):
        return "、".join(region.name for region in obj.regions.all()) or "-"

    @admin.display(description=_("来源"))
    def source_link(self, obj):
        if not obj.source_url:
            return obj.source_site or "-"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', obj.source_url, obj.source_site or _("原网页")
        )


@admin.register(Citation)
class CitationAdmin(HistoryAdmin):
    list_display = ["__str__", "document", "cited_doc_number", "cited_document", "is_linked"]
    list_filter = [("cited_document", admin.EmptyFieldListFilter)]
    search_fields = ["cited_title", "cited_doc_number", "document__title"]
    autocomplete_fields = ["document", "cited_document"]
    list_select_related = ["document", "cited_document"]
    # About five citations a document: the largest table after targets (apps.curation.paginator).
    paginator = EstimatedCountPaginator
    show_full_result_count = False

    @admin.display(description=_("已关联"), boolean=True)
    def is_linked(self, obj):
        return obj.cited_document_id is not None
