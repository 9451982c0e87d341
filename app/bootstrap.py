"""Composition root below the UI: open and check the database, migrate, wire the services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.config import AppPaths
from app.services.branch import BranchService, builtin_rules
from app.services.checks import CheckService
from app.services.context import ServiceContext
from app.services.demo import DemoService
from app.services.meetings import MeetingService
from app.services.members import MemberService
from app.services.reports import ReportService
from app.services.search import SearchService
from app.services.topics import TopicService, default_catalogue
from data.backup import backup_database
from data.db import open_checked
from data.migrations import migrate_checked


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
    reports: ReportService
    demo: DemoService

    def close(self) -> None:
        self.ctx.db.close()


def open_services(paths: AppPaths, *, now: Callable[[], datetime] = datetime.now) -> Services:
    """Open (creating if needed) the branch database at *paths* and return the services over it."""
    db = open_checked(paths.database)
    fresh = db.is_empty()
    old = migrate_checked(db, backup=lambda label: backup_database(db.conn, paths.backups, label=label))
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
        reports=ReportService(ctx),
        demo=DemoService(ctx),
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
