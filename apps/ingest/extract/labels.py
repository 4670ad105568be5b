"""Labelled fields: the metadata table a government site prints above the text, and a reply's record header.

Tables come in every layout: `索引号: X 发布机构: Y` on one line, `索引号 | X | 发布机构 | Y |`,
`[ 索引号 ]X`, a label with its letters spaced out (`索 引 号`), or a label alone on a line with
its value on the next. Each label is known by its name; the value runs to the next label.
"""
import re

# Canonical field → the labels sites print for it.
LABELS = {
    "index": ("索引号",),
    "title": ("信息名称", "文件名称", "原标题", "名称", "标题"),
    "publisher": ("发布机构", "发文机关", "发文单位", "发文机构", "发布单位"),
    "doc_number": ("发文字号", "文件编号", "文号"),
    "written": ("成文日期",),
    "published": ("发布日期", "公开日期", "发文日期", "发文时间", "发布时间", "发表时间", "生成日期", "生效日期", "印发日期",
                  "日期", "时间"),
    "topic": ("主题分类", "组配分类", "公开目录", "信息分类", "体裁分类", "所属主题", "公开方式", "有效性", "废止日期",
              "浏览量", "是否有效", "公文种类", "分类"),
    "source": ("信息来源", "来源"),
    "furniture": ("作者", "点击数", "浏览次数", "访问量", "阅读人次", "阅读", "字体", "投稿"),
    "proposal_number": ("建议提案编号", "建议号", "提案号", "建议编号", "提案编号"),
    "proposer": ("代表提案者", "提案人", "建议人", "领衔代表", "提出人"),
    "session": ("会议届次", "届次"),
    "proposal_title": ("建议提案标题", "建议标题", "提案标题", "案由"),
    "lead_unit": ("承办单位", "主办单位", "主办"),
    "co_handling": ("会办单位", "协办单位"),
    "handling_mode": ("办理方式",),
    "reply_date": ("答复时间", "答复日期", "办结时间"),
    "result": ("办理类型", "办理结果", "答复类别", "答复类型", "办复类型", "办理类别", "类别"),
    "signer": ("签发人", "领导签发"),
    "disclosure": ("是否同意公开", "是否公开", "公开属性"),
}
LABEL_FIELD = {label: name for name, labels in LABELS.items() for label in labels}
SPACED = r"\s*".join
LABEL = re.compile(
    r"(?:^|(?<=[\s|\]】]))[\[【]?\s*(?P<label>"
    + "|".join(SPACED(label) for label in sorted(LABEL_FIELD, key=len, reverse=True))
    + r")(?:\s*[\]】]\s*[::|]?|\s*(?:[::|]|\s|$))"
)
# A row carries at least this share of labels or separators: prose that starts with 标题 is not a table.
MAX_ROW_CHARS = 220
SEPARATORS = " |:"
MAX_VALUE_CHARS = 60


def _label_name(raw: str) -> str:
    return LABEL_FIELD[re.sub(r"\s", "", raw)]


def _row(line: str) -> list[tuple[str, str]] | None:
    """`label value label value …` → pairs, or None when the line does not start with a label."""
    matches = list(LABEL.finditer(line))
    if not matches or matches[0].start() > 2 or len(line) > MAX_ROW_CHARS:
        return None
    pairs = []
    for match, following in zip(matches, [*matches[1:], None]):
        value = line[match.end(): following.start() if following else len(line)].strip(SEPARATORS + "\t")
        if len(value) > MAX_VALUE_CHARS or value.count("|") >= 2:
            return None  # a table's header row (`类别 | 民生事项名称 | …`), not a field
        pairs.append((_label_name(match.group("label")), value))
    return pairs


def _value_below(lines: list[str], index: int, pairs: list[tuple[str, str]]) -> bool:
    """A bare label (`索引号`, no colon) with nothing after it: its value is the next line.
    `访问量:` with nothing after the colon is empty, and the next line is the text."""
    bare = len(pairs) == 1 and not pairs[0][1] and not re.search(r"[::]\s*$", lines[index])
    return bare and index + 1 < len(lines) and _row(lines[index + 1]) is None


def labelled_fields(lines: list[str], *, limit: int = 60) -> dict[str, str]:
    """The first value printed for each field among the first ``limit`` lines; empty values are skipped."""
    fields: dict[str, str] = {}
    consumed: set[int] = set()
    for index, line in enumerate(lines[:limit]):
        pairs = _row(line)
        if pairs is None:
            continue
        consumed.add(index)
        if _value_below(lines, index, pairs):
            # The label alone on its line, its value on the next (`索引号` / `K2605…`).
            pairs = [(pairs[0][0], lines[index + 1].strip())]
            consumed.add(index + 1)
        for name, value in pairs:
            if value and name not in fields:
                fields[name] = value
    return fields


def labelled_lines(lines: list[str], *, limit: int = 60) -> set[int]:
    """Indexes of the lines that make up labelled fields (not part of the article's text)."""
    found = set()
    for index, line in enumerate(lines[:limit]):
        pairs = _row(line)
        if pairs is None:
            continue
        found.add(index)
        if _value_below(lines, index, pairs):
            found.add(index + 1)
    return found
