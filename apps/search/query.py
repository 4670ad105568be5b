"""What a search asks for: concepts, each with the spellings that count as finding it.

A query is read as an analyst means it:

- Text in quotes (``"义务教育优质均衡"``, ``“…”``, ``「…」``) is a phrase: found only where it
  stands as typed.
- Everything else is split at spaces into chunks and each chunk cut into words
  (``apps.search.segment.query_words``); every word must be found (AND), the words of one
  chunk close together (``apps.search.patterns.CHUNK_WINDOW``: 职业教育体制 is not 职业 in
  one paragraph and 教育体制 in another), chunks anywhere, closer together ranking higher. A word is found where it stands, or
  where all its parts stand close together (``word_parts``: 普惠性幼儿园 in 普惠性民办幼儿园),
  which catches the words the segmenter cut otherwise. A word glued from one word and a
  single character (周转房: 周转 + 房, 毛入园率) is, beside other words of its chunk, also found
  by that word alone (教师周转宿舍 for 教师周转房): the chunk's nearness keeps it on topic.
- A name that ends in 学校 is also found shortened to 校, as pages write it (薄弱学校 and
  薄弱校, 示范校 and 示范学校).
- A word or a whole chunk that names a known initiative or indicator
  (``apps.search.vocabulary``) is widened to every spelling of it.

Nothing the user types reaches a query language: the concepts become SQL parameters and
escaped patterns in ``apps.search.matching``.
"""
import re
import unicodedata
from dataclasses import dataclass, field, replace

from apps.ingest.clean import to_simplified
from apps.search.segment import MAX_QUERY_CHARS, MAX_QUERY_TERMS, glued_core, query_words
from apps.search.vocabulary import KnownName, known_names, named_by

QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』')
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Concept:
    """One thing to find: ``text`` as asked, or any of ``spellings`` (``text`` first)."""

    text: str
    spellings: tuple[str, ...]
    phrase: bool = False  # quoted: found only as typed, no parts, no other spellings
    known: tuple[KnownName, ...] = field(default=(), compare=False)
    # A chunk naming something known as a whole (紧密型集团化办学覆盖率) is also found where
    # its words stand apart, each anywhere, as any other chunk is: those words, not widened.
    words: tuple[str, ...] = ()
    # Concepts typed in one chunk (no space between them) must stand close together.
    chunk: int = 0
    # Set beside other words of a chunk: the word a glued one holds (周转 of 周转房), which
    # also counts as finding it there.
    core: str = ""

    @property
    def widened(self) -> tuple[str, ...]:
        """The spellings other than the one asked for."""
        return self.spellings[1:]

    @property
    def also(self) -> tuple[str, ...]:
        """What else counts as finding it, for the page to say: other spellings, then the core."""
        return (*self.widened, self.core) if self.core else self.widened


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    concepts: tuple[Concept, ...]

    def __bool__(self) -> bool:
        return bool(self.concepts)

    def chunks(self) -> list[tuple[Concept, ...]]:
        """The concepts grouped by the chunk they were typed in, in order."""
        groups: dict[int, list[Concept]] = {}
        for concept in self.concepts:
            groups.setdefault(concept.chunk, []).append(concept)
        return [tuple(group) for group in groups.values()]


def _normalised(q: str) -> str:
    q = unicodedata.normalize("NFKC", q or "").replace("\x00", "")
    # Stored text is simplified (the importer converts it): a query typed in traditional
    # characters (集團化辦學) is converted the same way.
    return to_simplified(q.strip()[:MAX_QUERY_CHARS])


def _phrase(text: str) -> Concept | None:
    text = WHITESPACE.sub("", text)
    if not any(ch.isalnum() for ch in text):
        return None
    return Concept(text, (text,), phrase=True)


SCHOOL, SCHOOL_SHORT = "学校", "校"


def shortened(word: str) -> tuple[str, ...]:
    """The other way pages write a name ending in 学校: 薄弱学校 ↔ 薄弱校 (two characters at
    least before it, so 名校 and 高校 stay as they are)."""
    if len(word) >= 4 and word.endswith(SCHOOL):
        return (word[:-len(SCHOOL)] + SCHOOL_SHORT,)
    if len(word) >= 3 and word.endswith(SCHOOL_SHORT) and not word.endswith(SCHOOL):
        return (word[:-len(SCHOOL_SHORT)] + SCHOOL,)
    return ()


def _word(text: str, names: list[KnownName]) -> Concept:
    known = tuple(named_by(text, names))
    spellings = [text, *shortened(text), *(spelling for name in known for spelling in name.spellings)]
    return Concept(text, tuple(dict.fromkeys(spellings)), known=known)


def _chunk(chunk: str, number: int, names: list[KnownName]) -> list[Concept]:
    """A chunk that names something known as a whole is one concept; otherwise one per word."""
    words = query_words(chunk)
    if len(words) > 1 and named_by(chunk, names):
        whole = _word(chunk, names)
        return [replace(whole, words=tuple(words), chunk=number)]
    return [
        replace(_word(word, names), chunk=number, core=glued_core(word) if len(words) > 1 else "")
        for word in words
    ]


def query_parse(q: str) -> ParsedQuery:
    """The concepts of ``q``; an empty ParsedQuery when it asks for nothing searchable.

    Long queries are cut short (``MAX_QUERY_CHARS`` characters, ``MAX_QUERY_TERMS`` concepts).
    """
    text = _normalised(q)
    concepts = []
    for number, match in enumerate(QUOTED.finditer(text)):
        phrase = _phrase(next(group for group in match.groups() if group is not None))
        if phrase:
            concepts.append(replace(phrase, chunk=-1 - number))
    rest = QUOTED.sub(" ", text)
    if rest.strip():
        names = known_names()
        for number, chunk in enumerate(rest.split()):
            concepts.extend(_chunk(chunk, number, names))
    unique, seen = [], set()
    for concept in concepts:
        if concept.text.casefold() not in seen:
            seen.add(concept.text.casefold())
            unique.append(concept)
    return ParsedQuery(text, tuple(unique[:MAX_QUERY_TERMS]))
