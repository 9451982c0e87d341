"""What a database file is before anything writes to it, and which storage failure an error means.

Identifying a file reads it only: its first 100 bytes from Python, then (for SQLite files) a
read-only connection. Nothing here switches the journal mode, creates tables or writes a byte, so a
file that is refused is left exactly as it was. No business rules.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from app.domain.errors import StorageError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

# Primary SQLite result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


def _u32(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset : offset + 4], "big")


def identify(path: Path, application_id: int) -> str:
    """What *path* holds, without changing it: "missing", "ours", "blank" (SQLite with no tables), or raise.

    Raises StorageError: "database_damaged" for an empty, cut-short or unreadable-header file,
    "not_a_database" for anything that is not one of our databases (another program's SQLite file
    included), "cannot_open" when it cannot be read at all.
    """
    try:
        if not path.exists():
            return "missing"
        if not path.is_file():
            raise StorageError("cannot_open", path=str(path), detail="không phải là tệp")
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(HEADER_SIZE)
    except OSError as exc:
        raise StorageError("cannot_open", path=str(path), detail=exc.strerror or str(exc)) from exc
    if size == 0:
        raise StorageError("database_damaged", path=str(path), detail="tệp rỗng, 0 byte")
    if not header.startswith(SQLITE_MAGIC[: min(len(header), len(SQLITE_MAGIC))]):
        raise StorageError("not_a_database", path=str(path))
    if len(header) < HEADER_SIZE:
        raise StorageError("database_damaged", path=str(path), detail=f"tệp bị cắt cụt, chỉ còn {size} byte")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages, change_counter, valid_for = _u32(header, 28), _u32(header, 24), _u32(header, 92)
    if pages and change_counter == valid_for and size < pages * page_size:
        raise StorageError(
            "database_damaged", path=str(path), detail=f"tệp bị cắt cụt: {size} byte, cần {pages * page_size} byte"
        )
    found_id = _u32(header, 68)
    if found_id not in (0, application_id):
        raise StorageError("not_a_database", path=str(path))
    return _identify_sqlite(path, application_id)


def _identify_sqlite(path: Path, application_id: int) -> str:
    # The header of the main file can be older than its WAL (a crash before a checkpoint): ask SQLite,
    # read-only, which sees the WAL when there is one.
    uri = path.resolve().as_uri()
    try:
        try:
            conn = sqlite3.connect(uri + "?mode=ro", uri=True)
            conn.execute("PRAGMA schema_version").fetchone()
        except sqlite3.OperationalError:
            conn = sqlite3.connect(uri + "?immutable=1", uri=True)
        with closing(conn):
            found_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            tables = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        code = exc.sqlite_errorcode & 0xFF if hasattr(exc, "sqlite_errorcode") else 0
        if code == _SQLITE_NOTADB:
            raise StorageError("not_a_database", path=str(path)) from exc
        raise StorageError("database_damaged", path=str(path), detail=str(exc)) from exc
    except sqlite3.Error as exc:
        raise StorageError("cannot_open", path=str(path), detail=str(exc)) from exc
    if found_id == application_id:
        return "ours"
    if tables == 0 and found_id == 0:
        return "blank"
    raise StorageError("not_a_database", path=str(path))


def storage_error(exc: BaseException, path: Path | str | None) -> StorageError | None:
    """The StorageError a low-level failure means (disk full, read-only, busy, I/O), or None if it is none of those."""
    where = str(path) if path is not None else ""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        text = str(exc).lower()
        if code == _SQLITE_FULL or "disk is full" in text:
            return StorageError("storage_full", path=where)
        if code == _SQLITE_READONLY or "readonly database" in text:
            return StorageError("storage_read_only", path=where)
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
            return StorageError("storage_busy", path=where)
        if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) or "disk i/o error" in text:
            # A full disk often surfaces as an I/O error (the -shm side file cannot grow): say what it is.
            if _nearly_full(where):
                return StorageError("storage_full", path=where)
            return StorageError("storage_io", path=where, detail=str(exc))
        if code == _SQLITE_NOTADB:
            return StorageError("not_a_database", path=where)
        if code == _SQLITE_CORRUPT:
            return StorageError("database_damaged", path=where, detail=str(exc))
        return None
    if isinstance(exc, OSError):
        where = str(exc.filename) if exc.filename else where  # the file that failed, not always the database
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return StorageError("storage_full", path=where)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StorageError("storage_read_only", path=where)
        if exc.errno == errno.EIO and _nearly_full(where):
            return StorageError("storage_full", path=where)
        if exc.errno == errno.EIO:
            return StorageError("storage_io", path=where, detail=exc.strerror or str(exc))
    return None


#: Below this much free space, an I/O error on the database is taken for a full disk.
_NEARLY_FULL = 256 * 1024


def _nearly_full(where: str) -> bool:
    if not where:
        return False
    folder = Path(where).parent
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def set_aside(database: Path, aside: Path) -> Path:
    """Move a refused database file (and its WAL/journal) to *aside*, so that a new one can start in its place.

    A rename on the same volume (the backup folder is beside the database): the damaged bytes are
    kept whole, never rewritten or deleted. Raises StorageError("restore_failed") if it cannot move.
    """
    try:
        aside.parent.mkdir(parents=True, exist_ok=True)
        for side in ("-wal", "-journal"):
            if Path(f"{database}{side}").exists():
                Path(f"{database}{side}").replace(Path(f"{aside}{side}"))
        Path(f"{database}-shm").unlink(missing_ok=True)
        database.replace(aside)
    except OSError as exc:
        raise storage_error(exc, database) or StorageError(
            "restore_failed", path=str(database), detail=exc.strerror or str(exc)
        ) from exc
    return aside
