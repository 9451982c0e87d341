"""Backups and restore: when to back up, which backups to keep, copying to USB, restoring safely.

Every copy is made with SQLite's online backup API (data/backup.py) and read back before it is
trusted. Nothing here prompts the user; the window or the CLI asks and passes the answer in.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.config import AppPaths
from app.domain import retention
from app.domain.backup_info import BackupCheck, BackupInfo, safe_label
from app.domain.errors import ExportError, StorageError
from app.services.context import ServiceContext
from data import backup as store
from data.lock import DatabaseLock
from data.migrations import LATEST_VERSION
from exporters.atomic import atomic_write_bytes

#: Label of the copy of a damaged database moved aside by restore_damaged (never listed as a backup).
DAMAGED_SUFFIX = ".tep-hong"


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored: BackupCheck  # what is in the database now
    previous: Path  # where the state before the restore was kept


def _staging(paths: AppPaths) -> Path:
    # Beside the database: local disk, same volume (os.replace needs it for a damaged-file restore).
    return paths.database.with_name(f".~restore-{paths.database.stem}.sqlite3")


def check_file(paths: AppPaths, file: Path) -> BackupCheck:
    """Validate any candidate file by checking a local copy of it: integrity, ours, version within bounds."""
    staging = store.stage_copy(Path(file), _staging(paths))
    try:
        check = store.check_backup(staging, latest_version=LATEST_VERSION)
    finally:
        store.remove_database_file(staging)
    return BackupCheck(Path(file), check.schema_version, check.counts, check.size)


def list_backups(paths: AppPaths) -> list[BackupInfo]:
    """This database's backups in its backup folder, newest first (works without opening the database)."""
    return store.list_backups(paths.backups, paths.database.stem)


def newest_good_backup(paths: AppPaths) -> BackupInfo | None:
    """The newest backup that passes every check: what to offer when the database is damaged."""
    for info in list_backups(paths):
        try:
            store.check_backup(info.path, latest_version=LATEST_VERSION)
        except StorageError:
            continue
        return info
    return None


def restore_damaged(paths: AppPaths, file: Path, *, now: datetime | None = None) -> RestoreResult:
    """Replace a database that cannot be opened (damaged) by a validated backup. Services must be closed.

    The damaged file is kept in the backup folder as ``<name>-<time>.tep-hong`` (never deleted by us).
    Raises StorageError("database_locked") if the program has the database open.
    """
    at = now or datetime.now()
    with DatabaseLock(paths.database):
        staging = store.stage_copy(Path(file), _staging(paths))
        try:
            check = store.check_backup(staging, latest_version=LATEST_VERSION)
            paths.backups.mkdir(parents=True, exist_ok=True)
            aside = paths.backups / f"{paths.database.stem}-{at:%Y%m%d-%H%M%S}{DAMAGED_SUFFIX}"
            store.replace_database_file(paths.database, staging, aside)
        finally:
            store.remove_database_file(staging)
    return RestoreResult(BackupCheck(Path(file), check.schema_version, check.counts, check.size), aside)


@dataclass(frozen=True, slots=True)
class UsbCopy:
    """A verified local snapshot waiting to be copied to *target*; ``write()`` works on any thread."""

    local: Path
    target: Path
    counts: dict[str, int]

    def write(self) -> BackupCheck:
        if self.target.resolve() == self.local.resolve():
            return store.check_backup(self.local, latest_version=LATEST_VERSION, expected_counts=self.counts)
        try:
            data = self.local.read_bytes()
        except OSError as exc:
            raise StorageError("backup_failed", path=str(self.local), detail=exc.strerror or str(exc)) from exc
        atomic_write_bytes(self.target, data)
        try:
            return store.check_backup(self.target, latest_version=LATEST_VERSION, expected_counts=self.counts)
        except StorageError as exc:
            with contextlib.suppress(OSError):
                self.target.unlink(missing_ok=True)
            raise ExportError("copy_unverified", path=str(self.target), detail=exc.code) from exc


