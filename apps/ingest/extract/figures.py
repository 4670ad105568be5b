"""Targets (commitments) and observations (figures already reached), kept apart.

Every quantity is read in its sentence: words of intent (到2025年, 力争, 确保, 将) make it a
target, words of record (已, 累计, 近三年, 了, a past year) an observation, and rules (不低于)
a target whatever the tense. Where a sentence says neither, its section decides: an annual-
goals page or a reply's 下一步 section plans, a reply's account of its work reports.
Observations are kept only where the figure states how far something has got (a share, a
total reached, a breakdown, a score or rank), not a count of activities held.
"""
import datetime
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from apps.ingest.draft import ObservationDraft, PlaceRef, TargetDraft
from apps.ingest.extract.indicators import indicator_name, respective_names, shared_verb
from apps.ingest.extract.regions import is_above
from apps.ingest.extract.tables import Column, aligned, header_columns, indicator_and_unit, row_cells, table_value
from apps.ingest.extract.text import clause_index, clauses, sentences
from apps.ingest.numbers import UNIT, Quantity, find_damaged_shares, find_quantities, to_decimal

FUTURE = re.compile(r"到\s*\d{4}\s*年|\d{4}\s*年(底)?前|力争|确保|争创|争取(?=[在到于]?\d|达到|实现|建成|完成|新建|创建|通过)|(?<!即)(?<!已)(?<!完成)将(?!近)|拟|预计|下一步|目标|全年|年底|年内"
    r"|(?<![度的])(?:计划|规划)(?=投资|安排|新建|建设|改造|实施|投入|新增|招聘|完成)")
