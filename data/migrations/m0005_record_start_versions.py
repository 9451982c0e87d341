"""v5: an edit counter on members, meetings and topic assignments (stale saves are refused); the record's start.

``version`` grows by one with every write to the row; a save carries the version it read, and the
service refuses it when the row has moved on (optimistic concurrency: no save silently overwrites newer data).
``branch.record_start`` is the first day the branch keeps its record here: no rule judges a period before it.
"""

from __future__ import annotations

import sqlite3

VERSION = 5

STATEMENTS = (
    "ALTER TABLE member ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE meeting ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE topic_assignment ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE branch ADD COLUMN record_start TEXT",
    # A file kept before v5 started its record with its first meeting (the month it falls in); a file
    # without meetings keeps NULL, and the checks then fall back to the first recorded day, as before.
    """UPDATE branch SET record_start = (SELECT substr(min(on_date), 1, 8) || '01' FROM meeting)
       WHERE record_start IS NULL""",
)


def upgrade(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
