"""Chinese prose takes full-width punctuation: ，：；（） where ASCII , : ; ( ) stood beside Chinese characters.

ASCII stays where it belongs: placeholders (``%(name)s``, ``{{ name }}``, ``{count}``), addresses,
code, query strings, and brackets around Latin text set apart by a space (``下载 Excel (.xlsx)``).
The interface's own strings are written so (tests/test_chinese_punctuation.py checks the catalogue);
``full_width`` also brings a message stored in an older wording (an importer's note) up to date.
"""
import re

CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’"
NOT_PROSE = re.compile(r"%\(\w+\)[sdrf]|%[sd]|\{\{.*?\}\}|\{%.*?%\}|\{\w*\}|https?://\S+|`[^`]*`|\?[\w=&.-]+")
MARK_BESIDE_CJK = re.compile(rf"(?<=[{CJK}])[,:;]|[,:;](?=[{CJK}])")
INNER_BRACKETS = re.compile(r"\(([^()]*)\)")
FULL_WIDTH = {",": "，", ":": "：", ";": "；"}
# Private-use characters standing for what is not prose while the rest is rewritten.
KEPT, OPEN, CLOSE, LATIN_OPEN, LATIN_CLOSE = "\ue000", "\ue002", "\ue003", "\ue004", "\ue005"


def _is_cjk(char: str) -> bool:
    return bool(char) and re.match(f"[{CJK}]", char) is not None


def full_width(text: str) -> str:
    """``text`` with the ASCII marks of its Chinese prose made full-width; everything else unchanged."""
    kept: list[str] = []

    def keep(match):
        kept.append(match.group(0))
        return f"{KEPT}{len(kept) - 1}{KEPT}"

    prose = NOT_PROSE.sub(keep, text)

    def brackets(match):
        before = prose_now[match.start() - 1] if match.start() else ""
        after = prose_now[match.end()] if match.end() < len(prose_now) else ""
        chinese = re.search(f"[{CJK}]", match.group(1)) or _is_cjk(before) or _is_cjk(after)
        return (OPEN if chinese else LATIN_OPEN) + match.group(1) + (CLOSE if chinese else LATIN_CLOSE)

    prose_now = None
    while prose_now != prose:  # innermost brackets first, then those around them
        prose_now = prose
        prose = INNER_BRACKETS.sub(brackets, prose_now)
    prose = prose.translate({ord(OPEN): "（", ord(CLOSE): "）", ord(LATIN_OPEN): "(", ord(LATIN_CLOSE): ")"})
    prose = MARK_BESIDE_CJK.sub(lambda match: FULL_WIDTH[match.group(0)], prose)
    return re.sub(f"{KEPT}(\\d+){KEPT}", lambda match: kept[int(match.group(1))], prose)


def ascii_marks_in_chinese(text: str) -> list[str]:
    """Each ASCII mark of ``text`` that ``full_width`` would change, with a few characters around it."""
    changed = full_width(text)
    return [text[max(0, i - 4):i + 5] for i, (a, b) in enumerate(zip(text, changed, strict=True)) if a != b]