PAST = re.compile(r"已|累计|了|先后|近年来|近[三两五]年|去年|今年以来|上半年|以来|过去|目前")
# Words of record that a plan uses too (对现有6所…进行整合): they count only where a page reports.
# `比2013年增加35%`: the year is the comparison's base, not the figure's date.
COMPARED = re.compile(r"(比|较|同比)\s*$")
# `近三年…达7600多人`, `目前`: a figure as of the page's writing, whatever year its paragraph opened with.
NOW = re.compile(r"近[一二两三四五六七八九十\d]+年|近年来|目前|现有|现已")
# Tense words after a figure, in its own clause: `3所学校已移交`, `2所学校将建成`.
PAST_AFTER = re.compile(r"^[^,;。]*?(已|均已)")
FUTURE_AFTER = re.compile(r"^[^,;。]*?(将|拟)")
NEXT_CLAUSE_AHEAD = re.compile(r"^[,,]\s*(将|拟|计划|预计|力争|争取|确保)")
REPORTING = re.compile(r"现有|均超|共有|涵盖|增加到|由")
GOAL = re.compile(r"^\s*的目标")
NORMATIVE = re.compile(r"不低于|不少于|至少|不超过|不高于")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:年?底|末|初|[春秋]季|上半年|下半年)?")
LIST_JOINER = re.compile(r"\s*(、|和|及|以及)\s*")
NAMED_ITEM = re.compile(r"\s*(、|和|及|以及)\s*[\u4e00-\u9fff]{1,12}")
SENTENCE_YEAR = re.compile(r"^\s*[^,。]{0,4}?((?:19|20)\d\d)\s*年(?!\d)")
DEADLINE = re.compile(
    r"(?:到|至|截至)\s*((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年(?:底)?前"
    r"|(?:(?:19|20)\d\d\s*[-—–至]\s*)?((?:19|20)\d\d)\s*年\s*(?=计划|力争|将|拟|预计|要)"  # 2023年计划投资, 2021—2025年计划
)
FIVE_YEAR_PLANS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
PLAN_PERIOD = re.compile(r"(?P<plan>十[一二三四五]五)”?\s*(?:末|期间|时期|结束|期末)")
WITHIN_YEARS = re.compile(r"(?<![\d一二三四五六七八九十])(?P<years>[一二两三四五六七八九十\d]{1,2})年内")
PLAN_HEADING = re.compile(
    r"(下步工作|下一步工作|下一步打算|下半年重点工作|下阶段工作|工作打算|工作计划|今后工作|主要目标|发展目标|总体目标|目标任务"
    r"|重点任务|主要任务|具体目标|工作目标)"
)
# Headings that plan whatever words open them (`“十四五”时期任务`, `2021年重点工作`), and lead
# sentences that say the text after them is a plan (`《报告》提出`, `报告中关于2024年…重点任务`).
SECTION_PLAN = re.compile(r"重点工作|时期任务|工作安排|工作思路|工作重点|任务目标|目标任务")
PLAN_LEAD = re.compile(r"报告》?[^。,;]{0,6}(提出|部署|关于[^。]{0,20}(重点任务|工作重点|目标任务))")
REPORT_HEADING = re.compile(
    r"(工作亮点|主要做法|建设情况|工作情况|存在的问题|现实基础|发展基础|发展环境|工作回顾|主要成就|取得的成绩|工作成效|基本情况|现状|办理情况)"
)
# A clause that opens by giving a place its share (`;为船营区拟投入`, `在高新区新建`).
CLAUSE_PLACE = re.compile(r"(?:^|[,;。、])\s*(?:为|在|对)(?P<place>[\u4e00-\u9fff]{2,4}?(?:区|县|旗))(?=[\u4e00-\u9fff])")
SECTION_MARK = re.compile(r"(?<![\u4e00-\u9fff\d])([一二三四五六七八九十]+、)")
PLAN_TYPES = {"annual_goals", "plan", "news", "policy"}
# The year an annual-goals page is for (`2011年教育局工作计划要点`) and a plan's last year
# (`…行动计划(2017—2020年)`, `“十四五”…规划`): the deadline of what it sets without one.
TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:年?底|末|初|[春秋]季|上半年|下半年)?")
TITLE_RANGE = re.compile(r"(?:19|20)\d\d\s*[-—–至]\s*((?:19|20)\d\d)")
# `得10分`: the points a scoring table awards, not an amount.
SCORE = re.compile(r"得\s*(\d+\s*[、,]\s*)*$")  # 得10、8、6、4分
# Words after a number that make it part of a name or a framework, not an amount.
FRAMEWORK_NOUN = re.compile(r"^(清单|方面|环节|举措|措施|大任务|项任务|门|大行动|条措施|民心工程|民生实事|会议|常务会)")
# Counts of things done (开展12场宣讲, 培训3期) rather than of things reached.
ACTIVITY_UNITS = {"场", "次", "期", "批", "届", "节", "课时"}
MAGNITUDE_ONLY = {"万", "亿", "千万", "百万"}
FOLLOWING_COUNTER = re.compile(rf"^\s*(?:和|、|及)\s*[\d.]+\s*(?:万|亿)?(?P<unit>{UNIT})")
MONEY_WORDS = re.compile(r"资金|经费|投入|投资|拨付|补助|预算|拨款|资助")
SINGULAR_UNITS = {"个", "所", "家", "座", "项", "支", "套"}
STATE_VERB = re.compile(r"(达到|达|已达|增加到|增长到|增至|涵盖|共有|共|超过|均超|超|为)\s*$")
SHARE_WORD = re.compile(r"率|比例|占比|比重|占")
PER_YEAR_SHARE = re.compile(r"每年(将近|约|近)?\s*$")
BREAKDOWN_CLAUSE_CHARS = 14
FULL_COVERAGE = re.compile(r"实现(?!了)(?P<subject>[\u4e00-\u9fff、]{2,20}?)全(?:覆盖|部覆盖)")
QUALITATIVE = re.compile(
    r"(?P<subject>[\u4e00-\u9fff]{2,30}?(数量|人数|规模|比例|率))(明显|大幅|显著)(?P<change>减少|下降|降低|增加|提高|提升)(?!了)"
)
RANK = re.compile(r"(位列|名列|排名|居)(?P<scope>[^,。第]{0,6})第(?P<n>[一二三四五六七八九十\d]+)(名|位)?")
TIME_CLAUSE = re.compile(r"^(到\s*\d{4}\s*年|\d{4}\s*年|近年来|近[三两五]年|今年|全年|目前)$")
HEADING_CHARS = 40
PLACE_OPENING_CHARS = 12


@dataclass
class PageContext:
    doc_type: str
    page_year: int | None
    doc_date: datetime.date | None
    regions: list[PlaceRef]
    region_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code → full and short names
    home: str | None = None  # the place the page's title names: figures no sentence places are its


