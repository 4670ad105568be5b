"""The database-specific half of the search index, shared by the migrations.

Kept out of the model because neither piece can be described portably: PostgreSQL gets
a GIN expression index and a generated tsvector column, SQLite an FTS5 virtual table with
triggers. Each function does nothing on the other database (and on any other vendor).
"""
TABLE = "search_searchentry"
VECTOR_COLUMN = "search_vector"
GIN_INDEX = "search_searchentry_tokens_gin"
FTS_TABLE = "search_searchentry_fts"

POSTGRESQL_CREATE = [
    # Matching: a GIN index on the expression (apps.search.expressions.SimpleTsVector
    # repeats it verbatim). The planner counts to_tsvector() as expensive and so answers
    # @@ from the index, exactly, without reading the rows; with the index on the stored
    # column instead it seq-scanned for common words (0.6 s instead of 40 ms on 100 k).
    f"CREATE INDEX {GIN_INDEX} ON {TABLE} USING gin (to_tsvector('simple'::regconfig, tokens))",
    # Ranking: the same vector, stored. Parsing one document's words again takes about
    # 0.2 ms, so ts_rank over 1,000 candidates cost 200-300 ms; from this column, 5 ms.
    f"""ALTER TABLE {TABLE} ADD COLUMN {VECTOR_COLUMN} tsvector
        GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, tokens)) STORED""",
]
POSTGRESQL_DROP = [
    f"DROP INDEX IF EXISTS {GIN_INDEX}",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {VECTOR_COLUMN}",
]

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (new.document_id, new.tokens);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, tokens) VALUES ('delete', old.document_id, old.tokens);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, tokens) VALUES ('delete', old.document_id, old.tokens);
        INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (new.document_id, new.tokens);
    END""",
]
SQLITE_CREATE = [
    # External content: the words live once, in search_searchentry; FTS5 keeps the index.
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        tokens, content='{TABLE}', content_rowid='document_id', tokenize='unicode61'
    )""",
    *SQLITE_TRIGGERS,
    # Index whatever rows exist already.
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

STATEMENTS = {
    "postgresql": (POSTGRESQL_CREATE, POSTGRESQL_DROP),
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
}


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql, params=None)


def fulltext_create(apps, schema_editor):
    create, _drop = STATEMENTS.get(schema_editor.connection.vendor, ((), ()))
    _run(schema_editor, create)


def fulltext_drop(apps, schema_editor):
    _create, drop = STATEMENTS.get(schema_editor.connection.vendor, ((), ()))
    _run(schema_editor, drop)
