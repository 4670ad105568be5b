"""What the importer tells the curator: a Chinese message and its values, shown in the reader's language.

A note is kept untranslated (message id + values) in ``Document.import_warnings`` and
translated when it is shown, so the admin in English reads the same notes in English. Every
message is a Chinese msgid with its English in ``locale/en``; mark new ones with ``N_`` so
``makemessages`` finds them.
"""
from dataclasses import dataclass, field

from django.utils.translation import gettext, gettext_noop

from apps.curation.punctuation import full_width

N_ = gettext_noop


@dataclass(frozen=True)
class Note:
    message: str
    values: dict = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.message, tuple(sorted(self.values.items()))))

    def __str__(self) -> str:
        # A note stored before the messages took full-width punctuation (查询参数太多:…) is looked
        # up, and shown, in today's wording.
        text = gettext(full_width(self.message))
        return text % self.values if self.values else text

    def stored(self) -> dict:
        return {"message": self.message, "values": self.values}


def note(message: str, **values) -> Note:
    return Note(message, values)


def note_text(stored) -> str:
    """A stored note in the current language; a plain string (kept by earlier versions) as it is."""
    if isinstance(stored, dict):
        return str(Note(stored.get("message", ""), stored.get("values") or {}))
    return str(stored)