@dataclass
class _Cursor:
    plan: bool
    region: str | None
    region_named: bool = False  # whether the region was named by the page's text, not its default
    year: int | None = None
    year_is_past: bool = False
    section_year: int | None = None  # the year a plan section's heading names (`2021年重点工作`)
    running: str | None = None  # the place named last in the paragraph so far
    list_names: list[str] | None = None  # the names the last 分别 list took


def titled_year(title: str, doc_type: str) -> int | None:
    """The year an annual page's title names, or a plan's end year; None on other pages."""
    if doc_type == "plan":
        ranged = TITLE_RANGE.search(title)
        plans = [year for name, year in FIVE_YEAR_PLANS.items() if name in title]
        return int(ranged.group(1)) if ranged else (plans[0] if plans else None)
    if doc_type == "annual_goals":
        years = TITLE_YEAR.findall(title)
        return int(years[0]) if years else None
    return None


def _depth_at(sentence: str, position: int) -> int:
    """How many 《“ are open at ``position``: figures inside titles and quotes are names."""
    depth = 0
    for char in sentence[:position]:
        if char in "《“":
            depth += 1
        elif char in "》”" and depth:
            depth -= 1
    return depth


def _sections(body: str) -> list[str]:
    """Paragraphs, split again at 一、二、 headings run into them (as in flattened previews)."""
    parts = []
    for paragraph in body.split("\n"):
        if row_cells(paragraph) is not None:
            parts.append(paragraph)  # a table row keeps its cells together
            continue
        marks = [m.start() for m in SECTION_MARK.finditer(paragraph) if m.start() > 0]
        bounds = [0, *marks, len(paragraph)]
        parts.extend(paragraph[a:b] for a, b in zip(bounds, bounds[1:]) if paragraph[a:b].strip())
    return parts


def _mentioned_region(text: str, context: PageContext) -> str | None:
    found = [code for code, names in context.region_names.items() if any(n in text for n in names)]
    return found[0] if len(found) == 1 else None


def _region_for(text: str, cursor: "_Cursor", context: PageContext) -> str | None:
    """The place ``text`` names; a place containing the section's own place (常州 in 钟楼区's part)
    does not take the section over, unless the section's place is only the page's first."""
    named = _mentioned_region(text, context)
    if named is None:
        return cursor.region
    if cursor.region_named and cursor.region and is_above(named, cursor.region):
        return cursor.region
    return named


def _place_marks(sentence: str, context: PageContext) -> list[tuple[int, str | None]]:
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


def _placed(marks: list[tuple[int, str | None]], position: int, cursor: "_Cursor") -> str | None:
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


def _without_place(name: str, context: PageContext) -> str:
    """`为昌邑区拟投入资金` measures 拟投入资金: the place is the figure's region, not its name."""
    spellings = sorted((n for names in context.region_names.values() for n in names), key=len, reverse=True)
    for place in spellings:
        for prefix in ("为", "在", "对", ""):
            opening = prefix + place
            if name.startswith(opening) and len(name) > len(opening) + 1:
                return name[len(opening):]
    return name


def _latest(pattern: re.Pattern, text: str) -> int:
    positions = [m.start() for m in pattern.finditer(text)]
    return positions[-1] if positions else -1


def _is_target(
    before: str, clause_text: str, cursor: _Cursor, context: PageContext, after: str = "", clause_start: int = 0,
    rest: str = "",
) -> bool | None:
    """True for a commitment, False for a record, None for a normative rule (a target with no deadline).

    Tense words in the figure's own clause decide, before it and then after it (`10所学校已建成`,
    `其余4所将开工`); then those earlier in the sentence; then a next clause that opens with intent (`筹措资金80万元,
    计划实施…`); then the paragraph's year and the section."""
    if NORMATIVE.search(clause_text):
        return None
    future, past = _latest(FUTURE, before), _latest(PAST, before)
    if not cursor.plan:
        past = max(past, _latest(REPORTING, before))
    written = _written_year(context)
    for match in YEAR.finditer(before):
        year = int(match.group(1))
        # The year's end counts: `截至2024年底` is a record although 年底 alone looks ahead.
        if context.page_year and year < context.page_year and not DEADLINE.match(before[match.start() - 1:]):
            past = max(past, match.end() - 1)
        elif written and year < written:  # `提高到2020年的86.7%` in a plan written in 2022
            past = max(past, match.end() - 1)
        elif written and year == written and before[: match.start()].rstrip().endswith("截至"):
            past = max(past, match.end() - 1)  # `截至2023年底` on a page of 2023: as of, not by
    for match in PLAN_PERIOD.finditer(before):  # `到“十四五”末` looks ahead until the plan is over
        if written and FIVE_YEAR_PLANS[match.group("plan")] < written:
            past = max(past, match.end() - 1)
        elif written:
            future = max(future, match.end() - 1)
    if max(future, past) < clause_start:
        future_after, past_after = FUTURE_AFTER.search(after), PAST_AFTER.search(after)
        if bool(future_after) != bool(past_after):
            return bool(future_after)
    if future > past:
        return True
    if past > future:
        return False
    if NEXT_CLAUSE_AHEAD.match(rest):
        return True
    if cursor.year is not None:
        return not cursor.year_is_past
    return cursor.plan


