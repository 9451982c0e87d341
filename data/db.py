"""The single place that opens SQLite connections and defines transactions. No business rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from app.domain.errors import StorageError
from data.storage import identify, storage_error

#: PRAGMA application_id of every Sổ Chi bộ database ("SCB1"): tells our files from any other SQLite file.
APPLICATION_ID = 0x53434231


class Database:
    """Owns one connection. Use it from the thread that opened it (sqlite3 enforces this)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | str) -> Database:
        """Open (creating if missing) with our pragmas. Raises sqlite3.DatabaseError for non-databases."""
        memory = str(path) == ":memory:"
        conn = sqlite3.connect(str(path), isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            # The first real read fails with "file is not a database" for a foreign file.
            conn.execute("PRAGMA schema_version").fetchone()
            conn.execute("PRAGMA foreign_keys = ON")  # off by default, per connection
            conn.execute("PRAGMA busy_timeout = 5000")
            if not memory:
                # WAL: readers never block the writer. FULL: a commit survives a power cut.
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error:
            conn.close()
            raise
        return cls(conn, None if memory else Path(path))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """COMMIT if the block succeeds, ROLLBACK if it raises. Does not nest: one use case, one transaction."""
        if self.conn.in_transaction:
            raise RuntimeError("nested transaction: open it once, in the service")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._storage(exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:  # COMMIT itself can fail, e.g. SQLITE_BUSY or a full disk
                with suppress(sqlite3.Error):  # a failed rollback leaves the journal to SQLite's recovery
                    self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._storage(exc) from exc
            raise

    def _storage(self, exc: sqlite3.Error) -> Exception:
        # Full, read-only, busy, I/O: one StorageError code each, so every command says the same sentence.
        return storage_error(exc, self.path) or exc

    def application_id(self) -> int:
        return int(self.conn.execute("PRAGMA application_id").fetchone()[0])

    def is_empty(self) -> bool:
        """True for a brand-new file: no tables at all."""
        row = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
        return int(row[0]) == 0

    def quick_check(self) -> str:
        """'ok', or the first problem SQLite reports."""
        rows = self.conn.execute("PRAGMA quick_check").fetchall()
        return "ok" if [r[0] for r in rows] == ["ok"] else str(rows[0][0])

    def integrity_check(self) -> str:
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        return "ok" if [r[0] for r in rows] == ["ok"] else str(rows[0][0])

    def close(self) -> None:
        self.conn.close()


def open_checked(path: Path) -> Database:
    """Open the file and make sure it is healthy SQLite. Raises StorageError with a code.

    A new database is created only where no file exists. An existing file is identified first,
    read-only (data/storage.py): one that is empty, cut short, foreign or not SQLite is refused
    before any byte of it changes (not even the switch to WAL).
    """
    kind = identify(path, APPLICATION_ID)
    try:
        if kind == "missing":
            path.parent.mkdir(parents=True, exist_ok=True)
        db = Database.open(path)
    except sqlite3.DatabaseError as exc:
        raise (storage_error(exc, path) or StorageError("not_a_database", path=str(path))) from exc
    except (OSError, sqlite3.Error) as exc:
        mapped = storage_error(exc, path)
        if mapped is not None:
            raise mapped from exc
        raise StorageError("cannot_open", path=str(path), detail=str(exc)) from exc
    try:
        if not db.is_empty():
            problem = db.quick_check()
            if problem != "ok":
                raise StorageError("database_damaged", path=str(path), detail=problem)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StorageError("database_damaged", path=str(path), detail=str(exc)) from exc
    except StorageError:
        db.close()
        raise
    return db
