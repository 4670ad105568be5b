"""Places named in a page, as GB/T 2260 codes, every level named (商丘市梁园区 is both).

One Aho-Corasick automaton over every name in the region table, full (江宁区), common
(黔东南州 for 黔东南苗族侗族自治州) and short (江宁), then context rules against the false hits
every matcher makes (TOOLING.md):
- a short name counts only next to the name of a place above or below it (泰州海陵), except a
  province's (云南, 河南), which stands alone;
- a one-character stem (范县, 城区) counts only after a non-Chinese character, a word that starts
  names (政协泗县) or its parent's name (示范县 is not 范县, 东山城区 is not 汕尾城区);
- a name several places share (鼓楼区) counts only when one of them has an ancestor named.
"""
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from apps.ingest.notes import N_, note

AMBIGUOUS_PLACE_NOTE = N_("地名“%(name)s”有多处同名，未采用")

# The peoples named in autonomous places' names, longest first: 恩施土家族苗族自治州 → 恩施.
PEOPLES = sorted((
    "柯尔克孜 维吾尔 哈萨克 塔吉克 达斡尔 鄂温克 鄂伦春 土家 布依 锡伯 毛南 仫佬 傈僳 纳西 拉祜 哈尼 景颇 仡佬 撒拉 裕固 保安 "
    "东乡 蒙古 朝鲜 普米 独龙 德昂 布朗 阿昌 基诺 门巴 珞巴 各 怒 京 畲 水 黎 瑶 彝 藏 回 苗 侗 壮 白 傣 羌 土 满"
).split(), key=len, reverse=True)
SUFFIX = re.compile(rf"((?:{'|'.join(PEOPLES)})族|维吾尔)*自治(区|州|县|旗)$|(特别行政区|地区|林区|省|市|区|县|盟|旗)$")
CJK = re.compile(r"[\u4e00-\u9fff]")
AUTONOMOUS = re.compile(r"自治(?P<level>州|县|旗)$")
# Words after which a two-character name (泗县, 范县) starts a name rather than ends another word
# (政协泗县 is 泗县; 示范县 is not 范县).
BEFORE_A_NAME = set("对于在和与及、的将把从到向为是至经由给协全我")


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    parent: str | None


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    places: tuple[Place, ...]
    short: bool


# The level a body or a session names by its first word alone: 县教育局, 市政协….
LEVEL_WORDS = {"省": "province", "市": "prefecture", "州": "prefecture", "区": "county", "县": "county"}


def level_of(code: str) -> str:
    return "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"


def is_above(code: str, other: str) -> bool:
    """Whether the division ``code`` contains ``other`` (320000 ⊃ 320100 ⊃ 320115), by the code's prefix."""
    if code.endswith("0000"):
        return other[:2] == code[:2] and other != code
    return code.endswith("00") and other[:4] == code[:4] and other != code


def autonomous_alias(name: str) -> str | None:
    """黔东南苗族侗族自治州 → 黔东南州: how autonomous prefectures, counties and banners are called."""
    match = AUTONOMOUS.search(name)
    if not match:
        return None
    stem = SUFFIX.sub("", name)
    return f"{stem}{match.group('level')}" if len(stem) >= 2 else None


def short_name(name: str) -> str | None:
    """江宁区 → 江宁, 广西壮族自治区 → 广西; None when the stem would be one character."""
    stem = SUFFIX.sub("", name)
    return stem if len(stem) >= 2 and stem != name else None


class RegionMatcher:
    """Finds the places a text names. Build once per import run: it indexes the whole table."""

    def __init__(self, places: Iterable[Place]):
        self.places = {p.code: p for p in places}
        names: dict[str, list[tuple[Place, bool]]] = {}
        for place in self.places.values():
            names.setdefault(place.name, []).append((place, False))
            alias = autonomous_alias(place.name)
            if alias:
                names.setdefault(alias, []).append((place, False))
            short = short_name(place.name)
            if short:
                names.setdefault(short, []).append((place, True))
        self._automaton = ahocorasick.Automaton()
        for name, entries in names.items():
            # A full name wins over another place's identical short name (吉林省's 吉林 vs 吉林市).
            full = [p for p, is_short in entries if not is_short]
            places = (tuple(full), False) if full else (tuple(p for p, _ in entries), True)
            self._automaton.add_word(name, (*places, len(name)))
        self._automaton.make_automaton()

    def ancestors(self, place: Place) -> list[Place]:
        chain, code = [], place.parent
        while code and code in self.places:
            chain.append(self.places[code])
            code = self.places[code].parent
        return chain

    def _hits(self, text: str) -> list[_Hit]:
        raw = []
        for end, (places, short, length) in self._automaton.iter(text):
            raw.append(_Hit(end - length + 1, end + 1, places, short))
        # Keep the longest of overlapping names (南京市 over 京市).
        raw.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept, reach = [], -1
        for hit in raw:
            if hit.start >= reach:
                kept.append(hit)
                reach = hit.end
        return kept

    @staticmethod
    def _name_of(places: tuple[Place, ...], short: bool) -> str:
        name = places[0].name
        return (short_name(name) or name) if short else name

    def find(self, text: str) -> tuple[list[Place], list[str]]:
        """The places named, in order of first mention, and notes on names left out."""
        hits = self._hits(text)
        related = self._related_codes
        accepted: list[tuple[int, Place]] = []
        notes: list[str] = []
        for index, hit in enumerate(hits):
            adjacent = [h for h in hits[max(0, index - 1): index + 2] if h.end == hit.start or hit.end == h.start]
            candidates = list(hit.places)
            if hit.short:
                # A province's short name (云南, 河南) stands alone; others need a related place beside them.
                candidates = [
                    p for p in candidates
                    if p.parent is None or any(related(p, q) for h in adjacent for q in h.places)
                ]
            elif hit.end - hit.start == 2:
                before = text[hit.start - 1] if hit.start else ""
                if (CJK.match(before) and before not in BEFORE_A_NAME
                        and not any(related(p, q) for p in candidates for h in adjacent for q in h.places)):
                    continue
            if len(candidates) > 1:
                named = {q.code for h in hits for q in h.places if len(h.places) == 1}
                candidates = [p for p in candidates if any(a.code in named for a in self.ancestors(p))]
                if len(candidates) != 1:
                    name = self._name_of(hit.places, hit.short)
                    if len(name) > 2:  # 城区, 郊区: words more often than places
                        notes.append(note(AMBIGUOUS_PLACE_NOTE, name=name))
                    continue
            if candidates:
                accepted.append((hit.start, candidates[0]))
        ordered, seen = [], set()
        for _, place in sorted(accepted, key=lambda pair: pair[0]):
            if place.code in seen:
                continue
            seen.add(place.code)
            ordered.append(place)
        return ordered, list(dict.fromkeys(notes))

    def _related_codes(self, one: Place, other: Place) -> bool:
        return other in self.ancestors(one) or one in self.ancestors(other)

    def full_name(self, code: str) -> str:
        """How bodies are named: a county-level place with the place above it (南京市江宁区)."""
        place = self.places[code]
        parent = self.places.get(place.parent) if place.parent else None
        is_county = not place.code.endswith("00")
        return f"{parent.name}{place.name}" if is_county and parent else place.name
