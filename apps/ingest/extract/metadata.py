"""A page's title, type, dates, 文号 and who issued it."""
import datetime
import re
from dataclasses import dataclass

from apps.ingest.extract.labels import labelled_lines
from apps.ingest.extract.text import CJK, find_dates

BODY_LINE_CJK = 30
# A letter's heading: `…建议的答复`, `…提案的复函`, `…建议答复的函`, `…的会办意见`, `…的答复(教育局)`.
REPLY_TITLE = re.compile(
    r"(提案|建议|议案|来信|原案|代表|委员|会议).{0,60}(答复|回复|复函|复文|答复的函|会办意见|办理情况|答复函|答复意见|办理意见)"
    r"([((][\u4e00-\u9fff]{2,12}[))])?$"
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
# A letter answering a proposal: it acknowledges receipt and answers, addressed to a member or deputy.
REPLY_OPENING = re.compile(r"收\s*悉|答复如下|现答复|作出答复|会办意见如下|答复意见如下")
REPLY_WORDS = re.compile(r"(提案|建议|议案|原案)")
SALUTATION_LINE = re.compile(r"(^|\n)[^\n。]{1,200}?(委员|代表|联络组)(们)?\s*[::]?\s*(\n|$)")
# A headline that reports an act on a document (`贵州启动…行动计划`) rather than being its name.
NEWS_HEADLINE = re.compile(r"(启动|印发|出台|发布|召开|部署|举行|获悉|将新建|将新增|拟新增|新增|新建|怎么干|\?|!)")
DOCUMENT_NAME = re.compile(r"^《?(关于|转发)|的(通知|意见|决定|批复|函)》?$")
GOVERNMENT_REPORT = re.compile(r"政府工作报告|工作报告》")
SPEECH_OPENING = re.compile(r"^([\u4e00-\u9fff]{2,4}\n)?同志们[::]")
PROGRESS_TABLE = re.compile(r"(完成情况|进展情况|落实情况)\s*\|")
PROGRAMME = re.compile(
    r"专栏|重大工程|到(19|20)\d\d年|(19|20)\d\d年.{0,40}(达到|实现|建成)|十[一二三四五]五|(率|比例)达到\d+(\.\d+)?%以上"
)
ISSUER_LINE = re.compile(r"(人民政府|办公室|办公厅|教育局|教育厅|委员会|教体局|教育和体育局)$")
# The name a report gives itself, with its subtitle run on in a preview's flattened text.
SELF_NAMED = re.compile(r"^(?P<title>.{4,50}?(汇报材料|工作报告|工作总结|工作要点|实施方案|讲话稿?|情况报告))(?P<rest>.*)$")
OPENING = re.compile(r"(今年以来|近年来|去年以来|为了|为进一步|根据|按照)")
BYLINE_WORDS = re.compile(r"(发布|发表|来源|作者|编辑|浏览|点击|围观|阅读|日期|时间)")
DOC_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,10})\s*[〔\[(【﹝]?\s*(?P<year>(?:19|20)\d\d)\s*[〕\])】﹞]\s*(?P<num>\d{1,4})\s*号?"
)
# `桃教函〔20211号`: year and serial run together; kept as printed, since either split is a guess.
RUN_TOGETHER_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,10}[〔\[(【﹝](19|20)\d{3,5}号$")
# What a reply prints after its 文号 on the same line: the result class and the disclosure flag.
DOC_NUMBER_TAIL = re.compile(r"([((]?[A-D][))]?类)?(同意公开|不同意公开|不予公开|主动公开|依申请公开)?$")
OWN_DOC_NUMBER = re.compile(rf"^{DOC_NUMBER.pattern}$")
SOURCE = re.compile(r"^来源[:]\s*(?P<name>[^\s,。]+)")
PUBLISHER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12}?社)版权所有")
WELCOME = re.compile(r"欢迎(访问|来到|光临)(?P<name>[\u4e00-\u9fff]{2,20}?)(网站|网)?[!。,\s]")
SITE_DISCLAIMER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,10}网)仅提供")
SITE_IN_BYLINE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,12}(网|报|在线))\s")
SIGNATURE_BODY = re.compile(r"^[\u4e00-\u9fff]{2,24}(局|厅|委员会|人民政府|办公室|管委会)$")
RELATIVE_BODY = re.compile(r"(?<![\u4e00-\u9fff])?(?P<level>区|市|县|省)(?P<body>教育局|教育厅|教育和体育局|教体局|教育委员会)")
GOVERNMENT_BODY = re.compile(r"(教育局|教育厅|教体局|教育委员会|人民政府|政府办公室|政协|人大)")