def _deadline_year(match: re.Match) -> int:
    return int(next(group for group in match.groups() if group))


def _deadline(before: str, sentence: str, cursor: _Cursor, context: PageContext) -> tuple[int | None, bool]:
    """The year a target is due and whether the page says it outright."""
    explicit = [_deadline_year(m) for m in DEADLINE.finditer(before)]
    if explicit:
        return explicit[-1], True
    period = PLAN_PERIOD.search(before)
    if period:  # `到“十四五”末`, `“十四五”期间`
        return FIVE_YEAR_PLANS[period.group("plan")], True
    within = WITHIN_YEARS.search(before)
    written = _written_year(context)
    if within and written:  # `力争三年内`: counted from the page's year
        return written + int(to_decimal(within.group("years"))), True
    leading = SENTENCE_YEAR.match(sentence)
    if leading:  # `2020年,省定优秀标准学校达80%以上`: a target sentence opened by its year
        return int(leading.group(1)), True
    for plan, year in FIVE_YEAR_PLANS.items():
        if plan in sentence and "目标" in sentence:
            return year, True
    if cursor.year is not None and not cursor.year_is_past:
        return cursor.year, True
    if context.doc_type in PLAN_TYPES or re.search("全年|今年|年底|年内", before):
        return context.page_year, False
    return None, False


def _quote(sentence: str, start: int, end: int, source: str, bounds: list[tuple[int, int]] | None = None) -> str:
    """The clause a figure stands in, with the clause its indicator or deadline came from."""
    bounds = bounds or clauses(sentence)
    index = clause_index(bounds, start)
    first, last = index, index
    if index and (source == "previous" or TIME_CLAUSE.match(sentence[slice(*bounds[index - 1])].strip())):
        first = index - 1
    if source == "following" and index + 1 < len(bounds):
        last = index + 1
    stop = end if source == "before" else bounds[last][1]
    return sentence[bounds[first][0]: stop].strip().rstrip("。;")


def _skip(sentence: str, quantity: Quantity, head: Quantity | None = None) -> bool:
    if _depth_at(sentence, quantity.start):
        return True
    after = sentence[quantity.end:]
    if FRAMEWORK_NOUN.match(after):
        return True
    listed = head is not None and NAMED_ITEM.fullmatch(sentence[head.end: quantity.start])
    if quantity.unit in SINGULAR_UNITS and quantity.value == 1 and quantity.comparator == "eq" and not listed:
        return True  # 建成1个…中心: an article, not an amount; but `…项目8个、和林县项目1个` counts
    if quantity.unit == "分" and SCORE.search(sentence[: quantity.start]):
        return True
    if re.search(r"等\s*$", sentence[: quantity.start]) and re.match(r"^[\u4e00-\u9fff]{0,2}的", after):
        return True  # `A、B、C等9个区的…`: counting the places just named
    return bool(re.search(r"由(去年|上年|原来)?的?\s*$", sentence[: quantity.start]))


def _completed_unit(quantity: Quantity, sentence: str, clause_text: str) -> str:
    """A magnitude printed without its counter (`资金44万`, `4.68万和7000个`) takes the counter of
    the list item after it, or 元 where the clause speaks of money."""
    if quantity.unit not in MAGNITUDE_ONLY:
        return quantity.unit
    following = FOLLOWING_COUNTER.match(sentence[quantity.end:])
    if following:
        return f"{quantity.unit}{following.group('unit')}"
    return f"{quantity.unit}元" if MONEY_WORDS.search(clause_text) else quantity.unit


