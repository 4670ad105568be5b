"""The proposal a reply answers and the reply's own particulars (办理结果, 签发, 抄送 …)."""
import datetime
import re

from apps.ingest.draft import ProposalDraft, ProposerDraft, ReplyDraft
from apps.ingest.extract.text import find_dates, read_damaged_date

SESSION = re.compile(
    r"对(?P<body>[^,。:]{2,40}?(?:会议|大会))"
    r"(?P<sitting>第?[一二三四五六七八九十\d]+次会议|次会议)?"
    r"\s*第?\s*(?P<number>[A-Za-z0-9]+)\s*号\s*(?P<kind>提案|建议)"
)
QUOTED_TITLE = re.compile(r"关于[“\"](?P<title>[^”\"]{2,80})[”\"]的(提案|建议)")
PLAIN_TITLE = re.compile(r"(?P<title>关于[^。“”]{2,80}?的(提案|建议))收悉")
SALUTATION = re.compile(r"^(?P<names>[\u4e00-\u9fff、,]{2,40}?)(等\d*[名位]?)?(?P<role>委员|代表)(们)?[:]")
RESULT_CODE = re.compile(r"办理结果[:]\s*(?P<code>[A-D])")
DISCLOSURE = re.compile(r"(是否同意公开|是否公开|公开属性)[:]\s*(?P<answer>是|否|同意|不同意|主动公开|不予公开|不公开)")
SIGNER = re.compile(r"(领导签发|签发人|签发)[:]\s*(?P<name>[\u4e00-\u9fff]{2,4})")
CONTACT = re.compile(r"联系人(及电话|和电话|电话)?[:]\s*(?P<contact>[^\n]+)")
COPY_TO = re.compile(r"抄送[:]\s*(?P<bodies>[^\n]+)")
# 抄送 lists lose their separators; a new body starts where one ends and a level word follows.
BODY_END = re.compile(r"(委员会|办公厅|办公室|教育局|教育厅|人民政府|常委会|财政局)(?=[市省区县])")
SIGNATURE_LINE_CHARS = 30
YES = {"是", "同意", "主动公开"}


def proposal_read(text: str) -> tuple[ProposalDraft | None, list[str]]:
    """The proposal from a reply's title and salutation; notes on what had to be guessed."""
    flat = text.replace("\n", "")
    match = SESSION.search(flat)
    if not match:
        return None, []
    notes = []
    session = match.group("body")
    sitting = match.group("sitting") or ""
    if sitting and sitting != "次会议":
        session += sitting
    elif sitting:
        notes.append(f"the session's sitting has no ordinal on the page ({match.group('body')} 次会议)")
    kind = "proposal" if match.group("kind") == "提案" else "suggestion"
    title_match = QUOTED_TITLE.search(flat) or PLAIN_TITLE.search(flat)
    proposers = []
    for line in text.split("\n")[:20]:
        salutation = SALUTATION.match(line)
        if salutation:
            names = [n for n in re.split(r"[、,]", salutation.group("names")) if n]
            proposers = [ProposerDraft(name=n, role=salutation.group("role")) for n in names]
            break
    return (
        ProposalDraft(
            kind=kind,
            session=session,
            number=match.group("number"),
            title=title_match.group("title") if title_match else "",
            proposers=proposers,
        ),
        notes,
    )


def reply_date_read(lines: list[str]) -> tuple[datetime.date | None, str | None]:
    """The date under the signature; a damaged one (`2018年726`) comes with a note."""
    for line in reversed(lines[-8:]):
        if len(line) > SIGNATURE_LINE_CHARS:
            continue
        dates = find_dates(line)
        if dates:
            return dates[-1][0], None
        damaged = read_damaged_date(line)
        if damaged:
            return damaged, f"reply date printed as “{line.strip()}”, read as {damaged.isoformat()}"
    return None, None


def copy_to_split(bodies: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[、,;]", bodies) if p.strip()]
    return [piece for part in parts for piece in BODY_END.sub("\\1\n", part).split("\n") if piece]


def reply_read(text: str) -> tuple[ReplyDraft, list[str]]:
    lines = [line for line in text.split("\n") if line.strip()]
    reply_date, note = reply_date_read(lines)
    result = RESULT_CODE.search(text)
    disclosure = DISCLOSURE.search(text)
    signer = SIGNER.search(text)
    contact = CONTACT.search(text)
    copy_to = COPY_TO.search(text)
    return (
        ReplyDraft(
            reply_date=reply_date,
            result_code=result.group("code") if result else "",
            disclosure=None if not disclosure else disclosure.group("answer") in YES,
            signer=signer.group("name") if signer else "",
            contact=" ".join(contact.group("contact").split()) if contact else "",
            copy_to=copy_to_split(copy_to.group("bodies")) if copy_to else [],
        ),
        [note] if note else [],
    )
