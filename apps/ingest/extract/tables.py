"""Tables flattened into text: a plan's indicator table and a task list with its progress.

`指标 | 2020年 | 2025年 | 属性` rows give, per indicator, a figure reached in each past year
and a target for each year still ahead; `民生事项 | 2022年度任务目标 | 1-9月份完成情况` rows
give a target in one column and what was done in another. A row is a line whose cells are
split by `|`, `│` or tabs; the header is the first row that has a year, goal or progress column.
"""
import re
from dataclasses import dataclass
from decimal import Decimal

from apps.ingest.numbers import to_decimal

CELL_SPLIT = re.compile(r"\s*[|│\t]\s*")
YEAR_COLUMN = re.compile(r"^(?:(?P<plan>“?十[一二三四五]五”?)末?|(?P<year>(?:19|20)\d\d)\s*年?(?:底|末)?)(?P<word>目标值?|预期值?|实际值?|基期值?|现状值?)?(?:[((][^))]*[))])?$")
BASE_WORDS = re.compile(r"基期|基数|现状|实际|基础值")
GOAL_WORDS = re.compile(r"目标|预期|规划值")
GOAL_COLUMN = re.compile(r"(任务|工作|年度|主要|建设)?目标|目标任务|主要任务|工作任务")
PROGRESS_COLUMN = re.compile(r"完成情况|进展情况|进度|工作成效|取得成效|落实情况|推进情况")
NAME_COLUMN = re.compile(r"指标|项目|名称|事项|内容")
UNIT_COLUMN = re.compile(r"^(计量)?单位$")
CATEGORY_COLUMN = re.compile(r"^(类别|分类|领域|序号|类型)$")
ITEM_NUMBER = re.compile(r"^\d+\s*[.、.]")
UNIT_IN_NAME = re.compile(r"[((](?P<unit>[^()()]{1,6})[))]\s*$")
VALUE = re.compile(
    r"^(?P<before>[≥≤><＞＜]|不低于|不少于|不超过|超过|达到|约)?\s*(?P<num>\d+(?:\.\d+)?)"
    r"(?:\s*[-~—–至]\s*(?P<num2>\d+(?:\.\d+)?))?\s*(?P<mag>万|亿)?\s*(?P<pct>%)?\s*(?P<after>以上|以下|以内|左右)?$"
)
COMPARATORS = {
    "≥": "gte", ">": "gte", "＞": "gte", "不低于": "gte", "不少于": "gte", "超过": "gte", "达到": "gte", "以上": "gte",
    "≤": "lte", "<": "lte", "＜": "lte", "不超过": "lte", "以下": "lte", "以内": "lte", "约": "approx", "左右": "approx",
}
HEADER_CELL_CHARS = 20
FIVE_YEAR_PLAN_ENDS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}


@dataclass(frozen=True)
class Column:
    kind: str  # "year" (a figure per year), "goal", "progress", "name", "unit", "category" or "other"
    year: int | None = None
    is_goal: bool = False  # for a year column: a target for that year, not a figure reached


@dataclass(frozen=True)
class TableValue:
    value: Decimal
    value_max: Decimal | None
    comparator: str
    unit: str  # % or a magnitude (万) the cell itself prints


def row_cells(line: str) -> list[str] | None:
    """The cells of a table row, or None when the line is not one (fewer than three cells)."""
    if not re.search(r"[|│\t]", line):
        return None
    cells = CELL_SPLIT.split(line.strip().strip("|│").strip())
    return cells if len(cells) >= 3 else None


def header_columns(cells: list[str], written: int | None) -> list[Column] | None:
    """What each column holds, or None when no column holds figures by year, goals or progress."""
    if any(len(cell) > HEADER_CELL_CHARS or "。" in cell for cell in cells):
        return None  # a header names its columns in a few words
    columns = [_column(cell.replace(" ", ""), written) for cell in cells]
    if not any(column.kind in ("year", "goal", "progress") for column in columns):
        return None
    return columns


def _column(cell: str, written: int | None) -> Column:
    year_match = YEAR_COLUMN.match(cell)
    if year_match:
        year = FIVE_YEAR_PLAN_ENDS.get(year_match.group("plan").strip("“”")) if year_match.group("plan") else None
        year = year or int(year_match.group("year"))
        word = year_match.group("word") or ""
        if BASE_WORDS.search(word):
            is_goal = False
        elif GOAL_WORDS.search(word):
            is_goal = True
        else:
            is_goal = written is None or year >= written
        return Column("year", year, is_goal)
    if PROGRESS_COLUMN.search(cell):
        return Column("progress")
    if GOAL_COLUMN.search(cell):
        years = re.findall(r"(?:19|20)\d\d", cell)
        return Column("goal", int(years[0]) if years else None, True)
    if UNIT_COLUMN.match(cell):
        return Column("unit")
    if CATEGORY_COLUMN.match(cell):
        return Column("category")
    if NAME_COLUMN.search(cell):
        return Column("name")
    return Column("other")


def aligned(columns: list[Column], cells: list[str]) -> list[tuple[Column, str]]:
    """Each cell with its column. A row whose category cell is merged into the rows above (it
    starts with its item number, `15.推进…`) is one cell short at the front."""
    offset = 0
    if columns and columns[0].kind == "category" and ITEM_NUMBER.match(cells[0]):
        offset = 1
    return list(zip(columns[offset:], cells))


def indicator_and_unit(row: list[tuple[Column, str]]) -> tuple[str, str]:
    """The row's indicator (its name column, else its first cell of words) and the unit its name
    (`学前三年毛入园率(%)`) or unit column gives."""
    name = next((cell for column, cell in row if column.kind == "name" and cell), "")
    if not name:
        name = next(
            (cell for column, cell in row if column.kind in ("other", "category") and re.search(r"[\u4e00-\u9fff]{2}", cell)),
            "",
        )
    unit = next((cell for column, cell in row if column.kind == "unit" and cell), "")
    in_name = UNIT_IN_NAME.search(name)
    if in_name:
        unit = unit or in_name.group("unit")
        name = name[: in_name.start()]
    name = ITEM_NUMBER.sub("", name).strip()
    return name, unit


def table_value(cell: str) -> TableValue | None:
    """A bare cell value: `95`, `≥95`, `95%以上`, `3-5`, `2.5万`; None for words (预期性)."""
    match = VALUE.match(cell.replace(" ", "").replace(",", ""))
    if not match:
        return None
    value = to_decimal(match.group("num"))
    value_max = to_decimal(match.group("num2")) if match.group("num2") else None
    comparator = "range" if value_max is not None else COMPARATORS.get(
        match.group("before") or match.group("after") or "", "eq"
    )
    unit = (match.group("mag") or "") + (match.group("pct") or "")
    return TableValue(value, value_max, comparator, unit)
