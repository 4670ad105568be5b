"""Office and PDF files to plain text, before the page is decoded and cleaned like any other.

A .docx is read with python-docx: paragraphs and tables in the order of the document, each table
row one line of cells joined by tabs (the indicator tables of plans keep their rows). A .pdf is
read with pypdf from its text layer; a scan without one is refused with a reason rather than
imported as an empty draft. Whatever a broken file raises inside the readers becomes a reason.
"""
import io
import logging
import re
import unicodedata

from apps.ingest.decode import DecodeError
from apps.ingest.notes import N_, note

logger = logging.getLogger(__name__)

CONVERTED_SUFFIXES = {".docx", ".pdf"}
# Fewer letters than this per page: a scan (or a PDF of images), not a text layer.
PDF_MIN_CHARS_PER_PAGE = 20
# PDFs longer than this are read up to here; bureau documents run to tens of pages.
PDF_MAX_PAGES = 300
# PDF fonts often map ideographs to their Kangxi-radical twins (⼤ U+2F24 for 大): NFKC folds them back.
RADICALS = re.compile(r"[\u2e80-\u2fdf]")
# Radicals-supplement forms have no NFKC folding; the ones PDFs of simplified text use.
SUPPLEMENT_RADICALS = str.maketrans(
    "⺠⻓⻅⻛⻔⻢⻜⻋⻉⻆⻘⻝⻩⻬⻮⻄⺟⻚⻰⻳⻙⺁", "民长见风门马飞车贝角青食黄齐齿西母页龙龟韦厂",
)
# A PDF line nearly as long as the page's full lines that ends without closing a sentence was
# wrapped by the layout; a shorter one (a title, a byline) ends its paragraph.
FULL_LINE_SHARE = 0.75
SENTENCE_END = tuple("。!?;:!?;:”」』)")


def converted_text(raw: bytes, suffix: str) -> bytes:
    """The text of a .docx or .pdf as UTF-8 bytes; DecodeError with the reason when it has none."""
    reader = {".docx": _docx_text, ".pdf": _pdf_text}[suffix]
    try:
        text = reader(raw)
    except DecodeError:
        raise
    except Exception as error:  # the readers raise many kinds on damaged files
        logger.info("Could not read a %s file: %r", suffix, error)
        message = N_("无法读取 Word 文件（.docx）：文件已损坏或不是 .docx") if suffix == ".docx" else N_(
            "无法读取 PDF 文件：文件已损坏或已加密"
        )
        raise DecodeError(note(message)) from error
    return text.encode("utf-8")


def _docx_text(raw: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(raw))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(_table_rows(block))
    text = "\n".join(lines)
    if not text.strip():
        raise DecodeError(note(N_("Word 文件（.docx）中没有文字")))
    return text


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            value = " ".join(cell.text.split())
            # A merged cell is repeated once per grid column it spans: keep it once.
            if not cells or cells[-1] != value:
                cells.append(value)
        rows.append("\t".join(cells))
    return rows


def _pdf_text(raw: bytes) -> str:
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(raw))
    if pdf.is_encrypted:
        raise DecodeError(note(N_("无法读取 PDF 文件：文件已加密，请导入未加密的版本")))
    pages = pdf.pages[:PDF_MAX_PAGES]
    texts = [page.extract_text() or "" for page in pages]
    letters = sum(len("".join(text.split())) for text in texts)
    if letters < PDF_MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise DecodeError(note(N_(
            "PDF 文件没有文字层（可能是扫描件）：请先用 OCR 识别成文字，或导入原始的 Word/网页版本"
        )))
    text = RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), "\n".join(texts))
    return _unwrapped(text.translate(SUPPLEMENT_RADICALS))


def _unwrapped(text: str) -> str:
    """Paragraphs back on one line each: the importer reads a paragraph per line."""
    raw_lines = [line.strip() for line in text.split("\n")]
    lengths = sorted(len(line) for line in raw_lines if line)
    full = lengths[int(len(lengths) * 0.9)] if lengths else 0
    lines: list[str] = []
    joining = False
    for line in raw_lines:
        if joining and line:
            lines[-1] += line
        else:
            lines.append(line)
        joining = len(line) >= FULL_LINE_SHARE * full and not line.endswith(SENTENCE_END)
    return "\n".join(lines)
