"""One page from bytes to a Draft: decode, clean, extract. Pure Python, no database."""
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from apps.ingest.clean import CleanPage, page_clean
from apps.ingest.decode import DecodeError, page_decode
from apps.ingest.draft import Draft, DocumentDraft, PlaceRef, ReplyDraft, Status
from apps.ingest.extract import metadata
from apps.ingest.extract.doc_types import doc_type_guess
from apps.ingest.extract.header import Header, dateline, header_read
from apps.ingest.extract.catalogue import catalogue_code
from apps.ingest.extract.citations import citations_find
from apps.ingest.extract.figures import PageContext, figures_find, titled_year
from apps.ingest.extract.commitments import commitments_find
from apps.ingest.extract.initiatives import Term, initiatives_find
from apps.ingest.extract.labels import labelled_fields
from apps.ingest.extract.localities import localities_find
from apps.ingest.formats import CONVERTED_SUFFIXES, converted_text
from apps.ingest.extract.regions import LEVEL_WORDS, Place, RegionMatcher, autonomous_alias, level_of, short_name
from apps.ingest.extract.replies import proposal_read, reply_read
from apps.ingest.extract.text import CJK
from apps.ingest.notes import N_, Note, note
from apps.ingest.numbers import POINT_UNITS, find_damaged_shares

# Less running Chinese text than this after cleaning, and the file is not an article.
ARTICLE_MIN_CJK = 60
SENTENCE = re.compile(r"[\u4e00-\u9fff][^。!?]{10,}[。!?]")
# `某县人民政府办公室关于…`, `…的答复(教育局)`: the body a title names as its author.
TITLE_BODY = re.compile(
    r"^《?(?!转发|关于|印发)(?P<name>[\u4e00-\u9fff]{2,24}?(局|厅|委员会|人民政府办公室|人民政府办公厅|人民政府|管委会))(关于|对|转发|印发)"
    r"|^(?P<bureau>[\u4e00-\u9fff]{2,12}?(教育局|教育厅|教育委员会|教体局))"
    r"|[((](?P<suffix>[\u4e00-\u9fff]{2,12}(局|厅|委员会|政府))[))]$"
)
MAX_LOCALITIES = 8
MASKED_NOTE = N_("地名被隐去（“%(printed)s”）：地点留空，未作推测")
# A place the page blanks out (`**县`, `XX市`, `某市`, `地区市`): never guessed from elsewhere.
MASKED_PLACE = re.compile(r"(\*{2,}|[xX×]{2,}|某)[省市县区]|地区市")
# The lines where a government site names who runs it: its host is the page's place.
SITE_HOST = re.compile(r"主\s*办(单位)?\s*[::]|版权所有")
PLACE_FROM_SITE_NOTE = N_("正文没有写明地点：地点取自页面的元数据或网站页眉页脚，请核对")
# Conversion leaves pinyin behind and drops signs (`占405` for 占40.5%): one note says both.
CONVERTED_PAGE_NOTE = N_(
    "页面经过转换，已删除 %(count)d 处留下的拼音（如“區（qū）”）；转换常丢掉百分号或小数点：请逐一核对数字"
)
DAMAGED_FIGURE_NOTE = N_("“%(quote)s”里的数字没有百分号，已按 %(value)s%% 读取：请对照原文核对")
UNDATED_TARGETS_NOTE = N_("%(count)d 个目标的原文没有给出年份（如“下一步”“今后”）：期限留空，请核对")
UNREADABLE_FIGURE_NOTE = N_("比例“%(figure)s”超过100，小数点可能丢失：未读取，请对照原文补录")
TRUNCATED_NOTE = N_("页面是截断的预览（全文预览已结束）：正文不完整")
NO_DATE_NOTE = N_("页面上没有发布日期")
NO_TITLE_NOTE = N_("没有找到标题")
NO_PLACE_NOTE = N_("页面没有写明地点")
NO_PLACE_FOR_FIGURES_NOTE = N_("页面没有写明地点：其中的目标和观测值未关联地区")


@dataclass(frozen=True)
class Reader:
    """What extraction needs besides the page: the region table and the initiative vocabulary."""

    matcher: RegionMatcher
    vocabulary: tuple[Term, ...]
    max_bytes: int


def reader_build(places: Iterable[Place], vocabulary: Iterable[Term], *, max_bytes: int) -> Reader:
    return Reader(matcher=RegionMatcher(places), vocabulary=tuple(vocabulary), max_bytes=max_bytes)


def _not_an_article(clean: CleanPage) -> Note | None:
    cjk = len(CJK.findall(clean.text))
    if cjk < ARTICLE_MIN_CJK:
        return note(N_("不是文章：清理后只剩 %(count)d 个汉字的正文"), count=cjk)
    if not SENTENCE.search(clean.text):
        return note(N_("不是文章：清理后剩下 %(count)d 个汉字，但没有一个完整的句子（菜单或列表?）"), count=cjk)
    return None


