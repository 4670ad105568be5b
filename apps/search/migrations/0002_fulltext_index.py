"""The database's own full-text index over search_searchentry.tokens.

PostgreSQL: a GIN index on to_tsvector('simple', tokens). SQLite: an FTS5 table with
external content and the triggers that keep it in step. See _fulltext.py.
"""
from django.db import migrations

from apps.search.migrations._fulltext import fulltext_create, fulltext_drop


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(fulltext_create, fulltext_drop, elidable=False),
    ]
