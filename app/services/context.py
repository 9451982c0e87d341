"""What every service shares: the database, the repositories, the clock and the rule set."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.changes import ChangeRecorder
from app.domain.ruleset import RuleSet
from data.db import Database
from data.repositories.branch import BranchRepository
from data.repositories.dues import DuesRepository
from data.repositories.kl01 import Kl01Repository
from data.repositories.meetings import MeetingRepository
from data.repositories.members import MemberRepository
from data.repositories.search import SearchIndex
from data.repositories.topics import TopicRepository

#: How slow work reports how far it is: (done, total, what it is doing now, in Vietnamese).
ProgressCallback = Callable[[int, int, str], None]


@dataclass
class ServiceContext:
    db: Database
    members: MemberRepository
    meetings: MeetingRepository
    topics: TopicRepository
    branch: BranchRepository
    search: SearchIndex
    dues: DuesRepository
    rules: RuleSet
    kl01: Kl01Repository  # học tập và làm theo Bác (plans, reports, models, awards)
    now: Callable[[], datetime] = datetime.now
    changes: ChangeRecorder = field(default_factory=ChangeRecorder)  # what the writes touched, for the UI

    @classmethod
    def create(cls, db: Database, rules: RuleSet, now: Callable[[], datetime] = datetime.now) -> ServiceContext:
        conn = db.conn
        return cls(
            db=db,
            members=MemberRepository(conn),
            meetings=MeetingRepository(conn),
            topics=TopicRepository(conn),
            branch=BranchRepository(conn),
            search=SearchIndex(conn),
            dues=DuesRepository(conn),
            rules=rules,
            kl01=Kl01Repository(conn),
            now=now,
        )

    def today(self) -> date:
        return self.now().date()

    def log(self, entity: str, entity_id: int, action: str, summary: str = "") -> None:
        """Record a change in the change log, and note what it touched; call inside the use case's transaction."""
        self.branch.log(entity, entity_id, action, summary, at=self.now())
        self.changes.note_log(entity, entity_id, action)
