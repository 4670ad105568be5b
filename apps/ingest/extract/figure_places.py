"""The place each figure is for, on pages that cover several (a city's districts)."""
import re

from apps.ingest.extract.figure_context import Cursor, PageContext
from apps.ingest.extract.regions import is_above

# A clause that opens by giving a place its share (`;为船营区拟投入`, `在高新区新建`).
CLAUSE_PLACE = re.compile(r"(?:^|[,;。、])\s*(?:为|在|对)(?P<place>[\u4e00-\u9fff]{2,4}?(?:区|县|旗))(?=[\u4e00-\u9fff])")


def mentioned_region(text: str, context: PageContext) -> str | None:
    found = [code for code, names in context.region_names.items() if any(n in text for n in names)]
    return found[0] if len(found) == 1 else None


def region_for(text: str, cursor: "Cursor", context: PageContext) -> str | None:
    """The place ``text`` names; a place containing the section's own place (常州 in 钟楼区's part)
    does not take the section over, unless the section's place is only the page's first."""
    named = mentioned_region(text, context)
    if named is None:
        return cursor.region
    if cursor.region_named and cursor.region and is_above(named, cursor.region):
        return cursor.region
    return named


def place_marks(sentence: str, context: PageContext) -> list[tuple[int, str | None]]:
    """Where ``sentence`` names a place, as (end, code) in order; the code is None for a clause
    opened by a place the page does not list (`为经开区…`)."""
    marks: list[tuple[int, str | None]] = []
    spellings = [(name, code) for code, names in context.region_names.items() for name in names]
    for name, code in spellings:
        start = sentence.find(name)
        while start >= 0:
            marks.append((start + len(name), code))
            start = sentence.find(name, start + 1)
    for match in CLAUSE_PLACE.finditer(sentence):
        if not any(match.group("place").startswith(name) for name, _ in spellings):
            marks.append((match.end("place"), None))
    return sorted(marks, key=lambda mark: mark[0])


def placed(marks: list[tuple[int, str | None]], position: int, cursor: "Cursor") -> str | None:
    """The place a figure at ``position`` is for: the last one named before it (`为昌邑区拟投入资金
    46万元`), else the one carried from the paragraph's sentences before; after a place the page
    does not list, the section's."""
    named = [code for end, code in marks if end <= position]
    if not named:
        return cursor.running
    if named[-1] is None:
        return cursor.region
    if cursor.region_named and cursor.region and is_above(named[-1], cursor.region):
        return cursor.region
    return named[-1]


def without_place(name: str, context: PageContext) -> str:
    """`为昌邑区拟投入资金` measures 拟投入资金: the place is the figure's region, not its name."""
    spellings = sorted((n for names in context.region_names.values() for n in names), key=len, reverse=True)
    for place in spellings:
        for prefix in ("为", "在", "对", ""):
            opening = prefix + place
            if name.startswith(opening) and len(name) > len(opening) + 1:
                return name[len(opening):]
    return name
