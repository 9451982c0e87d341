"""Bringing the automatic backups beside the database under the program password.

When a password is set, the backups taken before it still hold CCCD and phone in the clear. Each is
rewritten the way the live file was: upgraded to the current schema, the same wrapped data key stored,
the fields encrypted, the file rebuilt (no old pages), and put in place with an atomic rename.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing, suppress
from pathlib import Path

from data.backup import PART_SUFFIX, fsync_path, remove_database_file
from data.db import Database
from data.migrations import migrate
from data.repositories.security import SecurityRepository, SecurityRow


def has_plaintext_fields(path: Path) -> bool:
    """True when the backup file holds a CCCD or phone number in the clear (False if it cannot be read)."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            row = conn.execute(
                "SELECT count(*) FROM member WHERE (cccd <> '' AND cccd NOT LIKE 'enc1:%')"
                " OR (phone <> '' AND phone NOT LIKE 'enc1:%')"
            ).fetchone()
            return int(row[0]) > 0
    except sqlite3.Error:
        return False


def reseal_backup(path: Path, row: SecurityRow, convert: Callable[[str, str], tuple[str, str, str]]) -> None:
    """Rewrite *path* with its private fields encrypted under the data key that *row* wraps."""
    partial = path.with_name(path.name + PART_SUFFIX)
    remove_database_file(partial)
    try:
        with open(path, "rb") as src, open(partial, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        db = Database.open(partial)
        try:
            db.conn.execute("PRAGMA journal_mode = DELETE")
            migrate(db)
            with db.transaction() as conn:
                repo = SecurityRepository(conn)
                repo.put(row)
                repo.convert_member_fields(convert)
            db.conn.execute("PRAGMA temp_store = MEMORY")
            db.conn.execute("VACUUM")
        finally:
            db.close()
        fsync_path(partial)
        os.replace(partial, path)
    finally:
        with suppress(OSError):
            remove_database_file(partial)
