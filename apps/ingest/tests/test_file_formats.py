"""Word (.docx) and PDF files read like pages; scans, damaged files and old .doc/.wps refused with a reason."""
import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from apps.demo.seeds.schema import RAW_DIR
from apps.documents.models import Document
from apps.ingest.draft import Status
from apps.ingest.pipeline import page_read
from apps.ingest.services import document_import

FILES = Path(__file__).parent / "files"
# Seed 002 printed to PDF by Chromium (`chromium --headless --print-to-pdf`): a real text layer,
# with the Kangxi-radical forms (⼤ for 大) such fonts give.
HAILING_PDF = FILES / "hailing_tasks.pdf"


def docx_of(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table):
            for cell, value in zip(row.cells, values):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_docx_reply_is_read_with_its_table_kept_as_rows(page_reader):
    lines = (RAW_DIR / "003_52d8804a3cf02937.txt").read_text().splitlines()
    raw = docx_of([line for line in lines if line.strip()], table=[["指标", "2025年目标"], ["集团化办学覆盖率", "60%"]])
    draft = page_read(raw, filename="reply.docx", reader=page_reader)
    assert draft.status == Status.OK, draft.error
    assert draft.document.doc_number == "邯教办〔2018〕57号"
    assert "指标\t2025年目标" in draft.raw_text and "集团化办学覆盖率\t60%" in draft.raw_text


def test_a_pdf_with_a_text_layer_is_read_as_its_page(page_reader, seed_drafts):
    draft = page_read(HAILING_PDF.read_bytes(), filename="hailing.pdf", reader=page_reader)
    assert draft.status == Status.OK, draft.error
    from_text = seed_drafts["002_309da62706959858.txt"]
    assert draft.document.title == from_text.document.title == "泰州海陵:聚焦五大重点任务 推动教育高质量发展"
    assert draft.document.publish_date == from_text.document.publish_date
    assert "⼤" not in draft.raw_text and "大" in draft.raw_text
    assert len(draft.targets) == len(from_text.targets)


@pytest.mark.parametrize(("name", "raw", "reason"), [
    ("scan.pdf", scanned_pdf(), "PDF 文件没有文字层（可能是扫描件）"),
    ("broken.pdf", b"%PDF-1.4\n garbage", "无法读取 PDF 文件：文件已损坏或已加密"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "无法读取 Word 文件（.docx）：文件已损坏或不是 .docx"),
    ("empty.docx", docx_of([]), "Word 文件（.docx）中没有文字"),
    ("letter.doc", b"\xd0\xcf\x11\xe0 old word", "旧版 Word/WPS 文件无法读取，请在 Word 或 WPS 中另存为 .docx 或 PDF"),
    ("letter.wps", b"\xd0\xcf\x11\xe0 wps", "可导入 .txt、.html、.htm、.docx、.pdf 文件"),
])
@pytest.mark.django_db
def test_unreadable_files_are_refused_with_a_reason_and_save_nothing(name, raw, reason, django_capture_on_commit_callbacks):
    from apps.ingest.batches import batch_create
    from apps.ingest.tests.batch_helpers import run_database_worker

    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(files=[(name, raw)])
    run_database_worker()
    item = batch.items.get()
    assert item.state == "refused" and reason in item.reason_text()
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_an_imported_pdf_becomes_a_draft():
    result = document_import(raw=HAILING_PDF.read_bytes(), filename="hailing.pdf")
    assert result.status == Status.OK and result.document.status == "draft"
