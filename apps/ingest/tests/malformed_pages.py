"""Malformed page files made from the seed pages, each with the outcome the importer owes it.

``MALFORMED`` is the corpus: files cut short, in mixed or wrong encodings, binary formats
renamed, empty ones, giant lines, deep markup, invisible characters, and things that are not
files at all (a pipe, a symbolic link, a folder). ``corpus_write`` builds it in a folder at
test time, so nothing large is kept in the repository.

Each entry says what must happen:
- ``error``: refused, with words the reason must contain, and nothing written;
- ``duplicate``: read as the article of a seed page already held, so nothing is written: the
  page's bytes in another encoding, or its text in another dress (markup, invisible or
  direction characters, a stray line the cleaner keeps) that reading takes away;
- ``ok``: readable, imported as one draft whose title contains ``title``.
"""
import base64
import codecs
import gzip
import html
import io
import os
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from apps.demo.seeds.schema import RAW_DIR

SEEDS = {name[:3]: name for name in sorted(p.name for p in RAW_DIR.iterdir())}
MAX_BYTES = 5 * 1024 * 1024  # IMPORT_MAX_BYTES's default, which the tests run with

TITLE = {
    "000": "对江宁区政协十三届一次会议第JNZX13010181号提案的答复",
    "001": "辖市区年度教育“小目标”",
    "002": "泰州海陵:聚焦五大重点任务 推动教育高质量发展",
    "004": "教育局长例会汇报材料",
}
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # spaces, non-joiner, joiner, word joiner, BOM
RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
# What cleaning takes out of the clean text and the title (the raw text keeps it).
INVISIBLE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def seed_bytes(number: str) -> bytes:
    return (RAW_DIR / SEEDS[number]).read_bytes()


def seed_text(number: str) -> str:
    return seed_bytes(number).decode("utf-8")


def _char_boundary(raw: bytes, at: int) -> int:
    """The first UTF-8 character boundary at or after ``at``."""
    while raw[at] & 0xC0 == 0x80:
        at += 1
    return at


def _inside_a_character(raw: bytes, at: int) -> int:
    """A position just after the first byte of a multi-byte character at or after ``at``."""
    while raw[at] < 0xC0:
        at += 1
    return at + 1


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())


def _html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _mixed_utf8_gbk() -> bytes:
    text = seed_text("002")
    half = len(text) // 2
    return text[:half].encode("utf-8") + text[half:].encode("gb18030")


def _nul_after_the_first_8k() -> bytes:
    raw = seed_bytes("000")
    at = _char_boundary(raw, 9000)
    return raw[:at] + b"\x00" + raw[at:]


