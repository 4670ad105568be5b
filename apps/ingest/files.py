"""Finding the page files under the paths given to the importer, and reading them safely."""
from pathlib import Path

from django.conf import settings

from apps.ingest.decode import DecodeError
from apps.ingest.notes import N_, Note, note

PAGE_SUFFIXES = {".txt", ".html", ".htm", ".docx", ".pdf"}
# Archives of page files, opened before import (apps.ingest.archives).
ARCHIVE_SUFFIXES = {".zip"}
ACCEPTED_SUFFIXES = PAGE_SUFFIXES | ARCHIVE_SUFFIXES
# Old binary Word and WPS documents: no maintained pure-Python reader; the curator saves them again.
OLD_OFFICE_SUFFIXES = {".doc", ".wps"}


class UnsupportedFile(DecodeError):
    """A path that is not a page file to read; ``note`` says why."""


def page_files(paths: list[str | Path]) -> list[Path]:
    """Files named directly, and every page file (.txt/.html/.htm/.docx/.pdf) under folders, in a stable order.

    A file named directly with another suffix is still listed: reading it reports why it is
    refused, so the curator sees every path they gave.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ACCEPTED_SUFFIXES))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def page_read_bytes(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes: enough for the decoder to tell a file is too large.

    Symbolic links are not followed: one in a folder of captured pages could point anywhere
    (``/etc/passwd``), and the draft would show what it read to every curator. A named pipe
    or device is refused before opening, where reading would wait forever or never end.
    """
    if path.suffix.lower() not in ACCEPTED_SUFFIXES:
        raise UnsupportedFile(unsupported_type_note(path.suffix or path.name))
    if path.is_symlink():
        raise UnsupportedFile(note(N_("不跟随符号链接：请导入它指向的文件")))
    if not path.is_file():
        raise UnsupportedFile(note(N_("不是普通文件（是文件夹、管道或设备）")))
    with path.open("rb") as handle:
        return handle.read(max_bytes + 1)


def suffix_of(name: str) -> str:
    """The file name's suffix in lower case, with its dot ('' for none)."""
    return Path(name).suffix.lower()


def unsupported_type_note(suffix: str) -> Note:
    if suffix.lower() in OLD_OFFICE_SUFFIXES:
        return note(N_(
            "不支持的文件类型 “%(suffix)s”：旧版 Word/WPS 文件无法读取，请在 Word 或 WPS 中另存为 .docx 或 PDF；"
            "可导入 .txt、.html、.htm、.docx、.pdf 文件及其 .zip 压缩包"
        ), suffix=suffix)
    return note(N_("不支持的文件类型 “%(suffix)s”：可导入 .txt、.html、.htm、.docx、.pdf 文件及其 .zip 压缩包"), suffix=suffix)


def upload_limit(name: str) -> int:
    """The most bytes read of one file given to the importer: an archive may be larger than a page."""
    return settings.IMPORT_ZIP_MAX_BYTES if suffix_of(name) in ARCHIVE_SUFFIXES else settings.IMPORT_MAX_BYTES
