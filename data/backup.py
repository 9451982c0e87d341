"""Consistent copies of a database with SQLite's online backup API (never a file copy), and their checks.

Everything that touches backup files at the SQLite level lives here: writing, listing, verifying,
restoring into a live connection, and replacing a damaged database file. Policy (when, which to
keep) belongs to app/services/backups.py.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from contextlib import closing, suppress
from datetime import datetime
from pathlib import Path

from app.domain.backup_info import BACKUP_SUFFIX, BackupCheck, BackupInfo, backup_name, parse_backup_name
from app.domain.errors import StorageError
from data.db import APPLICATION_ID, CLEAN_CLOSE, open_readonly
from data.storage import storage_error

BACKUP_PREFIX = "sochibo-"  # the default database's backups; kept for older callers
PART_SUFFIX = ".part"
#: Tables any Sổ Chi bộ database has had since schema v1.
REQUIRED_TABLES = frozenset({"branch", "member", "meeting", "attendance", "setting"})
#: Tables whose changes do not call for a new backup: the search index is rebuilt, drafts are transient.
_NOT_CONTENT = ("sqlite_", "search_index", "draft")
_SQLITE_MAGIC = b"SQLite format 3\x00"


# --------------------------------------------------------------------------- writing
def fsync_path(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a snapshot of *conn* to *target* (a new file), fsynced. Safe while the connection is in WAL mode.

    The copy is written as ``<target>.part`` and renamed when complete, so a crash never leaves a
    half backup under a backup's name.
    """
    partial = target.with_name(target.name + PART_SUFFIX)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_database_file(partial)
        with closing(sqlite3.connect(str(partial))) as dest:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        fsync_path(partial)
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except (OSError, sqlite3.Error) as exc:
        full = storage_error(exc, target)  # a full or read-only disk: the same sentence as every other write
        if full is not None and full.code in ("storage_full", "storage_read_only"):
            raise full from exc
        raise StorageError(
            "backup_failed", path=str(target), detail=getattr(exc, "strerror", None) or str(exc)
        ) from exc
    finally:
        with suppress(OSError):
            remove_database_file(partial)
    return target


def remove_database_file(path: Path) -> None:
    """Delete a file we wrote with SQLite and its side files: a stale journal must never meet a new file."""
    for side in ("-journal", "-wal", "-shm", ""):
        Path(f"{path}{side}").unlink(missing_ok=True)


def database_stem(conn: sqlite3.Connection) -> str:
    """The live file's name without extension: backups of different databases in one folder stay apart."""
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]).stem if row and row[2] else BACKUP_PREFIX.rstrip("-")


def backup_database(
    conn: sqlite3.Connection, backup_dir: Path, *, label: str, now: datetime | None = None, stem: str | None = None
) -> Path:
    """A timestamped snapshot in *backup_dir*: <stem>-YYYYmmdd-HHMMSS-<label>.sqlite3."""
    stem = stem or database_stem(conn)
    at = now or datetime.now()
    n = 1
    target = backup_dir / backup_name(stem, at, label)
    while target.exists():
        n += 1
        target = backup_dir / backup_name(stem, at, label, n)
    return backup_to(conn, target)


# --------------------------------------------------------------------------- listing
def list_backups(folder: Path, stem: str) -> list[BackupInfo]:
    """The backups of database *stem* in *folder*, newest first. Unrelated and half-written files are skipped."""
    if not folder.is_dir():
        return []
    found: list[tuple[int, BackupInfo]] = []
    for path in folder.iterdir():
        parsed = parse_backup_name(stem, path.name)
        if parsed is None or not path.is_file():
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        found.append((stat.st_mtime_ns, BackupInfo(path=path, at=parsed[0], label=parsed[1], size=stat.st_size)))
    # Names carry whole seconds; the write time orders backups taken within the same second.
    found.sort(key=lambda item: (item[1].at, item[0], item[1].path.name), reverse=True)
    return [info for _, info in found]


def remove_stale_parts(folder: Path, stem: str) -> int:
    """Delete half-written backups left by a crash (only this database's). Returns how many."""
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.glob(f"{stem}-*{BACKUP_SUFFIX}{PART_SUFFIX}*"):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass  # in use or gone: the next start tries again
    return removed


