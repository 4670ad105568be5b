"""Index definitions that the two databases spell differently.

``NullsOrderedIndex``: an index over ordered expressions such as
``F("publish_date").desc(nulls_last=True)``, so that PostgreSQL answers
``ORDER BY publish_date DESC NULLS LAST`` (the pages' "newest first, undated last") from
the index instead of sorting every row. SQLite refuses NULLS FIRST/LAST in an index
definition; there it is left out, which changes nothing: SQLite sorts NULL below every
value, so a DESC index already puts NULLs last. Defining it per database in the index
itself, rather than in a migration, keeps SQLite's table rebuilds (which recreate every
index from the model) working.
"""
import copy

from django.db import models
from django.db.models.expressions import OrderBy


class NullsOrderedIndex(models.Index):
    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "sqlite":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        plain = copy.copy(self)
        plain.expressions = tuple(
            OrderBy(expression.expression, descending=expression.descending)
            if isinstance(expression, OrderBy) else expression
            for expression in self.expressions
        )
        return models.Index.create_sql(plain, model, schema_editor, using=using, **kwargs)
