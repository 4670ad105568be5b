"""The catalogue of indicators Chinese education plans and statistics use, shipped as data.

``indicators.json`` is the one source: a data migration loads it into ``Indicator`` rows
(``catalogue_sync``) and the importer's matcher (apps/ingest/extract/catalogue.py) reads it
to put figures on those rows by ``code``. This module imports no models, so the importer's
pure text work can use it without a database.

Each entry: ``code`` (stable, ASCII), ``name``, ``name_en``, ``aliases`` (other ways pages
name it), ``unit``, ``direction`` (higher, lower, none), ``level`` (IndicatorLevel),
``definition``, and for the matcher ``match`` (keyword sequences whose last keyword ends
the indicator's words), ``exclude`` (patterns that rule a match out) and ``exclude_clause``
(the same, searched in the figure's clause).
"""
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

CATALOGUE_FILE = Path(__file__).with_name("indicators.json")
# Not 、: names such as 新建、改扩建学校数 hold it.
ALIAS_SEPARATORS = re.compile(r"[,,;;\n]+")


def alias_split(text: str) -> list[str]:
    """The aliases in an Indicator's ``aliases`` text, one per line or comma-separated."""
    return [alias.strip() for alias in ALIAS_SEPARATORS.split(text) if alias.strip()]


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    name: str
    unit: str
    direction: str
    level: str
    definition: str
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    match: tuple[tuple[str, ...], ...] = ()
    exclude: tuple[str, ...] = ()
    exclude_clause: tuple[str, ...] = field(default=())


@cache
def catalogue_entries() -> tuple[CatalogueEntry, ...]:
    """Every catalogue entry, in the file's order."""
    raw = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    return tuple(
        CatalogueEntry(
            **{
                **item,
                "aliases": tuple(item.get("aliases", ())),
                "match": tuple(tuple(keywords) for keywords in item.get("match", ())),
                "exclude": tuple(item.get("exclude", ())),
                "exclude_clause": tuple(item.get("exclude_clause", ())),
            }
        )
        for item in raw
    )


def catalogue_sync(indicator_model) -> tuple[int, int]:
    """Create or update one Indicator row per catalogue entry; return (created, updated).

    Takes the model as an argument so a data migration can pass its historical one. An
    entry finds its row by code, else adopts an uncoded row of the same name (one the
    importer made before the catalogue existed). Aliases curators added are kept, and a
    curator's renaming of a catalogue row is not undone. Running it again changes nothing.
    """
    created = updated = 0
    for entry in catalogue_entries():
        row = indicator_model.objects.filter(code=entry.code).first()
        if row is None:
            row = indicator_model.objects.filter(name=entry.name, code__isnull=True).first()
        if row is None:
            row = indicator_model(code=entry.code, name=entry.name)
        held_aliases = alias_split(row.aliases) if row.pk else []
        values = {
            "code": entry.code,
            "name_en": entry.name_en,
            "aliases": "\n".join(dict.fromkeys([*entry.aliases, *held_aliases])),
            "unit": entry.unit,
            "direction": entry.direction,
            "level": entry.level,
            "definition": entry.definition,
        }
        if row.pk and all(getattr(row, name) == value for name, value in values.items()):
            continue
        is_new = row.pk is None
        for name, value in values.items():
            setattr(row, name, value)
        row.save()
        created += is_new
        updated += not is_new
    return created, updated
