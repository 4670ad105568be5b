"""The top of a page: its title, its byline and the date it was published."""
import datetime
import re
from dataclasses import dataclass

from apps.ingest.extract.labels import labelled_lines
from apps.ingest.extract.metadata import OWN_DOC_NUMBER
from apps.ingest.extract.text import CJK, find_dates

BODY_LINE_CJK = 30
# A letter's heading: `…建议的答复`, `…提案的复函`, `…建议答复的函`, `…的会办意见`, `…的答复(教育局)`.
REPLY_TITLE = re.compile(
    r"(提案|建议|议案|来信|原案|代表|委员|会议).{0,60}(答复|回复|复函|复文|答复的函|会办意见|办理情况|答复函|答复意见|办理意见)"
    r"([((][^()()]{2,24}[))])?$"
)
EMBEDDED_REPLY_TITLE = re.compile(
    r"(?:^|(?<=[\s:]))(?P<title>[^\s。:,]{0,30}?(?:关于|对)[^。\s:]{4,90}?(?:提案|建议|议案|原案)[^。\s:]{0,16}?"
    r"(?:答复函|答复|复函|回复|会办意见))"
)
REPLY_HEAD = re.compile(r"(提案|建议|议案|来信|原案)的?$")
NOT_A_TITLE = re.compile(
    r"(位置|首页\s*[>>/]|>>|无障碍|简体版|繁体版|长辈版|关怀版|^登录|^注册|\.(png|jpe?g|gif)$|^附件\s*\d*$|^(来源|作者|发布|浏览|访问|点击|字体|日期|时间|分享|扫一扫)"
    r"|^(索\s*引\s*号|文\s*号|标\s*题|名\s*称|信息名称)|^[((]?\s*[A-D]\s*[))]?\s*类|同意公开$)"
)
BYLINE_LABEL = re.compile(r"^(来源|发布时间|发布日期|发表时间|时间|日期|作者)\s*[::]")
# A record header of labelled fields can stand above a letter's heading (建议号, 提案人, 内容 …).
REPLY_TITLE_LINES = 20
TRAILING_DATE = re.compile(r"\s+([\u4e00-\u9fff]{1,4}\s*[::]?\s*)?((19|20)\d\d[-./年]\d{1,2}|\d{1,2}\.\d{1,2}\.(19|20)\d\d)")
BYLINE_START = re.compile(r"\s(发布时间|发布日期|时间|日期|来源)\s*[::]")
DECLARED_TITLE = re.compile(
    r"(制定|制订|印发|出台)(了|本)?《(?P<title>[^《》]{6,80})》|^《(?P<issued>[^《》]{6,80})》[^。]{0,40}(印发|转发)给你们"
)
ISSUER_LINE = re.compile(r"(人民政府|办公室|办公厅|教育局|教育厅|委员会|教体局|教育和体育局)$")
# The name a report gives itself, with its subtitle run on in a preview's flattened text.
SELF_NAMED = re.compile(r"^(?P<title>.{4,50}?(汇报材料|工作报告|工作总结|工作要点|实施方案|讲话稿?|情况报告))(?P<rest>.*)$")
OPENING = re.compile(r"(今年以来|近年来|去年以来|为了|为进一步|根据|按照)")
BYLINE_WORDS = re.compile(r"(发布|发表|来源|作者|编辑|浏览|点击|围观|阅读|日期|时间)")


@dataclass(frozen=True)
class Header:
    """The top of the article: its title line and what the byline lines say."""

    title: str
    title_line: int
    byline_lines: tuple[int, ...]
    publish_date: datetime.date | None
    title_lines: tuple[int, ...] = ()
    labelled_lines: frozenset[int] = frozenset()


def _is_byline(line: str) -> bool:
    return len(line) <= 80 and "。" not in line and bool(find_dates(line)) and (
        bool(BYLINE_WORDS.search(line)) or bool(re.search(r"\d{1,2}:\d{2}", line)) or len(CJK.findall(line)) <= 12
    )


def _is_body_line(line: str) -> bool:
    return len(CJK.findall(line)) >= BODY_LINE_CJK and bool(re.search(r"[,。;、]", line))


def _header_zone(lines: list[str]) -> int:
    """Index of the first body line: everything above it is title, byline and page furniture."""
    for index, line in enumerate(lines):
        if _is_body_line(line):
            return index
    return len(lines)


def _self_named_title(line: str) -> str | None:
    match = SELF_NAMED.match(line)
    if not match:
        return None
    title, rest = match.group("title"), match.group("rest")
    opening = OPENING.search(rest)
    if opening and 4 <= opening.start() <= 30:
        return f"{title}:{rest[: opening.start()]}"
    return title


