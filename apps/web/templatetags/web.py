"""Template helpers shared by every page: links that keep the filters or change the language, sortable headers, highlights."""
from decimal import Decimal

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from apps.search import patterns, ranking
from apps.search.highlight import highlight, highlight_matches, snippet

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with ``changes`` applied; a value of None or "" removes the key.

    ``{% query_with page=3 %}`` keeps every filter and the sort; ``{% query_with format="csv" page=None %}``.
    """
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.inclusion_tag("web/_sort_header.html", takes_context=True)
def sort_header(context, param: str, label: str):
    """A column header that sorts by ``param``, ascending first, then descending; back to page 1."""
    current = context["request"].GET.get("ordering", "")
    if current == param:
        direction, next_ordering = "ascending", f"-{param}"
    elif current == f"-{param}":
        direction, next_ordering = "descending", param
    else:
        direction, next_ordering = "", param
    hint = {
        "ascending": _("当前升序，点击改为降序"),
        "descending": _("当前降序，点击改为升序"),
        "": _("点击排序"),
    }[direction]
    return {
        "request": context["request"], "label": label, "direction": direction, "hint": hint,
        "next_ordering": next_ordering,
    }


@register.filter
def highlight_terms(text, terms):
    """``text`` escaped, with the search words in ``<mark>``."""
    return highlight(str(text or ""), list(terms or []))


@register.filter
def snippet_terms(text, terms):
    """About 120 characters of ``text`` around the first search word, highlighted."""
    return snippet(str(text or ""), list(terms or []))


@register.filter
def matching_sentence(text, query):
    """The sentence of ``text`` that best shows why it matched the parsed ``query``, marked."""
    if not query:
        return snippet(str(text or ""), [])
    return highlight_matches(ranking.matching_sentence(str(text or ""), query), patterns.query_pattern(query.concepts))


@register.filter
def highlight_query(text, query):
    """``text`` escaped, with what the parsed ``query`` found in it in ``<mark>``."""
    return highlight_matches(str(text or ""), patterns.query_pattern(query.concepts) if query else None)


@register.filter
def plain_number(value) -> str:
    """``Decimal("2800.0000")`` → ``2800``, ``92.4500`` → ``92.45``: no trailing zeros, no exponent."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value).normalize():f}"


@register.simple_tag(takes_context=True)
def in_language(context, language_code: str) -> str:
    """This page's address in ``language_code``, query string kept: ``/en/targets/?region=32`` ↔ ``/targets/?region=32``."""
    request = context["request"]
    url = request.get_full_path()
    translated = translate_url(url, language_code)
    if translated != url or language_code == get_language():
        return translated
    # An address no page answers (the 404 page): swap the prefix by hand.
    prefix = f"/{get_language()}/"
    path = "/" + url.removeprefix(prefix) if url.startswith(prefix) else url
    return path if language_code == settings.LANGUAGE_CODE else f"/{language_code}{path}"
