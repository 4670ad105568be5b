"""Documents a page cites: titles in 《》, with the 文号 printed after them, and bare 文号."""
import re

from apps.ingest.draft import CitationDraft
from apps.ingest.extract.metadata import DOC_NUMBER, doc_number_normalise
from apps.ingest.extract.text import CJK

TITLE = re.compile(r"《(?P<title>[^《》\n]{2,120})》(?:\s*[((](?P<number>[^()()]{4,30})[))])?")


def _doc_number(text: str) -> str:
    match = DOC_NUMBER.fullmatch(text.strip())
    return doc_number_normalise(match.group("prefix"), match.group("year"), match.group("num")) if match else ""


def citations_find(text: str, *, own_doc_number: str = "") -> list[CitationDraft]:
    """Cited documents in order of first mention, each once."""
    found: list[CitationDraft] = []
    claimed: list[tuple[int, int]] = []
    for match in TITLE.finditer(text):
        number = _doc_number(match.group("number") or "")
        found.append(CitationDraft(title=match.group("title").strip(), doc_number=number))
        claimed.append(match.span())
    for match in DOC_NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in claimed):
            continue
        if match.start() and CJK.match(text[match.start() - 1]):
            continue  # the prefix ran into the sentence: cannot tell where the 文号 starts
        number = doc_number_normalise(match.group("prefix"), match.group("year"), match.group("num"))
        if number != own_doc_number and match.group(0).rstrip().endswith("号"):
            found.append(CitationDraft(doc_number=number))
    unique, seen = [], set()
    for citation in found:
        if (citation.title, citation.doc_number) not in seen:
            seen.add((citation.title, citation.doc_number))
            unique.append(citation)
    return unique