def _over_the_limit() -> bytes:
    raw = seed_bytes("002")
    return raw * (6 * 1024 * 1024 // len(raw) + 1)


def _navigation_only() -> bytes:
    menu = ["首页", "新闻中心", "政务公开", "通知公告", "办事服务", "互动交流", "联系我们", "网站地图"]
    links = "".join(f'<li><a href="/c/{i}">{word}</a></li>' for i, word in enumerate(menu * 20))
    footer = "<p>版权所有:某某市教育局 地址:某某路1号 电话:0000-12345678 ICP备12345678号</p>"
    return _html(f"<nav><ul>{links}</ul></nav>{footer}").encode()


def _tag_soup() -> bytes:
    """A megabyte of ``<a`` never closed: hours in Python's HTMLParser before the importer escaped them."""
    return (_html(f"<p>{TITLE['002']}</p>") + "<a" * 500_000).encode()


def _giant_single_line() -> bytes:
    """Seed 002 minified onto one line with an inline base64 image, one byte under the limit."""
    head = f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{_paragraphs(seed_text("002"))}'
    head += '<img alt="" src="data:image/png;base64,'
    tail = '"></body></html>'
    room = MAX_BYTES - 1 - len(head.encode()) - len(tail.encode())
    image = base64.b64encode(random.Random(3).randbytes(room))[:room].decode()
    return (head + image + tail).encode()


def _deep_nesting() -> bytes:
    return ("<div>" * 10_000 + _paragraphs(seed_text("002")) + "</div>" * 10_000).encode()


def _big5() -> bytes:
    return seed_text("004").encode("big5", errors="ignore")  # the pinyin ū of 區(qū) is not in Big5


def _interleaved(text: str, extra: str) -> str:
    return "".join(ch + extra if ch != "\n" else ch for ch in text)


def _bidi_overrides() -> bytes:
    lines = seed_text("001").split("\n")
    return "\n".join(f"{RLO}{line}{PDF}" if i % 2 else f"{LRI}{line}{PDI}" for i, line in enumerate(lines)).encode()


def _a_few_control_characters() -> bytes:
    text = seed_text("002").replace("泰州海陵:", "泰州海陵\x07:", 1).replace("近年来", "近年来\x1b[0m", 1)
    return text.encode()


def _utf7_declared() -> bytes:
    body = _paragraphs(seed_text("001")) + "<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>"
    return _html(body, '<meta charset="utf-7">').encode()


@dataclass(frozen=True)
class Malformed:
    name: str
    outcome: str  # "error", "duplicate" or "ok"
    expect: str  # error: words of the reason; duplicate: the seed held; ok: words of the title
    make: Callable[[], bytes] | None = None
    kind: str = "file"  # or "pipe", "symlink", "dangling-symlink", "folder": made on disk, not bytes

    @property
    def is_bytes(self) -> bool:
        return self.kind == "file"


def _error(name, reason, make=None, kind="file"):
    return Malformed(name, "error", reason, make, kind)


MALFORMED = [
    # Nothing to read.
    _error("empty.txt", "文件是空的", lambda: b""),
    _error("whitespace_only.txt", "文件是空的", lambda: " \t\r\n\u3000\u3000\r\n  ".encode()),
    _error("bom_only.txt", "文件是空的", lambda: codecs.BOM_UTF8),
    _error("utf16_bom_only.txt", "文件是空的", lambda: codecs.BOM_UTF16_LE),
    # Cut short, mixed or wrongly encoded.
    _error("truncated_mid_character.txt", "截断",
           lambda: seed_bytes("001")[:_inside_a_character(seed_bytes("001"), 3000)]),
    _error("truncated_after_the_title.txt", "不是文章",
           lambda: seed_bytes("001")[:_char_boundary(seed_bytes("001"), 120)]),
    _error("mixed_utf8_and_gbk.txt", "之后不是", _mixed_utf8_gbk),
    _error("utf16le_without_bom.txt", "没有字节顺序标记的 UTF-16 文本",
           lambda: seed_text("002").encode("utf-16-le")),
    _error("encoded_surrogate.txt", "之后不是",
           lambda: seed_bytes("002")[:3000] + b"\xed\xa0\x80" + seed_bytes("002")[3000:]),
    _error("latin1_mojibake.txt", "只剩 0 个汉字",
           lambda: seed_bytes("000").decode("latin-1").encode("utf-8")),
    _error("replacement_characters.txt", "替换字符（�）",
           lambda: seed_bytes("000").decode("cp1252", errors="replace").encode("utf-8")),
    _error("high_bytes_noise.txt", "无法解码",
           lambda: bytes(b | 0x80 for b in random.Random(7).randbytes(8192))),
    _error("control_character_flood.txt", "满是控制字符", lambda: _interleaved(seed_text("002"), "\x01").encode()),
    # Binary files under a page's name.
    _error("random_binary.txt", "二进制文件", lambda: random.Random(7).randbytes(8192)),
    _error("nul_after_the_first_8k.txt", "NUL 字节", _nul_after_the_first_8k),
    _error("png_header.txt", "PNG 图片", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + seed_bytes("000")),
    _error("pdf_header.txt", "PDF 文件", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + seed_bytes("000")),
    _error("zip_renamed.txt", "ZIP 压缩包", lambda: _zip({"page.txt": seed_bytes("000")})),
    _error("docx_saved_as.html", "ZIP 压缩包（或 .docx",
           lambda: _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": seed_bytes("001")})),
    _error("gzip_renamed.txt", "gzip 压缩包", lambda: gzip.compress(seed_bytes("000"), mtime=0)),
    _error("over_the_limit.txt", "文件太大", _over_the_limit),
    # Markup with no article in it.
    _error("script_only_body.html", "只剩 0 个汉字",
           lambda: _html(f"<script>var page = {seed_text('001')!r};</script>").encode()),
    _error("navigation_only.html", "不是文章", _navigation_only),
    _error("cdata_wrapped.html", "只剩 0 个汉字",
           lambda: _html(f"<![CDATA[{seed_text('002')}]]>").encode()),
    _error("comment_wrapped.html", "只剩 0 个汉字",
           lambda: _html(f"<!-- {_paragraphs(seed_text('002'))} -->").encode()),
    _error("tag_soup.html", "不是文章", _tag_soup),
    # Not a page file at all: only the command meets these.
    _error("page.doc", "不支持的文件类型", lambda: _html(_paragraphs(seed_text("002"))).encode()),
    _error("named_pipe.txt", "不是普通文件", kind="pipe"),
    _error("passwd_link.txt", "不跟随符号链接", kind="symlink"),
    _error("dangling_link.txt", "没有这个文件", kind="dangling-symlink"),
    _error("folder.txt", "没有可导入的文件", kind="folder"),
    # Readable: the seed page itself, in another dress.
    Malformed("gbk.txt", "duplicate", "001", lambda: seed_text("001").encode("gb18030")),
    Malformed("utf16_with_bom.txt", "duplicate", "002", lambda: seed_text("002").encode("utf-16")),
    Malformed("plain_text_named.htm", "duplicate", "003", lambda: seed_bytes("003")),
    Malformed("UPPER_CASE_NAME.TXT", "duplicate", "004", lambda: seed_bytes("004")),
    Malformed("gbk_declared_utf8.html", "duplicate", "001",
              lambda: _html(_paragraphs(seed_text("001")), '<meta charset="utf-8">').encode("gb18030")),
    Malformed("utf8_declared_gb2312.html", "duplicate", "001",
              lambda: _html(_paragraphs(seed_text("001")), '<meta charset="gb2312">').encode()),
    Malformed("utf7_declared.html", "duplicate", "001", _utf7_declared),
    Malformed("zero_width_interleaved.txt", "duplicate", "002",
              lambda: _interleaved(seed_text("002"), ZERO_WIDTH).encode()),
    Malformed("bidi_overrides.txt", "duplicate", "001", _bidi_overrides),
    Malformed("unclosed_comment.html", "duplicate", "002",
              lambda: _html("<p>导航</p><!-- " + _paragraphs(seed_text("002"))).encode()),
    Malformed("deep_nesting_10000_divs.html", "duplicate", "002", _deep_nesting),
    Malformed("giant_single_line.html", "duplicate", "002", _giant_single_line),
    # Readable, and new: imported. Big5 has no ū of the pinyin artefacts (區(qū) → 區(q)), so
    # these read as other text, not the seed page.
    Malformed("big5.txt", "ok", TITLE["004"], _big5),
    Malformed("big5_declared_gb2312.html", "ok", TITLE["004"],
              lambda: _html(_paragraphs(seed_text("004")), '<meta charset="gb2312">').encode("big5", errors="ignore")),
    Malformed("a_few_control_characters.txt", "ok", TITLE["002"], _a_few_control_characters),
]
BY_NAME = {case.name: case for case in MALFORMED}


def corpus_write(folder: Path) -> dict[str, Path]:
    """Every file of the corpus in ``folder``; returns each entry's path by name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in MALFORMED:
        path = folder / case.name
        if case.kind == "file":
            path.write_bytes(case.make())
        elif case.kind == "pipe":
            os.mkfifo(path)
        elif case.kind == "symlink":
            path.symlink_to("/etc/passwd")
        elif case.kind == "dangling-symlink":
            path.symlink_to(folder / "nowhere.txt")
        elif case.kind == "folder":
            path.mkdir()
        paths[case.name] = path
    return paths
