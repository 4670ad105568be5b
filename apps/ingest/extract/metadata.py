"""A page's 文号, the site it came from and who issued it."""
import re

from apps.ingest.extract.text import find_dates

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
