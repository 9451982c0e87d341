"""v6: the Party dues book — bases, exemptions/reductions/deferrals, receipts split by month, remittances upward."""

from __future__ import annotations

import sqlite3

VERSION = 6

STATEMENTS = (
    # Months are stored as "YYYY-MM" text (sorts and compares as the calendar does); amounts as whole đồng.
    """CREATE TABLE dues_basis (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
        start_month TEXT NOT NULL,
        kind TEXT NOT NULL,
        base INTEGER,
        fixed INTEGER,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (member_id, start_month)
    )""",
    """CREATE TABLE dues_relief (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
        start_month TEXT NOT NULL,
        until_month TEXT,
        kind TEXT NOT NULL,
        reduction_pct INTEGER NOT NULL DEFAULT 100,
        reason TEXT NOT NULL,
        document TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE dues_receipt (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
        paid_on TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        channel TEXT NOT NULL,
        first_month TEXT NOT NULL,
        last_month TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE dues_payment (
        receipt_id INTEGER NOT NULL REFERENCES dues_receipt (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (receipt_id, month)
    )""",
    "CREATE INDEX dues_payment_month ON dues_payment (month, member_id)",
    """CREATE TABLE dues_remittance (
        month TEXT PRIMARY KEY,
        sent_on TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        note TEXT NOT NULL DEFAULT ''
    )""",
)


def upgrade(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
