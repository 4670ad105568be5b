"""Whether a figure looks ahead or reports, the year it is due, and the date it was reached.

Words of intent (到2025年, 力争, 确保, 将) make a figure a target, words of record (已, 累计,
近三年, 了, a year before the page's own) an observation, and rules (不低于) a target whatever
the tense. Where a sentence says neither, its section decides: headings (`下一步工作`,
`“十三五”主要工作回顾`, `2021年重点工作`) and a report's lead (`《报告》提出`) set it.
"""
import datetime
import re

from apps.ingest.extract.figure_context import Cursor, PageContext
from apps.ingest.numbers import to_decimal

FUTURE = re.compile(
    r"到\s*\d{4}\s*年|\d{4}\s*年(底)?前|力争|确保|争创|争取(?=[在到于]\d|达到|实现|建成|完成|新建|创建|通过)"
    r"|(?<!即)(?<!已)(?<!完成)将(?!近)|拟|预计|下一步|目标|全年|年底|年内"
    r"|(?<![度的])(?:计划|规划)(?=投资|安排|新建|建设|改造|实施|投入|新增|招聘|完成)"
)
PAST = re.compile(r"已|累计|了|先后|近年来|近[三两五]年|去年|今年以来|上半年|以来|过去|目前")
# Words of record that a plan uses too (对现有6所…进行整合): they count only where a page reports.
REPORTING = re.compile(r"现有|均超|共有|涵盖|增加到|由")
# Tense words after a figure, in its own clause (`3所学校已移交`, `2所学校将建成`), and a next
# clause that opens with intent (`筹措资金80万元,计划实施…`).
PAST_AFTER = re.compile(r"^[^,;。]*?(已|均已)")
FUTURE_AFTER = re.compile(r"^[^,;。]*?(将|拟)")
NEXT_CLAUSE_AHEAD = re.compile(r"^[,,]\s*(将|拟|计划|预计|力争|争取|确保)")
NORMATIVE = re.compile(r"不低于|不少于|至少|不超过|不高于")
# `比2013年增加35%`: the year is the comparison's base, not the figure's date.
COMPARED = re.compile(r"(比|较|同比)\s*$")
# `近三年…达7600多人`, `目前`: a figure as of the page's writing, whatever year its paragraph opened with.
NOW = re.compile(r"近[一二两三四五六七八九十\d]+年|近年来|目前|现有|现已")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:年?底|末|初|[春秋]季|上半年|下半年)?")
SENTENCE_YEAR = re.compile(r"^\s*[^,。]{0,4}?((?:19|20)\d\d)\s*年(?!\d)")
DEADLINE = re.compile(
    r"(?:到|至|截至)\s*((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年(?:底)?前"
    r"|(?:(?:19|20)\d\d\s*[-—–至]\s*)?((?:19|20)\d\d)\s*年\s*(?=计划|力争|将|拟|预计|要)"  # 2023年计划投资, 2021—2025年计划
    r"|(?:力争|确保|计划|预计|拟)(?:在|于|到)?\s*((?:19|20)\d\d)\s*年"  # 力争2024年新建
)
FIVE_YEAR_PLANS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
PLAN_PERIOD = re.compile(r"(?P<plan>十[一二三四五]五)”?\s*(?:末|期间|时期|结束|期末)")
WITHIN_YEARS = re.compile(r"(?<![\d一二三四五六七八九十])(?P<years>[一二两三四五六七八九十\d]{1,2})年(?:内|时间)")
PLAN_HEADING = re.compile(
    r"(下步工作|下一步工作|下一步打算|下半年重点工作|下阶段工作|工作打算|工作计划|今后工作|主要目标|发展目标|总体目标|目标任务"
    r"|重点任务|主要任务|具体目标|工作目标)"
)
# Headings that plan whatever words open them (`“十四五”时期任务`, `2021年重点工作`), and lead
# sentences that say the text after them is a plan (`《报告》提出`, `报告中关于2024年…重点任务`).
SECTION_PLAN = re.compile(r"重点工作|时期任务|工作安排|工作思路|工作重点|任务目标|目标任务")
PLAN_LEAD = re.compile(r"报告》?[^。,;]{0,6}(提出|部署|关于[^。]{0,20}(重点任务|工作重点|目标任务))")
REPORT_HEADING = re.compile(
    r"(工作亮点|主要做法|建设情况|工作情况|存在的问题|现实基础|发展基础|发展环境|工作回顾|主要成就|取得的成绩|工作成效|基本情况|现状|办理情况"
    r"|完成情况|落实情况|进展情况|工作总结)"
)
PLAN_TYPES = {"annual_goals", "plan", "news", "policy"}
# The year an annual-goals page is for (`2011年教育局工作计划要点`) and a plan's last year
# (`…行动计划(2017—2020年)`, `“十四五”…规划`): the deadline of what it sets without one.
TITLE_RANGE = re.compile(r"(?:19|20)\d\d\s*[-—–至]\s*((?:19|20)\d\d)")
HEADING_CHARS = 40


