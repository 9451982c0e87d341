"""SQL for the topic catalogue and quarterly topic assignments. Rows <-> domain objects; never commits."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from app.domain.topic_plan import Assignee, CatalogueTopic, TopicAssignment, TopicStatus
from data.repositories._rows import d2s, s2d

_COLUMNS = (
    "year, quarter, title, grp, basis_doc, assigned_on, draft_due, approved_on, materials_sent_on, status, "
    "meeting_id, note"
)


def _values(a: TopicAssignment) -> tuple[object, ...]:
    return (
        a.year, a.quarter, a.title, a.group, a.basis_doc, d2s(a.assigned_on), d2s(a.draft_due),
        d2s(a.approved_on), d2s(a.materials_sent_on), a.status.value, a.meeting_id, a.note,
    )  # fmt: skip


class TopicRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # ------------------------------------------------------------------ assignments
    def assignments(self, year: int | None = None) -> list[TopicAssignment]:
        where, params = ("WHERE year = ?", (year,)) if year is not None else ("", ())
        return self._load(where, params)

    def get(self, assignment_id: int) -> TopicAssignment | None:
        """One assignment with its assignees: two small queries, not every assignment of the branch."""
        found = self._load("WHERE id = ?", (assignment_id,))
        return found[0] if found else None

    def _load(self, where: str, params: tuple[object, ...]) -> list[TopicAssignment]:
        rows = self._conn.execute(
            f"SELECT * FROM topic_assignment {where} ORDER BY year, quarter, id", params
        ).fetchall()
        if not rows:
            return []
        people: dict[int, list[Assignee]] = defaultdict(list)
        # Only the assignees of the assignments read (the same WHERE on the parent): no N+1, no full scan.
        for r in self._conn.execute(
            "SELECT ta.assignment_id, ta.member_id, ta.lead, m.full_name FROM topic_assignee ta "
            "JOIN member m ON m.id = ta.member_id "
            f"WHERE ta.assignment_id IN (SELECT id FROM topic_assignment {where}) "
            "ORDER BY ta.assignment_id, ta.lead DESC, m.sort_key",
            params,
        ):
            people[r[0]].append(Assignee(r[1], r[3], bool(r[2])))
        return [self._to_assignment(r, tuple(people.get(r["id"], ()))) for r in rows]

    @staticmethod
    def _to_assignment(r: sqlite3.Row, assignees: tuple[Assignee, ...]) -> TopicAssignment:
        return TopicAssignment(
            id=r["id"],
            year=r["year"],
            quarter=r["quarter"],
            title=r["title"],
            group=r["grp"],
            basis_doc=r["basis_doc"],
            assigned_on=s2d(r["assigned_on"]),
            draft_due=s2d(r["draft_due"]),
            approved_on=s2d(r["approved_on"]),
            materials_sent_on=s2d(r["materials_sent_on"]),
            status=TopicStatus(r["status"]),
            meeting_id=r["meeting_id"],
            note=r["note"],
            assignees=assignees,
            version=r["version"],
        )

    def add(self, assignment: TopicAssignment) -> int:
        marks = ",".join("?" * len(_COLUMNS.split(",")))
        cursor = self._conn.execute(f"INSERT INTO topic_assignment ({_COLUMNS}) VALUES ({marks})", _values(assignment))
        new_id = int(cursor.lastrowid or 0)
        self._write_assignees(new_id, assignment)
        return new_id

    def update(self, assignment: TopicAssignment) -> None:
        sets = ", ".join(f"{c.strip()} = ?" for c in _COLUMNS.split(","))
        self._conn.execute(
            f"UPDATE topic_assignment SET {sets}, version = version + 1 WHERE id = ?",
            (*_values(assignment), assignment.id),
        )
        self._conn.execute("DELETE FROM topic_assignee WHERE assignment_id = ?", (assignment.id,))
        assert assignment.id is not None
        self._write_assignees(assignment.id, assignment)

    def delete(self, assignment_id: int) -> bool:
        return self._conn.execute("DELETE FROM topic_assignment WHERE id = ?", (assignment_id,)).rowcount == 1

    def _write_assignees(self, assignment_id: int, a: TopicAssignment) -> None:
        self._conn.executemany(
            "INSERT INTO topic_assignee (assignment_id, member_id, lead) VALUES (?, ?, ?)",
            [(assignment_id, p.member_id, int(p.lead)) for p in a.assignees],
        )

    # ------------------------------------------------------------------ catalogue
    def catalogue(self, year: int | None = None) -> list[CatalogueTopic]:
        where, params = ("WHERE year = ?", (year,)) if year is not None else ("", ())
        rows = self._conn.execute(f"SELECT * FROM topic_catalogue {where} ORDER BY year, id", params).fetchall()
        return [CatalogueTopic(r["year"], r["title"], r["grp"], r["basis_doc"], r["id"]) for r in rows]

    def add_catalogue(self, topic: CatalogueTopic) -> int:
        cursor = self._conn.execute(
            "INSERT INTO topic_catalogue (year, title, grp, basis_doc) VALUES (?, ?, ?, ?)",
            (topic.year, topic.title, topic.group, topic.basis_doc),
        )
        return int(cursor.lastrowid or 0)

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM topic_assignment").fetchone()[0])
