"""Decoded page text to clean article text: HTML, junk, traditional characters, punctuation."""
import re
from dataclasses import dataclass
from functools import cache

import opencc

from apps.ingest import junk
from apps.ingest.html import html_to_text, looks_like_html

CJK_CHAR = "\u4e00-\u9fff"
TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# `區(qū)`: a bracketed run of 1-6 pinyin letters, one of them tone-marked, right after a CJK
# character. Measured on seed 004: removes all 74 and keeps `承諾書(8篇)`, `(2025.v3)`, `辦法(試行)`.
PINYIN_ARTEFACT = re.compile(
    rf"(?<=[{CJK_CHAR}])[((](?=[a-zü{TONE_VOWELS}]{{0,5}}[{TONE_VOWELS}])[a-zü{TONE_VOWELS}]{{1,6}}[))]"
)
# OpenCC t2s keeps 著 where simplified writes 着 (著力, 随著); 著名 and 显著 are right as they are.
ZHE_FIXES = {"随著": "随着", "著力": "着力", "著手": "着手", "著眼": "着眼", "著重": "着重", "意味著": "意味着"}
ZHE_FIX = re.compile("|".join(ZHE_FIXES))
# Characters that show nothing: control characters (XML, so the Atom feed, refuses them), zero-width
# spaces and joiners, soft hyphens and the bidirectional overrides and isolates (U+202E can make
# a line display reversed). Interleaved in a word they hide it from search and extraction.
INVISIBLE = dict.fromkeys([
    *range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xAD,
    *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x206A), 0xFEFF,
]) | {0x0B: "\n", 0x0C: "\n"}
# Full-width ASCII forms (０-９, Ａ-Ｚ, ，：（）％) to their ASCII twins; CJK punctuation (。、“”《》〔〕) stays.
FULL_WIDTH = INVISIBLE | {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    0x3000: " ", 0xA0: " ", 0x2002: " ", 0x2003: " ", 0x09: " ",
}
SPACES = re.compile(r" {2,}")
# Chinese sets no space beside its punctuation; one left there is an ideographic space's ghost.
SPACE_BY_PUNCTUATION = re.compile(r" *([,;:。!?、]) *")
# Page markers of a document-sharing site's preview (1/5 … 5/5), often inside a word.
PAGE_MARKER = re.compile(r"(?<![\d./])(\d{1,2})/(\d{1,2})(?![\d%])")
# A line has to carry this many CJK characters before a footer rule may end the article.
BODY_LINE_CJK = 30


@dataclass(frozen=True)
class CleanPage:
    """A page after cleaning.

    ``text`` is the article (junk removed); ``full_text`` keeps the page's other lines too, for
    metadata printed outside the article (bylines, sources), less the misleading ones.
    """

    text: str
    full_text: str
    html_title: str
    misleading_lines: tuple[str, ...]
    pinyin_artefacts: int
    junk_lines: int
    truncated_preview: bool


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified characters; simplified text comes back unchanged."""
    return ZHE_FIX.sub(lambda m: ZHE_FIXES[m.group()], _t2s().convert(text))


def remove_pinyin_artefacts(text: str) -> tuple[str, int]:
    return PINYIN_ARTEFACT.subn("", text)


def remove_page_markers(text: str) -> str:
    """Drop `k/N` preview page markers when 1/N … N/N all appear in order."""
    markers = [m for m in PAGE_MARKER.finditer(text) if 2 <= int(m.group(2)) <= 50]
    by_total: dict[str, list[re.Match]] = {}
    for match in markers:
        by_total.setdefault(match.group(2), []).append(match)
    doomed = []
    for total, found in by_total.items():
        pages = [int(m.group(1)) for m in found]
        if pages == list(range(1, int(total) + 1)):
            doomed.extend(found)
    for match in sorted(doomed, key=lambda m: m.start(), reverse=True):
        text = text[: match.start()] + text[match.end():]
    return text


def normalise(text: str) -> str:
    """Full-width forms to ASCII, odd spaces to plain ones, invisible characters out, one newline convention."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(FULL_WIDTH)


def page_clean(text: str) -> CleanPage:
    """Clean one decoded page (plain text or HTML)."""
    html_title = ""
    if looks_like_html(text):
        text, html_title = html_to_text(text)
    text, artefacts = remove_pinyin_artefacts(normalise(text))
    text = remove_page_markers(to_simplified(text))
    truncated = "全文预览已结束" in text

    lines = [line.strip() for line in text.split("\n")]
    link_lists = junk.link_list_lines(lines)
    full, article, misleading, body_started, footer_reached = [], [], [], False, False
    dropped = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        if junk.is_misleading(line):
            misleading.append(line)
            dropped += 1
            continue
        tidy = SPACE_BY_PUNCTUATION.sub(r"\1", SPACES.sub(" ", line))
        full.append(tidy)
        if footer_reached or index in link_lists or junk.is_junk(line):
            dropped += 1
            continue
        if body_started and junk.is_footer(line):
            footer_reached = True
            dropped += 1
            continue
        article.append(tidy)
        body_started = body_started or len(re.findall(f"[{CJK_CHAR}]", line)) >= BODY_LINE_CJK
    return CleanPage(
        text="\n".join(article),
        full_text="\n".join(full),
        html_title=to_simplified(normalise(html_title)),
        misleading_lines=tuple(misleading),
        pinyin_artefacts=artefacts,
        junk_lines=dropped,
        truncated_preview=truncated,
    )
