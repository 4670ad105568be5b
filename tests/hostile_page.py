"""A captured page turned hostile: seed 000 (the Jiangning reply) as an HTML page carrying
script, event-handler attributes, ``javascript:`` links, an iframe, an SVG, and look-alike
Unicode, for the tests that show imported text is only ever shown as text.

Every payload that would run sets ``window.__pwned`` or opens a dialog, so a browser can
tell that nothing ran. Some payloads are markup (the importer drops it from the clean text,
the raw text keeps it), some are escaped in the page (``&lt;script&gt;``: the clean text
holds the literal ``<script>``), and some are full-width look-alikes (``＜script＞``), which
cleaning turns into ASCII ``<script>`` in the clean text and the title.
"""
import html
import re
from html.parser import HTMLParser

from apps.demo.seeds.schema import RAW_DIR

SEED = "000_bfc45f867f23e2c2.txt"
# Another number than the seed's: beside the demo data the page is a new letter to a new proposal,
# not the held letter (which the importer would not add again).
SEED_NUMBER, NUMBER = "JNZX13010181", "JNZX13010199"
FILE_NAME = "hostile_000.html"
RLO, PDF, ZWSP = "\u202e", "\u202c", "\u200b"  # right-to-left override, pop direction, zero-width space

# Literal text each view must show escaped (after cleaning: full-width forms become ASCII).
TITLE_PAYLOAD = "<script>window.__pwned=5</script>"
BODY_SCRIPT = "<script>window.__pwned=11;alert('clean text')</script>"
BODY_IMG = '<img src=x onerror="window.__pwned=12">'
QUOTE_PAYLOAD = "<svg onload=alert('quote')>"
LOOKALIKE_LINK = "javascript:window.__pwned=15"
TEMPLATE_SYNTAX = "{{ request.META }}{% debug %}"
TEXTAREA_BREAKOUT = "</textarea><img src=x onerror=alert('textarea')>"  # in the clean text, as text
CONTACT_SPOOF = f"侯аdmin{RLO}txt.exe{PDF}{ZWSP}"  # Cyrillic а, an RTL override, a zero-width space

# Markup only the raw text keeps; as characters it must still be shown, never parsed.
RAW_ONLY = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2;alert(\'img\')">',
    '<a href="javascript:window.__pwned=3">',
    '<svg onload="window.__pwned=6">',
    '<iframe src="javascript:window.__pwned=9"',
]


def _fullwidth(text: str) -> str:
    """``<script>`` as ``＜ｓｃｒｉｐｔ＞``: the look-alike forms the cleaner folds back to ASCII."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def hostile_page() -> bytes:
    """Seed 000 as an HTML page with the payloads above woven into its title, text and markup."""
    text = (RAW_DIR / SEED).read_text(encoding="utf-8").replace(SEED_NUMBER, NUMBER)
    lines = [line for line in text.split("\n") if line.strip()]
    paragraphs = []
    for index, line in enumerate(lines):
        text = html.escape(line)
        if index == 1:  # the title line
            paragraphs.append(f"<h1>{text}{_fullwidth(TITLE_PAYLOAD)}</h1>")
            continue
        if "现答复如下" in line:
            text += html.escape(BODY_SCRIPT) + _fullwidth(BODY_IMG) + html.escape(TEMPLATE_SYNTAX + TEXTAREA_BREAKOUT)
        if "一是持续推动教育资源建设" in line:
            text += (
                f'{RAW_ONLY[1]}{RAW_ONLY[2]}附件下载</a>'
                f"(备用链接:{_fullwidth(LOOKALIKE_LINK)})"
                "</textarea></pre></title><img src=x onerror=alert('breakout')>"
            )
        if "到2025年" in line:
            text = text.replace("到2025年,全区", f"到2025年,全区{html.escape(QUOTE_PAYLOAD)}", 1)
            text += f"</p><p>联系人:{CONTACT_SPOOF}"
        paragraphs.append(f"<p>{text}</p>")
    body = "\n".join(paragraphs)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>{html.escape(lines[1])}{_fullwidth(TITLE_PAYLOAD)}</title>
{RAW_ONLY[0]}
<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=7">
<base href="javascript:window.__pwned=16//">
</head><body onload="window.__pwned=13">
{body}
{RAW_ONLY[3]}<script>window.__pwned=8</script></svg>
{RAW_ONLY[4]} srcdoc="&lt;script&gt;parent.__pwned=10&lt;/script&gt;"></iframe>
<object data="javascript:window.__pwned=14"></object>
<style>body{{background:url("javascript:window.__pwned=17")}}</style>
</body></html>
"""
    return page.encode("utf-8")


class _MarkupAudit(HTMLParser):
    """What a served page would run or load, and the text it shows."""

    RUNS = re.compile(r"__pwned|alert\(")
    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.injected: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed", "base"):
            self.injected.append(f"<{tag}>")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.injected.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.injected.append(f"<{tag} {name}=…>")
            if name in self.URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.injected.append(f"<{tag} {name}={value}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and self.RUNS.search(data):
            self.injected.append(f"<script>{data[:40]}")
        elif not self._in_script:
            self.text.append(data)


def markup_audit(page: str) -> tuple[list[str], str]:
    """The elements and attributes of ``page`` that would run or load something the page's text
    asked for (nothing, if it was escaped), and the page's text as a browser shows it."""
    audit = _MarkupAudit()
    audit.feed(page)
    audit.close()
    return audit.injected, "".join(audit.text)