def can_be_title(line: str) -> bool:
    """Lines that are never a document's title: navigation, file names, salutations, dates, labels."""
    return (
        len(CJK.findall(line)) >= 4
        and not NOT_A_TITLE.search(line)
        and not line.rstrip().endswith((":", ":"))
        and not OWN_DOC_NUMBER.match(line.replace(" ", ""))
    )


def _reply_title(lines: list[str], zone: int, skip: set[int]) -> tuple[str, tuple[int, ...]] | None:
    """A letter's own heading (`…建议的答复`), also when it is broken over two lines (`…建议的` / `答 复`)."""
    for index in range(min(max(zone + 1, REPLY_TITLE_LINES), len(lines))):
        line = lines[index]
        if index in skip or not can_be_title(line) or len(line) > 90 or "。" in line:
            continue
        if REPLY_TITLE.search(line):
            return line, (index,)
        following = lines[index + 1].replace(" ", "") if index + 1 < len(lines) else ""
        if REPLY_HEAD.search(line) and following in ("答复", "复函", "的答复", "答复函", "回复"):
            return line + following, (index, index + 1)
    for index, line in enumerate(lines[:3]):
        embedded = EMBEDDED_REPLY_TITLE.search(line) if len(line) > 90 else None
        if embedded:  # a page flattened onto a few long lines: the heading runs into what follows it
            return embedded.group("title"), (index,)
    return None


def _title_cut(value: str) -> str:
    """A title printed on one line with its byline (`…规划 发布时间:2022-03-19`, `…计划 发布 2024-03-13`),
    or twice over (`标题 标题`)."""
    cut = BYLINE_START.search(value) or TRAILING_DATE.search(value)
    title = (value[: cut.start()] if cut else value).strip().rstrip(",,")
    half = title[: len(title) // 2].strip()
    return half if half and title == f"{half} {half}" else title


def _declared_title(lines: list[str]) -> str:
    """`特制定《X》`, `现将《X》印发给你们`: the document naming itself in its first paragraphs."""
    for line in lines[:6]:
        match = DECLARED_TITLE.search(line)
        if match:
            return match.group("title") or match.group("issued")
    return ""


def header_read(lines: list[str], html_title: str = "", fields: dict[str, str] | None = None) -> Header:
    fields = fields or {}
    skip = frozenset(labelled_lines(lines))
    zone = _header_zone(lines)
    bylines = tuple(
        i for i in range(min(zone + 1, len(lines)))
        if _is_byline(lines[i]) and (i not in skip or BYLINE_LABEL.match(lines[i]))
    )
    publish_date = _publish_date(lines, zone, bylines, fields)

    def header(title: str, index: int, title_lines: tuple[int, ...] = ()) -> Header:
        return Header(_title_cut(title), index, bylines, publish_date, title_lines or (index,), skip)

    reply = _reply_title(lines, zone, skip)
    if reply:
        return header(reply[0], reply[1][0], reply[1])
    labelled = _title_cut(fields.get("title", ""))
    if can_be_title(labelled):
        index = next((i for i, line in enumerate(lines[: zone + 1]) if i not in skip and labelled in line), 0)
        return header(labelled, index)
    if bylines:
        for index in range(bylines[0] - 1, -1, -1):
            if index not in skip and can_be_title(lines[index]):
                return header(lines[index], index)
    candidates = [i for i in range(min(zone + 1, len(lines))) if i not in skip and can_be_title(lines[i])]
    if candidates:
        first = candidates[0]
        self_named = _self_named_title(lines[first])
        if self_named:
            return header(self_named, first)
        if len(lines[first]) <= 60 and "。" not in lines[first] and not lines[first].startswith(("(", "(")):
            return header(lines[first], first)
    declared = _declared_title(lines)
    if declared:
        return Header(declared, 0, bylines, publish_date, (), skip)
    if can_be_title(html_title):
        return Header(html_title, 0, bylines, publish_date, (), skip)
    return Header("", 0, bylines, publish_date, (), skip)


def _publish_date(lines, zone, bylines, fields) -> datetime.date | None:
    for name in ("published", "written"):
        dates = find_dates(fields.get(name, ""))
        if dates:
            return dates[0][0]
    dates = [day for i in bylines for day, _ in find_dates(lines[i])]
    if dates:
        return dates[0]
    return dateline(lines[: zone + 2]) or _signed_date(lines)


def dateline(lines: list[str]) -> datetime.date | None:
    """`2025-02-23【…记者…】`: a news agency's date opening the first paragraph."""
    for line in lines:
        dates = find_dates(line[:12])
        if dates and dates[0][1] == 0:
            return dates[0][0]
    return None


def _signed_date(lines: list[str]) -> datetime.date | None:
    """The date under a cover letter's signature near the top (`…人民政府办公室` / `2022年4月19日`)."""
    for index, line in enumerate(lines[1:12], start=1):
        dates = find_dates(line)
        if dates and len(line) <= 16 and ISSUER_LINE.search(lines[index - 1]):
            return dates[0][0]
    return None
