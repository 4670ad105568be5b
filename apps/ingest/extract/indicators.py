"""Naming what a figure measures, from the words around it in its clause.

`覆盖率将达到60%以上` measures the words before the verb; `命名3-4所学科教研示范学校` the noun
after the number; `总投入7170万元` a programme named in the clause before.
"""
import re

from apps.ingest.numbers import POINT_UNITS, Quantity

LEADING = re.compile(
    r"^(其中|同时|并且?|以及|而且|全区|全市|全县|全省|我区|我市|我县|我省|我局|本局|该[市县区省州]|区域内|县域内|市域内|全年|力争|确保|争取|积极|"
    r"努力|进一步|继续|将|要|计划|预计|实现|到\d{4}年|\d{4}年|今年|明年|每年|年内|目前|近年来|近三年|近两年|现已|现|已|累计|"
    r"深入|全面|持续|加快|大力|切实|稳步|组织|主动|再创|新创|再|在(?![校园岗编])|使|让|共有|现有|共|的|离|\d+[)）.]|[、\s])+"
)
# The verb or comparator between a subject and its figure (longest first).
LINKING = re.compile(
    r"(将达到|达到了|达到|已达|达|保持在|保持|稳定在|提高至|提高到|提升至|提升到|增加到|增加至|增长到|增至|上升到|"
    r"降至|降到|下降到|控制在|均超过|均超|超过|超|不低于|不少于|不超过|不高于|至少|约为|约|将近|接近|近|下降|降低|减少|"
    r"提高|提升|增加|增长|为|是|将|均|已|要|分别|力争|确保|争取)$"
)
# Verbs that join a figure to a subject named earlier: `…教育集团由去年的206个,增加到437个`.
STATE_LINK = re.compile(r"(增加到|增长到|增至|上升到|达到|已达|达|为|是)$")
TRAILING_FIGURE = re.compile(r"\d[\d.,]*\s*[%‰\u4e00-\u9fff]{0,3}$")
# `由2013年的1.44亿元`, `从2015年的75.6%`, `比2013年`: the baseline a figure is compared with.
BASELINE = re.compile(r"(由|从)((?:19|20)\d\d年|去年|上年|原来)?的?([\d.]+[^,]*)?$|(比|较)((?:19|20)\d\d年|去年|上年)$")
# `高出全国平均水平2.4个百分点`: a gap to a benchmark, not the level of what the clause before names.
BENCHMARK = re.compile(r"(高出|超过|高于|超出)(?P<benchmark>[^,;。\d]*(全国|全省|全市|国家|自治区|平均水平)[^,;。\d]*)")
ITEM_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.、)）]\s*")  # `3.新建、改扩建学校`: a list's own numbering
# `毛入园率达99%以上、普惠性幼儿园覆盖率达`: the items of a list before this figure's own.
LISTED_BEFORE = re.compile(r"^.*\d[^、和及,;。\d]{0,5}[、和及]")
VERBS = re.compile(r"^(再创|新创|实施|推进|深化|开展|启动|建设|完成|投入|总投入|新建|新增|改造|打造|培育|遴选和培育|命名|新立项|建成|提供)")
GENERIC = {"", "投入", "总投入", "资金", "经费", "新增", "完成", "各类", "共计", "合计"}
COUNT_UNITS = {"个", "所", "名", "人", "项", "家", "场", "篇", "处", "座", "间", "台", "套", "条", "位", "户", "门", "种", "部", "支", "张", "本", "册", "班"}
SHARE_WORDS = re.compile(r"(率|比例|占比|比重|覆盖面)$")


def _trim_subject(text: str) -> str:
    text = ITEM_NUMBER.sub("", text.strip().rstrip("。;!?").split("|")[-1])
    text = LISTED_BEFORE.sub("", text)
    text = BASELINE.sub("", text)
    text = TRAILING_FIGURE.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = LEADING.sub("", text)
        text = LINKING.sub("", text).rstrip("的 ")
    return text


def _noun_after(text: str) -> str:
    text = text.lstrip("的 ")
    match = re.match(r"[“”\u4e00-\u9fffA-Za-z0-9+]+", text)
    # `1 122个共176万平方米`: the noun ends where another figure or a total begins.
    return re.split(r"其中|等|进行|实现|开展|达到|完成|的目标|共|合计|\d", match.group())[0] if match else ""


