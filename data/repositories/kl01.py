"""SQL for "học tập và làm theo Bác": plans, learning reports, the branch's yearly items, models and
exemplars, awards. Rows <-> domain objects; never commits."""

from __future__ import annotations

import json
import sqlite3

from app.domain.kl01 import (
    Award,
    BranchYear,
    Commitment,
    LearningReport,
    PersonalPlan,
    Recognition,
    RecognitionKind,
    ReviewResult,
    YearRecord,
)
from data.repositories._rows import d2s, s2d


def _result(text: str | None) -> ReviewResult | None:
    return ReviewResult(text) if text else None


def _items(plan: PersonalPlan) -> str:
    return json.dumps(
        [
            {
                "text": c.text,
                "midyear": c.midyear.value if c.midyear else "",
                "year_end": c.year_end.value if c.year_end else "",
            }
            for c in plan.commitments
        ],
        ensure_ascii=False,
    )


class Kl01Repository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # ------------------------------------------------------------------ the year at once
    def year(self, year: int) -> YearRecord:
        return YearRecord(
            year=year,
            plans={p.member_id: p for p in self.plans(year)},
            reports={r.member_id: r for r in self.reports(year)},
            branch=self.branch_year(year),
            recognitions=tuple(self.recognitions(year)),
            awards=tuple(self.awards(year)),
        )

    # ------------------------------------------------------------------ plans
    def plans(self, year: int) -> list[PersonalPlan]:
        rows = self._conn.execute("SELECT * FROM kl01_plan WHERE year = ? ORDER BY member_id", (year,)).fetchall()
        return [self._to_plan(r) for r in rows]

    def plan(self, member_id: int, year: int) -> PersonalPlan | None:
        r = self._conn.execute("SELECT * FROM kl01_plan WHERE member_id = ? AND year = ?", (member_id, year)).fetchone()
        return self._to_plan(r) if r else None

    @staticmethod
    def _to_plan(r: sqlite3.Row) -> PersonalPlan:
        items = tuple(
            Commitment(str(i["text"]), _result(i.get("midyear")), _result(i.get("year_end")))
            for i in json.loads(r["items"])
        )
        return PersonalPlan(
            member_id=r["member_id"],
            year=r["year"],
            commitments=items,
            breakthrough=r["breakthrough"],
            signed_on=s2d(r["signed_on"]),
            midyear=_result(r["midyear"]),
            midyear_note=r["midyear_note"],
            year_end=_result(r["year_end"]),
            year_end_note=r["year_end_note"],
            committee_comment=r["committee_comment"],
            id=r["id"],
        )

    def save_plan(self, p: PersonalPlan) -> int:
        """Insert or replace the plan of (member, year); returns its id."""
        self._conn.execute(
            "INSERT INTO kl01_plan (member_id, year, items, breakthrough, signed_on, midyear, midyear_note, "
            "year_end, year_end_note, committee_comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (member_id, year) DO UPDATE SET items = excluded.items, breakthrough = excluded.breakthrough, "
            "signed_on = excluded.signed_on, midyear = excluded.midyear, midyear_note = excluded.midyear_note, "
            "year_end = excluded.year_end, year_end_note = excluded.year_end_note, "
            "committee_comment = excluded.committee_comment",
            (
                p.member_id, p.year, _items(p), p.breakthrough, d2s(p.signed_on),
                p.midyear.value if p.midyear else "", p.midyear_note,
                p.year_end.value if p.year_end else "", p.year_end_note, p.committee_comment,
            ),
        )  # fmt: skip
        row = self._conn.execute(
            "SELECT id FROM kl01_plan WHERE member_id = ? AND year = ?", (p.member_id, p.year)
        ).fetchone()
        return int(row[0])

    # ------------------------------------------------------------------ learning reports
    def reports(self, year: int) -> list[LearningReport]:
        rows = self._conn.execute(
            "SELECT * FROM kl01_learning_report WHERE year = ? ORDER BY member_id", (year,)
        ).fetchall()
        return [
            LearningReport(r["member_id"], r["year"], s2d(r["submitted_on"]), r["topic"], r["file_name"], r["id"])  # type: ignore[arg-type]
            for r in rows
        ]

    def save_report(self, report: LearningReport) -> int:
        self._conn.execute(
            "INSERT INTO kl01_learning_report (member_id, year, topic, submitted_on, file_name) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (member_id, year) DO UPDATE SET topic = excluded.topic, submitted_on = excluded.submitted_on, "
            "file_name = CASE WHEN excluded.file_name = '' THEN file_name ELSE excluded.file_name END",
            (report.member_id, report.year, report.topic, d2s(report.submitted_on), report.file_name),
        )
        row = self._conn.execute(
            "SELECT id FROM kl01_learning_report WHERE member_id = ? AND year = ?", (report.member_id, report.year)
        ).fetchone()
        return int(row[0])

    def delete_report(self, member_id: int, year: int) -> bool:
        cursor = self._conn.execute(
            "DELETE FROM kl01_learning_report WHERE member_id = ? AND year = ?", (member_id, year)
        )
        return cursor.rowcount == 1

    # ------------------------------------------------------------------ branch items
    def branch_year(self, year: int) -> BranchYear | None:
        r = self._conn.execute("SELECT * FROM kl01_branch_year WHERE year = ?", (year,)).fetchone()
        return BranchYear(r["year"], r["breakthrough"], r["ethics"]) if r else None

    def save_branch_year(self, item: BranchYear) -> None:
        self._conn.execute(
            "INSERT INTO kl01_branch_year (year, breakthrough, ethics) VALUES (?, ?, ?) ON CONFLICT (year) "
            "DO UPDATE SET breakthrough = excluded.breakthrough, ethics = excluded.ethics",
            (item.year, item.breakthrough, item.ethics),
        )

    # ------------------------------------------------------------------ models and exemplars
    def recognitions(self, year: int) -> list[Recognition]:
        rows = self._conn.execute(
            "SELECT r.*, coalesce(m.full_name, '') AS member_name FROM kl01_recognition r "
            "LEFT JOIN member m ON m.id = r.member_id WHERE r.year = ? ORDER BY r.kind, r.id",
            (year,),
        ).fetchall()
        return [
            Recognition(
                r["year"],
                RecognitionKind(r["kind"]),
                r["title"],
                r["member_id"],
                r["description"],
                r["recognised_by"],
                r["member_name"],
                r["id"],
            )
            for r in rows
        ]

    def add_recognition(self, item: Recognition) -> int:
        cursor = self._conn.execute(
            "INSERT INTO kl01_recognition (year, kind, title, member_id, description, recognised_by) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (item.year, item.kind.value, item.title, item.member_id, item.description, item.recognised_by),
        )
        return int(cursor.lastrowid or 0)

    def delete_recognition(self, item_id: int) -> bool:
        return self._conn.execute("DELETE FROM kl01_recognition WHERE id = ?", (item_id,)).rowcount == 1

    # ------------------------------------------------------------------ awards
    def awards(self, year: int) -> list[Award]:
        rows = self._conn.execute(
            "SELECT a.*, coalesce(m.full_name, '') AS member_name FROM kl01_award a "
            "LEFT JOIN member m ON m.id = a.member_id WHERE a.year = ? ORDER BY a.on_date, a.id",
            (year,),
        ).fetchall()
        return [
            Award(
                r["year"],
                r["form"],
                r["level"],
                s2d(r["on_date"]),
                r["decision"],
                r["member_id"],  # type: ignore[arg-type]
                r["note"],
                r["member_name"],
                r["id"],
            )
            for r in rows
        ]

    def add_award(self, award: Award) -> int:
        cursor = self._conn.execute(
            "INSERT INTO kl01_award (year, form, level, on_date, decision, member_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (award.year, award.form, award.level, d2s(award.on), award.decision, award.member_id, award.note),
        )
        return int(cursor.lastrowid or 0)

    def delete_award(self, award_id: int) -> bool:
        return self._conn.execute("DELETE FROM kl01_award WHERE id = ?", (award_id,)).rowcount == 1

    def years(self) -> list[int]:
        """Years that hold any KL 01 record, oldest first."""
        rows = self._conn.execute(
            "SELECT year FROM kl01_plan UNION SELECT year FROM kl01_learning_report UNION "
            "SELECT year FROM kl01_recognition UNION SELECT year FROM kl01_award ORDER BY 1"
        ).fetchall()
        return [int(r[0]) for r in rows]
