"""Optimistic locking for the admin's change forms: a save made from an outdated page is refused.

The change form carries, in a hidden field, the version of the record it was opened at:
the id of the record's latest history entry (django-simple-history writes one on every
save, the review actions included). On save, if the record has a newer entry, someone
else saved it in between; the form is refused with what they changed, field by field,
and who did it, instead of silently overwriting their work. The refused form then
carries the current version, so saving it again overwrites knowingly.

Only the record's own fields are compared; inline rows (a document's targets) are not.
"""
from django import forms
from django.db import connection
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

VERSION_FIELD = "loaded_version"
VALUE_DISPLAY_CHARS = 60
# Characters kept before the first difference when a long text is cut.
CONTEXT_CHARS = 20


def record_version(record) -> int:
    """The id of the record's latest history entry, 0 when it has none."""
    latest = record.history.order_by("-history_id").values_list("history_id", flat=True).first()
    return latest or 0


def _display(value, *, field, own_model) -> str:
    if value is None or value == "" or value == []:
        return _("（空）")
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    if isinstance(value, list):
        # A many-to-many field: one dict per link, keyed by both ends; show the far end.
        items = []
        for link in value:
            ends = [v for v in link.values() if not isinstance(v, own_model)] if isinstance(link, dict) else [link]
            items.append("、".join(str(end) for end in ends))
        return "、".join(items)
    return Truncator(str(value)).chars(VALUE_DISPLAY_CHARS)


def _texts_around_change(old: str, new: str) -> tuple[str, str]:
    """Long texts cut to the part where they start to differ, so the change itself is shown."""
    if max(len(old), len(new)) <= VALUE_DISPLAY_CHARS:
        return old or _("（空）"), new or _("（空）")
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    start = max(0, start - CONTEXT_CHARS)
    prefix = "…" if start else ""
    old, new = (prefix + Truncator(text[start:]).chars(VALUE_DISPLAY_CHARS) if text else _("（空）") for text in (old, new))
    return old, new


def _same_text(old, new) -> bool:
    """Texts that differ only in line endings: a browser posts a text box back with CRLF."""
    return isinstance(old, str) and isinstance(new, str) and old.replace("\r\n", "\n") == new.replace("\r\n", "\n")


def changes_since(record, version: int) -> list[str]:
    """One line saying who changed ``record`` after ``version`` and when, then one per field changed."""
    newer = list(record.history.filter(history_id__gt=version).select_related("history_user").order_by("history_id"))
    if not newer:
        # Not a version of this record (a page from before a restore, a tampered form).
        return [_("此页面打开时的版本已不是这条记录的当前版本，您的修改没有保存。请重新打开此记录后再编辑。")]
    editors = []
    for entry in newer:
        name = entry.history_user.get_username() if entry.history_user else _("未记录的用户")
        if name not in editors:
            editors.append(name)
    latest = newer[-1]
    lines = [
        _("您打开此页后，%(editors)s 于 %(time)s 保存了这条记录，您的修改没有保存。") % {
            "editors": "、".join(editors),
            "time": date_format(timezone.localtime(latest.history_date), "DATETIME_FORMAT"),
        }
    ]
    loaded = record.history.filter(history_id=version).first()
    if loaded is not None:
        model = type(record)
        for change in latest.diff_against(loaded, foreign_keys_are_objs=True).changes:
            if _same_text(change.old, change.new):
                continue
            field = model._meta.get_field(change.field)
            if isinstance(change.old, str) and isinstance(change.new, str) and not field.choices:
                old, new = _texts_around_change(change.old, change.new)
            else:
                old = _display(change.old, field=field, own_model=model)
                new = _display(change.new, field=field, own_model=model)
            lines.append(_("%(field)s：“%(old)s” → “%(new)s”") % {"field": field.verbose_name, "old": old, "new": new})
    lines.append(_("下面仍是您填写的内容。核对后再次保存，将以您的内容覆盖上述修改。"))
    return lines


class VersionCheckedForm(forms.ModelForm):
    """Mixin for a record's change form; ``versioned_form`` puts it in front of an admin's form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD].initial = record_version(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get(VERSION_FIELD)
        if self.instance.pk is None or loaded is None:
            return cleaned_data
        model = type(self.instance)
        if connection.in_atomic_block:
            # The admin's change view runs in a transaction: holding the row until this save
            # commits makes a second save that arrives meanwhile wait, then see this one.
            list(model._base_manager.select_for_update().filter(pk=self.instance.pk).order_by().values_list("pk"))
        current = record_version(self.instance)
        if loaded != current:
            self.add_error(None, changes_since(self.instance, loaded))
            self.data = self.data.copy()
            self.data[self.add_prefix(VERSION_FIELD)] = str(current)
        return cleaned_data


def versioned_form(form_class: type[forms.ModelForm], *, drop_fields=()) -> type[forms.ModelForm]:
    """``form_class`` with the hidden version field and its check.

    ``drop_fields`` removes declared fields that the admin shows read-only, as
    ``ModelAdmin.get_form`` would.
    """
    attrs = {
        VERSION_FIELD: forms.IntegerField(
            widget=forms.HiddenInput, min_value=0, label=gettext_lazy("打开时的版本"),
            error_messages={"required": gettext_lazy("页面缺少版本号，请重新打开此记录后再保存。")},
        ),
        **dict.fromkeys(name for name in drop_fields if name in form_class.declared_fields),
    }
    return type(form_class.__name__, (VersionCheckedForm, form_class), attrs)


def with_version_field(fieldsets):
    """``fieldsets`` with the hidden version field added to the first one (it renders as a hidden row)."""
    (name, options), *rest = fieldsets
    return [(name, {**options, "fields": [*options["fields"], VERSION_FIELD]}), *rest]
