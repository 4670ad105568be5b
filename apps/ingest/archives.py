"""A .zip of pages opened into its files, within limits, before anything is imported.

Nothing is written to disk: each member is read into memory, so a path in the archive cannot
reach outside it, but a member whose name climbs out (``../``) or is absolute is still refused,
being a sign of a crafted archive. A zip bomb is stopped by three limits, each with its reason:
how many files, how many bytes once unpacked (counted as they are read, not as the archive
claims) and how much one member expands. Members are named ``archive.zip/inner/path``.
"""
import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from django.conf import settings

from apps.ingest.decode import DecodeError
from apps.ingest.notes import N_, note

ZIP_SUFFIX = ".zip"
# A member packed tighter than this is refused: text pages compress about 3-10 times.
MAX_RATIO = 100
UTF8_NAMES = 0x800
ENCRYPTED = 0x1


def _refused(message: str, **values) -> DecodeError:
    return DecodeError(note(message, **values))


def _member_name(info: zipfile.ZipInfo) -> str:
    """Names from Chinese Windows are GBK without the UTF-8 flag; Python reads them as cp437."""
    if info.flag_bits & UTF8_NAMES:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _unsafe(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")


def zip_pages(name: str, raw: bytes) -> list[tuple[str, bytes | Exception]]:
    """The files in the archive, each as ``(name, bytes)`` or ``(name, the reason it is refused)``;
    the whole archive as one refusal when it is damaged or over a limit."""
    max_files, max_total = settings.IMPORT_ZIP_MAX_FILES, settings.IMPORT_ZIP_MAX_UNPACKED_BYTES
    if len(raw) > settings.IMPORT_ZIP_MAX_BYTES:
        return [(name, _refused(
            N_("ZIP 压缩包太大：超过 %(limit)s 字节"), limit=f"{settings.IMPORT_ZIP_MAX_BYTES:,}",
        ))]
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return [(name, _refused(N_("ZIP 压缩包已损坏，无法打开")))]
    if not members:
        return [(name, _refused(N_("ZIP 压缩包是空的")))]
    if len(members) > max_files:
        return [(name, _refused(
            N_("ZIP 压缩包里的文件太多：%(count)s 个，上限是 %(limit)s 个"), count=f"{len(members):,}", limit=f"{max_files:,}",
        ))]
    claimed = sum(info.file_size for info in members)
    if claimed > max_total:
        return [(name, _too_large(claimed, max_total))]
    pages: list[tuple[str, bytes | Exception]] = []
    unpacked = 0
    for info in members:
        member = f"{name}/{_member_name(info)}"
        content = _member(archive, info, member)
        if isinstance(content, bytes):
            unpacked += len(content)
            if unpacked > max_total:  # the archive lied about its sizes
                return [(name, _too_large(unpacked, max_total))]
        pages.append((member, content))
    return pages


def _too_large(size: int, limit: int) -> DecodeError:
    return _refused(
        N_("ZIP 压缩包解压后太大：至少 %(size)s 字节，上限是 %(limit)s 字节"), size=f"{size:,}", limit=f"{limit:,}",
    )


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: str) -> bytes | Exception:
    if _unsafe(_member_name(info)):
        return _refused(N_("ZIP 中的路径不安全（绝对路径或含 ..）：%(path)s"), path=_member_name(info))
    if info.flag_bits & ENCRYPTED:
        return _refused(N_("ZIP 中的文件有密码保护，无法读取"))
    if member.lower().endswith(ZIP_SUFFIX):
        return _refused(N_("ZIP 中的 ZIP 不会展开：请把其中的文件直接放进一个压缩包"))
    if info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return _refused(
            N_("压缩比异常（%(ratio)s 倍，上限是 %(limit)s 倍）：疑似 ZIP 炸弹"),
            ratio=f"{info.file_size // max(info.compress_size, 1):,}", limit=MAX_RATIO,
        )
    try:
        with archive.open(info) as handle:
            # One byte past the page limit: the decoder then names the file too large.
            return handle.read(settings.IMPORT_MAX_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return _refused(N_("ZIP 中的这个文件已损坏，无法解压"))


def pages_unpacked(pages: Iterable[tuple[str, bytes | Exception]]) -> Iterator[tuple[str, bytes | Exception]]:
    """Every page as given, a .zip replaced by the files in it."""
    for name, raw in pages:
        if isinstance(raw, bytes) and name.lower().endswith(ZIP_SUFFIX):
            yield from zip_pages(name, raw)
        else:
            yield name, raw
