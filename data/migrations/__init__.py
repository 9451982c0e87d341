"""Schema migrations keyed on ``PRAGMA user_version``.

Adding one: create ``mNNNN_what_changes.py`` with ``VERSION`` and ``upgrade(conn)``, append it to
``MIGRATIONS``, and add a fixture file of the previous version to tests/data/fixtures. The list is
static on purpose: PyInstaller cannot see modules discovered at run time.

A step that rebuilds a table (SQLite cannot alter a CHECK) declares ``FOREIGN_KEYS_OFF = True``: the runner
turns foreign keys off outside its transaction (the pragma is a no-op inside one), runs
``PRAGMA foreign_key_check`` before COMMIT and turns them back on afterwards (sqlite.org lang_altertable §7).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import StorageError
from data.db import APPLICATION_ID, Database
from data.migrations import (
    m0001_initial,
    m0002_search_log_seal,
    m0003_kl01,
    m0004_security,
    m0005_record_start_versions,
    m0006_dues,
    m0007_ratings,
    m0008_review_meeting_kind,
)
from data.storage import storage_error

log = logging.getLogger(__name__)

MIGRATIONS = (
    m0001_initial,
    m0002_search_log_seal,
    m0003_kl01,
    m0004_security,
    m0005_record_start_versions,
    m0006_dues,
    m0007_ratings,
    m0008_review_meeting_kind,
)
LATEST_VERSION: int = MIGRATIONS[-1].VERSION


class DatabaseTooNewError(RuntimeError):
    """The file was written by a newer release; refuse rather than damage it."""

    def __init__(self, found: int) -> None:
        super().__init__(f"schema v{found}; this build knows up to v{LATEST_VERSION}")
        self.found = found


class ForeignDatabaseError(RuntimeError):
    """A SQLite file that is not ours (another application id, or tables but no version)."""


def schema_version(db: Database) -> int:
    return int(db.conn.execute("PRAGMA user_version").fetchone()[0])


def check_compatible(db: Database) -> int:
    """Raise unless *db* is empty or one of ours that this build can read. Returns its version."""
    found = schema_version(db)
    if found > LATEST_VERSION:
        raise DatabaseTooNewError(found)
    if db.is_empty():
        return found
    if db.application_id() != APPLICATION_ID or found == 0:
        raise ForeignDatabaseError("not a Sổ Chi bộ database")
    return found


def migrate(db: Database, *, backup: Callable[[str], Path] | None = None) -> int:
    """Upgrade *db* to LATEST_VERSION, one transaction per step (DDL included). Returns the old version.

    ``backup(label)`` is called once before the first step when an existing file is upgraded.
    """
    found = check_compatible(db)
    pending = [step for step in MIGRATIONS if found < step.VERSION]
    if pending and found > 0 and backup is not None:
        backup(f"v{found}-truoc-nang-cap")
    for step in pending:
        log.info("Applying %s", step.__name__)
        rebuilds = bool(getattr(step, "FOREIGN_KEYS_OFF", False))  # optional declaration, see the docstring
        if rebuilds:
            db.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with db.transaction() as conn:
                step.upgrade(conn)
                if rebuilds and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise sqlite3.IntegrityError(f"{step.__name__}: foreign_key_check found dangling rows")
                # PRAGMA takes no parameters: format a validated int. Both roll back with the step.
                conn.execute(f"PRAGMA user_version = {int(step.VERSION)}")
                conn.execute(f"PRAGMA application_id = {int(APPLICATION_ID)}")
        finally:
            if rebuilds:
                db.conn.execute("PRAGMA foreign_keys = ON")
    return found


def migrate_checked(db: Database, *, backup: Callable[[str], Path] | None = None) -> int:
    """migrate(), with every failure turned into a StorageError code for the user. Closes *db* on failure."""
    try:
        return migrate(db, backup=backup)
    except DatabaseTooNewError as exc:
        db.close()
        raise StorageError("database_too_new", found=exc.found, supported=LATEST_VERSION) from exc
    except ForeignDatabaseError as exc:
        db.close()
        raise StorageError("not_a_database", path=str(db.path)) from exc
    except StorageError:
        db.close()
        raise
    except (sqlite3.Error, OSError) as exc:
        db.close()
        mapped = storage_error(exc, db.path)
        raise (mapped or StorageError("cannot_open", path=str(db.path), detail=str(exc))) from exc