def _counted(name: str, unit: str) -> str:
    """A count's name says it counts: 学科教研示范学校 → 学科教研示范学校数."""
    if unit == "次" and not name.endswith("次数"):
        return f"{name}次数"
    if unit in ("人", "人次") and not name.endswith(("人数", "人次")):
        return f"{name}{'人次' if unit == '人次' else '人数'}"
    if unit in COUNT_UNITS and not name.endswith("数") and not SHARE_WORDS.search(name):
        return f"{name}数"
    return name


def indicator_name(
    clause: str, quantity_start: int, quantity_end: int, quantity: Quantity, previous: str = "", following: str = ""
) -> tuple[str, str]:
    """A name for what the figure measures, and where it was found: "before" or "after" the
    figure in its clause, or in the "previous" or "following" clause. ("", "") when nothing says."""
    before = LISTED_BEFORE.sub("", clause[:quantity_start])
    # A comparator inside the subject ends it: `比例不低于…总数的15%` measures the 比例.
    cut = re.search(r"(不低于|不少于|不超过|不高于|达到|保持在|提高至|提高到)", before)
    if cut:
        before = before[: cut.start()]
    subject = _trim_subject(before)
    after = _noun_after(clause[quantity_end:])
    unit = quantity.base_unit
    linked_only = not subject and bool(STATE_LINK.search(LEADING.sub("", clause[:quantity_start]).rstrip()))
    gap = BENCHMARK.search(clause[:quantity_start]) if quantity.unit in POINT_UNITS else None
    if gap and not _trim_subject(clause[: gap.start()]):
        name = VERBS.sub("", _trim_subject(previous))  # `…87.2%,超过全国平均水平2.4个百分点`
        return (f"{name}高出{gap.group('benchmark')}", "previous") if name else ("", "")
    if quantity.is_percentage:
        if subject in ("同比", "比上年", "较上年"):  # `投入经费35.6亿元,同比增长8.2%`
            name = VERBS.sub("", _trim_subject(previous))
            return (f"{name}{subject}增长率", "previous") if name else ("", "")
        if subject:
            return subject, "before"
        if after and not linked_only:
            return f"{after}比例", "after"
        name = VERBS.sub("", _trim_subject(previous))
        return (name if not name or SHARE_WORDS.search(name) else f"{name}占比"), "previous"
    if unit == "元":
        if subject in GENERIC or VERBS.sub("", subject) == "":
            if previous:
                context = VERBS.sub("", _trim_subject(previous))
                return (f"{context}投入", "previous") if context else ("投入", "before")
            context = VERBS.sub("", _trim_subject(following))
            return (f"{context}投入", "following") if context else ("投入", "before")
        return subject, "before"
    if unit == "分":
        match = re.search(r"在(?P<what>[^,]{2,30})中", clause)
        return (f"{match.group('what')}得分", "clause") if match else (subject, "before")
    if linked_only:
        name = _trim_subject(previous)
        return (_counted(name, unit), "previous") if name else ("", "")
    # 3-4所学科教研示范学校: the noun after a counter is what is counted.
    if after and unit in COUNT_UNITS | {"次", "处"}:
        return _counted(after, unit), "after"
    if subject and subject not in GENERIC and not VERBS.fullmatch(subject):
        return _counted(subject, unit), "before"
    if after:
        return _counted(after, unit), "after"
    name = VERBS.sub("", _trim_subject(previous))
    return (_counted(name, unit), "previous") if name else ("", "")


RESPECTIVELY = re.compile(r"(?P<subject>[^,;。]+?)分别(?:达到|为|是|达|提高到|提高至|增加到|保持在|超过)?\s*$")


def respective_names(before: str) -> list[str] | None:
    """`小学、初中适龄人口入学率分别100%、100%`: the names a list of figures takes in turn, the
    short ones completed by the last one's measure (小学 → 小学适龄人口入学率); None without 分别."""
    match = RESPECTIVELY.search(before)
    if not match:
        return None
    items = [_trim_subject(item) for item in re.split(r"、|以及|和|及", match.group("subject"))]
    items = [item for item in items if item]
    if len(items) < 2:
        return None
    last = items[-1]
    return [f"{item}{last[len(item):]}" if len(item) <= 3 < len(last) else item for item in items]


BUILDING = re.compile(r"^(新建、改扩建|新建改扩建|新改扩建|改扩建|新建|新增|改建|扩建|建成|建设|增加)")


def shared_verb(name: str, previous_name: str) -> str:
    """`新改扩建公办中小学45所、幼儿园18所`: a list item takes the building verb of the item before."""
    verb = BUILDING.match(previous_name)
    if verb and name and not BUILDING.match(name) and not VERBS.match(name):
        return f"{verb.group()}{name}"
    return name