def _body_lines(lines: list[str], header: Header) -> list[str]:
    furniture = {*header.byline_lines, *header.title_lines[1:], *header.labelled_lines}
    kept = [line for i, line in enumerate(lines) if i >= header.title_line and i not in furniture]
    if kept and header.title and header.title not in kept[0] and kept[0].startswith(header.title.split(":")[0]):
        kept[0:1] = [header.title, kept[0][len(header.title.replace(":", "")):]]  # title run into the text
    return kept


def _places_outside_the_text(clean: CleanPage, fields: dict[str, str], reader: Reader) -> tuple[list, list[str]]:
    """A letter that says only 我县: the place is in the metadata's issuing body or the site's own lines."""
    site_lines = "\n".join(line for line in clean.full_text.split("\n") if SITE_HOST.search(line))
    for source in (fields.get("publisher", ""), site_lines):
        places, _notes = reader.matcher.find(source)
        if places:
            # The most specific place named: a site's footer names the county and its province.
            deepest = max(places, key=lambda p: ("province", "prefecture", "county").index(level_of(p.code)))
            return [deepest], [note(PLACE_FROM_SITE_NOTE)]
    return [], []


def _organization(draft: Draft, lines: list[str], clean: CleanPage, reader: Reader, fields: dict[str, str]) -> str:
    """Who issued the page: a letter's signature or lead unit (主办单位); a page's metadata or source."""
    document = draft.document
    title_body = TITLE_BODY.search(document.title)
    titled = (
        (title_body.group("name") or title_body.group("bureau") or title_body.group("suffix")) if title_body else ""
    )
    lead, publisher, source = (
        value if metadata.is_body_name(value) else "" for value in (
            fields.get("lead_unit", ""), fields.get("publisher", ""), fields.get("source", ""),
        )
    )
    if document.doc_type == "reply":
        name = titled or metadata.signature_body(lines) or lead or publisher or source
        placeless = bool(name) and not reader.matcher.find(name)[0]
        relative = metadata.relative_body(name if placeless else "\n".join(lines))
        if relative and placeless:
            name = ""  # `县教育局`: named by its level alone, completed from the page's places below
        if not name and relative and document.regions:
            level, body = relative
            for region in document.regions:
                if level_of(region.code) == LEVEL_WORDS[level] or (level == "市" and region.name.endswith("市")):
                    name = f"{reader.matcher.full_name(region.code)}{body}"
                    break
    else:
        name = titled or publisher or metadata.publisher(clean.full_text)
    if name and metadata.is_government_body(name) and not reader.matcher.find(name)[0]:
        draft.warnings.append(note(N_("发文机构“%(name)s”中的地名无法识别（被隐去?），机构留空"), name=name))
        return ""
    return name


def _context(draft: Draft) -> PageContext:
    """What figure extraction knows of the page; its places are the most specific ones named."""
    document = draft.document
    specific = document.specific_region_codes()
    places = [r for r in document.regions if r.code in specific]
    day = document.publish_date or (draft.reply.reply_date if draft.reply else None)
    names = {
        r.code: tuple(n for n in (r.name, autonomous_alias(r.name), short_name(r.name)) if n) for r in document.regions
    }
    return PageContext(
        doc_type=document.doc_type,
        page_year=titled_year(document.title, document.doc_type) or (day.year if day else None),
        doc_date=day,
        regions=places,
        # Every place named, so a sentence about the city on a page of its districts is the city's.
        region_names=names,
        home=_titled_place(document.title, names),
    )


def _titled_place(title: str, names: dict[str, tuple[str, ...]]) -> str | None:
    """The most specific place the title names (`黄南州“十四五”教育事业发展规划` → 黄南州)."""
    named = [code for code, spellings in names.items() if any(n in title for n in spellings)]
    return max(named, key=lambda code: (len(code.rstrip("0")), code), default=None)


