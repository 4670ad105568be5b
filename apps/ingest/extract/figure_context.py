"""What figure extraction knows of a page, and where its reading of the page has got to."""
import datetime
from dataclasses import dataclass, field

from apps.ingest.draft import PlaceRef


@dataclass
class PageContext:
    """What the page says of itself: its type, year, date and the places it names."""

    doc_type: str
    page_year: int | None
    doc_date: datetime.date | None
    regions: list[PlaceRef]
    region_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code → full and short names
    home: str | None = None  # the place the page's title names: figures no sentence places are its


@dataclass
class Cursor:
    """The section, place, year and list a paragraph is read in, carried from the text before it."""

    plan: bool
    region: str | None
    region_named: bool = False  # whether the region was named by the page's text, not its default
    year: int | None = None
    year_is_past: bool = False
    section_year: int | None = None  # the year a plan section's heading names (`2021年重点工作`)
    running: str | None = None  # the place named last in the paragraph so far
    list_names: list[str] | None = None  # the names the last 分别 list took
    last_measured: tuple[str, str] | None = None  # the paragraph's last named figure: (name, unit)
