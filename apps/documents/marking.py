"""Marking where a document's targets, observations and promises stand in its text.

Each target, observation and commitment keeps the sentence it was read from (``quote``). The text is
escaped first, piece by piece, and each quote's first occurrence is wrapped in
``<mark id=...>`` so the lists beside the text can link to it. Pure string work.
"""
import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from apps.web.templatetags.web import plain_number


@dataclass(frozen=True)
class Quote:
    anchor: str  # the mark's id, e.g. "target-3"
    text: str
    title: str  # shown on hover: the indicator and the value
    kind: str  # "target" or "observation", for styling


def figure_quotes(targets, observations) -> list[Quote]:
    """The quote of every target and observation; each record learns its anchor (``target-3``)."""
    quotes = []
    for target in targets:
        target.anchor = f"target-{target.pk}"
        title = f"{target.indicator.name} {target.describe_value()}"
        if target.deadline_year:
            title += f" ({target.deadline_year})"
        quotes.append(Quote(target.anchor, target.quote, title, "target"))
    for observation in observations:
        observation.anchor = f"observation-{observation.pk}"
        title = f"{observation.indicator.name} {plain_number(observation.value)}{observation.unit}"
        quotes.append(Quote(observation.anchor, observation.quote, title, "observation"))
    return quotes


def commitment_quotes(commitments) -> list[Quote]:
    """The sentence of every promise; each learns its anchor (``promise-3``)."""
    quotes = []
    for commitment in commitments:
        commitment.anchor = f"promise-{commitment.pk}"
        quotes.append(Quote(commitment.anchor, commitment.quote, commitment.summary, "commitment"))
    return quotes


def mark_records(text: str, quotes: list[Quote], records) -> SafeString:
    """``text`` with ``quotes`` marked; each of ``records`` (holding an ``anchor``) learns ``quote_found``."""
    marked, found = marked_text(text, quotes)
    for record in records:
        record.quote_found = record.anchor in found
    return marked


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text``; line breaks and spaces inside it may differ."""
    quote = quote.strip()
    if not quote:
        return None
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    chars = [re.escape(ch) for ch in quote if not ch.isspace()]
    match = re.search(r"\s*".join(chars), text) if chars else None
    return (match.start(), match.end()) if match else None


def _spans(text: str, quotes: list[Quote]) -> list[tuple[int, int, list[Quote]]]:
    """Located quotes, overlapping ones merged into one span (two figures read from one sentence)."""
    located = sorted(
        ((span[0], span[1], quote) for quote in quotes if (span := locate(text, quote.text)) is not None),
        key=lambda item: item[:2],
    )
    merged: list[tuple[int, int, list[Quote]]] = []
    for start, end, quote in located:
        if merged and start < merged[-1][1]:
            last_start, last_end, group = merged[-1]
            merged[-1] = (last_start, max(last_end, end), [*group, quote])
        else:
            merged.append((start, end, [quote]))
    return merged


def marked_text(text: str, quotes: list[Quote]) -> tuple[SafeString, set[str]]:
    """``text`` escaped with each quote in a ``<mark>``; and the anchors that were found."""
    text = text or ""
    pieces, position, found = [], 0, set()
    for start, end, group in _spans(text, quotes):
        first, *others = group
        found.update(quote.anchor for quote in group)
        # Further quotes of the same sentence get an empty anchor of their own inside the mark.
        extra_anchors = "".join(format_html('<span id="{}"></span>', quote.anchor) for quote in others)
        pieces.append(escape(text[position:start]))
        pieces.append(format_html(
            '<mark id="{}" class="quote quote--{}" title="{}">{}{}</mark>',
            first.anchor, first.kind, "; ".join(quote.title for quote in group),
            mark_safe(extra_anchors), text[start:end],
        ))
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces)), found
