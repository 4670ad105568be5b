"""Filters for the document list, shared by the API and the web pages."""
import django_filters

from apps.curation.api.filters import (
    CuratedFilterSet,
    DateFilter,
    RegionPrefixFilter,
    StableOrderingFilter,
    TextQueryFilter,
    YearFilter,
    visible_choices,
)
from apps.documents.models import NEWEST_FIRST, Document, DocumentType
from apps.initiatives.models import Initiative, Theme
from apps.organizations.models import Organization
from apps.search.services import documents_matching


# Orders an index reads the documents in (document_newest_idx, the primary key backwards).
INDEX_ORDERS = (tuple(NEWEST_FIRST), ("-id", "pk"), ("-pk",))


def document_search(queryset, text: str):
    """Documents whose title or clean text holds every word of ``text`` (segmented full-text search,
    read as ``apps.search.query`` describes).

    The one place documents are searched by text, for the API and the web pages alike:
    the words are cut as ``apps.search`` cuts stored text, since Chinese has no spaces.
    ``DocumentFilter`` orders the list first, so the search knows whether it is read in an
    index's order.
    """
    return documents_matching(queryset, text, index_ordered=tuple(queryset.query.order_by) in INDEX_ORDERS)


class DocumentFilter(CuratedFilterSet):
    region = RegionPrefixFilter(
        field_name="regions__code", through_many=True,
        help_text="Documents about this region or anything under it, by GB/T 2260 code or prefix "
                  "(32, 3201, 320115).",
    )
    doc_type = django_filters.ChoiceFilter(
        choices=DocumentType.choices,
        help_text="Type: reply (答复), annual_goals (年度目标/工作要点), plan (规划/行动方案), work_report (工作汇报), "
                  "news (新闻报道), policy (政策文件), other.",
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.all(), help_text="Documents issued by the organization with this id.",
    )
    initiative = django_filters.ModelChoiceFilter(
        field_name="initiatives", queryset=visible_choices(Initiative),
        help_text="Documents that mention the initiative with this id.",
    )
    theme = django_filters.ChoiceFilter(
        choices=Theme.choices, method="filter_theme", help_text="Documents that mention an initiative of this theme.",
    )
    doc_number = django_filters.CharFilter(help_text="The 文号 exactly as printed, e.g. 邯教办〔2018〕57号.")
    date_from = DateFilter(field_name="publish_date", lookup_expr="gte", help_text="Published on or after this date.")
    date_to = DateFilter(field_name="publish_date", lookup_expr="lte", help_text="Published on or before this date.")
    year_from = YearFilter(
        field_name="publish_date", lookup_expr="year__gte", help_text="Published in or after this year.",
    )
    year_to = YearFilter(
        field_name="publish_date", lookup_expr="year__lte", help_text="Published in or before this year.",
    )
    q = TextQueryFilter(
        search=document_search,
        help_text="Words to find in the title or the clean text, Chinese cut into words as the index is; "
                  "every word must occur, anywhere (集团化办学, 双减 县管校聘). Other spellings, phrases and "
                  "nearness are the search page's (/search/).",
    )
    ordering = StableOrderingFilter(
        fields=["publish_date", "title", "updated_at", "id"],
        help_text="Sort by publish_date, title, updated_at or id; prefix - for descending.",
    )

    class Meta:
        model = Document
        fields = []

    def filter_queryset(self, queryset):
        """Every filter, the words last: they are matched in the shape the list's order reads fastest."""
        values = self.form.cleaned_data
        for name in sorted(values, key=lambda name: name == "q"):
            queryset = self.filters[name].filter(queryset, values[name])
        return queryset

    def filter_theme(self, queryset, name, value):
        mentioned = self.visible(Initiative.objects).filter(theme=value).values("documents")
        return queryset.filter(pk__in=mentioned)
