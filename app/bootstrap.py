"""Composition root below the UI: open and check the database, migrate, wire the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import AppPaths
from app.domain.changes import Change
from app.domain.errors import AppError, StorageError
from app.services.context import ServiceContext
from data.db import APPLICATION_ID, Database, open_checked
from data.lock import DatabaseLock
from data.migrations import LATEST_VERSION, migrate_checked
from data.storage import identify, storage_error

if TYPE_CHECKING:
    from app.services.backups import BackupService
    from app.services.branch import BranchService
    from app.services.checks import CheckService
    from app.services.consolidation import ConsolidationService
    from app.services.demo import DemoService
    from app.services.documents import DocumentService
    from app.services.drafts import DraftService
    from app.services.dues import DuesService
    from app.services.dues_documents import DuesDocumentService
    from app.services.kl01 import Kl01Service
    from app.services.kl01_documents import Kl01DocumentService
    from app.services.meetings import MeetingService
    from app.services.member_import import MemberImportService
    from app.services.members import MemberService
    from app.services.package import PackageService
    from app.services.rating_documents import RatingDocumentService
    from app.services.ratings import RatingService
    from app.services.reports import ReportService
    from app.services.search import SearchService
    from app.services.security import SecurityService
    from app.services.summary import SummaryService
    from app.services.topics import TopicService


class Services:
    """Everything the UI and the CLI may talk to.

    Each service is built once, on first use, with its collaborators passed in (none constructs another):
    a window that opens on the overview never imports the documents, the demo or the consolidation.
    """

    def __init__(
        self,
        paths: AppPaths,
        ctx: ServiceContext,
        *,
        now: Callable[[], datetime] = datetime.now,
        startup_backup: Path | None = None,
    ) -> None:
        self.paths = paths
        self.ctx = ctx
        self._now = now
        self.lock: DatabaseLock | None = None  # held while open: one running copy per database
        self.startup_backup = startup_backup  # the backup taken at start-up, if the records had changed
        self.backup_problem: AppError | None = None  # why the start-up backup failed (the UI shows it)
        self.backup_owed = False  # the start-up backup waits for the deferred check: never an unchecked copy

    # ------------------------------------------------------------------ the services, built on first use
    @cached_property
    def backups(self) -> BackupService:
        from app.services.backups import BackupService

        return BackupService(self.ctx, self.paths)

    @cached_property
    def branch(self) -> BranchService:
        from app.services.branch import BranchService

        return BranchService(self.ctx)

    @cached_property
    def members(self) -> MemberService:
        from app.services.members import MemberService

        return MemberService(self.ctx)

    @cached_property
    def dues(self) -> DuesService:
        """The Party dues book."""
        from app.services.dues import DuesService

        return DuesService(self.ctx)

    @cached_property
    def ratings(self) -> RatingService:
        """The yearly review and quality rating; it counts the dues book's unpaid months (rating_conflict)."""
        from app.services.ratings import RatingService

        dues = self.dues
        return RatingService(
            self.ctx, unpaid_dues=lambda year: {m: len(v) for m, v in dues.unpaid_months(year).items()}
        )

    @cached_property
    def meetings(self) -> MeetingService:
        """A yearly review meeting starts with the review agenda of the rating rules (one home for it)."""
        from app.services.meetings import MeetingService

        return MeetingService(self.ctx, review_agenda=self.ratings.review_agenda)

    @cached_property
    def topics(self) -> TopicService:
        from app.services.topics import TopicService

        return TopicService(self.ctx)

    @cached_property
    def checks(self) -> CheckService:
        from app.services.checks import CheckService
        from app.services.dues import builtin_dues_rules

        return CheckService(self.ctx, builtin_dues_rules(), extra=(self.ratings.findings,))

    @cached_property
    def reports(self) -> ReportService:
        from app.services.reports import ReportService

        return ReportService(self.ctx, self.checks, self.dues)

    @cached_property
    def dues_documents(self) -> DuesDocumentService:
        """The dues book's workbooks."""
        from app.services.dues_documents import DuesDocumentService

        return DuesDocumentService(self.ctx, self.dues)

    @cached_property
    def kl01(self) -> Kl01Service:
        """Học tập và làm theo Bác: plans, learning reports, models, awards."""
        from app.services.kl01 import REPORTS_FOLDER, Kl01Service

        return Kl01Service(self.ctx, self.paths.database.parent / REPORTS_FOLDER)

    @cached_property
    def rating_documents(self) -> RatingDocumentService:
        """The ratings' forms, minutes, summary and workbook."""
        from app.services.documents import read_layout
        from app.services.rating_documents import RatingDocumentService, kl01_plan_lines

        return RatingDocumentService(self.ctx, self.ratings, partial(read_layout, self.ctx), kl01_plan_lines(self.kl01))

    @cached_property
    def documents(self) -> DocumentService:
        """Word documents; a yearly review meeting's minutes are the review minutes (meeting and ratings)."""
        from app.services.documents import DocumentService

        return DocumentService(
            self.ctx, self.meetings, self.reports, self.dues, review_minutes=self.rating_documents.meeting_minutes_job
        )

    @cached_property
    def summary(self) -> SummaryService:
        """The Excel summary workbook and roster."""
        from app.services.summary import SummaryService

        return SummaryService(self.ctx, self.reports, self.branch)

    @cached_property
    def search(self) -> SearchService:
        from app.services.search import SearchService

        return SearchService(self.ctx)

    @cached_property
    def demo(self) -> DemoService:
        from app.services.demo import DemoService

        return DemoService(self.ctx, self.search)

    @cached_property
    def drafts(self) -> DraftService:
        from app.services.drafts import DraftService

        return DraftService(self.ctx)

    @cached_property
    def package(self) -> PackageService:
        """The USB package for the upper committee."""
        from app.services.package import PackageService

        return PackageService(self.ctx, self.documents, self.summary, self.dues_documents)

    @cached_property
    def consolidation(self) -> ConsolidationService:
        """The upper committee's workbook from the branches' files (no database)."""
        return consolidation_service(self._now)

    @cached_property
    def importer(self) -> MemberImportService:
        """Member lists from Excel (a verified backup before the write)."""
        from app.services.member_import import MemberImportService

        return MemberImportService(self.ctx, self.members, before_write=self.backups.snapshot)

    @cached_property
    def kl01_documents(self) -> Kl01DocumentService:
        """The printable forms of học tập và làm theo Bác."""
        from app.services.kl01_documents import Kl01DocumentService

        return Kl01DocumentService(self.ctx, self.documents, self.kl01)

    @cached_property
    def security(self) -> SecurityService:
        """The optional program password (CCCD and phone encrypted)."""
        from app.services.security import SecurityService

        return SecurityService(self.ctx, self.paths.backups, self.paths.database.stem)

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
    from app.services.consolidation import ConsolidationService

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
        from data.backup import backup_database, check_backup, table_counts  # only when the file is upgraded

        expected = table_counts(db.conn)
        taken.append(backup_database(db.conn, paths.backups, label=label))
        check_backup(taken[-1], latest_version=LATEST_VERSION, expected_counts=expected)  # read back first
        return taken[-1]

    old = migrate_checked(db, backup=backup_before_upgrade)
    from app.services.branch import builtin_rules

    ctx = ServiceContext.create(db, builtin_rules(), now)
    services = Services(paths, ctx, now=now, startup_backup=taken[-1] if taken else None)
    ctx.rules = services.branch.stored_rules()
    # Built now, not on first use: it tells the member repository whether CCCD and phone are sealed,
    # which every read and write of a member needs from the first one.
    _ = services.security
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
        from app.services.branch import CREATED_ON
        from app.services.topics import default_catalogue

        with ctx.db.transaction():
            ctx.branch.set_meta(CREATED_ON, ctx.today().isoformat())
            for topic in default_catalogue():
                ctx.topics.add_catalogue(topic)
    elif 0 < upgraded_from < 2:
        with ctx.db.transaction():
            services.search.rebuild()