def page_read(raw: bytes, *, filename: str, reader: Reader, suffix: str | None = None) -> Draft:
    """Everything the importer can read from one file; errors come back as a Draft with a reason.

    ``suffix`` says how to read it when the name does not (a page fetched by address: its Content-Type)."""
    draft = Draft(file=filename)
    suffix = suffix or PurePath(filename).suffix.lower()
    try:
        if suffix in CONVERTED_SUFFIXES and len(raw) <= reader.max_bytes:
            raw = converted_text(raw, suffix)
        decoded = page_decode(raw, max_bytes=reader.max_bytes)
    except DecodeError as error:
        draft.status, draft.error = Status.ERROR, error.note
        return draft
    draft.raw_text, draft.encoding = decoded.text, decoded.encoding
    clean = page_clean(decoded.text)
    reason = _not_an_article(clean)
    if reason:
        draft.status, draft.error = Status.ERROR, reason
        return draft

    lines = clean.text.split("\n")
    fields = labelled_fields(clean.full_text.split("\n"))
    header = header_read(lines, clean.html_title, fields)
    body_lines = _body_lines(lines, header)
    body = "\n".join(body_lines)
    draft.clean_text = "\n\n".join(body_lines)
    dated = bool(header.byline_lines) or dateline(body_lines[:3]) is not None
    doc_type = doc_type_guess(header.title, body, dated)
    places, region_notes = reader.matcher.find(body)
    masked = MASKED_PLACE.search(body)
    if not places and masked:
        region_notes = [note(MASKED_NOTE, printed=masked.group())]
    elif not places:
        places, region_notes = _places_outside_the_text(clean, fields, reader)
    doc_number, repaired = metadata.own_doc_number(lines[: header.title_line + 15])
    doc_number = doc_number or metadata.labelled_doc_number(fields)
    draft.document = DocumentDraft(
        title=header.title,
        doc_type=doc_type,
        publish_date=header.publish_date,
        regions=[PlaceRef(p.code, p.name) for p in places],
        localities=localities_find(body)[:MAX_LOCALITIES],
        doc_number=doc_number,
        source_site=metadata.source_site(clean.full_text, list(clean.misleading_lines)),
    )
    draft.warnings.extend(region_notes)
    if repaired:
        draft.warnings.append(note(N_("文号印刷有损，读作 %(number)s，请核对"), number=doc_number))
    if doc_type == "reply":
        draft.proposal, notes = proposal_read(body, title=header.title, fields=fields)
        draft.warnings.extend(notes)
        head = "\n".join(lines[: header.title_line + 4])
        draft.reply, notes = reply_read(body, head=head, fields=fields)
        draft.warnings.extend(notes)
    draft.document.organization = _organization(draft, body_lines, clean, reader, fields)
    if draft.reply is not None:
        _reply_complete(draft.reply, draft.document)
    own_titles = {draft.proposal.title} if draft.proposal else set()
    draft.document.cites = [c for c in citations_find(body, own_doc_number=doc_number) if c.title not in own_titles]
    draft.initiatives = initiatives_find(body, reader.vocabulary, [r.name for r in draft.document.regions])
    damaged = clean.pinyin_artefacts > 0
    # The headline restates the text's figures: they are read where the text gives them.
    text = "\n".join(body_lines[1:]) if body_lines and body_lines[0] == header.title else body
    draft.targets, draft.observations = figures_find(text, _context(draft))
    for target in draft.targets:
        target.indicator_code = catalogue_code(target.indicator, target.unit, target.quote)
    for observation in draft.observations:
        # An observation in points is a change or a gap (增加26个百分点), never the indicator's level.
        points = observation.unit in POINT_UNITS
        observation.indicator_code = None if points else catalogue_code(
            observation.indicator, observation.unit, observation.quote,
        )
    if draft.reply is not None:
        replied = draft.reply.reply_date or draft.document.publish_date
        draft.commitments = commitments_find(
            text, reply_year=replied.year if replied else None, target_quotes=[t.quote for t in draft.targets],
        )
    _page_warnings(draft, clean, damaged)
    return draft


def _reply_complete(reply: ReplyDraft, document: DocumentDraft) -> None:
    reply.responding_organization = document.organization
    reply.doc_number = document.doc_number
    if reply.reply_date is None:
        reply.reply_date = document.publish_date
    if document.publish_date is None:
        document.publish_date = reply.reply_date


def _page_warnings(draft: Draft, clean: CleanPage, damaged: bool) -> None:
    if damaged:
        draft.warnings.append(note(CONVERTED_PAGE_NOTE, count=clean.pinyin_artefacts))
    for figure in [*draft.targets, *draft.observations]:
        if figure.damaged:
            draft.warnings.append(note(DAMAGED_FIGURE_NOTE, quote=figure.quote, value=str(figure.value)))
    undated = sum(1 for target in draft.targets if target.deadline_year is None)
    if undated:
        draft.warnings.append(note(UNDATED_TARGETS_NOTE, count=undated))
    for quantity in find_damaged_shares(draft.clean_text or ""):
        if quantity.value > 100:
            draft.warnings.append(note(UNREADABLE_FIGURE_NOTE, figure=quantity.text))
    if clean.truncated_preview:
        draft.warnings.append(note(TRUNCATED_NOTE))
    if not draft.document.publish_date:
        draft.warnings.append(note(NO_DATE_NOTE))
    if not draft.document.title:
        draft.warnings.append(note(NO_TITLE_NOTE))
    if not draft.document.regions and not any(getattr(w, "message", "") == MASKED_NOTE for w in draft.warnings):
        figures = draft.targets or draft.observations
        draft.warnings.append(note(NO_PLACE_FOR_FIGURES_NOTE if figures else NO_PLACE_NOTE))