class BackupService:
    def __init__(self, ctx: ServiceContext, paths: AppPaths) -> None:
        self._ctx = ctx
        self._paths = paths

    @property
    def folder(self) -> Path:
        return self._paths.backups

    # ------------------------------------------------------------------ reading
    def list(self) -> list[BackupInfo]:
        return list_backups(self._paths)

    def validate(self, file: Path) -> BackupCheck:
        """Check a file the user picked before offering to restore it. Raises StorageError with a code."""
        return check_file(self._paths, file)

    def changed_since_last_backup(self) -> bool:
        """True when the records differ from the newest backup, or no backup can be read.

        Compares content marks (schema version, change log's last id, each table's last rowid, the small
        profile tables): O(1) in the data's size, so it can run at every start."""
        backups = self.list()
        if not backups:
            return True
        return store.content_mark_of(backups[0].path) != store.content_mark(self._ctx.db.conn)

    def has_records(self) -> bool:
        """False for a database with nothing typed into it yet (no backup needed)."""
        names = ("member", "meeting", "topic_assignment", "branch", "change_log")
        return store.has_rows(self._ctx.db.conn, names)  # not table_counts: that counts 1.3 million rows

    # ------------------------------------------------------------------ writing backups
    def auto_backup(self, reason: str = "khoi-dong") -> Path | None:
        """Back up if the records changed since the newest backup; None when there was nothing new to keep."""
        if not self.has_records() or not self.changed_since_last_backup():
            return None
        return self.snapshot(reason)

    def snapshot(self, label: str) -> Path:
        """A verified backup now, whatever changed: before an import, a consolidation or a restore.

        Raises StorageError("backup_failed"); the caller must then not go on with the risky operation.
        """
        conn = self._ctx.db.conn
        store.remove_stale_parts(self.folder, self._paths.database.stem)  # left by a crash mid-backup
        expected = store.table_counts(conn)
        path = store.backup_database(
            conn, self.folder, label=safe_label(label), now=self._ctx.now(), stem=self._paths.database.stem
        )
        try:
            store.check_backup(path, latest_version=LATEST_VERSION, expected_counts=expected)
        except StorageError as exc:
            path.unlink(missing_ok=True)  # a backup that fails its read-back must not look like one
            raise StorageError("backup_failed", path=str(path), detail=exc.code) from exc
        self.thin()
        return path

    def thin(self) -> list[Path]:
        """Delete the backups the retention policy no longer wants (only files named as our backups)."""
        backups = self.list()
        doomed = retention.to_delete([b.at for b in backups], self._ctx.now())
        removed = []
        for info in backups:
            if info.at in doomed:
                try:
                    info.path.unlink()
                    removed.append(info.path)
                except OSError:
                    pass  # open in another program: try again next time
        return removed

    def backup_to(self, folder: Path) -> BackupCheck:
        """ "Sao lưu ra USB": a verified local snapshot, copied atomically to *folder*, then read back there.

        Returns the check of the copy in *folder*. Raises ExportError (disk full, read-only, file
        locked, copy_unverified) or StorageError (backup_failed); a failed copy is removed.
        """
        return self.prepare_copy(folder).write()

    def prepare_copy(self, folder: Path) -> UsbCopy:
        """The database part of backup_to (the snapshot and its row counts), on the connection's thread.

        The returned job's ``write()`` copies and reads back without this connection, so the window can
        run it in the background while a slow USB stick is written."""
        local = self.snapshot("usb")
        counts = store.table_counts(self._ctx.db.conn)
        return UsbCopy(local, Path(folder) / local.name, counts)

    # ------------------------------------------------------------------ restoring
    def restore(self, file: Path) -> RestoreResult:
        """Replace the open database's content with a validated backup; the current state is backed up first.

        Runs as one SQLite transaction: on any failure the database is as it was. Afterwards the caller
        must re-open the services (bootstrap.reopen): the restored file may need an upgrade.
        """
        staging = store.stage_copy(Path(file), _staging(self._paths))
        try:
            check = store.check_backup(staging, latest_version=LATEST_VERSION)
            previous = self.snapshot("truoc-khoi-phuc")
            store.restore_into(self._ctx.db.conn, staging)
            restored = store.table_counts(self._ctx.db.conn)
            if restored != check.counts:  # cannot happen short of a SQLite bug; say so rather than pretend
                raise StorageError("restore_failed", path=str(file), detail="counts")
        finally:
            store.remove_database_file(staging)
        return RestoreResult(BackupCheck(Path(file), check.schema_version, check.counts, check.size), previous)
