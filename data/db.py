"""The single place that opens SQLite connections and defines transactions. No business rules."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import closing, contextmanager, suppress
from pathlib import Path

from app.domain.errors import StorageError
from data.storage import identify, storage_error

#: PRAGMA application_id of every Sổ Chi bộ database ("SCB1"): tells our files from any other SQLite file.
APPLICATION_ID = 0x53434231
#: app_meta key: "1" when the program last closed the file normally; set to "0" with the first write after opening.
CLEAN_CLOSE = "clean_close"


class Database:
    """Owns one connection. Use it from the thread that opened it (sqlite3 enforces this).

    The health check may be deferred (see open_checked): it then runs on its own read-only connection in
    a thread, and the first write transaction waits for its verdict; a damaged file is never written.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self.check_deferred = False  # the quick_check is still owed (the file was closed cleanly last time)
        self._check: Future[str] | None = None
        self._marked_open = False  # this session's first write recorded the file as not closed cleanly
        self.readonly = False

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

    @classmethod
    def open_readonly(cls, path: Path) -> Database:
        """A second, read-only connection to an open file (figures computed off the GUI thread). Never writes."""
        conn = open_readonly(path)
        conn.isolation_level = None
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 5000")
        db = cls(conn, path)
        db.readonly = True
        return db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """COMMIT if the block succeeds, ROLLBACK if it raises. Does not nest: one use case, one transaction."""
        if self.conn.in_transaction:
            raise RuntimeError("nested transaction: open it once, in the service")
        self.wait_for_check()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._storage(exc) from exc
        try:
            yield self.conn
            if not self._marked_open:  # at the end: the first transaction of a new file creates app_meta
                self._record_clean_close(False)
            self.conn.execute("COMMIT")
            self._marked_open = True
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
        return _quick_check(self.conn)

    def integrity_check(self) -> str:
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        return "ok" if [r[0] for r in rows] == ["ok"] else str(rows[0][0])

    # ------------------------------------------------------------------ health check and clean close
    def check_in_background(self) -> Future[str]:
        """Start the deferred quick_check on its own read-only connection, in a thread; its verdict later.

        Idempotent. The verdict is 'ok' or the first problem (an unreadable file is a problem too).
        """
        if self._check is None:
            future: Future[str] = Future()
            path = self.path
            assert path is not None, "only a file's check is deferred"

            def run() -> None:
                try:
                    with closing(open_readonly(path)) as conn:
                        future.set_result(_quick_check(conn))
                except Exception as exc:  # a verdict always comes: a write waits for it
                    future.set_result(str(exc) or "unreadable")

            self._check = future
            threading.Thread(target=run, name="quick_check", daemon=True).start()
        return self._check

    def check_verdict(self) -> str | None:
        """'ok' or the problem once the check is done (or was done before opening); None while it runs."""
        if not self.check_deferred:
            return "ok"
        if self._check is None or not self._check.done():
            return None
        return self._check.result()

    def wait_for_check(self) -> None:
        """Before a write: the deferred check's verdict (started now if needed). Raises "database_damaged"."""
        if not self.check_deferred:
            return
        problem = self.check_in_background().result()
        if problem != "ok":
            raise StorageError("database_damaged", path=str(self.path), detail=problem)
        self.check_deferred = False

    def closed_cleanly(self) -> bool:
        """The file says the program closed it normally last time (no record, as in older files: False)."""
        try:
            row = self.conn.execute("SELECT value FROM app_meta WHERE key = ?", (CLEAN_CLOSE,)).fetchone()
        except sqlite3.OperationalError:  # no app_meta table yet: a file being created
            return False
        return row is not None and row[0] == "1"

    def _record_clean_close(self, clean: bool) -> None:
        with suppress(sqlite3.OperationalError):  # no app_meta (a migration test's bare schema): nothing to say
            self.conn.execute(
                "INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (CLEAN_CLOSE, "1" if clean else "0"),
            )

    def close_cleanly(self) -> None:
        """The program's normal close: record it in the file (unless the file is damaged or unchecked), close."""
        try:
            if not self.readonly and self.check_verdict() == "ok" and (self._marked_open or not self.closed_cleanly()):
                self.conn.execute("BEGIN IMMEDIATE")
                self._record_clean_close(True)
                self.conn.execute("COMMIT")
        except sqlite3.Error:  # a full or read-only disk: the next start simply checks before the window
            with suppress(sqlite3.Error):
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
        self.conn.close()

    def close(self) -> None:
        self.conn.close()


def _quick_check(conn: sqlite3.Connection) -> str:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return "ok" if [r[0] for r in rows] == ["ok"] else str(rows[0][0])


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that never writes or converts the file (mode=ro URI).

    A WAL-mode file on a read-only medium cannot get its -shm side file; it is then read as
    immutable (its committed content; a WAL left beside it cannot be replayed there anyway).
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(uri + "?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(uri + "?immutable=1", uri=True)
    return conn


def open_checked(path: Path, *, defer_check: bool = False) -> Database:
    """Open the file and make sure it is healthy SQLite. Raises StorageError with a code.

    *defer_check*: when the file records a clean close, PRAGMA quick_check is left to
    ``Database.check_in_background`` (the window starts it once shown; the first write waits for it).
    After an unclean close, or with no record, it runs here, before anything else, as always.

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
        if defer_check and db.closed_cleanly():
            db.check_deferred = True
        elif not db.is_empty():
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