def titled_year(title: str, doc_type: str) -> int | None:
    """The year an annual page's title names, or a plan's end year; None on other pages."""
    if doc_type == "plan":
        ranged = TITLE_RANGE.search(title)
        plans = [year for name, year in FIVE_YEAR_PLANS.items() if name in title]
        return int(ranged.group(1)) if ranged else (plans[0] if plans else None)
    if doc_type == "annual_goals":
        years = YEAR.findall(title)
        return int(years[0]) if years else None
    return None


def _latest(pattern: re.Pattern, text: str) -> int:
    positions = [m.start() for m in pattern.finditer(text)]
    return positions[-1] if positions else -1


def is_target(
    before: str, clause_text: str, cursor: Cursor, context: PageContext, after: str = "", clause_start: int = 0,
    rest: str = "",
) -> bool | None:
    """True for a commitment, False for a record, None for a normative rule (a target with no deadline).

    Tense words in the figure's own clause decide, before it and then after it (`10所学校已建成`,
    `其余4所将开工`); then those earlier in the sentence; then a next clause that opens with
    intent (`筹措资金80万元,计划实施…`); then the paragraph's year and the section."""
    if NORMATIVE.search(clause_text):
        return None
    future, past = _latest(FUTURE, before), _latest(PAST, before)
    if not cursor.plan:
        past = max(past, _latest(REPORTING, before))
        if future >= 0 and before.startswith("全年", future):
            future = _latest(FUTURE, before[:future])  # `全年共投入资金8600万元` in a report: the year's record
    written = written_year(context)
    for match in YEAR.finditer(before):
        if _year_is_past(int(match.group(1)), before, match, context):
            # Where the year ends counts: `截至2024年底` is a record although 年底 alone looks ahead.
            past = max(past, match.end() - 1)
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


def _year_is_past(year: int, before: str, match: re.Match, context: PageContext) -> bool:
    """A year before the page's own (`提高到2020年的86.7%` in a plan written in 2022), unless it
    is a deadline; this year when the page reports as of it (`截至2023年底` on a page of 2023)."""
    written = written_year(context)
    if context.page_year and year < context.page_year and not DEADLINE.match(before[match.start() - 1:]):
        return True
    if written and year < written:
        return True
    return bool(written and year == written and before[: match.start()].rstrip().endswith("截至"))


def matched_year(match: re.Match) -> int:
    return int(next(group for group in match.groups() if group))


def target_deadline(before: str, sentence: str, cursor: Cursor, context: PageContext) -> tuple[int | None, bool]:
    """The year a target is due and whether the page says it outright."""
    explicit = [matched_year(m) for m in DEADLINE.finditer(before)]
    if explicit:
        return explicit[-1], True
    period = PLAN_PERIOD.search(before)
    if period:  # `到“十四五”末`, `“十四五”期间`
        return FIVE_YEAR_PLANS[period.group("plan")], True
    within = WITHIN_YEARS.search(before)
    written = written_year(context)
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


def written_year(context: PageContext) -> int | None:
    """The year the page speaks from: its date's, or the year it is for when that is earlier."""
    return min((y for y in (context.page_year, context.doc_date.year if context.doc_date else None) if y), default=None)


