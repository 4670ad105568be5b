"""Programmes a page mentions: the curators' vocabulary, plus named programmes it introduces."""
import re
from collections.abc import Iterable
from dataclasses import dataclass

ALIAS_SPLIT = re.compile(r"[,,、;;\n]+")


@dataclass(frozen=True)
class Term:
    """A vocabulary entry: the initiative's name and other ways pages write it."""

    name: str
    theme: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# The field's programmes (DOMAIN.md) with the spellings the seed pages use; curators extend
# the list in the admin (Initiative.aliases), and those entries are read on top of these.
DEFAULT_VOCABULARY = (
    Term("集团化办学", "balance", ("教育集团", "集团化")),
    Term("名校办分校", "balance"),
    Term("县管校聘", "teachers"),
    Term("教师交流轮岗", "teachers", ("交流轮岗", "教师交流", "流动教师", "师资队伍交流")),
    Term("智慧校园", "informatization"),
    Term("双减", "quality"),
    Term("校外培训治理", "quality", ("校外培训机构", "校外教育培训")),
    Term("学前教育普及普惠", "preschool", ("普惠性幼儿园",)),
    Term("义务教育优质均衡发展区创建", "balance", ("优质均衡发展区", "优质均衡发展县", "优质均衡先行")),
    Term("近视防控", "quality", ("近视率", "视力筛查")),
    Term("乡村教师支持计划", "teachers"),
)

VERB = r"(?:实施|启动|推进|深化|推行|建立|制定|开展)了?"
PROGRAMME_PATTERNS = [
    # 启动“教育资源布局优化提升三年行动计划”
    re.compile(rf"{VERB}“(?P<name>[^”]{{4,30}}(?:计划|工程|行动))”"),
    # 实施“红海雁阵”工程, 深化“889优质教育”集团化工程
    re.compile(rf"{VERB}(?P<name>“[^”]{{2,12}}”[\u4e00-\u9fff]{{0,6}}工程)"),
    # 实施名校带动工程, 实施资源配置提速三年行动计划, 建立…人才引进培养激励制度
    re.compile(rf"{VERB}(?P<name>[\u4e00-\u9fff]{{2,16}}?(?:行动计划|工程|激励制度|支持计划))"),
    # 《溧阳市推进学前教育更好发展三年行动计划(2021-2023年)》
    re.compile(r"《(?P<name>[^《》]{4,40}?三年行动计划)(?:\([^)]*\))?》"),
]
LEADING_NOISE = re.compile(r"^(系列|新一轮|一批|全区|全市|全县|深入|进一步)+")
THEME_WORDS = [
    ("party_building", "党建|党组织|党风"),
    ("preschool", "学前|幼儿"),
    ("informatization", "智慧|信息化|数字"),
    ("vocational", "职业|产教|实训"),
    ("safety", "安全|安防|消防"),
    ("teachers", "教师|人才|师资|校长"),
    ("resources", "资源|学位|校舍|建设|惠民"),
    ("balance", "均衡|集团|名校"),
]


def theme_guess(name: str) -> str:
    for theme, words in THEME_WORDS:
        if re.search(words, name):
            return theme
    return "quality"


def vocabulary_with(extra: Iterable[Term]) -> tuple[Term, ...]:
    """The default vocabulary, with curators' entries added or overriding by name."""
    merged = {term.name: term for term in DEFAULT_VOCABULARY}
    for term in extra:
        known = merged.get(term.name)
        aliases = tuple(dict.fromkeys((*(known.aliases if known else ()), *term.aliases)))
        merged[term.name] = Term(term.name, term.theme or (known.theme if known else "quality"), aliases)
    return tuple(merged.values())


def aliases_parse(text: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in ALIAS_SPLIT.split(text or "") if len(a.strip()) >= 2)


def programme_names(text: str, region_names: Iterable[str] = ()) -> list[str]:
    """Named local programmes the page introduces (实施“…”工程), region prefix dropped."""
    prefixes = sorted(region_names, key=len, reverse=True)
    found = []
    titles = [m.span() for m in re.finditer(r"《[^《》]*》", text)]
    for pattern in PROGRAMME_PATTERNS:
        for match in pattern.finditer(text):
            inside_title = any(a < match.start() < b for a, b in titles)
            if inside_title and not match.group().startswith("《"):
                continue
            name = LEADING_NOISE.sub("", match.group("name"))
            for prefix in prefixes:
                name = name.removeprefix(prefix)
            if len(name) >= 4:
                found.append((match.start(), name))
    return list(dict.fromkeys(name for _, name in sorted(found)))


def initiatives_find(text: str, vocabulary: Iterable[Term], region_names: Iterable[str] = ()) -> list[str]:
    """Vocabulary entries the text mentions, then programmes it names that the vocabulary lacks."""
    named = [term.name for term in vocabulary if any(s in text for s in term.spellings)]
    known = set(named) | {s for term in vocabulary for s in term.spellings}
    local = [n for n in programme_names(text, region_names) if n not in known]
    return named + local
