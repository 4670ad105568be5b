"""The promises of a reply letter: what the bureau says it will do, one record per promise.

A promise is a sentence of intent (将, 下一步, 力争, 争取, 拟, 计划于, 待…后, 正在 + an action)
or a plan the work was put into (纳入/列入…计划/规划, done or not). The bureau's account of
what it already did, the letter's courtesies (感谢…支持) and the restated proposal are not;
nor is a sentence that sets a figure, which is a target. The quote starts at the clause where
the intent does, so it reads as the promise and not as the paragraph around it.
"""
import re

from apps.ingest.draft import CommitmentDraft
from apps.ingest.extract.tense import FIVE_YEAR_PLANS
from apps.ingest.extract.text import clauses, sentences
from apps.ingest.numbers import to_decimal

INTENT = re.compile(
    r"(?<![即已])将(?![近来军]|成为|是|对|使|给|带来|产生|起到|有|得到)|下一步|下步|接下来|今后|力争|争取|(?<![计规])拟"
    r"|还将|(?<!不)会(?=[^,。]{0,6}?(?:加强|推进|积极|继续|进一步|有序|尽快|协调|争取|配合|督促))|会同"
    r"|计划(?:于|在|\d{4})|预计|(?:正|还)在(?:开展|进行|协调|争取|规划|推进|建设|筹措|研究|多方)"
    r"|(?:纳入|列入)[^,。]{0,40}(?:计划|规划|项目|行动|范围?)|(?:19|20)\d\d\s*年之?前"
)
# A section that lays out what comes next (`下一步工作打算`, `三、今后措施`): its points are promises.
AHEAD_HEADING = re.compile(r"下一步|下步|今后|打算|工作计划|工作思路|努力方向")
HEADING_CHARS = 24
COURTESY = re.compile(
    r"感谢|欢迎|希望[^。]*(?:继续|一如既往|多提)|关心和支持|批评指正|宝贵意见|意见和建议|联系人|联系电话|邮政编码|抄送"
    r"|收悉|今后的工作中"
)
# `下一步做好以下工作:一是…;二是…`: the points of a list that a promise opens are promises.
LIST_OPENER = re.compile(r"(?:以下|如下|几个方面|几方面)[^,。;]{0,8}[::]")
ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+是|[((][一二三四五六七八九十\d]+[))]|\d+[.、.])")
# How the letter came to be written: handling the proposal is the letter's business, not a promise.
HANDLING = re.compile(r"办理(?:意见|情况|答复|结果)|答复如下|征询意见|提案委员会|[您你]们?(?:提出|所提)的")
# A figure with its unit (not a year or a date): a numeric promise is a target, not a commitment.
FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|%|所|个|套|万|亿|元|人|名|间|平方米|台|张|辆|座|栋|班|公里|米|亩|床|册|项|场)")
PAST = re.compile(r"(?<![为除])了(?!解)")
# What a project will bring (`建成后可有效解决…问题`, `将切实满足…`): an outcome, not a promise.
OUTCOME = re.compile(r"(?:可|能|将)(?:有效|切实|基本|彻底)?(?:解决|满足|缓解)")
SHORTEST_PROMISE = 6
QUOTE_CHARS = 150

KINDS = [
    ("plan", re.compile(r"(?:纳入|列入)[^,。]{0,40}(?:计划|规划)")),
    ("funding", re.compile(r"资金|经费|补助|投入|筹措")),
    ("policy", re.compile(r"出台|制定|印发|修订|办法|政策|方案")),
    ("study", re.compile(r"调研|研究|论证|研判|征求|摸底")),
    ("project", re.compile(r"建设|新建|改扩建|扩建|修缮|开工|竣工|完工|搬迁|装修|项目")),
    ("coordinate", re.compile(r"协调|配合|沟通|对接")),  # 会同 X 开展 Y: Y is the action
    ("strengthen", re.compile(r"加强|推进|加大|优化|深化|完善|提升|推动|落实")),
]
EXPLICIT_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
WITHIN_YEARS = re.compile(r"([一二两三四五六七八九十\d]+)\s*年(?:之?内|时间)")
THIS_YEAR = re.compile(r"年内|今年|本年度|年底前")
NEXT_YEAR = re.compile(r"明年")
FIVE_YEAR_PLAN = re.compile(r"(十[一二三四五]五)")
LEADING_WORDS = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[((][一二三四五六七八九十\d]+[))]|\d+[.、]|[一二三四五六七八九十]+、)?"
    r"(?:下一步|下步|接下来|下来|今后|同时|此外|另外|目前)?[,,]?"
    r"(?:我局|我们|我委|我厅|我县|我市|我区|我州|本局|[\u4e00-\u9fff]{1,8}?(?:局|厅|委|政府|学校))?"
    r"(?:也|还)?(?:将|会|拟)?"
)
SUMMARY_CHARS = 60


