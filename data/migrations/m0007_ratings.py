"""v7: the yearly review and quality rating of each member and of the branch (issue 14)."""

from __future__ import annotations

import sqlite3

VERSION = 7

_LEVEL = "CHECK ({col} IS NULL OR {col} IN ('xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'))"

STATEMENTS = (
    f"""CREATE TABLE member_rating (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        form TEXT NOT NULL DEFAULT '',
        self_level TEXT {_LEVEL.format(col="self_level")},
        score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
        proposed TEXT {_LEVEL.format(col="proposed")},
        final TEXT {_LEVEL.format(col="final")},
        decided_by TEXT NOT NULL DEFAULT '',
        decision TEXT NOT NULL DEFAULT '',
        discipline TEXT NOT NULL DEFAULT '',
        votes_for INTEGER,
        votes_total INTEGER,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (member_id, year)
    )""",
    "CREATE INDEX member_rating_year ON member_rating (year)",
    f"""CREATE TABLE branch_rating (
        year INTEGER PRIMARY KEY,
        self_level TEXT {_LEVEL.format(col="self_level")},
        score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
        proposed TEXT {_LEVEL.format(col="proposed")},
        final TEXT {_LEVEL.format(col="final")},
        decided_by TEXT NOT NULL DEFAULT '',
        decision TEXT NOT NULL DEFAULT '',
        meeting_on TEXT,
        note TEXT NOT NULL DEFAULT ''
    )""",
)


def upgrade(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
