"""How much a page is *about* what was asked, read from its title and text.

The database's score (``ts_rank``, ``bm25()``) counts words; it cannot tell a page about
县管校聘 from one that lists it among nine reforms. These rules weigh each place a
concept is found:

- in the title: a page is about what its title names (``TITLE_WEIGHT``);
- in a sentence that sets a target or makes a commitment (a figure, or 将/力争/确保 …):
  what the page commits to (``COMMITMENT_WEIGHT``);
- as one item of an enumeration (a clause with two or more 、): a mention (``LIST_WEIGHT``);
- the word asked for (as typed or by its parts) counts more than another spelling of it
  (``WIDENED_FACTOR``), and a page holding it at all leads pages that hold only another
  spelling (``ASKED_BONUS``);
- repetition adds, with diminishing returns (log), so a long report does not win on size;
- the concepts standing close together, when there are several (``NEARNESS_BONUS``).

Pure functions over strings: no database.
"""
import bisect
import math
import re
from dataclasses import dataclass

from apps.search import patterns
from apps.search.query import Concept, ParsedQuery

TITLE_WEIGHT = 3.0
COMMITMENT_WEIGHT = 2.0
LIST_WEIGHT = 0.3
WIDENED_FACTOR = 0.7
ASKED_BONUS = 2.0  # the page holds what was asked, not only another spelling of it
NEARNESS_BONUS = {30: 2.0, 120: 1.0}  # concepts all within N characters → bonus
SENTENCE = re.compile(rf"[^{patterns.SENTENCE_ENDS}]+[{patterns.SENTENCE_ENDS}]?")
CLAUSE_MARKS = ",:"  # the texts are stored with ASCII punctuation (NFKC)
CLAUSE_BREAK = re.compile(f"[{CLAUSE_MARKS}]")
COMMITMENT = re.compile(r"将|力争|确保|计划|目标|达到|不低于|以上|提高到|提高至|新增|新建|完成|保持|下降|争创|创建")
FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万]+[个所项名人]")
SNIPPET_CHARS = 160


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    asked: bool  # the spelling asked for, as typed


def _found(concept: Concept, text: str) -> list[Found]:
    asked = patterns.compiled(patterns.spelling_pattern(concept.text, phrase=concept.phrase))
    pattern = patterns.concept_pattern(concept)
    if not pattern:
        return []
    found = []
    for match in patterns.compiled(pattern).finditer(text):
        is_asked = bool(asked and asked.fullmatch(match.group()))
        found.append(Found(match.start(), match.end(), is_asked))
    if not found and concept.words:
        # The known name is not there as a whole: its words, apart, are what the page holds.
        for word in concept.words:
            found.extend(_found(Concept(word, (word,)), text))
    return found


def _possible(concept: Concept) -> re.Pattern | None:
    """Whatever ``_found`` could find of ``concept`` (its spellings, or its words apart), in one
    pattern: the snippet's sentences that hold none of it are skipped without a look each."""
    pattern = patterns.concept_pattern(concept)
    if not pattern:
        return None
    words = [patterns.concept_pattern(Concept(word, (word,))) for word in concept.words]
    return patterns.compiled("|".join(p for p in [pattern, *words] if p))


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text)]


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``: between the nearest commas or sentence ends."""
    before = max(text.rfind(mark, 0, start) for mark in CLAUSE_MARKS) + 1
    after = CLAUSE_BREAK.search(text, end)
    return text[before:after.start() if after else len(text)]


def occurrence_weight(sentence: str, clause: str, asked: bool) -> float:
    """What one place a concept is found in says about the page (see the module's rules)."""
    if clause.count("、") >= 2:
        weight = LIST_WEIGHT
    elif FIGURE.search(sentence) and COMMITMENT.search(sentence):
        weight = COMMITMENT_WEIGHT
    else:
        weight = 1.0
    return weight if asked else weight * WIDENED_FACTOR


def _weights(concept: Concept, text: str, sentences: list[tuple[int, int]]) -> tuple[float, list[int], bool]:
    total, starts, asked = 0.0, [], False
    sentence_starts = [a for a, _b in sentences]
    for found in _found(concept, text):
        at = bisect.bisect_right(sentence_starts, found.start) - 1
        a, b = sentences[at] if at >= 0 else (0, 0)
        sentence = text[a:b] if a <= found.start < b else ""
        total += occurrence_weight(sentence, _clause(text, found.start, found.end), found.asked)
        starts.append(found.start)
        asked = asked or found.asked
    return total, starts, asked


def _nearness(starts: list[list[int]]) -> float:
    """A bonus when one place holds every concept within a short span of text."""
    if len(starts) < 2 or not all(starts):
        return 0.0
    events = sorted((position, index) for index, positions in enumerate(starts) for position in positions)
    best, latest = math.inf, {}
    for position, index in events:
        latest[index] = position
        if len(latest) == len(starts):
            best = min(best, position - min(latest.values()))
    return next((bonus for span, bonus in sorted(NEARNESS_BONUS.items()) if best <= span), 0.0)


def aboutness(title: str, text: str, parsed: ParsedQuery) -> float:
    """How much the page with ``title`` and ``text`` is about ``parsed`` (0 when nothing is found)."""
    sentences = _sentence_bounds(text)
    score, starts = 0.0, []
    for concept in parsed.concepts:
        in_title = _found(concept, title)
        if in_title:
            score += TITLE_WEIGHT if any(f.asked for f in in_title) else TITLE_WEIGHT * WIDENED_FACTOR
        weight, positions, asked = _weights(concept, text, sentences)
        score += 2 * math.log1p(weight) + (ASKED_BONUS if asked or any(f.asked for f in in_title) else 0.0)
        starts.append(positions)
    return score + _nearness(starts)


def matching_sentence(text: str, parsed: ParsedQuery) -> str:
    """The sentence that best shows why the page matched: most concepts, then most weight.

    At most ``SNIPPET_CHARS`` characters, cut around the first match; the text's beginning
    when nothing is found.
    """
    text = re.sub(r"[ \t\u3000]+", " ", text or "").strip()
    best, best_key = None, (0, 0.0)
    possible = [_possible(concept) for concept in parsed.concepts]
    next_at = [-1] * len(possible)  # where each concept may next be found, from the last sentence read
    for start, end in _sentence_bounds(text):
        sentence = text[start:end]
        concepts_found, weight, first = 0, 0.0, None
        for index, concept in enumerate(parsed.concepts):
            if possible[index] is None:
                continue
            if next_at[index] < start:
                match = possible[index].search(text, start)
                next_at[index] = match.start() if match else len(text)
            if next_at[index] >= end:
                continue  # nothing of it begins in this sentence, so the sentence alone holds none
            found = _found(concept, sentence)
            if found:
                concepts_found += 1
                first = min(first, found[0].start) if first is not None else found[0].start
                weight += sum(occurrence_weight(sentence, _clause(sentence, f.start, f.end), f.asked) for f in found)
        if (concepts_found, weight) > best_key:
            best, best_key = (sentence, first), (concepts_found, weight)
    if best is None:
        return text[:SNIPPET_CHARS]
    sentence, first = best
    if len(sentence) <= SNIPPET_CHARS:
        return sentence.strip()
    start = max(0, min(first - SNIPPET_CHARS // 3, len(sentence) - SNIPPET_CHARS))
    return sentence[start:start + SNIPPET_CHARS].strip()
