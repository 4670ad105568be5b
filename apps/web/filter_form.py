"""The filter sidebar: an app's FilterSet form, labelled and laid out for people.

The FilterSets are the API's; their labels and help texts are written for the OpenAPI
schema, in English. The pages give each parameter a translatable label here, offer the
regions that hold records as a select, and leave out what only machines use.

A choice of records that can run to thousands (organizations, initiatives, indicators) is
a select only while it is short. A longer one holds just the chosen record, and
``static/web/lookup.js`` puts a search box above it that fills it from the API's list of
those records as the reader types: at 100,000 documents the full selects made a list page
1.8 MB of ``<option>``s and took seconds to render (docs/performance.md).
"""
from django import forms
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.curation.memo import audience, remembered
from apps.regions.models import Region, RegionLevel
from apps.regions.selectors import region_code_canonical, regions_with_records

FILTER_LABELS = {
    "q": _("关键词"),
    "region": _("地区"),
    "doc_type": _("文件类型"),
    "organization": _("机构"),
    "initiative": _("举措"),
    "theme": _("主题"),
    "doc_number": _("文号"),
    "date_from": _("起始日期"),
    "date_to": _("结束日期"),
    "year_from": _("起始年份"),
    "year_to": _("结束年份"),
    "status": _("审核状态"),
    "ordering": _("排序"),
    "kind": _("类别"),
    "session": _("届次/会议"),
    "number": _("编号"),
    "proposer": _("提案人"),
    "result_code": _("办理结果"),
    "indicator": _("指标"),
    "document": _("来源文件"),
    "deadline_year": _("截止年份"),
    "deadline_year_from": _("截止年份不早于"),
    "deadline_year_to": _("截止年份不晚于"),
    "progress": _("进展"),
}
# Parameters the API has for machines (incremental sync) or that need an id nobody knows by heart.
NOT_IN_SIDEBAR = frozenset({"updated_since", "document"})
INDENT = "\u3000"  # a full-width space per level below the province
# A select lists every record up to this many; beyond, it becomes a lookup.
SELECT_MAX_CHOICES = 200
# The API list (URL name) each lookup asks, by the model its filter chooses from.
LOOKUP_URL_NAMES = {
    "Organization": "organization-list", "Initiative": "initiative-list", "Indicator": "indicator-list",
}


class RegionSelect(forms.Select):
    """The regions with records: thousands of options, written once and reused until a record changes.

    Django's Select renders a template per option: 3,200 regions took about 100 ms a page.
    The options are remembered per audience and language (apps.curation.memo); the chosen
    one is marked, or added when it is a prefix typed into the address (3204) or a region
    without records.
    """

    def __init__(self, *, user):
        super().__init__()
        self.user = user

    def render(self, name, value, attrs=None, renderer=None):
        options = remembered(
            ("region_options", audience(self.user), get_language()),
            lambda: "".join(f'<option value="{escape(code)}">{escape(label)}</option>'
                            for code, label in region_choices(user=self.user)),
        )
        chosen = next(iter(self.format_value(value)), "")
        if chosen:
            options = _with_chosen_region(options, chosen)
        return mark_safe(f"<select{flatatt({'name': name, **self.build_attrs(self.attrs, attrs)})}>{options}</select>")


def _with_chosen_region(options: str, chosen: str) -> str:
    """The options with ``chosen`` selected, by name even when given by prefix.

    ``13`` and ``130000`` filter alike (``code_prefix``), so a code typed into the address
    selects its region's own option: the reader sees 河北省, not "13". A region without records
    is added under its name; only a string that names no region shows as typed.
    """
    canonical = region_code_canonical(chosen)
    for code in dict.fromkeys([chosen, canonical]):
        plain = f'<option value="{escape(code)}">' if code else None
        if plain and plain in options:
            return options.replace(plain, f'<option value="{escape(code)}" selected>', 1)
    region = Region.objects.filter(code=canonical).only("name").first() if canonical else None
    label = region.name if region else chosen
    return options + f'<option value="{escape(chosen)}" selected>{escape(label)}</option>'


