"""Targets (commitments) and observations (figures already reached), kept apart.

Every quantity is read in its sentence, its tense decided as ``tense`` says and its place as
``figure_places`` says; tables are read row by row (``tables``). A report, a plan's look back
or a news story keeps what was reached in counts and sums; a reply letter's account of its
work only the levels it states (a share, a total reached, a score or rank), not a count of
activities held.
"""
import datetime
import re
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from apps.ingest.draft import ObservationDraft, TargetDraft
from apps.ingest.extract.figure_context import Cursor, PageContext
from apps.ingest.extract.figure_places import mentioned_region, place_marks, placed, region_for, without_place
from apps.ingest.extract.indicators import indicator_name, respective_names, shared_verb
from apps.ingest.extract.tables import Column, aligned, header_columns, indicator_and_unit, row_cells, table_value
from apps.ingest.extract.tense import (
    DEADLINE, HEADING_CHARS, NORMATIVE, PLAN_TYPES, carry_deadline, carry_record_year, enter_section, is_target,
    matched_year, observation_date, target_deadline, titled_year, written_year,
)
from apps.ingest.extract.text import clause_index, clauses, sentences
from apps.ingest.numbers import UNIT, Quantity, find_damaged_shares, find_quantities, to_decimal

__all__ = ["PageContext", "figures_find", "titled_year"]

GOAL = re.compile(r"^\s*的目标")
LIST_JOINER = re.compile(r"\s*(、|和|及|以及)\s*")
NAMED_ITEM = re.compile(r"\s*(、|和|及|以及)\s*[\u4e00-\u9fff]{1,12}")
SECTION_MARK = re.compile(r"(?<![\u4e00-\u9fff\d])([一二三四五六七八九十]+、)")
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
TIME_CLAUSE = re.compile(r"^(到\s*\d{4}\s*年|\d{4}\s*年|近年来|近[三两五]年|今年|去年|上年|全年|目前)$")
PLACE_OPENING_CHARS = 12


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
        parts.extend(paragraph[a:b] for a, b in pairwise(bounds) if paragraph[a:b].strip())
    return parts


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


def figures_find(body: str, context: PageContext) -> tuple[list[TargetDraft], list[ObservationDraft]]:
    """Targets and observations in the article body, each with the clause it came from."""
    targets: list[TargetDraft] = []
    observations: list[ObservationDraft] = []
    default_region = context.home or (context.regions[0].code if context.regions else None)
    cursor = Cursor(plan=context.doc_type in PLAN_TYPES, region=default_region)
    placed: list[tuple[int, TargetDraft]] = []
    table: list[Column] | None = None
    for number, paragraph in enumerate(_sections(body)):
        cells = row_cells(paragraph)
        columns = header_columns(cells, written_year(context)) if cells else None
        table = columns or (table if cells else None)
        if columns:
            continue
        if table:
            _table_row(paragraph, aligned(table, cells), cursor, context, targets, observations)
            placed += [(number, target) for target in targets[len(placed):]]
            continue
        enter_section(paragraph, cursor, context)
        # A heading or a paragraph's opening words set the place for what follows (`钟楼区:…`).
        opening = paragraph if len(paragraph) <= HEADING_CHARS else paragraph[:PLACE_OPENING_CHARS]
        if re.search(r"[::]\s*$", paragraph):
            opening = ""  # `同仁市、各县人民政府:` addresses the letter, it does not place what follows
        cursor.region = region_for(opening, cursor, context)
        cursor.region_named = cursor.region_named or mentioned_region(opening, context) is not None
        cursor.running = cursor.region
        opening_year = re.match(r"^[^。,]{0,12}?((?:19|20)\d\d)\s*年\s*[,,]", paragraph)
        if opening_year and context.doc_type not in PLAN_TYPES and int(opening_year.group(1)) == written_year(context):
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
        cursor.last_measured = None
        for sentence in sentences(paragraph):
            carry_record_year(sentence.text, cursor, context)
            _sentence_figures(sentence.text, cursor, context, targets, observations)
            carry_deadline(sentence.text, cursor, context)
        placed += [(number, target) for target in targets[len(placed):]]
        if cursor.year_is_past and (cursor.year, True) != paragraph_year:
            cursor.year, cursor.year_is_past = paragraph_year  # a year a sentence opened lasts its paragraph
        if cursor.year is not None and cursor.year_is_past and context.doc_type in PLAN_TYPES:
            cursor.year = None  # a look back at last year lasts one paragraph on a goals page
    return _once(placed), observations


