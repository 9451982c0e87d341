"""What every service shares: the database, the repositories, the clock and the rule set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from app.domain.changes import ChangeRecorder
from app.domain.ruleset import RuleSet
from data.db import Database
from data.repositories.branch import BranchRepository

if TYPE_CHECKING:
    from data.repositories.dues import DuesRepository
    from data.repositories.kl01 import Kl01Repository
    from data.repositories.meetings import MeetingRepository
    from data.repositories.members import MemberRepository
    from data.repositories.search import SearchIndex
    from data.repositories.topics import TopicRepository

#: How slow work reports how far it is: (done, total, what it is doing now, in Vietnamese).
ProgressCallback = Callable[[int, int, str], None]


class ServiceContext:
    """The database, its repositories, the rule set in force, the clock and what the writes touched.

    Each repository is made (and its module, with the domain types it reads into, imported) the first
    time a service asks for it: opening a file for the window does not load the dues book's or the
    meetings' code before the window shows. They all share the one connection.
    """

    def __init__(self, db: Database, rules: RuleSet, now: Callable[[], datetime] = datetime.now) -> None:
        self.db = db
        self.rules = rules
        self.now = now
        self.changes = ChangeRecorder()  # what the writes touched, for the UI
        self.branch = BranchRepository(db.conn)  # the change log: every write goes through it

    @classmethod
    def create(cls, db: Database, rules: RuleSet, now: Callable[[], datetime] = datetime.now) -> ServiceContext:
        return cls(db, rules, now)

    @cached_property
    def members(self) -> MemberRepository:
        from data.repositories.members import MemberRepository

        return MemberRepository(self.db.conn)

    @cached_property
    def meetings(self) -> MeetingRepository:
        from data.repositories.meetings import MeetingRepository

        return MeetingRepository(self.db.conn)

    @cached_property
    def topics(self) -> TopicRepository:
        from data.repositories.topics import TopicRepository

        return TopicRepository(self.db.conn)

    @cached_property
    def search(self) -> SearchIndex:
        from data.repositories.search import SearchIndex

        return SearchIndex(self.db.conn)

    @cached_property
    def dues(self) -> DuesRepository:
        from data.repositories.dues import DuesRepository

        return DuesRepository(self.db.conn)

    @cached_property
    def kl01(self) -> Kl01Repository:
        """Học tập và làm theo Bác (plans, reports, models, awards)."""
        from data.repositories.kl01 import Kl01Repository

        return Kl01Repository(self.db.conn)

    def today(self) -> date:
        return self.now().date()

    def log(self, entity: str, entity_id: int, action: str, summary: str = "") -> None:
        """Record a change in the change log, and note what it touched; call inside the use case's transaction."""
        self.branch.log(entity, entity_id, action, summary, at=self.now())
        self.changes.note_log(entity, entity_id, action)
