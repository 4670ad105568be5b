"""The filter sidebar: an app's FilterSet form, labelled and laid out for people.

The FilterSets are the API's; their labels and help texts are written for the OpenAPI
schema, in English. The pages give each parameter a translatable label here, offer the
regions that hold records as a select, and leave out what only machines use.
"""
from django import forms
from django.utils.translation import gettext_lazy as _

from apps.regions.models import RegionLevel
from apps.regions.selectors import regions_with_records

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


def region_choices(*, user, current: str = "") -> list[tuple[str, str]]:
    depth = {RegionLevel.PROVINCE: 0, RegionLevel.PREFECTURE: 1, RegionLevel.COUNTY: 2}
    choices = [("", _("全部地区"))]
    choices += [(r.code, INDENT * depth.get(r.level, 0) + r.name) for r in regions_with_records(user=user)]
    if current and current not in dict(choices):
        # A prefix typed into the address (3204) or a region without records stays selected.
        choices.append((current, current))
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
            field.widget = forms.Select(choices=region_choices(user=user, current=form.data.get("region", "")))
        elif name == "ordering":
            # The widget's choices only: it still reads "a,b" lists as the API's does.
            field.widget.choices = ordering_choices(sort_fields or {}, default_label=default_order_label)
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