# The kind a title names at its end, or anywhere for the unmistakable ones.
TYPE_RULES = [
    ("reply", re.compile(r"(提案|建议|议案|来信|原案).{0,30}(答复|回复|复函|会办意见)|(答复|回复).{0,4}(提案|建议)")),
    ("work_report", re.compile(r"汇报材料|工作报告|工作总结|自\s*查\s*报\s*告|述职|讲话|情况报告|落实情况|报告$")),
    ("annual_goals", re.compile(
        r"年度.{0,6}(目标|任务)|小目标|工作要点|工作计划|计划要点|年度计划|民生实事|(19|20)\d\d年.{0,24}(计划|目标|要点|任务)"
    )),
    ("plan", re.compile(r"规划|行动计划|行动方案|实施方案|[((](19|20)\d\d\s*[-—–至]\s*(19|20)\d\d年?[))]")),
    ("policy", re.compile(r"(通知|意见|办法|方案|规定|细则)(\(试行\))?$")),
]


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


def doc_type_guess(title: str, text: str, has_byline: bool) -> str:
    """The page's kind from its title, its opening and how it is laid out, in that order of trust."""
    opening = text[:900]
    if REPLY_OPENING.search(opening) and (SALUTATION_LINE.search(opening) or REPLY_WORDS.search(opening)):
        return "reply"
    if NEWS_HEADLINE.search(title) and has_byline and not DOCUMENT_NAME.search(title):
        return "news"
    for doc_type, pattern in TYPE_RULES:
        if pattern.search(title):
            return doc_type
    if GOVERNMENT_REPORT.search(opening) or SPEECH_OPENING.match(text) or PROGRESS_TABLE.search(opening):
        return "work_report"
    if has_byline:
        return "news"
    return "plan" if PROGRAMME.search(text) else "other"


def doc_number_normalise(prefix: str, year: str, number: str) -> str:
    return f"{prefix}〔{year}〕{number}号"


def own_doc_number(lines: list[str]) -> tuple[str, bool]:
    """The page's own 文号, printed on a line of its own near the top; and whether it was repaired."""
    for line in lines[:15]:
        compact = DOC_NUMBER_TAIL.sub("", line.replace(" ", ""), count=1)
        match = OWN_DOC_NUMBER.match(compact)
        if match:
            number = doc_number_normalise(match.group("prefix"), match.group("year"), match.group("num"))
            return number, number != compact
        if RUN_TOGETHER_DOC_NUMBER.match(compact):
            return compact, True
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
        dated = find_dates(line)
        name = line[: dated[-1][1]].strip() if dated and dated[-1][1] else line  # `…教育局2023年7月11日`
        if SIGNATURE_BODY.match(name):
            return name
    return ""


def is_body_name(text: str) -> bool:
    """A value that is one body's name (`县教育局`), not a site footer's row (`…政府 承办:…`)."""
    return bool(SIGNATURE_BODY.match(text.strip()))


def relative_body(text: str) -> tuple[str, str] | None:
    """`区教育局`: the level (区/市/县/省) and the kind of body a letter calls itself by."""
    match = RELATIVE_BODY.search(text)
    return (match.group("level"), match.group("body")) if match else None


def is_government_body(name: str) -> bool:
    return bool(GOVERNMENT_BODY.search(name))


def labelled_doc_number(fields: dict[str, str]) -> str:
    """The 文号 of a metadata table, normalised; "" when the table leaves it empty."""
    match = OWN_DOC_NUMBER.match(fields.get("doc_number", "").replace(" ", ""))
    return doc_number_normalise(match.group("prefix"), match.group("year"), match.group("num")) if match else ""


def labelled_doc_number(fields: dict[str, str]) -> str:
    """The 文号 of a metadata table, normalised; "" when the table leaves it empty."""
    match = OWN_DOC_NUMBER.match(fields.get("doc_number", "").replace(" ", ""))
    return doc_number_normalise(match.group("prefix"), match.group("year"), match.group("num")) if match else ""
