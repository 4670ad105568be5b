"""The proposal a reply answers and the reply's own particulars (办理结果, 签发, 抄送 …).

A reply letter is built the same way everywhere: a heading naming the session, number and
kind (`对市政协一届一次会议第68号提案的答复`), a salutation to the member or deputy
(`张三、李四委员:`), an opening that names the proposal and acknowledges it (`您提出的《…》收悉`),
the answer, and a signature with a date, contact and copy-to lines. Sites add a record
header of labelled fields (建议号, 提案人, 办理类型 …), read by ``apps.ingest.extract.labels``.
"""
import datetime
import re

from apps.ingest.draft import ProposalDraft, ProposerDraft, ReplyDraft
from apps.ingest.extract.text import find_dates, read_damaged_date
from apps.ingest.notes import N_, note

NUMERAL = "一二三四五六七八九十百"
# `马关县第十六届人大三次会议`, `政协盐池县第十届委员会五次会议`, `邯郸市第十五届人民代表大会`.
SESSION = re.compile(
    rf"(?P<session>[\u4e00-\u9fff\d]{{0,24}}?届[\u4e00-\u9fff\d]{{0,14}}?(?:会议|大会))"
    rf"(?P<sitting>第?[{NUMERAL}\d]+次(?:全体)?会议|第?[{NUMERAL}\d]+次全会|次会议)?"
)
SESSION_LEAD = re.compile(r"关于对|关于|对|在|提交|向|的")
LEGISLATIVE = re.compile(r"政协|人大|人民代表大会|代表大会|委员会")
CONGRESS = re.compile(r"人大|人民代表大会|代表大会")
# `第68号`, `第(J027)号`, `49号提案`, `第111号、152号`; a 文号 (`〔2017〕3号`) is not a proposal number.
NUMBER = re.compile(r"第?\s*[((]?\s*(?P<number>[A-Za-z]{0,6}\d{1,12}(?:-\d{1,6})?)\s*[))]?\s*号(?P<more>(?:\s*[、,]\s*第?\d{1,6}号)*)")
DOC_NUMBER_LIKE = re.compile(r"[〔\[(【﹝]\s*(19|20)\d\d\s*[〕\])】﹞]?\s*\d*\s*号")
KIND_WORD = re.compile(r"提案|建议|议案|原案|来信")
ITEM_IN_HEADING = re.compile(r"(?P<kind>提案|建议|议案)[》”]?的?(答复|复函|回复|办理|会办)")
ITEM_ACKNOWLEDGED = re.compile(
    r"(?P<kind>提案|建议|议案|原案)[》”\"]?\s*(?:[((]第?[A-Za-z\d]+号[))])?\s*[,,]?\s*(?:已)?(?:收\s*悉|交)"
)
OWN_TITLE = [
    re.compile(r"提出的(?:关于)?《(?P<title>[^《》]{2,90})》"),
    re.compile(r"提出的(?:关于)?[“\"](?P<title>[^”\"]{2,90})[”\"]"),
    re.compile(r"(?P<title>关于[^。“”《》]{2,90}?的(?:建议|提案|议案))》?\s*(?:[((]第?\d+号[))])?\s*(?:已)?收\s*悉"),
    re.compile(r"《(?P<title>[^《》]{2,90}?(?:建议|提案|议案))》"),
]
# `张三、李四委员:` on a line of its own, or after the heading in a page flattened onto one line.
SALUTATION = re.compile(
    rf"(?:^|(?<=[\s。!?]))(?:尊敬的)?(?P<names>[\u4e00-\u9fff·、,]{{2,300}}?)\s*(?P<count>等[\d{NUMERAL}]*[名位]?)?"
    r"\s*(?:领衔)?(?P<role>委员|代表|同志)\s*(?:[::]|$)"
)
# `驻温泉委员联络组:`: a group, named as printed.
# `驻温泉委员联络组:`, `民盟某市委员会:`: a group or a party committee, named as printed.
GROUP_SALUTATION = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,20}(?:联络组|小组|工作组|界别|支部)"
    r"|(?:中国)?(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|工商联|共青团|妇联|科协|侨联)[\u4e00-\u9fff]{0,16})\s*[::]$"
)
ADDRESSEE_BODY = re.compile(r"(厅|局|政府|办公室|委员会|同志们|各位)[::]?$")
NAMED_IN_TEXT = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})(?P<role>代表|委员)(?:等)?提出的")
SUBMITTED_BY = re.compile(r"对(?P<name>[\u4e00-\u9fff]{3,20}?)提交")