class LookupSelect(forms.Select):
    """A select holding only the chosen record; lookup.js adds the box that searches for others."""

    def __init__(self, *, lookup_url: str, choices):
        super().__init__(choices=choices, attrs={
            "data-lookup-url": lookup_url,
            "data-lookup-label": _("输入名称查找"),
            "data-lookup-found": _("找到 {count} 项，请在下面选择"),
            "data-lookup-more": _("找到 {count} 项，显示前 {shown} 项；输入更多字可缩小范围"),
            "data-lookup-none": _("没有找到"),
            "data-lookup-failed": _("查找失败，请稍后再试"),
        })


def record_choice_widget(field, current: str, *, user) -> LookupSelect | None:
    """A LookupSelect for a choice of records too long to list; None to keep the plain select."""
    model_name = field.queryset.model.__name__
    url_name = LOOKUP_URL_NAMES.get(model_name)
    if url_name is None:
        return None
    held = remembered(("choice_count", model_name, audience(user)), field.queryset.count)
    if held <= SELECT_MAX_CHOICES:
        return None
    choices = [("", _("全部"))]
    if current:
        chosen = field.queryset.filter(pk=current).first() if current.isdigit() else None
        # An unknown id stays in the select beside its error message.
        choices.append((current, field.label_from_instance(chosen) if chosen else current))
    return LookupSelect(lookup_url=reverse(url_name), choices=choices)


def region_choices(*, user) -> list[tuple[str, str]]:
    depth = {RegionLevel.PROVINCE: 0, RegionLevel.PREFECTURE: 1, RegionLevel.COUNTY: 2}
    choices = [("", _("全部地区"))]
    choices += [(r.code, INDENT * depth.get(r.level, 0) + r.name) for r in regions_with_records(user=user)]
    return choices


def ordering_choices(sort_fields: dict, *, default_label=None) -> list[tuple[str, str]]:
    choices = [("", default_label or _("默认顺序"))]
    for param, label in sort_fields.items():
        choices.append((param, _("%(field)s 升序") % {"field": label}))
        choices.append((f"-{param}", _("%(field)s 降序") % {"field": label}))
    return choices


def sidebar_fields(form, *, user, labels: dict | None = None, help_texts: dict | None = None,
                   sort_fields: dict | None = None, hidden=frozenset(),
                   default_order_label=None) -> list[forms.BoundField]:
    """The form's fields to show, relabelled; the form keeps validating exactly as the API does.

    Call it before validating the form: bound fields are made once and keep their labels.
    """
    labels = {**FILTER_LABELS, **(labels or {})}
    help_texts = help_texts or {}
    hidden = set(NOT_IN_SIDEBAR) | set(hidden)
    if not (user and user.is_authenticated and user.is_staff):
        hidden.add("status")  # anonymous readers see published records only
    shown = []
    for name, field in form.fields.items():
        if name in hidden:
            continue
        field.label = labels.get(name, field.label)
        field.help_text = help_texts.get(name, "")
        if name == "region":
            field.widget = RegionSelect(user=user)
        elif name == "ordering":
            # The widget's choices only: it still reads "a,b" lists as the API's does.
            field.widget.choices = ordering_choices(sort_fields or {}, default_label=default_order_label)
        elif isinstance(field, forms.ModelChoiceField) and (
            widget := record_choice_widget(field, form.data.get(name, ""), user=user)
        ):
            field.widget = widget
        elif getattr(field, "empty_label", None) is not None:  # django-filter's choice fields
            field.empty_label = _("全部")
            # The form's copy of the widget still iterates the class-level field's choices.
            field.widget.choices = field.choices
        elif isinstance(field.widget, forms.DateInput):
            field.widget.input_type = "date"
        elif name == "q":
            field.widget.input_type = "search"
        shown.append(form[name])
    return shown


def table_filters(filterset, *, user, shown) -> dict:
    """The context of a counting table's sidebar (a scorecard, the grades): only the ``shown`` filters,
    and the chosen region, which must exist (an unknown code is the region control's error)."""
    hidden = set(filterset.form.fields) - set(shown)
    filter_fields = sidebar_fields(filterset.form, user=user, hidden=hidden)
    valid = filterset.is_valid()
    region = None
    if valid and filterset.form.cleaned_data.get("region"):
        region = Region.objects.filter(code=region_code_canonical(filterset.form.cleaned_data["region"])).first()
        if region is None:
            filterset.form.add_error("region", _("没有这个行政区划。"))
            valid = False
    return {"filter_form": filterset.form, "filter_fields": filter_fields, "filters_valid": valid,
            "region": region, "page_obj": None}
