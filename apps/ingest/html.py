"""HTML fragments and whole pages to plain text, one block element a line."""
import re
from html.parser import HTMLParser

TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--|!doctype)[^<>]*>", re.IGNORECASE)

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}
# A "<" that starts no tag: "<a<a<a…" or "</</…" in a broken page make Python's HTMLParser rescan
# the rest of the page at each one (hours for a 5 MB file); escaped, it is the text it was.
STRAY_LT = re.compile(r"<(?!!--|[a-zA-Z/!?][^<>]*>)")
# Their content is never part of the article.
HIDDEN_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "svg", "select", "option"}


def looks_like_html(text: str) -> bool:
    return len(TAG.findall(text[:20000])) >= 2


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._hidden_depth = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self._hidden_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._hidden_depth:
            return
        if self._in_title:
            self.title_parts.append(data)
        else:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """The visible text of a page or fragment, and the content of its <title> ("" if none)."""
    markup = STRAY_LT.sub("&lt;", markup)
    # "<!--" after the last "-->" is never closed. Pythons differ on what follows it (text, or a
    # comment to the end); the importer reads on, the same on every one.
    last_close = markup.rfind("-->")
    closed = last_close + 3 if last_close >= 0 else 0
    markup = markup[:closed] + markup[closed:].replace("<!--", "")
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return "".join(collector.parts), " ".join("".join(collector.title_parts).split())
