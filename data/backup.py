"""Consistent copies of a live database with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

BACKUP_PREFIX = "sochibo-"
BACKUP_SUFFIX = ".sqlite3"


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a snapshot of *conn* to *target* (a new file), fsynced. Safe while the connection is in WAL mode."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(str(partial))) as dest:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        with open(partial, "rb+") as fh:
            fh.flush()
            import os

            os.fsync(fh.fileno())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def backup_database(conn: sqlite3.Connection, backup_dir: Path, *, label: str, now: datetime | None = None) -> Path:
    """A timestamped snapshot in *backup_dir*: sochibo-YYYYmmdd-HHMMSS-<label>.sqlite3."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{BACKUP_PREFIX}{stamp}-{label}{BACKUP_SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = backup_dir / f"{BACKUP_PREFIX}{stamp}-{label}-{n}{BACKUP_SUFFIX}"
    return backup_to(conn, target)
