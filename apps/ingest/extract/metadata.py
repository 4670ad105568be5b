"""A page's title, type, dates, 文号 and who issued it."""
import datetime
import re
from dataclasses import dataclass

from apps.ingest.extract.text import CJK, find_dates

BODY_LINE_CJK = 30
REPLY_TITLE = re.compile(r"(的答复|的回复|答复函?)$")
# The name a report gives itself, with its subtitle run on in a preview's flattened text.
SELF_NAMED = re.compile(r"^(?P<title>.{4,50}?(汇报材料|工作报告|工作总结|工作要点|实施方案|讲话稿?|情况报告))(?P<rest>.*)$")
OPENING = re.compile(r"(今年以来|近年来|去年以来|为了|为进一步|根据|按照)")
BYLINE_WORDS = re.compile(r"(发布|发表|来源|作者|编辑|浏览|点击|围观|阅读|日期|时间)")
DOC_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,10})\s*[〔\[(【]?\s*(?P<year>(?:19|20)\d\d)\s*[〕\])】]\s*(?P<num>\d{1,4})\s*号?"
)
OWN_DOC_NUMBER = re.compile(rf"^{DOC_NUMBER.pattern}$")
SOURCE = re.compile(r"^来源[:]\s*(?P<name>[^\s,。]+)")
PUBLISHER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12}?社)版权所有")
WELCOME = re.compile(r"欢迎(访问|来到|光临)(?P<name>[\u4e00-\u9fff]{2,20}?)(网站|网)?[!。,\s]")
SITE_DISCLAIMER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,10}网)仅提供")
SITE_IN_BYLINE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,12}(网|报|在线))\s")
SIGNATURE_BODY = re.compile(r"^[\u4e00-\u9fff]{2,20}(教育局|教育厅|教育委员会|教育和体育局|教体局|人民政府|办公室|委员会)$")
RELATIVE_BODY = re.compile(r"(?<![\u4e00-\u9fff])?(?P<level>区|市|县|省)(?P<body>教育局|教育厅|教育和体育局|教体局|教育委员会)")
GOVERNMENT_BODY = re.compile(r"(教育局|教育厅|教体局|教育委员会|人民政府|政府办公室|政协|人大)")

TYPE_RULES = [
    ("reply", re.compile(r"(提案|建议|议案).{0,6}(答复|回复)|(答复|回复).{0,4}(提案|建议)")),
    ("annual_goals", re.compile(r"年度.{0,6}目标|小目标|工作要点|年度计划")),
    ("work_report", re.compile(r"汇报材料|工作报告|工作总结|述职")),
    ("policy", re.compile(r"(通知|意见|办法|方案|规定|细则|规划)(\(试行\))?$")),
]


@dataclass(frozen=True)
class Header:
    """The top of the article: its title line and what the byline lines say."""

    title: str
    title_line: int
    byline_lines: tuple[int, ...]
    publish_date: datetime.date | None


def _is_byline(line: str) -> bool:
    return len(line) <= 80 and "。" not in line and bool(find_dates(line)) and (
        bool(BYLINE_WORDS.search(line)) or bool(re.search(r"\d{1,2}:\d{2}", line)) or len(CJK.findall(line)) <= 12
    )


def _header_zone(lines: list[str]) -> int:
    """Index of the first body line: everything above it is title, byline and page furniture."""
    for index, line in enumerate(lines):
        if len(CJK.findall(line)) >= BODY_LINE_CJK:
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


def header_read(lines: list[str], html_title: str = "") -> Header:
    zone = _header_zone(lines)
    bylines = tuple(i for i in range(min(zone + 1, len(lines))) if _is_byline(lines[i]))
    dates = [day for i in bylines for day, _ in find_dates(lines[i])]
    publish_date = dates[0] if dates else None

    for index in range(min(zone, 8)):
        if REPLY_TITLE.search(lines[index]):
            return Header(lines[index], index, bylines, publish_date)
    if bylines:
        for index in range(bylines[0] - 1, -1, -1):
            if len(CJK.findall(lines[index])) >= 5:
                return Header(lines[index], index, bylines, publish_date)
    if lines:
        self_named = _self_named_title(lines[0])
        if self_named:
            return Header(self_named, 0, bylines, publish_date)
        if len(lines[0]) <= 60 and "。" not in lines[0]:
            return Header(lines[0], 0, bylines, publish_date)
    return Header(html_title, 0, bylines, publish_date)


def doc_type_guess(title: str, text: str, has_byline: bool) -> str:
    for doc_type, pattern in TYPE_RULES:
        if pattern.search(title):
            return doc_type
    if re.search(r"(提案|建议)收悉", text[:600]):
        return "reply"
    return "news" if has_byline else "other"


def doc_number_normalise(prefix: str, year: str, number: str) -> str:
    return f"{prefix}〔{year}〕{number}号"


def own_doc_number(lines: list[str]) -> tuple[str, bool]:
    """The page's own 文号, printed on a line of its own near the top; and whether it was repaired."""
    for line in lines[:15]:
        match = OWN_DOC_NUMBER.match(line.replace(" ", ""))
        if match:
            number = doc_number_normalise(match.group("prefix"), match.group("year"), match.group("num"))
            return number, number != line.replace(" ", "")
    return "", False


def source_site(full_text: str, misleading: list[str]) -> str:
    """The site the page was captured from, as it names itself."""
    for line in misleading:
        match = WELCOME.search(line + " ")
        if match:
            return match.group("name")
    lines = full_text.split("\n")
    for line in lines[:12]:
        match = SITE_IN_BYLINE.match(line)
        if match and find_dates(line):
            return match.group("name")
    for pattern in (PUBLISHER, SITE_DISCLAIMER):
        match = pattern.search(full_text)
        if match:
            return match.group("name").removesuffix("社")
    return ""


def publisher(full_text: str) -> str:
    """The body a news page names as its source (来源:…) or copyright holder (…社版权所有)."""
    for line in full_text.split("\n"):
        match = SOURCE.match(line)
        if match:
            return match.group("name")
    match = PUBLISHER.search(full_text)
    return match.group("name") if match else ""


def signature_body(lines: list[str]) -> str:
    """The body that signs a letter: a line holding only its name, near the end."""
    for line in reversed(lines[-10:]):
        if SIGNATURE_BODY.match(line):
            return line
    return ""


def relative_body(text: str) -> tuple[str, str] | None:
    """`区教育局`: the level (区/市/县/省) and the kind of body a letter calls itself by."""
    match = RELATIVE_BODY.search(text)
    return (match.group("level"), match.group("body")) if match else None


def is_government_body(name: str) -> bool:
    return bool(GOVERNMENT_BODY.search(name))
