"""Sentences, clauses and dates in clean Chinese text."""
import datetime
import re

import cn2an
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[^。!?;\n]+[。!?;]?")
CJK = re.compile(r"[\u4e00-\u9fff]")

DATE_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    # `26.05.2020  18:52`: day first, as some portals print it; only with the time, which makes it a date.
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)\s+\d{1,2}:\d{2}"),
]
# Official letters date their signature in characters: 二〇二三年三月五日.
CHINESE_DATE = re.compile(
    r"(?P<y>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月"
    r"\s*(?P<d>[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])\s*日"
)
YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
# `2018年726`: the 月 and 日 of a signature date lost in conversion.
DAMAGED_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<md>\d{3,4})(?![\d月])")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def sentences(text: str) -> list[Sentence]:
    """Sentences ending in 。!?; or a line break, with their offsets in ``text``."""
    return [Sentence(m.group(), m.start()) for m in SENTENCE_END.finditer(text) if CJK.search(m.group())]


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Start and end of each clause (between commas or colons) in ``sentence``.

    Commas inside 《》, “” and () do not break a clause.
    """
    depth, start, spans = 0, 0, []
    for index, char in enumerate(sentence):
        if char in "《“(":
            depth += 1
        elif char in "》”)" and depth:
            depth -= 1
        elif depth == 0 and char in ",:":
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(sentence)))
    return spans


def clause_index(spans: list[tuple[int, int]], position: int) -> int:
    """Which of ``spans`` holds ``position``."""
    return next(i for i, (start, end) in enumerate(spans) if start <= position <= end)


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[datetime.date, int]]:
    """Well-formed dates in ``text`` with their offsets, in order; `二〇二三年三月五日` too."""
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            day = safe_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            if day:
                found.append((day, match.start()))
    for match in CHINESE_DATE.finditer(text):
        year = int(match.group("y").translate(YEAR_DIGITS))
        day = safe_date(year, cn2an.cn2an(match.group("m"), "normal"), cn2an.cn2an(match.group("d"), "normal"))
        if day:
            found.append((day, match.start()))
    return sorted(found, key=lambda pair: pair[1])


def read_damaged_date(text: str) -> datetime.date | None:
    """`2018年726` → 2018-07-26, when exactly one split of the digits is a real date."""
    match = DAMAGED_DATE.search(text)
    if not match:
        return None
    year, digits = int(match.group("y")), match.group("md")
    readings = {
        day
        for cut in (1, 2)
        if (day := safe_date(year, int(digits[:cut]), int(digits[cut:]))) and len(digits) - cut <= 2
    }
    return readings.pop() if len(readings) == 1 else None
