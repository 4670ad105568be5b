"""Bytes to text: refuse what is not a text page, detect the encoding of what is."""
import codecs
import re
from dataclasses import dataclass

import charset_normalizer

# Pages come in UTF-8, GBK/GB18030 or Big5; GB18030 is a superset of GBK and GB2312.
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5"]

# Leading bytes of file formats curators may drop in by mistake, with a name to tell them.
MAGIC_NUMBERS = [
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
]

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
    """A file that is not a readable text page; the message says why, for the curator."""


@dataclass(frozen=True)
class DecodedPage:
    text: str
    encoding: str


def _looks_binary(raw: bytes) -> str | None:
    for magic, name in MAGIC_NUMBERS:
        if raw.startswith(magic):
            return name
    if b"\x00" in raw[:8192]:
        if any(_mostly_chinese(_strict(raw, name)) for name in ("utf_16_le", "utf_16_be")):
            return "UTF-16 text without a byte-order mark: save it as UTF-8"
        return "a binary file (it contains NUL bytes)"
    return None


def _mostly_chinese(text: str | None) -> bool:
    return text is not None and _is_text(text) and len(CJK.findall(text)) * 2 >= len(text.strip())


def _is_text(text: str) -> bool:
    sample = text[:20000]
    return len(CONTROL_CHARS.findall(sample)) <= max(2, len(sample) // 1000)


def _page(text: str, encoding: str) -> DecodedPage:
    """The decoded page, unless it holds nothing to read or a NUL (PostgreSQL stores no NUL in text)."""
    if not text.strip():
        raise DecodeError("file is empty")
    if "\x00" in text:
        raise DecodeError("not a text page: the file is a binary file (it contains NUL bytes)")
    return DecodedPage(text=text, encoding=encoding)


def _utf8_failure(raw: bytes) -> str:
    """Where UTF-8 breaks, when that tells the curator more than "cannot decode"."""
    try:
        raw.decode("utf_8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(raw):
            return "; it ends in the middle of a UTF-8 character: the file was cut short"
        if error.start >= 64:
            return f"; it is UTF-8 up to byte {error.start:,} and not after it (mixed encodings, or damaged)"
    return ""


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
        raise DecodeError(f"file is too large: {len(raw):,} bytes, the limit is {max_bytes:,} bytes")
    if not raw.strip():
        raise DecodeError("file is empty")
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            text = _strict(raw, encoding)
            if text is None:
                raise DecodeError(f"file starts with a {encoding} byte-order mark but is not valid {encoding}")
            return _page(text, encoding)
    binary = _looks_binary(raw)
    if binary:
        raise DecodeError(f"not a text page: the file is {binary}")

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
        raise DecodeError(
            "not a text page: it is valid UTF-8 but full of control, private-use or replacement (�) characters"
        )
    raise DecodeError("cannot decode the file: it is not valid UTF-8, GBK/GB18030 or Big5 text" + _utf8_failure(raw))
