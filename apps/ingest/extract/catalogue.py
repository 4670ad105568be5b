"""Putting a figure on the catalogue of indicators (apps/targets/catalogue) by its words and unit.

Three tries, in order: the words, once the place and time in front are dropped, are one of
an entry's names (学前三年毛入园率); they end in one after a place (江宁区学前三年毛入园率); they
end in one of the entry's keyword sequences (新增 … 学位 in 新增公办中小学学位). A figure's unit
must be of the entry's kind (a % never lands on a count), and an entry's ``exclude`` words rule
the last two tries out. Conservative by design: a wrong placement misleads every comparison
built on it, a missing one only leaves a draft indicator for a curator to merge.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

from apps.targets.catalogue import CatalogueEntry, catalogue_entries

NOISE = re.compile(r"[\s,,。;;:“”\"'‘’「」《》〈〉、·・的]")
BRACKETED = re.compile(r"[((][^()()]*[))]")
LEADING = re.compile(
    r"^(全市|全县|全区|全省|全州|全盟|全旗|全国|我市|我县|我区|我省|我州|本市|本县|本区|本省|各地|区域内|县域内|市域内|辖区内|"
    r"到?\d{4}年(底|末)?|今年|明年|年内|全年|每年|累计|其中|力争|确保|实现|共计|共|新一轮|十[一二三四五]五(期间|末|时期)?)"
)
TRAILING = re.compile(
    r"(((比|较)\d{4}年?)?(增加|提高|提升|增长|下降|降低|减少)|达到|保持在|保持|稳定在|不低于|不少于|控制在|总数|数量|人数|人次|次数|数)$"
)
# What may stand before an entry's name and still be the same indicator: places only.
PLACE = re.compile(r"([\u4e00-\u9fff]{0,6}?(省|市|区|县|州|盟|旗))+")
# Words that narrow the population or tier: 农村学校…比例 is not the region's 比例.
NARROWING = re.compile(
    r"农村|乡村|乡镇|城区|城镇|城市|县城|镇区|街道|山区|贫困|建档立卡|残疾|随迁|留守|流动|民办|少数民族|薄弱|寄宿|"
    r"市直|直属|省部级|省级|市级|区级|县级|国家级|一类|二类|一级|二级|三级|男生|女生"
)
# Before an entry's keywords, a township or village names one school's project, not the region's.
BELOW_COUNTY = re.compile(r"[乡镇村]")

MARKUP = re.compile(r"[<>]")
SHARE_UNITS = {"%", "个百分点", "百分点"}
PEOPLE_UNITS = {"人", "名", "人次", "位"}
AREA_UNITS = {"平方米", "平米", "亩", "公顷", "平方公里"}
OWN_KINDS = {"年", "倍", "分", "小时", "学时", "天", "‰"}


def unit_kind(unit: str) -> str:
    """What a unit measures: share, money, people, count, area, or the unit itself (年, ‰).
    "" for no unit, which matches only by name."""
    unit = unit.strip()
    if not unit:
        return ""
    if unit in SHARE_UNITS:
        return "share"
    if unit.endswith("元"):
        return "money"
    bare = unit.lstrip("万亿千百") or unit
    if bare in PEOPLE_UNITS:
        return "people"
    if bare in AREA_UNITS:
        return "area"
    if bare in OWN_KINDS:
        return bare
    return "count"


def normalise(words: str) -> str:
    """The words with spaces, quotes, 的, brackets, leading places and times and trailing
    verbs and counters (数, 人数) dropped, as names and aliases are compared."""
    text = BRACKETED.sub("", NOISE.sub("", words)).lower()
    previous = None
    while previous != text:
        previous = text
        text = LEADING.sub("", text)
        stripped = TRAILING.sub("", text)
        text = stripped if len(stripped) >= 2 else text
    return text


@dataclass(frozen=True)
class _Rule:
    code: str
    kind: str
    pattern: re.Pattern
    keywords: int
    exclude: re.Pattern | None


def _alternatives(keyword: str) -> str:
    # Longest spelling first, so 紧密型 is taken whole rather than 紧密.
    return "|".join(sorted(keyword.split("|"), key=len, reverse=True))


def _rules(entry: CatalogueEntry) -> list[_Rule]:
    exclude = re.compile("|".join(entry.exclude)) if entry.exclude else None
    return [
        _Rule(
            code=entry.code,
            kind=unit_kind(entry.unit),
            pattern=re.compile("^(.*?)" + "(.*?)".join(f"({_alternatives(k)})" for k in keywords) + "$"),
            keywords=len(keywords),
            exclude=exclude,
        )
        for keywords in entry.match
    ]


class _Index:
    """The catalogue, compiled once for matching."""

    def __init__(self, entries: tuple[CatalogueEntry, ...]):
        self.kinds = {entry.code: unit_kind(entry.unit) for entry in entries}
        self.names: dict[str, str | None] = {}
        for entry in entries:
            for alias in (entry.name, *entry.aliases):
                key = normalise(alias)
                # A spelling two entries share names neither.
                self.names[key] = entry.code if self.names.get(key, entry.code) == entry.code else None
        self.names_by_last_char: dict[str, list[str]] = {}
        for key in sorted(self.names, key=len, reverse=True):
            self.names_by_last_char.setdefault(key[-1:], []).append(key)
        self.rules = [rule for entry in entries for rule in _rules(entry)]
        self.clause_excludes = {
            entry.code: re.compile("|".join(entry.exclude_clause)) for entry in entries if entry.exclude_clause
        }

    def fits(self, code: str | None, kind: str) -> bool:
        return code is not None and (kind == "" or self.kinds[code] == kind)

    def by_name(self, words: str, kind: str) -> str | None:
        code = self.names.get(words)
        if self.fits(code, kind):
            return code
        for name in self.names_by_last_char.get(words[-1:], ()):
            if len(name) < len(words) and words.endswith(name):
                place = words[: -len(name)]
                if PLACE.fullmatch(place) and not NARROWING.search(place) and self.fits(self.names[name], kind):
                    return self.names[name]
        return None

    def by_keywords(self, words: str, kind: str) -> str | None:
        scored: dict[str, tuple[int, int]] = {}
        for rule in self.rules:
            if rule.kind != kind:
                continue
            match = rule.pattern.match(words)
            if match is None or (rule.exclude and rule.exclude.search(words)):
                continue
            groups = match.groups()
            if NARROWING.search("".join(groups[0::2])) or BELOW_COUNTY.search(groups[0]):
                continue
            score = (rule.keywords, sum(len(g) for g in groups[1::2]))
            scored[rule.code] = max(score, scored.get(rule.code, score))
        if not scored:
            return None
        best = max(scored.values())
        winners = [code for code, score in scored.items() if score == best]
        return winners[0] if len(winners) == 1 else None


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index(catalogue_entries())


@lru_cache(maxsize=8192)
def _code_for(indicator: str, kind: str) -> str | None:
    if MARKUP.search(indicator):
        return None  # words with markup in them are damaged text: a curator names what they measure
    words = normalise(indicator)
    if len(words) < 2:
        return None
    index = _index()
    return index.by_name(words, kind) or (index.by_keywords(words, kind) if kind else None)


def catalogue_code(indicator: str, unit: str, clause: str = "") -> str | None:
    """The catalogue code of the indicator a figure measures, or None when no entry surely fits.

    ``indicator`` is the extractor's words for what is measured, ``unit`` the figure's unit as
    printed (%, 个百分点, 所, 万个, 万元 …), ``clause`` the sentence part it stands in, searched
    only for words that rule an entry out (硕士 beside 学位).
    """
    code = _code_for(indicator, unit_kind(unit))
    if code is None or not clause:
        return code
    exclude = _index().clause_excludes.get(code)
    return None if exclude and exclude.search(clause) else code
