"""v4: an optional program password. The wrapped data key lives in ``security``; CCCD gets a keyed digest."""

from __future__ import annotations

import sqlite3

VERSION = 4

STATEMENTS = (
    # One row at most (id = 1), present only once a password has been set. The data key that encrypts
    # CCCD and phone is stored twice, sealed under the password and under the recovery code.
    """CREATE TABLE security (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        created_at TEXT NOT NULL,
        password_kdf TEXT NOT NULL,
        password_wrap BLOB NOT NULL,
        recovery_kdf TEXT NOT NULL,
        recovery_wrap BLOB NOT NULL,
        idle_minutes INTEGER NOT NULL DEFAULT 10,
        purge_pending INTEGER NOT NULL DEFAULT 0
    )""",
    # HMAC of the CCCD under a key only the password opens: uniqueness and import matching without the number.
    "ALTER TABLE member ADD COLUMN cccd_digest TEXT NOT NULL DEFAULT ''",
    "CREATE UNIQUE INDEX member_cccd_digest ON member (cccd_digest) WHERE cccd_digest <> ''",
)


def upgrade(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