RESULT_LETTER = re.compile(r"(?<![A-Za-z])[((]?\s*(?P<code>[A-D])\s*[))]?\s*类")
RESULT_WORDS = [
    ("A", re.compile(r"已解决|基本解决|解决采纳|已经解决|采纳")),
    ("B", re.compile(r"正在解决|列入计划|计划解决|拟解决")),
    ("C", re.compile(r"暂不能解决|留作参考|条件限制|不能解决")),
]
DISCLOSURE = re.compile(r"(是否同意公开|是否公开|公开属性)[:]\s*(?P<answer>是|否|同意|不同意|主动公开|不予公开|不公开)|(?P<bare>同意公开|不同意公开|不予公开)")
SIGNER = re.compile(r"(领导签发|签发人|签发)[:]\s*(?P<name>[\u4e00-\u9fff]{2,4})")
CONTACT = re.compile(r"(联系人|承办人|联系单位)(及联系电话|及电话|和电话|电话)?[::]?\s*(?P<contact>[^\n)]+)")
COPY_TO = re.compile(r"抄送[:]\s*(?P<bodies>[^\n]+)")
CO_HANDLING = [
    re.compile(r"经与(?P<units>[\u4e00-\u9fff、]{3,30}?)(共同研究|研究|协商)"),
    re.compile(r"交我[局委厅单位]+和(?P<units>[\u4e00-\u9fff]{2,20}?)研究办理"),
    re.compile(r"综合(?P<units>[\u4e00-\u9fff、]{3,60}?)等单位意见"),
]
# 抄送 lists lose their separators; a new body starts where one ends and a level word follows.
BODY_END = re.compile(r"(委员会|办公厅|办公室|教育局|教育厅|人民政府|常委会|财政局)(?=[市省区县])")
SIGNATURE_LINE_CHARS = 40
YES = {"是", "同意", "主动公开", "同意公开"}
OPENING_LINES = 12


def _sessions(text: str) -> list[tuple[str, str, str]]:
    """Every session named in ``text``: the session, what follows it (`第六次会议`, or `次会议` when the
    ordinal is lost) and the text right after it, where the proposal's number usually stands."""
    found = []
    for match in SESSION.finditer(text):
        session = SESSION_LEAD.split(match.group("session"))[-1]
        if LEGISLATIVE.search(session) and "届" in session:
            found.append((session, match.group("sitting") or "", text[match.end(): match.end() + 24]))
    return found


def _number(text: str) -> str:
    for match in NUMBER.finditer(DOC_NUMBER_LIKE.sub("", text)):
        tail = match.string[match.end(): match.end() + 12]
        head = match.string[max(0, match.start() - 30): match.start()]
        if KIND_WORD.search(tail) or KIND_WORD.search(head) or "会议" in head or match.group(0).startswith("第"):
            numbers = [match.group("number"), *re.findall(r"\d{1,6}", match.group("more"))]
            return "、".join(numbers)
    return ""


def _kind(session: str, heading: str, opening: str, role: str | None) -> str:
    """提案 (a CPPCC member's) or 建议 (a deputy's). The session's body decides; then the word the letter
    uses for the item itself, where 提案 is only ever a member's but 建议 is also the usual title of
    one (`关于…的建议`); then whom the letter greets."""
    if session:
        return "suggestion" if CONGRESS.search(session) else "proposal"
    item = ITEM_IN_HEADING.search(heading) or ITEM_ACKNOWLEDGED.search(opening)
    if item and item.group("kind") == "提案":
        return "proposal"
    if role:
        return "proposal" if role == "委员" else "suggestion"
    return "suggestion"


