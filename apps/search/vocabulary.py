"""Names the project already knows, with their other spellings: initiatives and indicators.

A query that names one of them (by its name or an alias) is widened to every spelling, so
``教师交流轮岗`` also finds pages that write ``教师交流`` or ``流动教师``, and
``公办幼儿园在园幼儿占比`` pages that write ``公办园在园幼儿占比``. The spellings come from
the importer's initiative vocabulary, the published generic initiatives curators keep (a
draft initiative's aliases must not change what the public sees) and the shipped indicator
catalogue.
"""
import functools
from dataclasses import dataclass

from apps.curation.memo import remembered
from apps.curation.models import CurationStatus
from apps.ingest.extract.initiatives import DEFAULT_VOCABULARY, aliases_parse
from apps.targets.catalogue import catalogue_entries

INITIATIVE = "initiative"
INDICATOR = "indicator"


@dataclass(frozen=True)
class KnownName:
    """An initiative or indicator: its kind, its name, and every way pages write it (name first)."""

    kind: str
    name: str
    spellings: tuple[str, ...]


@functools.cache
def _shipped() -> tuple[KnownName, ...]:
    initiatives = (KnownName(INITIATIVE, term.name, term.spellings) for term in DEFAULT_VOCABULARY)
    indicators = (KnownName(INDICATOR, entry.name, (entry.name, *entry.aliases)) for entry in catalogue_entries())
    return (*initiatives, *indicators)


def _curated() -> list[KnownName]:
    from apps.initiatives.models import Initiative

    rows = Initiative.objects.filter(status=CurationStatus.PUBLISHED, region__isnull=True).values_list(
        "name", "aliases",
    )
    return [KnownName(INITIATIVE, name, (name, *aliases_parse(aliases))) for name, aliases in rows]


def known_names() -> list[KnownName]:
    """Every known name: shipped ones, then published generic initiatives (one query, remembered
    until a record changes: every search asks)."""
    return [*_shipped(), *remembered(("known_names",), _curated)]


def named_by(text: str, names: list[KnownName]) -> list[KnownName]:
    """The known names of which ``text`` is one spelling (exactly, ignoring case)."""
    key = text.casefold()
    return [known for known in names if any(key == spelling.casefold() for spelling in known.spellings)]
