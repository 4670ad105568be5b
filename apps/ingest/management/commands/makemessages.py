"""``makemessages`` that also collects the importer's notes, marked ``N_`` (apps.ingest.notes)."""
from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_"]