def _is_observed(sentence, clause, quantity: Quantity, accepted_before: bool, context: PageContext) -> bool:
    """Whether a recorded figure is worth keeping as an observation.

    A report, plan or news page states what was reached in counts and sums (新建学校10所, 投资11.9
    亿元); a reply letter's account of its work is kept only where it states a level reached."""
    if quantity.unit in ACTIVITY_UNITS:
        return bool(STATE_VERB.search(sentence[clause[0]: quantity.start]))
    return context.doc_type != "reply" or _is_state(sentence, clause, quantity, accepted_before)


def _is_state(sentence: str, clause: tuple[int, int], quantity: Quantity, accepted_before: bool) -> bool:
    """Whether a recorded figure says how far something has got, rather than counting activities."""
    clause_start, clause_end = clause
    before = sentence[clause_start: quantity.start]
    if quantity.is_percentage:
        damaged_state = quantity.damaged and STATE_VERB.search(before)
        return bool(SHARE_WORD.search(before) or PER_YEAR_SHARE.search(before) or damaged_state)
    if quantity.base_unit == "元":
        return False
    if quantity.unit == "分" or STATE_VERB.search(before):
        return True
    short_breakdown = clause_end - clause_start <= BREAKDOWN_CLAUSE_CHARS and before and not re.search("了", before)
    return bool(accepted_before and short_breakdown)


def _written_year(context: PageContext) -> int | None:
    """The year the page speaks from: its date's, or the year it is for when that is earlier."""
    return min((y for y in (context.page_year, context.doc_date.year if context.doc_date else None) if y), default=None)


def _past_opening_year(sentence: str, context: PageContext) -> int | None:
    """`2016年,全市有幼儿园1633所`: a sentence opened by a year before the page's own."""
    leading = SENTENCE_YEAR.match(sentence)
    written = _written_year(context)
    if leading and written and int(leading.group(1)) < written:
        return int(leading.group(1))
    return None


def _observation_date(clause: str, sentence: str, context: PageContext, cursor: _Cursor) -> datetime.date | None:
    """The end of a past year named in the figure's clause (``clause``, up to the figure), else in
    its sentence before it (``sentence``: `截至2024年底,全省开工320个,其中新建60所`), else its
    paragraph's; else the page's date."""
    if not _past_years(clause, context) and NOW.search(clause):
        return context.doc_date or _year_end(context.page_year)
    years = _past_years(clause, context) or _past_years(sentence, context)
    year = years[-1] if years else None
    if year is None and cursor.year is not None and cursor.year_is_past:
        year = cursor.year
    if year is not None:
        return datetime.date(year, 12, 31)
    if "去年" in clause and context.page_year:
        return datetime.date(context.page_year - 1, 12, 31)
    return context.doc_date or _year_end(context.page_year)  # an undated annual page reports on its own year


def _past_years(text: str, context: PageContext) -> list[int]:
    """The years before the page's own that ``text`` names, but not a comparison's base (比2013年)."""
    return [
        int(m.group(1)) for m in YEAR.finditer(text)
        if (context.page_year is None or int(m.group(1)) < context.page_year) and not COMPARED.search(text[: m.start()])
    ]


def _year_end(year: int | None) -> datetime.date | None:
    return datetime.date(year, 12, 31) if year else None