def _unfit(clause: str, target_quotes: list[str]) -> bool:
    """A clause that cannot open or continue a promise: a courtesy, the handling of the letter,
    a figure (a target's), or something done (了)."""
    return bool(
        COURTESY.search(clause) or HANDLING.search(clause) or FIGURE.search(clause) or PAST.search(clause)
        or OUTCOME.search(clause)
        or any(clause in quote for quote in target_quotes if quote)
    )


def _promise(sentence: str, target_quotes: list[str], *, ahead: bool) -> str:
    """The promise in ``sentence``: from the first fit clause that says intent (any fit clause in
    a section about what comes next) up to the next unfit clause; "" when there is none."""
    spans = clauses(sentence)
    for index, (start, end) in enumerate(spans):
        clause = sentence[start:end]
        if _unfit(clause, target_quotes) or not (ahead or INTENT.search(clause)):
            continue
        stop = next((e for s, e in spans[index + 1:] if _unfit(sentence[s:e], target_quotes)), None)
        last = max((e for s, e in spans[index:] if stop is None or e < stop), default=end)
        return sentence[start:last].strip(",,::;;。 ")
    return ""


def _kind(quote: str) -> str:
    """Put into a plan, whatever the plan holds; otherwise the first action the promise names."""
    (plan, put_in_plan), *actions = KINDS
    if put_in_plan.search(quote):
        return plan
    named = [(match.start(), kind) for kind, words in actions if (match := words.search(quote))]
    return min(named)[1] if named else "other"


def deadline_year(quote: str, reply_year: int | None) -> int | None:
    """The year the promise is due: printed (`2024年9月开工`), or implied from the letter's year
    (`年内`, `明年`, `力争三年内` → reply year + 3, `十四五` → 2025); None when the text gives none."""
    years = [int(year) for year in EXPLICIT_YEAR.findall(quote)]
    future = [year for year in years if reply_year is None or year >= reply_year]
    if future:
        return max(future)
    plan = FIVE_YEAR_PLAN.search(quote)
    if plan and plan.group(1) in FIVE_YEAR_PLANS:
        return FIVE_YEAR_PLANS[plan.group(1)]
    if reply_year is None:
        return None
    within = WITHIN_YEARS.search(quote)
    if within:
        count = to_decimal(within.group(1))
        return reply_year + int(count) if count is not None and 0 < count <= 10 else None
    if NEXT_YEAR.search(quote):
        return reply_year + 1
    if THIS_YEAR.search(quote):
        return reply_year
    return None


def summary(quote: str) -> str:
    """The promise in short: without the connective and the bureau's name it opens with."""
    short = LEADING_WORDS.sub("", quote, count=1).strip(",,;;。 ") or quote
    return short if len(short) <= SUMMARY_CHARS else short[: SUMMARY_CHARS - 1] + "…"


def _heading(sentence: str) -> bool:
    return len(sentence) <= HEADING_CHARS and not re.search(r"[。;;]$", sentence)


def commitments_find(text: str, *, reply_year: int | None, target_quotes: list[str]) -> list[CommitmentDraft]:
    """The promises in a reply's ``text``; ``target_quotes`` are the sentences read as targets."""
    found, seen, ahead, listing = [], set(), False, False
    for sentence in sentences(text):
        words = sentence.text.strip()
        if _heading(words):
            ahead = bool(AHEAD_HEADING.search(words))
            continue
        listing = listing and bool(ENUMERATED.match(words))
        quote = _promise(words, target_quotes, ahead=ahead or listing)[:QUOTE_CHARS]
        if quote and LIST_OPENER.search(words):
            listing = True
        if len(quote) < SHORTEST_PROMISE or quote in seen:
            continue
        seen.add(quote)
        found.append(CommitmentDraft(quote, summary(quote), _kind(quote), deadline_year(quote, reply_year)))
    return found