def greets_a_proposer(lines: list[str]) -> bool:
    """Whether the letter opens by greeting a member, a deputy or their group (`张三委员:`)."""
    return any(
        (match := SALUTATION.search(line.strip())) and not ADDRESSEE_BODY.search(match.group("names"))
        or GROUP_SALUTATION.match(line.strip())
        for line in lines[:OPENING_LINES]
    )


def _proposers(opening: list[str], text: str, fields: dict[str, str]) -> tuple[list[ProposerDraft], str | None, list[str]]:
    """The people or group who filed it; their role; notes on co-signers the page only counts."""
    notes = []
    for line in opening:
        salutation = SALUTATION.search(line.strip())
        if salutation and not ADDRESSEE_BODY.search(salutation.group("names")):
            names = [n.strip() for n in re.split(r"[、,,\s]+", salutation.group("names")) if n.strip()]
            count = salutation.group("count") or ""
            if count:
                notes.append(note(N_("“%(printed)s”：联名人未逐一列出，只记录了领衔人"),
                                  printed=f"{salutation.group('names')}{count}{salutation.group('role')}"))
            role = None if salutation.group("role") == "同志" else salutation.group("role")
            return [ProposerDraft(name=name, role=role) for name in names], role, notes
        group = GROUP_SALUTATION.match(line.strip())
        if group:
            role = "委员" if "委员" in group.group("name") else None
            return [ProposerDraft(name=group.group("name"), role=role)], role, notes
    if fields.get("proposer"):
        names = [n for n in re.split(r"[、,,\s]+", fields["proposer"]) if n]
        return [ProposerDraft(name=n, role=None) for n in names], None, notes
    named = NAMED_IN_TEXT.search(text)
    if named:
        return [ProposerDraft(name=named.group("name"), role=named.group("role"))], named.group("role"), notes
    submitted = SUBMITTED_BY.search(text)
    if submitted:
        return [ProposerDraft(name=submitted.group("name"), role=None)], None, notes
    return [], None, notes


def _own_title(text: str, fields: dict[str, str]) -> str:
    if fields.get("proposal_title"):
        return fields["proposal_title"].strip()
    for pattern in OWN_TITLE:
        match = pattern.search(text)
        if match:
            return match.group("title").strip()
    return ""


def proposal_read(text: str, *, title: str = "", fields: dict[str, str] | None = None) -> tuple[ProposalDraft | None, list[str]]:
    """The proposal from the letter's heading, salutation, opening and record header; notes on what was guessed.

    ``text`` is the letter from its heading on; ``title`` its heading when read apart.
    """
    fields = fields or {}
    lines = [line for line in text.split("\n") if line.strip()]
    opening_text = "".join(lines[:OPENING_LINES]).replace(" ", "")
    heading = (title or (lines[0] if lines else "")).replace(" ", "")
    notes = []
    sessions = _sessions(fields.get("session", "")) or _sessions(heading) or _sessions(opening_text)
    if sessions and not sessions[0][1]:
        # A heading broken after the session (`…人民代表大会` / `次会议第76号…`): the opening goes on.
        sessions = [s for s in _sessions(opening_text) if s[0] == sessions[0][0] and s[1]] or sessions
    session, after_session = "", ""
    if sessions:
        session, sitting, after_session = sessions[0]
        if sitting == "次会议":
            notes.append(note(N_("会议届次缺少次数（“%(session)s 次会议”），按原文保留"), session=session))
        elif sitting:
            session += sitting
    number = (
        re.sub(r"\s|号$", "", fields.get("proposal_number", ""))
        or _number(after_session if re.match(r"\s*第?\s*[((]?[A-Za-z]*\d", after_session) else "")
        or _number(heading) or _number(opening_text)
    )
    proposers, role, proposer_notes = _proposers(lines[:OPENING_LINES], opening_text, fields)
    notes.extend(proposer_notes)
    if not (session or number or proposers):
        return None, []
    kind = _kind(session, heading, opening_text, role)
    role = role or ("委员" if kind == "proposal" else "代表")
    proposers = [ProposerDraft(name=p.name, role=p.role or role) for p in proposers]
    return (
        ProposalDraft(kind=kind, session=session, number=number, title=_own_title(opening_text, fields),
                      proposers=proposers),
        notes,
    )


