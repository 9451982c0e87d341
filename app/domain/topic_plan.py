"""Topics (chuyên đề): the yearly catalogue and each quarter's assignment (phân công). No I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class TopicStatus(StrEnum):
    PLANNED = "planned"
    DRAFTING = "drafting"
    APPROVED = "approved"
    PRESENTED = "presented"
    REPORTED = "reported"

    @property
    def reached_meeting(self) -> bool:
        return self in (TopicStatus.PRESENTED, TopicStatus.REPORTED)


@dataclass(frozen=True, slots=True)
class CatalogueTopic:
    """An entry of the yearly topic catalogue (editable: titles change every year)."""

    year: int
    title: str
    group: str = ""
    basis_doc: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Assignee:
    member_id: int
    name: str = ""
    lead: bool = False


@dataclass(frozen=True, slots=True)
class TopicAssignment:
    year: int
    quarter: int
    title: str
    assignees: tuple[Assignee, ...] = ()
    group: str = ""
    basis_doc: str = ""
    assigned_on: date | None = None
    draft_due: date | None = None
    approved_on: date | None = None
    materials_sent_on: date | None = None
    status: TopicStatus = TopicStatus.PLANNED
    meeting_id: int | None = None
    note: str = ""
    id: int | None = None
    version: int = 0  # the stored row's edit counter when this was read (a stale save is refused)

    @property
    def lead(self) -> Assignee | None:
        for a in self.assignees:
            if a.lead:
                return a
        return self.assignees[0] if self.assignees else None