def figures_find(body: str, context: PageContext) -> tuple[list[TargetDraft], list[ObservationDraft]]:
    """Targets and observations in the article body, each with the clause it came from."""
    targets: list[TargetDraft] = []
    observations: list[ObservationDraft] = []
    default_region = context.home or (context.regions[0].code if context.regions else None)
    cursor = _Cursor(plan=context.doc_type in PLAN_TYPES, region=default_region)
    placed: list[tuple[int, TargetDraft]] = []
    table: list[Column] | None = None
    for number, paragraph in enumerate(_sections(body)):
        cells = row_cells(paragraph)
        columns = header_columns(cells, _written_year(context)) if cells else None
        table = columns or (table if cells else None)
        if columns:
            continue
        if table:
            _table_row(paragraph, aligned(table, cells), cursor, context, targets, observations)
            placed += [(number, target) for target in targets[len(placed):]]
            continue
        _enter_section(paragraph, cursor, context)
        # A heading or a paragraph's opening words set the place for what follows (`钟楼区:…`).
        opening = paragraph if len(paragraph) <= HEADING_CHARS else paragraph[:PLACE_OPENING_CHARS]
        if re.search(r"[::]\s*$", paragraph):
            opening = ""  # `同仁市、各县人民政府:` addresses the letter, it does not place what follows
        cursor.region = _region_for(opening, cursor, context)
        cursor.region_named = cursor.region_named or _mentioned_region(opening, context) is not None
        cursor.running = cursor.region
        opening_year = re.match(r"^[^。,]{0,12}?((?:19|20)\d\d)\s*年\s*[,,]", paragraph)
        if opening_year and context.doc_type not in PLAN_TYPES and int(opening_year.group(1)) == _written_year(context):
            opening_year = None  # `2023年,…` in a letter of 2023: this year's work, told rather than planned
        if opening_year:
            year = int(opening_year.group(1))
            cursor.year = year
            cursor.year_is_past = bool(context.page_year and year < context.page_year)
        elif cursor.year is not None and not cursor.year_is_past and context.doc_type not in PLAN_TYPES:
            cursor.year = cursor.section_year
        if len(paragraph) <= HEADING_CHARS and not re.search(r"[。;!?]", paragraph):
            continue  # a heading: 钟楼区:5个“再出发”实现民生跃升
        paragraph_year = (cursor.year, cursor.year_is_past)
        for sentence in sentences(paragraph):
            _carry_record_year(sentence.text, cursor, context)
            _sentence_figures(sentence.text, cursor, context, targets, observations)
            _carry_deadline(sentence.text, cursor, context)
        placed += [(number, target) for target in targets[len(placed):]]
        if cursor.year_is_past and (cursor.year, True) != paragraph_year:
            cursor.year, cursor.year_is_past = paragraph_year  # a year a sentence opened lasts its paragraph
        if cursor.year is not None and cursor.year_is_past and context.doc_type in PLAN_TYPES:
            cursor.year = None  # a look back at last year lasts one paragraph on a goals page
    return _once(placed), observations


def _table_row(line: str, row: list[tuple[Column, str]], cursor: _Cursor, context: PageContext, targets, observations):
    """A table row: a figure per year column, the goal and progress cells read as sentences are."""
    name, unit = indicator_and_unit(row)
    for column, cell in row:
        if column.kind == "year" and name:
            value = table_value(cell)
            if value is None:
                continue
            figure_unit = "%" if value.unit == "%" else f"{value.unit}{unit}"
            if column.is_goal:
                targets.append(TargetDraft(
                    indicator=name, comparator=value.comparator, value=value.value, value_max=value.value_max,
                    unit=figure_unit, deadline_year=column.year, quote=line.strip(), confidence=0.8, region=cursor.region,
                ))
            else:
                observations.append(ObservationDraft(
                    indicator=name, value=value.value, unit=figure_unit, date=datetime.date(column.year, 12, 31),
                    quote=line.strip(), region=cursor.region,
                ))
        elif column.kind in ("goal", "progress") and cell:
            goal = column.kind == "goal"
            cell_cursor = replace(
                cursor, plan=goal, year=(column.year or context.page_year) if goal else None, year_is_past=False,
                running=cursor.region,
            )
            _sentence_figures(cell, cell_cursor, context, targets, observations)


def _enter_section(paragraph: str, cursor: _Cursor, context: PageContext) -> None:
    """A heading or a lead sentence that says whether what follows reports or plans, and for which year:
    `“十三五”主要工作回顾`, `2021年重点工作`, `报告中关于2024年政府工作重点任务`."""
    heading = len(paragraph) <= HEADING_CHARS and not re.search(r"[。;!?]", paragraph)
    opening = paragraph[:20]
    if REPORT_HEADING.search(opening):
        cursor.plan, cursor.year, cursor.section_year = False, None, None
    elif PLAN_HEADING.search(opening) or (heading and SECTION_PLAN.search(paragraph)) or PLAN_LEAD.search(paragraph):
        cursor.plan, cursor.year, cursor.section_year = True, None, None
        year = _section_year(paragraph if heading or not PLAN_LEAD.search(paragraph) else PLAN_LEAD.search(paragraph).group())
        written = _written_year(context)
        if year and (written is None or year >= written):
            cursor.year, cursor.year_is_past, cursor.section_year = year, False, year


