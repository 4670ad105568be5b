"""Showing where a document matched: the query's words marked in its text.

The document text is untrusted (pages copied from the web, HTML fragments and all), so it
is always escaped, and the only markup in the output is the ``<mark>`` added here.
"""
import functools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ELLIPSIS = "…"
_WHITESPACE = re.compile(r"\s+")


def _ascii_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@functools.lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    words = sorted({t for t in terms if t and not t.isspace()}, key=len, reverse=True)
    if not words:
        return None
    parts = []
    for word in words:
        part = re.escape(word)
        # Latin words and numbers are matched whole (2025 not inside 120250), as the index does;
        # Chinese has no such boundary to respect.
        if _ascii_word_char(word[0]):
            part = r"(?<![0-9A-Za-z])" + part
        if _ascii_word_char(word[-1]):
            part += r"(?![0-9A-Za-z])"
        parts.append(part)
    # Longest first: 集团化办学 is marked whole rather than as 集团化 followed by 办学.
    return re.compile("|".join(parts), re.IGNORECASE)


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with each occurrence of a term wrapped in ``<mark>``.

    Matching runs on the raw text and every piece is escaped on its own, which is the same
    as escaping first and marking after, except that a term can never match inside an
    entity the escaping produced (a search for "amp" does not mark ``&amp;``).
    """
    return highlight_matches(text, _pattern(tuple(terms)))


def highlight_matches(text: str, pattern: re.Pattern | None) -> SafeString:
    """``text`` escaped, with each match of ``pattern`` wrapped in ``<mark>`` (see ``highlight``)."""
    text = text or ""
    if pattern is None:
        return escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        if match.end() == match.start():
            continue
        pieces.append(escape(text[position:match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


def snippet(text: str, terms: list[str], width: int = 120) -> SafeString:
    """About ``width`` characters of ``text`` around the first matching term, highlighted.

    Whitespace runs become single spaces; an ellipsis marks text cut off at either end.
    Without a match, the beginning of the text.
    """
    text = _WHITESPACE.sub(" ", text or "").strip()
    pattern = _pattern(tuple(terms))
    match = pattern.search(text) if pattern else None
    start = 0
    if match is not None:
        # The match about a third of the way in: some context before it, more after.
        start = max(0, min(match.start() - width // 3, len(text) - width))
    end = max(start + width, match.end() if match else 0)
    window = highlight(text[start:end], terms)
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if end < len(text) else ""
    return mark_safe(f"{before}{window}{after}")
