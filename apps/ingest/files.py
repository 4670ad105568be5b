"""Finding the page files under the paths given to the importer, and reading them safely."""
from pathlib import Path

PAGE_SUFFIXES = {".txt", ".html", ".htm"}


class UnsupportedFile(ValueError):
    pass


def page_files(paths: list[str | Path]) -> list[Path]:
    """Files named directly, and every .txt/.html/.htm file under folders, in a stable order.

    A file named directly with another suffix is still listed: reading it reports why it is
    refused, so the curator sees every path they gave.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def page_read_bytes(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes: enough for the decoder to tell a file is too large.

    Symbolic links are not followed: one in a folder of captured pages could point anywhere
    (``/etc/passwd``), and the draft would show what it read to every curator. A named pipe
    or device is refused before opening, where reading would wait forever or never end.
    """
    if path.suffix.lower() not in PAGE_SUFFIXES:
        raise UnsupportedFile(f"unsupported file type “{path.suffix or path.name}”: use .txt, .html or .htm")
    if path.is_symlink():
        raise UnsupportedFile("a symbolic link is not followed: import the file it points to")
    if not path.is_file():
        raise UnsupportedFile("not a regular file (a folder, pipe or device)")
    with path.open("rb") as handle:
        return handle.read(max_bytes + 1)
