"""Composition root below the UI: open and check the database, migrate, wire the services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path

from app.config import AppPaths
from app.domain.changes import Change
from app.domain.errors import AppError, StorageError
from app.services.backups import BackupService
from app.services.branch import CREATED_ON, BranchService, builtin_rules
from app.services.checks import CheckService
from app.services.consolidation import ConsolidationService
from app.services.context import ServiceContext
from app.services.demo import DemoService
from app.services.documents import DocumentService, read_layout
from app.services.drafts import DraftService
from app.services.dues import DuesService, builtin_dues_rules
from app.services.dues_documents import DuesDocumentService
from app.services.kl01 import REPORTS_FOLDER, Kl01Service
from app.services.kl01_documents import Kl01DocumentService
from app.services.meetings import MeetingService
from app.services.member_import import MemberImportService
from app.services.members import MemberService
from app.services.package import PackageService
from app.services.rating_documents import RatingDocumentService, kl01_plan_lines
from app.services.ratings import RatingService
from app.services.reports import ReportService
from app.services.search import SearchService
from app.services.security import SecurityService
from app.services.summary import SummaryService
from app.services.topics import TopicService, default_catalogue
from data.backup import backup_database, check_backup, table_counts
from data.db import APPLICATION_ID, Database, open_checked
from data.lock import DatabaseLock
from data.migrations import LATEST_VERSION, migrate_checked
from data.storage import identify, storage_error


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
    backups: BackupService
    drafts: DraftService
    documents: DocumentService
    summary: SummaryService  # Excel summary workbook and roster
    package: PackageService  # the USB package for the upper committee
    consolidation: ConsolidationService  # the upper committee's workbook from the branches' files (no database)
    importer: MemberImportService  # member lists from Excel
    kl01: Kl01Service  # học tập và làm theo Bác: plans, learning reports, models, awards
    kl01_documents: Kl01DocumentService  # its printable forms
    security: SecurityService  # the optional program password (CCCD and phone encrypted)
    dues: DuesService  # the Party dues book
    dues_documents: DuesDocumentService  # its workbooks
    ratings: RatingService  # the yearly review and quality rating
    rating_documents: RatingDocumentService  # its forms, minutes, summary and workbook
    lock: DatabaseLock | None = None  # held while open: one running copy per database
    startup_backup: Path | None = None  # the backup taken at start-up, if the records had changed
    backup_problem: AppError | None = None  # why the start-up backup failed (the UI shows it, work goes on)
    backup_owed: bool = False  # the start-up backup waits for the deferred check: never a copy of an unchecked file

    def today(self) -> date:
        """The clock the services judge by (fixed in tests): the window asks this, never the repositories."""
        return self.ctx.today()

    def take_changes(self) -> Change:
        """What the writes since the last call touched (the window refreshes only the screens showing it)."""
        return self.ctx.changes.take()

    def start_health_check(self) -> bool:
        """Start the quick_check a clean close left owed, in the background (the window, once shown).

        False when none is owed (it ran before opening). The first write waits for its verdict.
        """
        if not self.ctx.db.check_deferred:
            return False
        self.ctx.db.check_in_background()
        return True

    def health_verdict(self) -> str | None:
        """'ok', the problem found (the file is damaged: offer the restore), or None while the check runs."""
        return self.ctx.db.check_verdict()

    def open_reader(self) -> Services:
        """Services over a second, read-only connection to the same file, with the same clock and rules.

        For figures computed off the GUI thread: open, use and close it on that one thread. It never
        writes (SQLite refuses). Raises StorageError("cannot_open") for a file that has no path (in memory).
        """
        if self.ctx.db.path is None:
            raise StorageError("cannot_open", path=":memory:")
        db = Database.open_readonly(self.ctx.db.path)
        try:
            return _wire(db, self.paths, self.ctx.now)
        except BaseException:
            db.close()
            raise

    def close(self) -> None:
        """The normal close: the file records it, so the next start may check it after the window shows."""
        self.ctx.db.close_cleanly()
        if self.lock is not None:
            self.lock.release()


def open_services(
    paths: AppPaths,
    *,
    now: Callable[[], datetime] = datetime.now,
    lock: bool = True,
    backup_on_start: bool = True,
    defer_check: bool = False,
) -> Services:
    """Open (creating if needed) the branch database at *paths* and return the services over it.

    *lock*: hold ``<database>.lock`` while open; a second copy of the program gets StorageError
    "database_locked" instead of opening the file twice. *backup_on_start*: take a verified backup
    when the records changed since the newest one (milliseconds for a branch database; TECH-NOTES
    §4.5: 50 MB in about 0.1 s). A failed start-up backup does not stop the program: it is kept in
    ``Services.backup_problem`` for the window to show. *defer_check*: after a clean close, leave
    PRAGMA quick_check to ``start_health_check`` (data/db.py open_checked); the CLI checks first, always.
    """
    if paths.database.exists():
        # Refuse a damaged or foreign file before anything is created beside it (not even the .lock file);
        # open_checked identifies it again under the lock.
        identify(paths.database, APPLICATION_ID)
    held = DatabaseLock(paths.database).acquire() if lock else None
    try:
        services = _open(paths, now, defer_check)
        services.lock = held
    except BaseException:
        if held is not None:
            held.release()
        raise
    if backup_on_start and services.startup_backup is None:  # an upgrade just took one
        if services.ctx.db.check_deferred:
            services.backup_owed = True  # the window takes it once the check says "ok" (startup_backup below)
        else:
            result = startup_backup(services)
            if isinstance(result, AppError):
                services.backup_problem = result
            else:
                services.startup_backup = result
    services.take_changes()  # opening is not a change: the screens are built after it
    return services


def startup_backup(services: Services) -> Path | AppError | None:
    """The start-up backup, when the records changed since the newest one: its path, None, or why it failed.

    Reads only: may run on a reader (``Services.open_reader``) in another thread.
    """
    try:
        return services.backups.auto_backup("khoi-dong")
    except AppError as error:
        return error


def storage_failure(exc: BaseException, database: Path | None = None) -> AppError | None:
    """The plain StorageError behind a low-level failure (disk full, read-only, busy, I/O), or None.

    For the window and the CLI's last line of defence: a write that escaped the services' own mapping
    still ends in the same sentence.
    """
    return storage_error(exc, database)


def reopen(services: Services) -> Services:
    """Close and open again (after a restore: the restored file may need an upgrade, rules may differ)."""
    lock = services.lock is not None
    paths, now = services.paths, services.ctx.now
    services.close()
    return open_services(paths, now=now, lock=lock, backup_on_start=False)


def consolidation_service(now: Callable[[], datetime] = datetime.now) -> ConsolidationService:
    """The upper committee's consolidation on its own (it reads the branches' files and needs no database)."""
    return ConsolidationService(now)


def _open(paths: AppPaths, now: Callable[[], datetime], defer_check: bool = False) -> Services:
    db = open_checked(paths.database, defer_check=defer_check)
    try:
        return _wire(db, paths, now)
    except BaseException:
        db.close()
        raise


def _wire(db: Database, paths: AppPaths, now: Callable[[], datetime]) -> Services:
    fresh = db.is_empty()
    taken: list[Path] = []

    def backup_before_upgrade(label: str) -> Path:
        expected = table_counts(db.conn)
        taken.append(backup_database(db.conn, paths.backups, label=label))
        check_backup(taken[-1], latest_version=LATEST_VERSION, expected_counts=expected)  # read back first
        return taken[-1]

    old = migrate_checked(db, backup=backup_before_upgrade)
    ctx = ServiceContext.create(db, builtin_rules(), now)
    # Every service is built once, here, with its collaborators passed in: none constructs another.
    backups = BackupService(ctx, paths)
    branch = BranchService(ctx)
    members = MemberService(ctx)
    dues = DuesService(ctx)
    # the ratings count the dues book's unpaid months of a year (rating_conflict)
    ratings = RatingService(ctx, unpaid_dues=lambda year: {m: len(v) for m, v in dues.unpaid_months(year).items()})
    # a yearly review meeting starts with the review agenda of the rating rules (one home for it)
    meetings = MeetingService(ctx, review_agenda=ratings.review_agenda)
    checks = CheckService(ctx, builtin_dues_rules(), extra=(ratings.findings,))
    reports = ReportService(ctx, checks, dues)
    dues_documents = DuesDocumentService(ctx, dues)
    kl01 = Kl01Service(ctx, paths.database.parent / REPORTS_FOLDER)
    rating_documents = RatingDocumentService(ctx, ratings, partial(read_layout, ctx), kl01_plan_lines(kl01))
    # the minutes of a yearly review meeting are the review minutes, made from the meeting and the ratings
    documents = DocumentService(ctx, meetings, reports, dues, review_minutes=rating_documents.meeting_minutes_job)
    summary = SummaryService(ctx, reports, branch)
    search = SearchService(ctx)
    services = Services(
        paths=paths,
        ctx=ctx,
        branch=branch,
        members=members,
        meetings=meetings,
        topics=TopicService(ctx),
        checks=checks,
        search=search,
        reports=reports,
        demo=DemoService(ctx, search),
        backups=backups,
        drafts=DraftService(ctx),
        documents=documents,
        summary=summary,
        package=PackageService(ctx, documents, summary, dues_documents),
        consolidation=consolidation_service(now),
        importer=MemberImportService(ctx, members, before_write=backups.snapshot),
        kl01=kl01,
        kl01_documents=Kl01DocumentService(ctx, documents, kl01),
        security=SecurityService(ctx, paths.backups, paths.database.stem),
        ratings=ratings,
        rating_documents=rating_documents,
        startup_backup=taken[-1] if taken else None,
        dues=dues,
        dues_documents=dues_documents,
    )
    ctx.rules = services.branch.stored_rules()
    initialise(services, fresh=fresh, upgraded_from=old)
    return services


def initialise(services: Services, *, fresh: bool, upgraded_from: int) -> None:
    """The open-time housekeeping, named and in one place (never hidden in the repositories' opening).

    A new file records its creation day (its record starts that month; kept in app_meta, not as a branch row,
    so an empty file still looks empty) and gets the yearly topic catalogue; a file upgraded from version 1
    (which had no search index) gets its index built once. An ordinary open does nothing here.
    """
    ctx = services.ctx
    if fresh:
        with ctx.db.transaction():
            ctx.branch.set_meta(CREATED_ON, ctx.today().isoformat())
            for topic in default_catalogue():
                ctx.topics.add_catalogue(topic)
    elif 0 < upgraded_from < 2:
        with ctx.db.transaction():
            services.search.rebuild()
