"""Where the user's files live. Chosen once at start-up and passed down; nothing else guesses paths."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DB = "SOCHIBO_DB"
APP_DIR_NAME = "SoChiBo"


@dataclass(frozen=True, slots=True)
class AppPaths:
    database: Path
    backups: Path

    @classmethod
    def for_database(cls, database: Path) -> AppPaths:
        """Backups sit in a folder beside the database they protect."""
        database = database.expanduser().resolve()
        return cls(database=database, backups=database.parent / "sao-luu")

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        return cls.for_database(root / "sochibo.sqlite3")


def default_data_dir() -> Path:
    # platformdirs: %LOCALAPPDATA%\SoChiBo on Windows (never roaming: WAL needs a local disk).
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def resolve_paths(db_option: str | None) -> AppPaths:
    """--db PATH wins, then $SOCHIBO_DB, then the user's data folder."""
    chosen = db_option or os.environ.get(ENV_DB)
    if chosen:
        return AppPaths.for_database(Path(chosen))
    return AppPaths.under(default_data_dir())
