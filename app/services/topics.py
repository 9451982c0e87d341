"""Topic use cases: the yearly catalogue and quarterly assignments (who prepares which topic). One transaction each."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from app.domain.errors import NotFoundError, StaleEditError, ValidationError
from app.domain.membership import Member
from app.domain.topic_plan import Assignee, CatalogueTopic, TopicAssignment, TopicStatus
from app.domain.vntext import clean
from app.resources import resource_path
from app.services.context import ServiceContext
from app.services.search import index_topic


def default_catalogue() -> list[CatalogueTopic]:
    """The topics shipped in resources/topics.json (a starting point; the secretary edits them)."""
    data = json.loads(resource_path("topics.json").read_text(encoding="utf-8"))
    return [
        CatalogueTopic(int(t["year"]), t["title"], t.get("group", ""), t.get("basis_doc", ""))
        for t in data["catalogue"]
    ]


def topic_groups() -> list[str]:
    data = json.loads(resource_path("topics.json").read_text(encoding="utf-8"))
    return [str(g) for g in data["groups"]]


class TopicService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # ------------------------------------------------------------------ assignments
    def list(self, year: int | None = None) -> list[TopicAssignment]:
        return self._ctx.topics.assignments(year)

    def get(self, assignment_id: int) -> TopicAssignment:
        found = self._ctx.topics.get(assignment_id)
        if found is None:
            raise NotFoundError(id=assignment_id)
        return found

    def assign(
        self,
        year: int,
        quarter: int,
        title: str,
        member_ids: Sequence[int],
        *,
        lead_id: int | None = None,
        due: date | None = None,
        group: str = "",
        basis_doc: str = "",
        assigned_on: date | None = None,
        note: str = "",
    ) -> TopicAssignment:
        """Assign one or more members to prepare a quarter's topic; the first (or *lead_id*) leads."""
        lead = lead_id if lead_id is not None else (member_ids[0] if member_ids else None)
        assignment = TopicAssignment(
            year=year,
            quarter=quarter,
            title=clean(title),
            group=clean(group),
            basis_doc=clean(basis_doc),
            assignees=tuple(Assignee(i, "", i == lead) for i in dict.fromkeys(member_ids)),
            assigned_on=assigned_on or self._ctx.today(),
            draft_due=due,
            status=TopicStatus.PLANNED,
            note=clean(note),
        )
        with self._ctx.db.transaction():
            self._validate(assignment)
            new_id = self._ctx.topics.add(assignment)
            stored = self._ctx.topics.get(new_id)
            assert stored is not None
            index_topic(self._ctx, stored)
            self._ctx.log("topic", new_id, "assign", f"{year}-Q{quarter} {stored.title}")
            return stored

    def update(self, assignment: TopicAssignment) -> TopicAssignment:
        if assignment.id is None:
            raise NotFoundError()
        with self._ctx.db.transaction():
            stored = self._ctx.topics.get(assignment.id)
            if stored is None:
                raise NotFoundError(id=assignment.id)
            if stored.version != assignment.version:
                raise StaleEditError(f"phân công chuyên đề \u201c{stored.title}\u201d", stored)
            cleaned = replace(assignment, title=clean(assignment.title), basis_doc=clean(assignment.basis_doc))
            self._validate(cleaned)
            self._ctx.topics.update(cleaned)
            stored = self._ctx.topics.get(assignment.id)
            assert stored is not None
            index_topic(self._ctx, stored)
            self._ctx.log("topic", assignment.id, "update", stored.status.value)
            return stored

    def set_status(self, assignment_id: int, status: TopicStatus, on: date | None = None) -> TopicAssignment:
        current = self.get(assignment_id)
        day = on or self._ctx.today()
        changes: dict[str, object] = {"status": status}
        if status is TopicStatus.APPROVED and current.approved_on is None:
            changes["approved_on"] = day
        return self.update(replace(current, **changes))  # type: ignore[arg-type]

    def link_meeting(self, assignment_id: int, meeting_id: int) -> TopicAssignment:
        """Record the meeting where the topic was presented; the assignment becomes "presented"."""
        current = self.get(assignment_id)
        if self._ctx.meetings.get(meeting_id) is None:
            raise NotFoundError(id=meeting_id)
        status = current.status if current.status is TopicStatus.REPORTED else TopicStatus.PRESENTED
        return self.update(replace(current, meeting_id=meeting_id, status=status))

    def delete(self, assignment_id: int) -> None:
        with self._ctx.db.transaction():
            if not self._ctx.topics.delete(assignment_id):
                raise NotFoundError(id=assignment_id)
            self._ctx.search.remove("topic", assignment_id)
            self._ctx.log("topic", assignment_id, "delete")

    def never_assigned(self, members: Sequence[Member]) -> list[Member]:
        """Members on the given list who have never prepared a topic, so work rotates fairly."""
        assigned = {p.member_id for a in self._ctx.topics.assignments() for p in a.assignees}
        return [m for m in members if m.id not in assigned]

    def _validate(self, a: TopicAssignment) -> None:
        errors: dict[str, str] = {}
        if not 1 <= a.quarter <= 4:
            errors["quarter"] = "quarter_range"
        if not 1990 <= a.year <= 2100:
            errors["year"] = "year_range"
        if not a.title:
            errors["title"] = "required"
        if not a.assignees:
            errors["members"] = "required"
        for person in a.assignees:
            if self._ctx.members.get(person.member_id) is None:
                errors["members"] = "unknown_member"
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------------ catalogue
    def catalogue(self, year: int | None = None) -> list[CatalogueTopic]:
        return self._ctx.topics.catalogue(year)