def reply_date_read(lines: list[str]) -> tuple[datetime.date | None, str | None]:
    """The date under the signature; a damaged one (`2018年726`, `2021830`) comes with a note."""
    for line in reversed(lines[-8:]):
        dates = find_dates(line)
        if dates and (len(line) <= SIGNATURE_LINE_CHARS or line.rstrip().endswith("日")):
            return dates[-1][0], None
        if len(line) > SIGNATURE_LINE_CHARS:
            continue
        damaged = read_damaged_date(line)
        if damaged:
            return damaged, note(N_("答复日期印作“%(printed)s”，读作 %(date)s"), printed=line.strip(),
                                 date=damaged.isoformat())
    return None, None


def copy_to_split(bodies: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[、,;]", bodies) if p.strip()]
    return [piece for part in parts for piece in BODY_END.sub("\\1\n", part).split("\n") if piece]


def _result(head: str, fields: dict[str, str]) -> tuple[str, str]:
    """The handling result as a letter and as the words printed (`B类`, `办理类型 B`, `列入计划`)."""
    printed = fields.get("result", "")
    letter = re.fullmatch(r"\s*[((]?\s*([A-D])\s*[))]?\s*类?\s*", printed)
    if letter:
        return letter.group(1), ""
    for code, words in RESULT_WORDS:
        if printed and words.search(printed):
            return code, printed.strip()
    match = RESULT_LETTER.search(head)
    return (match.group("code"), "") if match else ("", "")


def _co_handling(text: str, fields: dict[str, str]) -> list[str]:
    if fields.get("co_handling"):
        return [u for u in re.split(r"[、,,\s]+", fields["co_handling"]) if u]
    for pattern in CO_HANDLING:
        match = pattern.search(text)
        if match:
            # 和 joins two units only after a unit's name ends: 县发展和改革局 is one.
            return [u for u in re.split(r"、|(?<=[局委办厅队所院会部心])和", match.group("units")) if len(u) >= 2]
    return []


def reply_read(text: str, *, head: str = "", fields: dict[str, str] | None = None) -> tuple[ReplyDraft, list[str]]:
    """The reply's particulars from the letter (``text``), the lines above its salutation (``head``) and labels."""
    fields = fields or {}
    lines = [line for line in text.split("\n") if line.strip()]
    reply_date, note = reply_date_read(lines)
    labelled_date = find_dates(fields.get("reply_date", ""))
    if labelled_date:
        reply_date, note = labelled_date[0][0], None
    code, words = _result(head, fields)
    disclosure = DISCLOSURE.search(head + "\n" + text)
    signer = fields.get("signer") or (match.group("name") if (match := SIGNER.search(head + "\n" + text)) else "")
    contact = CONTACT.search(text)
    copy_to = COPY_TO.search(text)
    return (
        ReplyDraft(
            reply_date=reply_date,
            result_code=code,
            result_text=words,
            disclosure=None if not disclosure else (disclosure.group("answer") or disclosure.group("bare")) in YES,
            signer=signer.strip(),
            contact=" ".join(contact.group("contact").split()).strip(":") if contact else "",
            copy_to=copy_to_split(copy_to.group("bodies")) if copy_to else [],
            co_handling=_co_handling(text, fields),
        ),
        [note] if note else [],
    )
