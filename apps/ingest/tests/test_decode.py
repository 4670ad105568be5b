"""Bytes to text: encodings detected, and every kind of bad file refused with a reason."""
import codecs
import io
import zipfile

import pytest
from django.utils import translation

from apps.ingest.decode import DecodeError, page_decode

LIMIT = 5 * 1024 * 1024
PAGE = "对江宁区政协十三届一次会议第JNZX13010181号提案的答复\n到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上。"
TRADITIONAL = "地區市教育局各縣市區教育局長例會匯報材料,追求有質量公平,推進內涵式發展。今年以來,我市著力追求有質量的教育公平。"


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_simplified_page_decodes_in_each_encoding_it_comes_in(encoding):
    decoded = page_decode(PAGE.encode(encoding), max_bytes=LIMIT)
    assert decoded.text.lstrip("\ufeff") == PAGE


def test_big5_page_with_traditional_characters_is_detected():
    decoded = page_decode((TRADITIONAL * 3).encode("big5"), max_bytes=LIMIT)
    assert decoded.encoding == "big5"
    assert decoded.text == TRADITIONAL * 3


def test_short_gbk_note_decodes_although_detection_needs_more_text():
    assert page_decode("办理结果:B".encode("gbk"), max_bytes=LIMIT).text == "办理结果:B"


def test_declared_charset_of_an_html_page_is_used():
    html = f'<html><head><meta charset="gb2312"></head><body><p>{PAGE}</p></body></html>'
    decoded = page_decode(html.encode("gb18030"), max_bytes=LIMIT)
    assert decoded.encoding == "gb18030"
    assert PAGE in decoded.text


@pytest.mark.parametrize("raw", [b"", b"   \n\r\n\t  "])
def test_empty_file_is_refused(raw):
    with pytest.raises(DecodeError, match="文件是空的"):
        page_decode(raw, max_bytes=LIMIT)


def test_oversized_file_is_refused_with_the_limit():
    with pytest.raises(DecodeError, match="文件太大.*上限是 100 字节"):
        page_decode(PAGE.encode() * 10, max_bytes=100)


def test_zip_renamed_to_txt_is_refused_as_an_archive():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("page.txt", PAGE)
    with pytest.raises(DecodeError, match="ZIP 压缩包"):
        page_decode(buffer.getvalue(), max_bytes=LIMIT)


@pytest.mark.parametrize("raw, name", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF 文件"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG 图片"),
    (bytes(range(256)) * 4, "NUL 字节"),
])
def test_binary_file_is_refused(raw, name):
    with pytest.raises(DecodeError, match=name):
        page_decode(raw, max_bytes=LIMIT)


def test_bytes_that_are_no_known_encoding_are_refused():
    garbage = bytes([0x81, 0xFF, 0x30, 0xFE]) * 200
    with pytest.raises(DecodeError, match="无法解码"):
        page_decode(garbage, max_bytes=LIMIT)


def test_broken_byte_order_mark_is_refused():
    with pytest.raises(DecodeError, match="字节顺序标记"):
        page_decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa", max_bytes=LIMIT)


def test_a_reason_reads_in_english_through_the_locale():
    with pytest.raises(DecodeError) as refusal:
        page_decode(PAGE.encode() * 10, max_bytes=100)
    with translation.override("en"):
        assert str(refusal.value) == "file is too large: 1,560 bytes, the limit is 100 bytes"