# --------------------------------------------------------------------------- checking
def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Row count of every table (the search index included): equal counts = nothing lost in the copy."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    # Names come from sqlite_master itself, quoted: safe to format.
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def content_mark(conn: sqlite3.Connection) -> str:
    """A fingerprint that changes whenever the branch's records change (for "back up only if changed").

    O(1) in the size of the data, because it runs at every start: the schema version, the change log's
    highest id (every service write logs a change) and the highest rowid of every content table (catches
    inserts, and rewrites such as a meeting's attendance, even unlogged), never a count(*) over 1.3
    million attendance rows. The small profile and settings tables are hashed whole because their
    updates are not always logged.
    """
    digest = hashlib.sha256()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    digest.update(f"v{version};".encode())
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if not r[0].startswith(_NOT_CONTENT)
    ]
    for name in tables:  # max(rowid) reads one B-tree path (names from sqlite_master, quoted: safe to format)
        top = conn.execute(f'SELECT max(rowid) FROM "{name}"').fetchone()[0]
        digest.update(f"{name}:{top};".encode())
    for name in ("branch", "setting", "app_meta"):
        if name in tables:
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
                if name != "app_meta" or row[0] != CLEAN_CLOSE:  # opening and closing the file is no record
                    digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def has_rows(conn: sqlite3.Connection, names: Iterable[str]) -> bool:
    """True when any of the named tables (those that exist) holds a row; reads one row at most per table."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return any(
        conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None for name in names if name in present
    )


def content_mark_of(path: Path) -> str | None:
    """content_mark() of a backup file, or None if it cannot be read."""
    try:
        with closing(open_readonly(path)) as conn:
            return content_mark(conn)
    except (OSError, sqlite3.Error):
        return None


def _fail(code: str, path: Path, **details: object) -> StorageError:
    return StorageError(code, path=str(path), **details)


def check_backup(path: Path, *, latest_version: int, expected_counts: dict[str, int] | None = None) -> BackupCheck:
    """Prove *path* is a healthy Sổ Chi bộ database this build can open, or raise StorageError with a code.

    Codes: backup_missing, backup_not_ours, backup_damaged, backup_too_new, backup_incomplete.
    """
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise _fail("backup_missing", path) from exc
    except OSError as exc:
        raise _fail("backup_unreadable", path, detail=exc.strerror or str(exc)) from exc
    if head != _SQLITE_MAGIC:
        raise _fail("backup_not_ours", path)
    try:
        with closing(open_readonly(path)) as conn:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise _fail("backup_damaged", path, detail=str(problems[0]))
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if app_id != APPLICATION_ID or version < 1 or not tables >= REQUIRED_TABLES:
                raise _fail("backup_not_ours", path)
            if version > latest_version:
                raise _fail("backup_too_new", path, found=version, supported=latest_version)
            counts = table_counts(conn)
    except sqlite3.DatabaseError as exc:
        raise _fail("backup_damaged", path, detail=str(exc)) from exc
    except sqlite3.Error as exc:
        raise _fail("backup_unreadable", path, detail=str(exc)) from exc
    if expected_counts is not None and counts != expected_counts:
        raise _fail("backup_incomplete", path)
    return BackupCheck(path=path, schema_version=version, counts=counts, size=size)


# --------------------------------------------------------------------------- restoring
def stage_copy(source: Path, staging: Path) -> Path:
    """Copy a candidate file with the backup API into *staging* (local, DELETE journal) for checking.

    What is checked is then exactly what is restored, even if the USB stick is pulled meanwhile.
    Raises StorageError (backup_not_ours / backup_damaged / backup_unreadable).
    """
    remove_database_file(staging)
    try:
        with open(source, "rb") as fh:
            if fh.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
                raise _fail("backup_not_ours", source)
        with closing(open_readonly(source)) as src, closing(sqlite3.connect(str(staging))) as dest:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        fsync_path(staging)
    except StorageError:
        remove_database_file(staging)
        raise
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        remove_database_file(staging)
        raise _fail("backup_missing", source) from exc
    except (OSError, sqlite3.Error) as exc:
        remove_database_file(staging)
        full = storage_error(exc, staging)  # our own disk is full: the backup is not damaged
        if full is not None and full.code == "storage_full":
            raise full from exc
        if isinstance(exc, sqlite3.DatabaseError):
            raise _fail("backup_damaged", source, detail=str(exc)) from exc
        raise _fail("backup_unreadable", source, detail=getattr(exc, "strerror", None) or str(exc)) from exc
    return staging


def restore_into(conn: sqlite3.Connection, staging: Path) -> None:
    """Replace everything in the live connection with *staging*'s content, as ONE SQLite transaction.

    The backup API writes all pages in one step through the live file's WAL: a crash or an error
    part-way leaves the previous content, never a mixture. Raises StorageError("restore_failed").
    """
    try:
        with closing(open_readonly(staging)) as src:
            src.backup(conn)  # pages=-1: everything in one step, committed once
    except sqlite3.Error as exc:
        raise StorageError("restore_failed", path=str(staging), detail=str(exc)) from exc


def replace_database_file(database: Path, staging: Path, aside: Path) -> Path:
    """Put *staging* in place of a database no connection may have open (a damaged one, at start-up).

    The old file and its WAL/journal are first copied to *aside* (kept, never deleted by us), then the
    side files are removed — a stale WAL or journal must never be replayed onto a different file — and the
    staged copy is renamed over the database. Killed at any point, the folder holds either the old
    database or the restored one, and the copies aside.
    """
    try:
        if database.exists():
            _copy_synced(database, aside)
        for side in ("-wal", "-journal"):
            if Path(f"{database}{side}").exists():
                _copy_synced(Path(f"{database}{side}"), Path(f"{aside}{side}"))
        for side in ("-wal", "-journal", "-shm"):
            Path(f"{database}{side}").unlink(missing_ok=True)
        os.replace(staging, database)
        _fsync_dir(database.parent)
    except OSError as exc:
        raise StorageError("restore_failed", path=str(database), detail=exc.strerror or str(exc)) from exc
    return aside


def _copy_synced(source: Path, target: Path) -> None:
    # A plain byte copy is right here: nothing has the damaged file open (the lock is ours).
    with open(source, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())


def _fsync_dir(folder: Path) -> None:
    # Makes a rename durable on POSIX; Windows has no directory handles to sync.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
