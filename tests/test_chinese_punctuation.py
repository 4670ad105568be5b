"""Chinese UI text uses full-width punctuation: ，：；（） inside Chinese sentences, never ASCII , : ; ( ).

Every Chinese string the interface shows is a msgid of the English catalogue (the source language
is Chinese), so the compiled catalogue lists them all; the templates are read too, for Chinese
written outside a translation tag. ASCII stays where it belongs: placeholders (``%(name)s``,
``{{ name }}``), addresses, code, and brackets around Latin text set apart by a space
(``下载 Excel (.xlsx)``).
"""
import gettext
import re
from pathlib import Path

import pytest

from apps.curation.punctuation import ascii_marks_in_chinese, full_width

PROJECT = Path(__file__).resolve().parents[1]
CATALOGUE = PROJECT / "locale" / "en" / "LC_MESSAGES" / "django.mo"
CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’"
# Comments, and what the catalogue holds already: {% translate %} and {% blocktranslate %}…{% endblocktranslate %}.
# Tags' attributes are msgids too.
TEMPLATE_NOT_SHOWN = (
    r"\{% comment %\}.*?\{% endcomment %\}|\{#.*?#\}|\{% blocktranslate.*?\{% endblocktranslate %\}|<[^>]*>"
    r"|\{%.*?%\}|\{\{.*?\}\}"
)


def chinese_msgids() -> list[str]:
    with CATALOGUE.open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    msgids = set()
    for key in catalogue:
        msgid = key[0] if isinstance(key, tuple) else key  # plural forms are keyed (msgid, n)
        msgids.add(msgid.split("\x04")[-1])  # drop a msgctxt
    return sorted(m for m in msgids if re.search(f"[{CJK}]", m))


@pytest.mark.parametrize("text, found", [
    ("筛选条件有误,请更正后再试:", 2),
    ("订阅兑现认定(Atom)", 2),
    ("ZIP 中的路径不安全(绝对路径):%(path)s", 3),
    ("查询参数太多：最多 %(limit)d 个。", 0),
    ("%(field)s：“%(old)s”", 0),
    ("下载 Excel (.xlsx)", 0),
    ("示例：/targets/?region=32&format=csv", 0),
    ("数据来自 https://example.org/a,b 的页面", 0),
])
def test_the_check_tells_prose_from_placeholders_and_addresses(text, found):
    assert len(ascii_marks_in_chinese(text)) == found


def test_a_message_in_an_older_wording_is_brought_up_to_date():
    assert full_width("ZIP 中的路径不安全(绝对路径或含 ..):%(path)s") == "ZIP 中的路径不安全（绝对路径或含 ..）：%(path)s"
    assert full_width("下载 Excel (.xlsx), 共 %(count)d 行") == "下载 Excel (.xlsx), 共 %(count)d 行"


def test_the_catalogue_holds_the_interface():
    msgids = chinese_msgids()
    assert len(msgids) > 500 and "筛选条件有误，请更正后再试：" in msgids


def test_every_chinese_interface_string_uses_full_width_punctuation():
    wrong = {msgid: marks for msgid in chinese_msgids()
             if (marks := ascii_marks_in_chinese(msgid))}
    assert wrong == {}


def test_chinese_written_in_templates_outside_translation_tags_uses_full_width_punctuation():
    wrong = {}
    for template in sorted((PROJECT / "templates").rglob("*.html")):
        text = re.sub(TEMPLATE_NOT_SHOWN, "\u2063", template.read_text(encoding="utf-8"), flags=re.DOTALL)
        if marks := ascii_marks_in_chinese(text):
            wrong[str(template.relative_to(PROJECT))] = marks
    assert wrong == {}