def _section_year(text: str) -> int | None:
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)\s*年", text)]
    years += [year for name, year in FIVE_YEAR_PLANS.items() if name in text]
    return years[-1] if years else None


def _once(targets: list[tuple[int, TargetDraft]]) -> list[TargetDraft]:
    """A target a page states twice (its headline, then its text) is one target: the same figure,
    due the same year, for the same place, in another paragraph, measuring a thing named alike
    (学校数, 中小学校数). ``targets`` pairs each with its paragraph's number."""
    kept: list[tuple[int, TargetDraft]] = []
    for paragraph, target in targets:
        figure = (target.value, target.value_max, target.unit, target.deadline_year, target.region)
        if not any(
            figure == (other.value, other.value_max, other.unit, other.deadline_year, other.region)
            and paragraph != where and _named_alike(other, target)
            for where, other in kept
        ):
            kept.append((paragraph, target))
    return [target for _, target in kept]


def _named_alike(one: TargetDraft, other: TargetDraft) -> bool:
    return one.indicator.endswith(other.indicator) or other.indicator.endswith(one.indicator)


def _carry_record_year(sentence: str, cursor: _Cursor, context: PageContext) -> None:
    """`一是…。2016年,全市有幼儿园1633所,…;学前三年毛入园率95.3%`: a past year holds for the paragraph."""
    year = _past_opening_year(sentence, context)
    if year is not None:
        cursor.year, cursor.year_is_past = year, True


def _carry_deadline(sentence: str, cursor: _Cursor, context: PageContext) -> None:
    """`到2025年,…达到97%以上。九年义务教育巩固率超过97%…`: a deadline holds for the paragraph."""
    years = [_deadline_year(m) for m in DEADLINE.finditer(sentence)]
    written = context.doc_date.year if context.doc_date else None
    if years and (written is None or years[-1] >= written):
        cursor.year, cursor.year_is_past = years[-1], False


