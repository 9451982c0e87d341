"""SQL for the program password: the wrapped data key row, converting member fields, purging old plaintext.

Never commits (the service owns the transaction), except ``purge()``, which must run outside one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SecurityRow:
    created_at: str
    password_kdf: str  # JSON of app.domain.crypto.KdfParams
    password_wrap: bytes
    recovery_kdf: str
    recovery_wrap: bytes
    idle_minutes: int
    purge_pending: bool


class SecurityRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def get(self) -> SecurityRow | None:
        row = self._conn.execute("SELECT * FROM security WHERE id = 1").fetchone()
        if row is None:
            return None
        return SecurityRow(
            created_at=row["created_at"],
            password_kdf=row["password_kdf"],
            password_wrap=bytes(row["password_wrap"]),
            recovery_kdf=row["recovery_kdf"],
            recovery_wrap=bytes(row["recovery_wrap"]),
            idle_minutes=int(row["idle_minutes"]),
            purge_pending=bool(row["purge_pending"]),
        )

    def put(self, row: SecurityRow) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO security (id, created_at, password_kdf, password_wrap, recovery_kdf, recovery_wrap,"
            " idle_minutes, purge_pending) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.created_at,
                row.password_kdf,
                row.password_wrap,
                row.recovery_kdf,
                row.recovery_wrap,
                row.idle_minutes,
                int(row.purge_pending),
            ),
        )

    def set_idle_minutes(self, minutes: int) -> None:
        self._conn.execute("UPDATE security SET idle_minutes = ? WHERE id = 1", (minutes,))

    def set_purge_pending(self, pending: bool) -> None:
        self._conn.execute("UPDATE security SET purge_pending = ? WHERE id = 1", (int(pending),))

    def convert_member_fields(self, convert: Callable[[str, str], tuple[str, str, str]]) -> int:
        """Rewrite every member's (cccd, phone) as ``convert(cccd, phone) -> (cccd, phone, cccd_digest)``."""
        rows = self._conn.execute("SELECT id, cccd, phone FROM member").fetchall()
        for row in rows:
            self._conn.execute(
                "UPDATE member SET cccd = ?, phone = ?, cccd_digest = ? WHERE id = ?",
                (*convert(row["cccd"], row["phone"]), row["id"]),
            )
        return len(rows)

    def plaintext_left(self) -> int:
        """Members whose CCCD or phone is still stored in the clear (0 once converted)."""
        row = self._conn.execute(
            "SELECT count(*) FROM member WHERE (cccd <> '' AND cccd NOT LIKE 'enc1:%')"
            " OR (phone <> '' AND phone NOT LIKE 'enc1:%')"
        ).fetchone()
        return int(row[0])


def purge(conn: sqlite3.Connection) -> None:
    """Leave no old plaintext in free pages or the WAL: rebuild the file, then fold and empty the WAL.

    Outside any transaction. ``secure_delete`` zeroes what later updates free; ``temp_store = MEMORY``
    keeps VACUUM's working copy off the temp folder.
    """
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def checkpoint(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the file and empty it."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
