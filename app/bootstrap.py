"""Composition root below the UI: open and check the database, migrate, wire the services."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.config import AppPaths
from app.domain.errors import StorageError
from app.services.branch import BranchService, builtin_rules
from app.services.checks import CheckService
from app.services.context import ServiceContext
from app.services.meetings import MeetingService
from app.services.members import MemberService
from app.services.search import SearchService
from app.services.topics import TopicService, default_catalogue
from data.backup import backup_database
from data.db import Database
from data.migrations import LATEST_VERSION, DatabaseTooNewError, ForeignDatabaseError, migrate


@dataclass
class Services:
    """Everything the UI and the CLI may talk to."""

    paths: AppPaths
    ctx: ServiceContext
    branch: BranchService
    members: MemberService
    meetings: MeetingService
    topics: TopicService
    checks: CheckService
    search: SearchService

    def close(self) -> None:
        self.ctx.db.close()


def open_database(paths: AppPaths) -> Database:
    """Open the file and make sure it is ours, healthy and not from a newer release. Writes nothing."""
    try:
        paths.database.parent.mkdir(parents=True, exist_ok=True)
        db = Database.open(paths.database)
    except sqlite3.DatabaseError as exc:
        raise StorageError("not_a_database", path=str(paths.database)) from exc
    except (OSError, sqlite3.Error) as exc:
        raise StorageError("cannot_open", path=str(paths.database), detail=str(exc)) from exc
    try:
        if not db.is_empty():
            problem = db.quick_check()
            if problem != "ok":
                raise StorageError("database_damaged", path=str(paths.database), detail=problem)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StorageError("database_damaged", path=str(paths.database), detail=str(exc)) from exc
    except StorageError:
        db.close()
        raise
    return db


def open_services(paths: AppPaths, *, now: Callable[[], datetime] = datetime.now) -> Services:
    """Open (creating if needed) the branch database at *paths* and return the services over it."""
    db = open_database(paths)
    try:
        fresh = db.is_empty()
        old = migrate(db, backup=lambda label: backup_database(db.conn, paths.backups, label=label))
    except DatabaseTooNewError as exc:
        db.close()
        raise StorageError("database_too_new", found=exc.found, supported=LATEST_VERSION) from exc
    except ForeignDatabaseError as exc:
        db.close()
        raise StorageError("not_a_database", path=str(paths.database)) from exc
    except sqlite3.Error as exc:
        db.close()
        raise StorageError("cannot_open", path=str(paths.database), detail=str(exc)) from exc
    ctx = ServiceContext.create(db, builtin_rules(), now)
    services = Services(
        paths=paths,
        ctx=ctx,
        branch=BranchService(ctx),
        members=MemberService(ctx),
        meetings=MeetingService(ctx),
        topics=TopicService(ctx),
        checks=CheckService(ctx),
        search=SearchService(ctx),
    )
    ctx.rules = services.branch.stored_rules()
    if fresh:
        with db.transaction():
            for topic in default_catalogue():
                ctx.topics.add_catalogue(topic)
    elif 0 < old < 2:
        with db.transaction():  # v1 files had no search index
            services.search.rebuild()
    return services