def _sentence_figures(sentence, cursor, context, targets, observations):
    quantities = find_quantities(sentence)
    taken = {q.start for q in quantities}
    quantities += [q for q in find_damaged_shares(sentence) if q.start not in taken]
    accepted_state = False
    bounds = clauses(sentence)
    marks = _place_marks(sentence, context)
    listed: Quantity | None = None  # the quantity before, when this one follows it in a list
    names, place_in_list = None, 0  # `A、B分别达到90%、95%`: the names the list takes in turn
    list_comparator = None
    previous_name = ""
    for quantity in sorted(quantities, key=lambda q: q.start):
        head, listed = listed, quantity
        region = _placed(marks, quantity.start, cursor)
        if _skip(sentence, quantity, head):
            continue
        index = clause_index(bounds, quantity.start)
        clause_start, clause_end = bounds[index]
        before = sentence[: quantity.start]
        clause_text = sentence[clause_start:clause_end]
        previous = sentence[slice(*bounds[index - 1])] if index else ""
        following = sentence[slice(*bounds[index + 1])] if index + 1 < len(bounds) else ""
        indicator, source = indicator_name(
            clause_text, quantity.start - clause_start, quantity.end - clause_start, quantity, previous, following
        )
        in_list = head is not None and LIST_JOINER.fullmatch(sentence[head.end: quantity.start])
        if in_list:
            place_in_list += 1
        else:
            names, place_in_list = respective_names(sentence[clause_start: quantity.start]), 0
            if names:
                cursor.list_names = names
            elif re.search(r"分别\S{0,3}$", sentence[clause_start: quantity.start]):
                names = cursor.list_names  # `…分别达到90%、99%。2020年分别达到98%、99%`
        if names and place_in_list < len(names):
            indicator = names[place_in_list]
        elif head is not None and source == "before" and NAMED_ITEM.fullmatch(sentence[head.end: quantity.start]):
            indicator = shared_verb(indicator, previous_name)  # `新改扩建中小学45所、幼儿园18所`
        indicator = _without_place(indicator, context)
        previous_name = indicator
        quote = _quote(sentence, quantity.start, quantity.end, source, bounds)
        unit = _completed_unit(quantity, sentence, clause_text)
        own_clause = sentence[clause_start: quantity.start]
        if TIME_CLAUSE.match(previous.strip()):
            own_clause = f"{previous},{own_clause}"
        goal = bool(GOAL.match(sentence[quantity.end:]))
        if goal:
            # `…已达到50,离“十二五”70的目标`: the goal is for what the figure before it measures.
            indicator = observations[-1].indicator if observations and observations[-1].quote in sentence else ""
            quote = sentence[clause_start:clause_end].strip()
        kind = True if goal else _is_target(
            before, clause_text, cursor, context, sentence[quantity.end: clause_end], clause_start,
            sentence[clause_end:],
        )
        if quantity.damaged and quantity.value > 100:
            continue  # 占405: no share is over 100, the decimal point is lost (the page's notes say so)
        if kind is False:
            if not _is_observed(sentence, bounds[index], quantity, accepted_state, context) or not indicator:
                continue
            accepted_state = True
            observations.append(ObservationDraft(
                indicator=indicator, value=quantity.value, unit=unit,
                date=_observation_date(own_clause, before, context, cursor), quote=quote, region=region,
                damaged=quantity.damaged,
            ))
            continue
        comparator = "gte" if goal else quantity.comparator
        if comparator == "eq" and in_list and list_comparator:
            comparator = list_comparator  # `分别达到98%、99%`: the list shares its verb
        list_comparator = comparator
        if kind is None:
            rule = NORMATIVE.search(clause_text).group()
            comparator = "lte" if rule in ("不超过", "不高于") else "gte"
            deadline, explicit = None, True
            found = DEADLINE.search(before)
            if found:
                deadline = _deadline_year(found)
        else:
            deadline, explicit = _deadline(before, sentence, cursor, context)
        confidence = 0.9 if explicit else 0.8 if deadline else 0.6
        if not indicator:
            confidence -= 0.2
        if quantity.damaged:
            confidence = 0.3
        targets.append(TargetDraft(
            indicator=indicator, comparator=comparator, value=quantity.value, value_max=quantity.value_max,
            unit=unit, deadline_year=deadline, quote=quote,
            confidence=round(confidence, 2), region=region, damaged=quantity.damaged,
        ))
    cursor.running = _placed(marks, len(sentence), cursor)
    _worded_figures(sentence, cursor, context, cursor.running, targets, observations)


def _worded_figures(sentence, cursor, context, region, targets, observations):
    """Figures written in words: 全覆盖 (100%), 数量明显减少 (a fall of no stated size), 位列第一."""
    for match in FULL_COVERAGE.finditer(sentence):
        before = sentence[: match.start()]
        if _is_target(before, match.group(), cursor, context):
            deadline, explicit = _deadline(before, sentence, cursor, context)
            targets.append(TargetDraft(
                indicator=f"{match.group('subject')}覆盖率", comparator="eq", value=Decimal(100), value_max=None,
                unit="%", deadline_year=deadline, quote=_quote(sentence, match.start(), match.end(), ""),
                confidence=0.8 if explicit else 0.7, region=region,
            ))
    for match in QUALITATIVE.finditer(sentence):
        before = sentence[: match.start()]
        if _is_target(before, match.group(), cursor, context):
            deadline, _explicit = _deadline(before, sentence, cursor, context)
            change = "decrease_by" if match.group("change") in ("减少", "下降", "降低") else "increase_by"
            subject = re.sub(r"^(确保|力争|使|推动)", "", match.group("subject"))
            targets.append(TargetDraft(
                indicator=subject, comparator=change, value=None, value_max=None, unit="", deadline_year=deadline,
                quote=_quote(sentence, match.start(), match.end(), ""), confidence=0.6, region=region,
            ))
    for match in RANK.finditer(sentence):
        before = sentence[: match.start()]
        if _is_target(before, match.group(), cursor, context) is not False:
            continue
        value = to_decimal(match.group("n"))
        scope = re.search(r"在(?P<what>[^,]{2,30})中", sentence[: match.start()])
        if value is None or not scope:
            continue
        observations.append(ObservationDraft(
            indicator=f"{scope.group('what')}{match.group('scope')}排名", value=value, unit="名",
            date=_observation_date(before, before, context, cursor), quote=_quote(sentence, match.start(), match.end(), ""),
            region=region,
        ))
