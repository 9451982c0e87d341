"""Backups and restore: when to back up, which backups to keep, copying to USB, restoring safely.

Every copy is made with SQLite's online backup API (data/backup.py) and read back before it is
trusted. Nothing here prompts the user; the window or the CLI asks and passes the answer in.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from app import __version__
from app.config import AppPaths
from app.domain import encrypted_backup as sealed
from app.domain import retention
from app.domain.backup_info import BackupCheck, BackupInfo, safe_label
from app.domain.changes import Area, Change
from app.domain.crypto import KdfParams, WrongKeyError
from app.domain.errors import ExportError, StorageError
from app.services.context import ServiceContext
from data import backup as store
from data.lock import DatabaseLock
from data.migrations import LATEST_VERSION
from data.storage import set_aside
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


def read_header(file: Path) -> sealed.BackupHeader | None:
    """The readable header of an encrypted backup (what it is, when, which version); None for a plain file."""
    try:
        with open(file, "rb") as fh:
            head = fh.read(len(sealed.MAGIC) + sealed.MAX_HEADER)
    except OSError:
        return None
    if not sealed.is_encrypted_backup(head):
        return None
    try:
        return sealed.read_header(head)[0]
    except sealed.NotEncryptedBackupError:
        return None


def stage(file: Path, staging: Path, password: str | None) -> Path:
    """A local copy of the candidate to check and restore: decrypted first when it is an encrypted backup.

    StorageError backup_needs_password / backup_wrong_password for an encrypted file; nothing else is touched.
    """
    file = Path(file)
    if read_header(file) is None:
        return store.stage_copy(file, staging)
    if not password:
        raise StorageError("backup_needs_password", path=str(file))
    try:
        blob = file.read_bytes()
    except OSError as exc:
        raise StorageError("backup_unreadable", path=str(file), detail=exc.strerror or str(exc)) from exc
    try:
        _, plain = sealed.decrypt_backup(blob, password)
    except WrongKeyError as exc:
        raise StorageError("backup_wrong_password", path=str(file)) from exc
    except sealed.NotEncryptedBackupError as exc:
        raise StorageError("backup_damaged", path=str(file), detail="header") from exc
    store.remove_database_file(staging)
    try:
        with open(staging, "wb") as fh:
            fh.write(plain)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        store.remove_database_file(staging)
        raise StorageError("backup_unreadable", path=str(staging), detail=exc.strerror or str(exc)) from exc
    return staging


def check_file(paths: AppPaths, file: Path, password: str | None = None) -> BackupCheck:
    """Validate any candidate file by checking a local copy of it: integrity, ours, version within bounds."""
    staging = stage(Path(file), _staging(paths), password)
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


def restore_damaged(
    paths: AppPaths, file: Path, *, now: datetime | None = None, password: str | None = None
) -> RestoreResult:
    """Replace a database that cannot be opened (damaged) by a validated backup. Services must be closed.

    The damaged file is kept in the backup folder as ``<name>-<time>.tep-hong`` (never deleted by us).
    Raises StorageError("database_locked") if the program has the database open.
    """
    at = now or datetime.now()
    with DatabaseLock(paths.database):
        staging = stage(Path(file), _staging(paths), password)
        try:
            check = store.check_backup(staging, latest_version=LATEST_VERSION)
            paths.backups.mkdir(parents=True, exist_ok=True)
            aside = paths.backups / f"{paths.database.stem}-{at:%Y%m%d-%H%M%S}{DAMAGED_SUFFIX}"
            store.replace_database_file(paths.database, staging, aside)
        finally:
            store.remove_database_file(staging)
    return RestoreResult(BackupCheck(Path(file), check.schema_version, check.counts, check.size), aside)


def set_aside_damaged(paths: AppPaths, *, now: datetime | None = None) -> Path:
    """Move a database that cannot be opened into the backup folder (``*.tep-hong``), when the user asks for a
    new branch instead of a restore. Nothing is deleted; the next open starts an empty branch."""
    at = now or datetime.now()
    with DatabaseLock(paths.database):
        aside = paths.backups / f"{paths.database.stem}-{at:%Y%m%d-%H%M%S}{DAMAGED_SUFFIX}"
        return set_aside(paths.database, aside)


@dataclass(frozen=True, slots=True)
class UsbCopy:
    """A verified local snapshot waiting to be copied to *target*; ``write()`` works on any thread.

    With a *password* the copy is an encrypted backup (``<name>.mahoa``): header, then the sealed
    database; it is read back and decrypted on the stick before it counts."""

    local: Path
    target: Path
    counts: dict[str, int]
    password: str | None = None
    header: sealed.BackupHeader | None = None

    def __repr__(self) -> str:  # the password must never reach a traceback or a log
        return f"UsbCopy({self.target}, encrypted={self.password is not None})"

    def write(self) -> BackupCheck:
        if self.password is not None:
            return self._write_encrypted()
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

    def _write_encrypted(self) -> BackupCheck:
        assert self.password is not None and self.header is not None
        try:
            plain = self.local.read_bytes()
        except OSError as exc:
            raise StorageError("backup_failed", path=str(self.local), detail=exc.strerror or str(exc)) from exc
        header = replace(self.header, plain_size=len(plain), plain_sha256=hashlib.sha256(plain).hexdigest())
        atomic_write_bytes(self.target, sealed.encrypt_backup(plain, self.password, header))
        try:
            _, back = sealed.decrypt_backup(self.target.read_bytes(), self.password)  # read back from the stick
            ok = back == plain
        except (OSError, WrongKeyError, sealed.NotEncryptedBackupError):
            ok = False
        if not ok:
            with contextlib.suppress(OSError):
                self.target.unlink(missing_ok=True)
            raise ExportError("copy_unverified", path=str(self.target), detail="decrypt")
        size = self.target.stat().st_size
        return BackupCheck(self.target, header.schema_version, dict(self.counts), size)


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

    def validate(self, file: Path, password: str | None = None) -> BackupCheck:
        """Check a file the user picked before offering to restore it. Raises StorageError with a code."""
        return check_file(self._paths, file, password)

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
        self._ctx.changes.note(Change.of(Area.BACKUPS))
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

    def backup_to(self, folder: Path, *, password: str | None = None, encrypt: bool = True) -> BackupCheck:
        """ "Sao lưu ra USB": a verified local snapshot, copied atomically to *folder*, then read back there.

        Returns the check of the copy in *folder*. Raises ExportError (disk full, read-only, file
        locked, copy_unverified) or StorageError (backup_failed); a failed copy is removed.
        """
        return self.prepare_copy(folder, password=password, encrypt=encrypt).write()

    def prepare_copy(self, folder: Path, *, password: str | None = None, encrypt: bool = True) -> UsbCopy:
        """The database part of backup_to (the snapshot and its row counts), on the connection's thread.

        The returned job's ``write()`` copies and reads back without this connection, so the window can
        run it in the background while a slow USB stick is written.

        Encrypted by default: *encrypt* False is the user's explicit "không mã hóa"; otherwise a
        *password* is required (StorageError "backup_needs_password" before anything is written)."""
        if encrypt and not password:
            raise StorageError("backup_needs_password", path=str(folder))
        local = self.snapshot("usb")
        counts = store.table_counts(self._ctx.db.conn)
        if not encrypt:
            return UsbCopy(local, Path(folder) / local.name, counts)
        header = sealed.BackupHeader(
            app_version=__version__,
            created=self._ctx.now().isoformat(timespec="seconds"),
            schema_version=LATEST_VERSION,
            branch=self._ctx.branch.get().branch_name,
            members=counts.get("member", 0),
            meetings=counts.get("meeting", 0),
            kdf=KdfParams.fresh(),
            plain_size=0,
            plain_sha256="",
        )
        return UsbCopy(local, Path(folder) / (local.name + sealed.SUFFIX), counts, password, header)

    # ------------------------------------------------------------------ restoring
    def restore(self, file: Path, password: str | None = None) -> RestoreResult:
        """Replace the open database's content with a validated backup; the current state is backed up first.

        Runs as one SQLite transaction: on any failure the database is as it was. Afterwards the caller
        must re-open the services (bootstrap.reopen): the restored file may need an upgrade.
        An encrypted backup needs its *password*; a wrong one raises before anything changes.
        """
        staging = stage(Path(file), _staging(self._paths), password)
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
