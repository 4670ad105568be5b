"""What full-text search stores: each document's words, cut by the segmenter.

One ``SearchEntry`` per document holds its title and clean text as space-separated words
(``apps.search.segment.document_tokens``). The databases never cut Chinese themselves;
they index those words:

- PostgreSQL: a GIN index on the expression ``to_tsvector('simple'::regconfig, tokens)``
  for matching, and a generated column ``search_vector`` holding the same tsvector for
  ranking (migration 0002). The ``simple`` configuration only lower-cases, so every word
  stays as the segmenter produced it, two-character words (双减) included. The column is
  not a model field (SQLite has none); ``apps.search.expressions`` names it in queries.
- SQLite: an FTS5 table ``search_searchentry_fts`` (``tokenize='unicode61'``) with
  external content: it reads ``tokens`` from this table and stores only the index, kept
  in step by three triggers (after insert, update and delete here) created in migration
  0002. Its rowid is the document's id.

Caution for later migrations that alter ``search_searchentry``: on SQLite Django rebuilds
the table (create a copy, drop the original), which drops the triggers with it; on
PostgreSQL ``tokens`` cannot change type while the generated column depends on it. Undo
0002's objects first and recreate them after (``apps.search.migrations._fulltext``);
on SQLite then run ``manage.py rebuild_search_index --repair-fulltext``.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    document = models.OneToOneField(
        "documents.Document", verbose_name=_("文件"), primary_key=True,
        on_delete=models.CASCADE, related_name="search_entry",
    )
    tokens = models.TextField(_("分词"), blank=True, help_text=_("标题和正文切分后的词，以空格分隔"))

    class Meta:
        verbose_name = _("检索条目")
        verbose_name_plural = _("检索条目")

    def __str__(self):
        return str(self.document_id)
