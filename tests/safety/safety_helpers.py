"""Shared helpers of the data-safety tests: damage a file, read a database without writing to it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def counts(path: Path) -> dict[str, int]:
    """Row counts of the branch's record tables, read-only."""
    with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
        names = ("member", "member_event", "meeting", "attendance", "opinion", "task", "topic_assignment")
        return {n: int(conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0]) for n in names}


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return ";".join(r[0] for r in conn.execute("PRAGMA integrity_check"))


def damage(path: Path, *, page: int = 7) -> None:
    """Overwrite one b-tree page (7: the member table's root) with garbage, as a bad sector would."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the damage must hit the main file
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    with open(path, "r+b") as fh:
        fh.seek(size * (page - 1))
        fh.write(bytes((i * 37 + 11) % 256 for i in range(size)))


def make_backup_like(path: Path, source: Path) -> Path:
    """A copy of *source* written with the backup API (what a real backup file is)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(path)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    return path
