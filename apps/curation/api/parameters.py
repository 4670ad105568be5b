"""The query parameters of the read API, held to what the schema says of them.

The FilterSets check each filter's value; this checks the rest: no parameter the operation
does not have, none empty, none given twice unless it is a list (``ordering``, whose items may
also be joined by commas, none of them empty), and the page
number and size are whole numbers within bounds. Each problem is reported under the
parameter's name, as the filters' are.
"""
import re

from django import forms
from django.utils.translation import gettext as _

from apps.curation.api.pagination import MAX_PAGE_SIZE

WHOLE_NUMBER = re.compile(r"-?[0-9]+", re.ASCII)


class WholeNumberField(forms.IntegerField):
    """Digits only: Django's IntegerField also takes ``5.0``, `` 5 `` and non-ASCII digits."""

    def to_python(self, value):
        if value not in self.empty_values and not WHOLE_NUMBER.fullmatch(str(value)):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class PageForm(forms.Form):
    page = WholeNumberField(min_value=1, required=False)
    page_size = WholeNumberField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)


def query_errors(query, *, accepted: set[str], repeatable: set[str], paged: bool) -> dict[str, list[str]]:
    """What is wrong with ``query`` (a QueryDict), parameter by parameter; empty when nothing is."""
    errors: dict[str, list[str]] = {}
    for name in query:
        values = query.getlist(name)
        if name not in accepted:
            errors[name] = [_("没有这个参数。可用的参数：%(names)s。") % {"names": ", ".join(sorted(accepted))}]
        elif len(values) > 1 and name not in repeatable:
            errors[name] = [_("这个参数只能给一次。")]
        elif any(value == "" for value in values):
            errors[name] = [_("这个参数不能为空。")]
        elif name in repeatable and any(part == "" for value in values for part in value.split(",")):
            errors[name] = [_("列表中有空项。")]
    if paged:
        form = PageForm(query)
        if not form.is_valid():
            for name, messages in form.errors.items():
                errors.setdefault(name, list(messages))
    return errors