def _table_row(line: str, row: list[tuple[Column, str]], cursor: Cursor, context: PageContext, targets, observations):
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


def _sentence_figures(sentence, cursor, context, targets, observations):
    quantities = find_quantities(sentence)
    taken = {q.start for q in quantities}
    quantities += [q for q in find_damaged_shares(sentence) if q.start not in taken]
    accepted_state = False
    bounds = clauses(sentence)
    marks = place_marks(sentence, context)
    listed: Quantity | None = None  # the quantity before, when this one follows it in a list
    names, place_in_list = None, 0  # `A、B分别达到90%、95%`: the names the list takes in turn
    list_comparator = None
    previous_name = ""
    for quantity in sorted(quantities, key=lambda q: q.start):
        head, listed = listed, quantity
        region = placed(marks, quantity.start, cursor)
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
        indicator = without_place(indicator, context)
        if not indicator and cursor.last_measured and cursor.last_measured[1] == quantity.unit:
            indicator = cursor.last_measured[0]  # `巩固率达到99.2%。2024年力争达到99.5%`: the same measure
        previous_name = indicator
        if indicator:
            cursor.last_measured = (indicator, quantity.unit)
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
        kind = True if goal else is_target(
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
                date=observation_date(own_clause, before, context, cursor), quote=quote, region=region,
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
                deadline = matched_year(found)
        else:
            deadline, explicit = target_deadline(before, sentence, cursor, context)
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
    cursor.running = placed(marks, len(sentence), cursor)
    _worded_figures(sentence, cursor, context, cursor.running, targets, observations)


def _worded_figures(sentence, cursor, context, region, targets, observations):
    """Figures written in words: 全覆盖 (100%), 数量明显减少 (a fall of no stated size), 位列第一."""
    for match in FULL_COVERAGE.finditer(sentence):
        before = sentence[: match.start()]
        if is_target(before, match.group(), cursor, context):
            deadline, explicit = target_deadline(before, sentence, cursor, context)
            targets.append(TargetDraft(
                indicator=f"{match.group('subject')}覆盖率", comparator="eq", value=Decimal(100), value_max=None,
                unit="%", deadline_year=deadline, quote=_quote(sentence, match.start(), match.end(), ""),
                confidence=0.8 if explicit else 0.7, region=region,
            ))
    for match in QUALITATIVE.finditer(sentence):
        before = sentence[: match.start()]
        if is_target(before, match.group(), cursor, context):
            deadline, _explicit = target_deadline(before, sentence, cursor, context)
            change = "decrease_by" if match.group("change") in ("减少", "下降", "降低") else "increase_by"
            subject = re.sub(r"^(确保|力争|使|推动)", "", match.group("subject"))
            targets.append(TargetDraft(
                indicator=subject, comparator=change, value=None, value_max=None, unit="", deadline_year=deadline,
                quote=_quote(sentence, match.start(), match.end(), ""), confidence=0.6, region=region,
            ))
    for match in RANK.finditer(sentence):
        before = sentence[: match.start()]
        if is_target(before, match.group(), cursor, context) is not False:
            continue
        value = to_decimal(match.group("n"))
        scope = re.search(r"在(?P<what>[^,]{2,30})中", sentence[: match.start()])
        if value is None or not scope:
            continue
        observations.append(ObservationDraft(
            indicator=f"{scope.group('what')}{match.group('scope')}排名", value=value, unit="名",
            date=observation_date(before, before, context, cursor), quote=_quote(sentence, match.start(), match.end(), ""),
            region=region,
        ))
