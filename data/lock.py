"""One running copy per database: an operating-system lock on ``<database>.lock``. No business rules.

The lock is taken on an open file handle (flock on POSIX, LockFileEx through msvcrt on Windows), so
the operating system drops it when the process ends for any reason: a stale lock file left by a
crash or power cut never blocks the next start. The file itself is never deleted (deleting lock
files races with the next opener); it only holds the holder's process id, for people.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from app.domain.errors import StorageError
from data.storage import storage_error

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # byte 0; fails at once if another handle holds it
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # per open file: a second open, even ours, fails
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class DatabaseLock:
    """Held while a database is open. ``acquire`` raises StorageError("database_locked") if another copy has it."""

    def __init__(self, database: Path) -> None:
        self.path = lock_path(database)
        self._database = database
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> DatabaseLock:
        if self._fd is not None:
            return self
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)  # never O_TRUNC: the holder's pid stays
        except OSError as exc:  # a read-only or full disk says so, like every other write
            if exc.filename:
                exc.filename = str(self._database)  # name the user's file, not our side file
            raise storage_error(exc, self._database) or StorageError(
                "cannot_open", path=str(self.path), detail=exc.strerror or str(exc)
            ) from exc
        if not _try_lock(fd):
            os.close(fd)
            raise StorageError("database_locked", path=str(self.path))
        self._fd = fd
        self._write_pid(fd)
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with suppress(OSError):  # closing the handle releases it anyway
            _unlock(fd)
        os.close(fd)

    @staticmethod
    def _write_pid(fd: int) -> None:
        # Written after byte 0 so that the Windows byte lock never covers it. Informational only.
        try:
            os.ftruncate(fd, 1)
            os.lseek(fd, 1, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