def _past_opening_year(sentence: str, context: PageContext) -> int | None:
    """`2016年,全市有幼儿园1633所`: a sentence opened by a year before the page's own."""
    leading = SENTENCE_YEAR.match(sentence)
    written = written_year(context)
    if leading and written and int(leading.group(1)) < written:
        return int(leading.group(1))
    return None


def observation_date(clause: str, sentence: str, context: PageContext, cursor: Cursor) -> datetime.date | None:
    """The end of a past year named in the figure's clause (``clause``, up to the figure), else in
    its sentence before it (``sentence``: `截至2024年底,全省开工320个,其中新建60所`), else its
    paragraph's; else the page's date."""
    if not _past_years(clause, context) and NOW.search(clause):
        return context.doc_date or _year_end(context.page_year)
    years = _past_years(clause, context) or _past_years(sentence, context) or _past_plan_periods(sentence, context)
    year = years[-1] if years else None
    if year is None and cursor.year is not None and cursor.year_is_past:
        year = cursor.year
    if year is not None:
        return datetime.date(year, 12, 31)
    if "去年" in clause and not re.search(r"(由|从|比|较)去年", clause) and context.page_year:
        return datetime.date(context.page_year - 1, 12, 31)
    return context.doc_date or _year_end(context.page_year)  # an undated annual page reports on its own year


def _past_plan_periods(text: str, context: PageContext) -> list[int]:
    """`“十三五”期间,全市累计新建学校45所` on a page of 2021: the plan's last year."""
    written = written_year(context)
    ends = [FIVE_YEAR_PLANS[m.group("plan")] for m in PLAN_PERIOD.finditer(text)]
    return [end for end in ends if written and end < written]


def _past_years(text: str, context: PageContext) -> list[int]:
    """The years before the page's own that ``text`` names, but not a comparison's base (比2013年)."""
    return [
        int(m.group(1)) for m in YEAR.finditer(text)
        if (context.page_year is None or int(m.group(1)) < context.page_year) and not COMPARED.search(text[: m.start()])
    ]


def _year_end(year: int | None) -> datetime.date | None:
    return datetime.date(year, 12, 31) if year else None


def enter_section(paragraph: str, cursor: Cursor, context: PageContext) -> None:
    """A heading or a lead sentence that says whether what follows reports or plans, and for which year:
    `“十三五”主要工作回顾`, `2021年重点工作`, `报告中关于2024年政府工作重点任务`."""
    heading = len(paragraph) <= HEADING_CHARS and not re.search(r"[。;!?]", paragraph)
    opening = paragraph[:20]
    if REPORT_HEADING.search(opening):
        cursor.plan, cursor.year, cursor.section_year = False, None, None
    elif PLAN_HEADING.search(opening) or (heading and SECTION_PLAN.search(paragraph)) or PLAN_LEAD.search(paragraph):
        cursor.plan, cursor.year, cursor.section_year = True, None, None
        year = _section_year(paragraph if heading or not PLAN_LEAD.search(paragraph) else PLAN_LEAD.search(paragraph).group())
        written = written_year(context)
        if year and (written is None or year >= written):
            cursor.year, cursor.year_is_past, cursor.section_year = year, False, year


def _section_year(text: str) -> int | None:
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)\s*年", text)]
    years += [year for name, year in FIVE_YEAR_PLANS.items() if name in text]
    return years[-1] if years else None


def carry_record_year(sentence: str, cursor: Cursor, context: PageContext) -> None:
    """`一是…。2016年,全市有幼儿园1633所,…;学前三年毛入园率95.3%`: a past year holds for the paragraph."""
    year = _past_opening_year(sentence, context)
    if year is not None:
        cursor.year, cursor.year_is_past = year, True


def carry_deadline(sentence: str, cursor: Cursor, context: PageContext) -> None:
    """`到2025年,…达到97%以上。九年义务教育巩固率超过97%…`: a deadline holds for the paragraph."""
    years = [matched_year(m) for m in DEADLINE.finditer(sentence)]
    written = context.doc_date.year if context.doc_date else None
    if years and (written is None or years[-1] >= written):
        cursor.year, cursor.year_is_past = years[-1], False
