"""Atomic file writes: the target holds the old file or the complete new one, never half of either.

Render to memory first, then: temp file in the same folder, fsync, os.replace (TECH-NOTES §8).
Errors come out as ExportError codes with the path, ready for a Vietnamese sentence.

A process killed mid-write (power cut, task manager) can leave its hidden ``.~tmp-…`` file behind;
the target itself is untouched. Such leftovers are ignored, and removed by the next write into the
same folder once they are older than STALE_TEMP_AGE (a live writer's temp file is seconds old).
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from pathlib import Path

from app.domain.errors import ExportError

RETRIES = 5
RETRY_DELAY = 0.2
TEMP_PREFIX = ".~tmp-"
STALE_TEMP_AGE = 600.0  # seconds


def office_lock_hint(path: Path) -> bool:
    """True when Word/Excel's owner file (~$name) sits beside *path*: a hint, never a lock test."""
    name = path.name
    return (path.parent / f"~${name}").exists() or (len(name) > 2 and (path.parent / f"~${name[2:]}").exists())


def map_os_error(exc: OSError, path: Path) -> ExportError:
    """The user-facing meaning of an OSError raised while writing *path*."""
    if exc.errno == errno.ENOSPC or getattr(exc, "winerror", None) in (39, 112):
        return ExportError("disk_full", path=str(path))
    if exc.errno == errno.EROFS:
        return ExportError("read_only", path=str(path))
    if isinstance(exc, PermissionError):
        if path.exists() and (getattr(exc, "winerror", None) in (5, 32, 33) or office_lock_hint(path)):
            return ExportError("file_locked", path=str(path))
        if path.exists() and not os.access(path.parent, os.W_OK):
            return ExportError("read_only", path=str(path))
        return ExportError("file_locked" if path.exists() else "read_only", path=str(path))
    return ExportError("write_failed", path=str(path), detail=exc.strerror or str(exc))


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or the umask's default for a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: Path, data: bytes, *, retries: int = RETRIES, delay: float = RETRY_DELAY) -> Path:
    """Write *data* to *path* atomically. Raises ExportError; the previous file is left intact on failure."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path.parent)
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise map_os_error(exc, path) from exc
    tmp = Path(tmp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            # mkstemp makes owner-only files; give the document the mode an ordinary save would.
            os.chmod(tmp, _mode_for(path))
        except OSError as exc:
            raise map_os_error(exc, path) from exc
        for attempt in range(retries):
            try:
                os.replace(tmp, path)  # Windows: MoveFileExW(MOVEFILE_REPLACE_EXISTING), same volume
                break
            except PermissionError as exc:  # Word/Excel, antivirus or the indexer hold the target
                if attempt == retries - 1:
                    raise map_os_error(exc, path) from exc
                time.sleep(delay * (attempt + 1))
            except OSError as exc:
                raise map_os_error(exc, path) from exc
        _fsync_dir(path.parent)
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)
    return path


def remove_stale_temps(folder: Path, max_age: float = STALE_TEMP_AGE) -> int:
    """Delete our own temp files left in *folder* by a killed writer. Never raises; returns how many."""
    removed = 0
    now = time.time()
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]
    except OSError:
        return 0
    for leftover in candidates:
        try:
            if now - leftover.stat().st_mtime > max_age and leftover.is_file():
                leftover.unlink()
                removed += 1
        except OSError:
            pass  # someone else's, in use, or already gone
    return removed


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows has no directory handles to sync.
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
