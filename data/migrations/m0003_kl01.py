"""v3: "học tập và làm theo Bác" (KL 01-KL/TW): personal plans and commitments, learning reports,
the branch's yearly items, models and exemplars, awards. Tables only; nothing existing changes."""

from __future__ import annotations

import sqlite3

VERSION = 3

STATEMENTS = (
    # One plan per member per year. items: JSON [{"text", "midyear", "year_end"}] (results per commitment).
    """CREATE TABLE kl01_plan (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member (id),
        year INTEGER NOT NULL,
        items TEXT NOT NULL DEFAULT '[]',
        breakthrough TEXT NOT NULL DEFAULT '',
        signed_on TEXT,
        midyear TEXT NOT NULL DEFAULT '',
        midyear_note TEXT NOT NULL DEFAULT '',
        year_end TEXT NOT NULL DEFAULT '',
        year_end_note TEXT NOT NULL DEFAULT '',
        committee_comment TEXT NOT NULL DEFAULT '',
        UNIQUE (member_id, year)
    )""",
    # The file itself lives in the data folder (bai-thu-hoach/); only its name is kept here.
    """CREATE TABLE kl01_learning_report (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member (id),
        year INTEGER NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        submitted_on TEXT NOT NULL,
        file_name TEXT NOT NULL DEFAULT '',
        UNIQUE (member_id, year)
    )""",
    """CREATE TABLE kl01_branch_year (
        year INTEGER PRIMARY KEY,
        breakthrough TEXT NOT NULL DEFAULT '',
        ethics TEXT NOT NULL DEFAULT ''
    )""",
    # Models (mô hình, cách làm hay) and exemplars (điển hình tiên tiến); member_id NULL: the collective.
    """CREATE TABLE kl01_recognition (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('model', 'exemplar')),
        title TEXT NOT NULL,
        member_id INTEGER REFERENCES member (id),
        description TEXT NOT NULL DEFAULT '',
        recognised_by TEXT NOT NULL DEFAULT ''
    )""",
    # member_id NULL: awarded to the branch.
    """CREATE TABLE kl01_award (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        form TEXT NOT NULL,
        level TEXT NOT NULL,
        on_date TEXT NOT NULL,
        decision TEXT NOT NULL DEFAULT '',
        member_id INTEGER REFERENCES member (id),
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX kl01_plan_year ON kl01_plan (year)",
    "CREATE INDEX kl01_recognition_year ON kl01_recognition (year)",
    "CREATE INDEX kl01_award_year ON kl01_award (year)",
)


def upgrade(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
