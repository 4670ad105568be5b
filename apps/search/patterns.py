"""Regular expressions for a concept: where a page holds it, as typed or as its parts close together.

The same patterns serve the databases (``__iregex``: PostgreSQL's ``~*``, SQLite's REGEXP,
which Django provides through Python's ``re``) and the ranking and snippets in Python, so a
page is matched, ranked and marked by one rule. Only constructs both regex dialects read
alike are used: escaped literals, ``\\s``, ``[^…]`` and ``{m,n}``.
"""
import functools
import itertools
import re

from apps.search.query import Concept
from apps.search.segment import word_parts

# How many characters may stand between the parts of one word for the page to count as
# holding it: 普惠性民办幼儿园 (普惠 … 幼儿, 3), 编制内和员额制教师 (编制 … 教师, 5). More would
# join words from different clauses of a sentence.
PARTS_WINDOW = 6
SENTENCE_ENDS = "。;;!!??\n"
_GAP = f"[^{SENTENCE_ENDS}]{{0,{PARTS_WINDOW}}}"
# Permutations of more parts than this would make the pattern large; longer words keep their order.
MAX_PERMUTED_PARTS = 3
MAX_PERMUTED_WORDS = 4
# How far apart the words of one chunk may stand (职业教育体制: 职业教育 … 体制): a sentence
# or two, across line breaks (``.`` is any character but a newline in Python, any at all in
# PostgreSQL, so both are spelt out).
CHUNK_WINDOW = 40
_NEARBY = f"(?:.|\n){{0,{CHUNK_WINDOW}}}"


def literal(text: str) -> str:
    """``text`` as typed, with any whitespace allowed between its characters (damaged pages: 收 悉)."""
    return r"\s*".join(re.escape(ch) for ch in text if not ch.isspace())


def _near_parts(parts: tuple[str, ...]) -> list[str]:
    orders = itertools.permutations(parts) if len(parts) <= MAX_PERMUTED_PARTS else [parts]
    return [_GAP.join(map(re.escape, order)) for order in orders]


@functools.lru_cache(maxsize=1024)
def spelling_pattern(spelling: str, *, phrase: bool = False) -> str:
    """The spelling as typed, or (a word, not a phrase) all its parts within ``PARTS_WINDOW``."""
    alternatives = [literal(spelling)]
    parts = word_parts(spelling)
    if not phrase and len(parts) >= 2:
        alternatives.extend(_near_parts(parts))
    return "|".join(alternatives)


def _checked_spellings(concept: Concept) -> list[str]:
    # A single character is a word only where the segmenter made it one (减 is no word of
    # 双减): the index decides, never a substring.
    return [s for s in concept.spellings if concept.phrase or word_parts(s)]


# Cached: the ranking and the snippets ask for the same concept's pattern once per sentence.
@functools.lru_cache(maxsize=1024)
def concept_pattern(concept: Concept) -> str:
    """Any spelling of ``concept`` (single-character words aside), for ``__iregex``.

    Only the word asked for is also found by its parts: another spelling (an alias) is
    found as written, or its parts would match loosely what nobody asked (教师交流 in
    与教师进行了交流).
    """
    alternatives = [
        spelling_pattern(s, phrase=concept.phrase or s != concept.text) for s in _checked_spellings(concept)
    ]
    if concept.core:
        alternatives.append(literal(concept.core))
    return "|".join(alternatives)


def _any_order(pieces: list[str]) -> str:
    orders = itertools.permutations(pieces) if len(pieces) <= MAX_PERMUTED_WORDS else [pieces]
    return "|".join(_NEARBY.join(f"(?:{piece})" for piece in order) for order in orders)


def _pieces(concept: Concept) -> list[str]:
    """What ``concept`` contributes to its chunk read as one long word: its parts, or itself
    (a phrase; a word whose parts overlap, 十四五 → 十四, 四五)."""
    parts = word_parts(concept.text)
    if concept.phrase or len(parts) < 2 or sum(map(len, parts)) > len(concept.text):
        return [concept.text]
    return list(parts)


def interleaved_pattern(concepts: tuple[Concept, ...]) -> str | None:
    """The chunk read as one long word: every part of every concept, in any order, each within
    ``PARTS_WINDOW`` characters of the next. 十四五教育规划 is then found in 教育事业发展“十四五”规划,
    where 十四五 stands between the parts of 教育规划. None past ``MAX_PERMUTED_WORDS`` parts."""
    pieces = list(dict.fromkeys(piece for concept in concepts for piece in _pieces(concept)))
    if not 2 <= len(pieces) <= MAX_PERMUTED_WORDS:
        return None
    return "|".join(_GAP.join(map(literal, order)) for order in itertools.permutations(pieces))


def chunk_pattern(concepts: tuple[Concept, ...]) -> str:
    """Every one of ``concepts`` within ``CHUNK_WINDOW`` characters, in any order (in order past
    four), or all their parts interleaved (``interleaved_pattern``)."""
    pattern = _any_order([concept_pattern(c) or literal(c.text) for c in concepts])
    interleaved = interleaved_pattern(concepts)
    return f"{pattern}|{interleaved}" if interleaved else pattern


def words_pattern(words: tuple[str, ...]) -> str:
    """Every word (as typed, or by its parts) within ``CHUNK_WINDOW`` characters."""
    return _any_order([spelling_pattern(word) for word in words])


def needs_text_check(concept: Concept) -> bool:
    """False when the index alone answers: every spelling is one word the index holds whole."""
    if concept.phrase or concept.words:
        return True
    return any(word_parts(s) not in ((s,), ()) for s in concept.spellings)


@functools.lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def query_pattern(concepts) -> re.Pattern | None:
    """What to mark in a result for ``concepts``: every spelling, the asked words also by their parts."""
    pieces = []
    for concept in concepts:
        pieces.append(concept_pattern(concept) or literal(concept.text))
        pieces.extend(spelling_pattern(word) for word in concept.words)
    pieces = [piece for piece in pieces if piece]
    return compiled("|".join(pieces)) if pieces else None
