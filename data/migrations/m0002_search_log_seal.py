"""v2: full-text search over folded text, a change log, sealed minutes with addenda, autosaved drafts."""

from __future__ import annotations

import sqlite3

VERSION = 2

STATEMENTS = (
    # Folded text (app.domain.vntext.fold) is indexed; remove_diacritics 2 is a safety net (TECH-NOTES §4.2).
    # The raw columns keep the original text for snippets: fold() keeps positions, so a match found in
    # the folded text is cut out of the original at the same offsets.
    """CREATE VIRTUAL TABLE search_index USING fts5(
        kind UNINDEXED, ref_id UNINDEXED, title, body, raw_title UNINDEXED, raw_body UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX change_log_entity ON change_log (entity, entity_id)",
    "ALTER TABLE meeting ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE correction (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        on_date TEXT NOT NULL,
        reason TEXT NOT NULL,
        text TEXT NOT NULL
    )""",
    """CREATE TABLE draft (
        key TEXT PRIMARY KEY,
        payload TEXT NOT NULL,
        saved_at TEXT NOT NULL
    )""",
)


def upgrade(conn: sqlite3.Connection) -> None:
    """Creates the tables; the caller rebuilds the search index from what v1 held (data.bootstrap)."""
    for statement in STATEMENTS:
        conn.execute(statement)
