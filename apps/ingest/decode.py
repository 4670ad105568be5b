"""Bytes to text: refuse what is not a text page, detect the encoding of what is."""
import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from apps.ingest.notes import N_, Note, note

# Pages come in UTF-8, GBK/GB18030 or Big5; GB18030 is a superset of GBK and GB2312.
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5"]

# Leading bytes of file formats curators may drop in by mistake, with the reason that names them.
MAGIC_NUMBERS = [
    (b"PK\x03\x04", N_("不是文本页面：这是 ZIP 压缩包（或 .docx/.xlsx 文件）")),
    (b"PK\x05\x06", N_("不是文本页面：这是空的 ZIP 压缩包")),
    (b"%PDF", N_("不是文本页面：这是 PDF 文件")),
    (b"\xd0\xcf\x11\xe0", N_("不是文本页面：这是旧版 Office 文件（.doc/.xls）")),
    (b"\x89PNG", N_("不是文本页面：这是 PNG 图片")),
    (b"\xff\xd8\xff", N_("不是文本页面：这是 JPEG 图片")),
    (b"GIF8", N_("不是文本页面：这是 GIF 图片")),
    (b"\x1f\x8b", N_("不是文本页面：这是 gzip 压缩包")),
    (b"Rar!", N_("不是文本页面：这是 RAR 压缩包")),
    (b"7z\xbc\xaf", N_("不是文本页面：这是 7-Zip 压缩包")),
    (b"\x7fELF", N_("不是文本页面：这是可执行程序")),
]
BINARY = N_("不是文本页面：这是二进制文件（含 NUL 字节）")
EMPTY = N_("文件是空的")
NOT_DECODABLE = N_("无法解码：不是有效的 UTF-8、GBK/GB18030 或 Big5 文本")

BOMS = [
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
]

# <meta charset="gbk"> or <meta http-equiv=... content="text/html; charset=gb2312">
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
# Private-use characters count too: Big5 bytes read as GB18030 come out as runs of them.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
CJK = re.compile(r"[\u4e00-\u9fff]")


class DecodeError(ValueError):
    """A file that is not a readable text page; ``note`` says why, for the curator."""

    def __init__(self, reason: Note):
        super().__init__(reason)
        self.note = reason

    def __str__(self) -> str:
        return str(self.note)


@dataclass(frozen=True)
class DecodedPage:
    text: str
    encoding: str


def _looks_binary(raw: bytes) -> Note | None:
    for magic, reason in MAGIC_NUMBERS:
        if raw.startswith(magic):
            return note(reason)
    if b"\x00" in raw[:8192]:
        if any(_mostly_chinese(_strict(raw, name)) for name in ("utf_16_le", "utf_16_be")):
            return note(N_("不是文本页面：这是没有字节顺序标记的 UTF-16 文本，请另存为 UTF-8"))
        return note(BINARY)
    return None


def _mostly_chinese(text: str | None) -> bool:
    return text is not None and _is_text(text) and len(CJK.findall(text)) * 2 >= len(text.strip())


def _is_text(text: str) -> bool:
    sample = text[:20000]
    return len(CONTROL_CHARS.findall(sample)) <= max(2, len(sample) // 1000)


def _page(text: str, encoding: str) -> DecodedPage:
    """The decoded page, unless it holds nothing to read or a NUL (PostgreSQL stores no NUL in text)."""
    if not text.strip():
        raise DecodeError(note(EMPTY))
    if "\x00" in text:
        raise DecodeError(note(BINARY))
    return DecodedPage(text=text, encoding=encoding)


def _not_decodable(raw: bytes) -> Note:
    """Where UTF-8 breaks, when that tells the curator more than "cannot decode"."""
    try:
        raw.decode("utf_8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(raw):
            return note(N_("无法解码：不是有效的 UTF-8、GBK/GB18030 或 Big5 文本；文件在一个 UTF-8 字符中间结束，被截断了"))
        if error.start >= 64:
            return note(
                N_("无法解码：不是有效的 UTF-8、GBK/GB18030 或 Big5 文本；第 %(byte)s 字节之前是 UTF-8，之后不是（编码混杂或文件损坏）"),
                byte=f"{error.start:,}",
            )
    return note(NOT_DECODABLE)


def _declared_encoding(raw: bytes) -> str | None:
    match = META_CHARSET.search(raw[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    # Pages that declare gb2312 or gbk routinely contain characters only GB18030 has.
    if name in ("gb2312", "gbk", "gb18030", "x-gbk"):
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def page_decode(raw: bytes, *, max_bytes: int) -> DecodedPage:
    """Decode one captured page, or raise DecodeError with a reason a curator can act on."""
    if len(raw) > max_bytes:
        raise DecodeError(note(
            N_("文件太大：%(size)s 字节，上限是 %(limit)s 字节"), size=f"{len(raw):,}", limit=f"{max_bytes:,}"
        ))
    if not raw.strip():
        raise DecodeError(note(EMPTY))
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            text = _strict(raw, encoding)
            if text is None:
                raise DecodeError(note(
                    N_("文件以 %(encoding)s 字节顺序标记开头，内容却不是有效的 %(encoding)s"), encoding=encoding
                ))
            return _page(text, encoding)
    binary = _looks_binary(raw)
    if binary:
        raise DecodeError(binary)

    tried = ["utf_8"]
    declared = _declared_encoding(raw)
    if declared and declared != "utf_8":
        tried.append(declared)
    for encoding in tried:
        text = _strict(raw, encoding)
        if text is not None and _is_text(text):
            return _page(text, encoding)

    best = charset_normalizer.from_bytes(raw, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is not None:
        text = str(best)
        if _is_text(text):
            return _page(text, best.encoding)
    # Detection needs some length to judge; a short GBK or Big5 note may still decode strictly.
    for encoding in ("gb18030", "big5"):
        text = _strict(raw, encoding)
        if text is not None and _is_text(text) and len(CJK.findall(text)) * 3 >= len(text.strip()):
            return _page(text, encoding)
    if _strict(raw, "utf_8") is not None:
        raise DecodeError(note(N_("不是文本页面：它是有效的 UTF-8，却满是控制字符、私用区字符或替换字符（�）")))
    raise DecodeError(_not_decodable(raw))
