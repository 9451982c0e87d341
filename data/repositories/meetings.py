"""SQL for meetings and everything recorded in them. Rows <-> app.domain objects; never commits."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from app.domain.attendance import present_and_base_of_counts
from app.domain.meeting_record import (
    Attendance,
    AttendanceCode,
    Correction,
    Guest,
    Meeting,
    MeetingForm,
    MeetingKind,
    MeetingOutline,
    MeetingPart,
    MeetingStatus,
    Opinion,
    Section,
    Task,
    Vote,
    VoteRule,
)
from data.repositories._rows import d2s, s2d, s2t, t2s

_ATTENDANCE_CODE = {code.value: code for code in AttendanceCode}

# The figures: each meeting's rows counted per code, one column per AttendanceCode (fixed enum strings, safe
# to inline). Which codes are present or in the base is decided by the kernel (app.domain.attendance), never
# here. One GROUP BY over the meeting index: counting per (meeting, code) rows instead took twice as long.
_CODES = tuple(AttendanceCode)
_PER_CODE = ", ".join(f"coalesce(sum(a.code = '{c.value}'), 0)" for c in _CODES)
_FIGURES_SQL = (
    f"SELECT m.id, m.on_date, m.kind, m.status, m.start_time, m.end_time, m.title, {_PER_CODE} "
    "FROM meeting m LEFT JOIN attendance a ON a.meeting_id = m.id WHERE {where} "
    "GROUP BY m.id ORDER BY m.on_date, m.start_time, m.id"
)

_SCALARS = (
    "kind, on_date, start_time, end_time, place, form, title, presider_id, presider_name, recorder_id, "
    "recorder_name, guests, agenda, sections, conclusion, thematic_conclusion, presenters, topic_summary, "
    "dues_note, status, adopted_on, doc_number, resolution_number, content_hash"
)


def _scalar_values(m: Meeting) -> tuple[object, ...]:
    return (
        m.kind.value, d2s(m.on), t2s(m.start), t2s(m.end), m.place, m.form.value, m.title,
        m.presider_id, m.presider_name, m.recorder_id, m.recorder_name,
        json.dumps([[g.name, g.title, g.unit] for g in m.guests], ensure_ascii=False),
        json.dumps(list(m.agenda), ensure_ascii=False),
        json.dumps([[s.title, s.body, s.part.value] for s in m.sections], ensure_ascii=False),
        m.conclusion, m.thematic_conclusion,
        json.dumps([list(m.presenter_ids), list(m.presenter_names)], ensure_ascii=False),
        m.topic_summary, m.dues_note, m.status.value, d2s(m.adopted_on), m.doc_number, m.resolution_number,
        m.content_hash,
    )  # fmt: skip


class MeetingRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # ------------------------------------------------------------------ reading
    def get(self, meeting_id: int) -> Meeting | None:
        found = self._load("WHERE id = ?", (meeting_id,))
        return found[0] if found else None

    def between(self, start: date, end: date) -> list[Meeting]:
        return self._load("WHERE on_date BETWEEN ? AND ?", (d2s(start), d2s(end)))

    def all(self) -> list[Meeting]:
        return self._load("", ())

    def attendance_of(self, member_id: int, start: date, end: date) -> list[tuple[date, MeetingKind, Attendance]]:
        """One member's attendance rows between two days, oldest first, without loading whole meetings."""
        rows = self._conn.execute(
            "SELECT m.on_date, m.kind, a.code, a.reason, a.member_name, a.official FROM attendance a "
            "JOIN meeting m ON m.id = a.meeting_id WHERE a.member_id = ? AND m.on_date BETWEEN ? AND ? "
            "ORDER BY m.on_date, m.start_time, m.id",
            (member_id, d2s(start), d2s(end)),
        ).fetchall()
        out = []
        for on_date, kind, code, reason, name, official in rows:
            on = s2d(on_date)
            assert on is not None
            out.append(
                (on, MeetingKind(kind), Attendance(member_id, _ATTENDANCE_CODE[code], reason, name, bool(official)))
            )
        return out

    def figures_between(self, start: date, end: date) -> list[MeetingOutline]:
        """Meetings between two days without their content: present and base counted in SQL, oldest first.

        A 5,000-member year is 57,000 attendance rows: building them as objects to count them took ~170 ms.
        """
        return self._figures("m.on_date BETWEEN ? AND ?", (d2s(start), d2s(end)))

    def attendance_rows(
        self, start: date, end: date, codes: Iterable[AttendanceCode] | None = None
    ) -> list[tuple[int, date, MeetingKind, AttendanceCode]]:
        """(member id, day, kind, code) of every attendance row between two days, optionally only of *codes*.

        What app.domain.attendance.month_codes reads (Art. 8 months) without loading whole meetings; the
        checks ask only for the codes that can decide a month (attendance.ART8_CODES): a handful of rows.
        """
        sql = (
            "SELECT a.member_id, m.on_date, m.kind, a.code FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
            "WHERE m.on_date BETWEEN ? AND ?"
        )
        params: list[object] = [d2s(start), d2s(end)]
        if codes is not None:
            wanted = sorted(c.value for c in codes)
            sql += f" AND a.code IN ({','.join('?' * len(wanted))})"
            params += wanted
        days: dict[str, date] = {}
        out = []
        for member_id, on_date, kind, code in self._conn.execute(sql + " ORDER BY m.on_date, m.id", params):
            day = days.get(on_date)
            if day is None:
                day = days[on_date] = s2d(on_date)  # type: ignore[assignment]
            out.append((member_id, day, MeetingKind(kind), _ATTENDANCE_CODE[code]))
        return out

    def all_figures(self) -> list[MeetingOutline]:
        return self._figures("1", ())

    def figures_of(self, ids: Sequence[int]) -> list[MeetingOutline]:
        """figures_between() for the given meetings (unknown ids are left out)."""
        wanted = sorted({int(i) for i in ids})
        if not wanted:
            return []
        return self._figures(f"m.id IN ({','.join('?' * len(wanted))})", wanted)

    def _figures(self, where: str, params: Sequence[object]) -> list[MeetingOutline]:
        out = []
        for mid, on_date, kind, status, start_time, end_time, title, *counts in self._conn.execute(
            _FIGURES_SQL.format(where=where), params
        ):
            on = s2d(on_date)
            assert on is not None
            present, base = present_and_base_of_counts(dict(zip(_CODES, counts, strict=True)))
            out.append(
                MeetingOutline(
                    mid, on, MeetingKind(kind), MeetingStatus(status), s2t(start_time), s2t(end_time), present, base,
                    str(title),
                )
            )  # fmt: skip
        return out

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM meeting").fetchone()[0])

    def _load(self, where: str, params: Sequence[object]) -> list[Meeting]:
        rows = self._conn.execute(f"SELECT * FROM meeting {where} ORDER BY on_date, start_time, id", params).fetchall()
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        children = self._children(ids, where, params)
        return [self._to_meeting(r, children) for r in rows]

    def _children(self, ids: list[int], where: str, params: Sequence[object]) -> dict[str, dict[int, list]]:  # type: ignore[type-arg]
        # One query per child table, restricted by the same WHERE on the parent: no N+1.
        sub = f"SELECT id FROM meeting {where}"
        out: dict[str, dict[int, list]] = {}  # type: ignore[type-arg]
        attendance: dict[int, list[Attendance]] = defaultdict(list)
        # Attendance is most of a meeting's rows (a 5,000-member year: 57,000 of them), so it is built here
        # from plain columns with a dict for the code: AttendanceCode(value) and Row lookups cost 3x more.
        sql = (
            "SELECT meeting_id, member_id, code, reason, member_name, official FROM attendance "
            f"WHERE meeting_id IN ({sub}) ORDER BY meeting_id, rowid"
        )
        for meeting_id, member_id, code, reason, name, official in self._conn.execute(sql, params):
            attendance[meeting_id].append(Attendance(member_id, _ATTENDANCE_CODE[code], reason, name, bool(official)))
        out["attendance"] = attendance  # type: ignore[assignment]
        for table, order in (
            ("opinion", "position"),
            ("vote", "position"),
            ("task", "position"),
            ("correction", "on_date, id"),
        ):
            grouped: dict[int, list] = defaultdict(list)  # type: ignore[type-arg]
            sql = f"SELECT * FROM {table} WHERE meeting_id IN ({sub}) ORDER BY meeting_id, {order}"
            for row in self._conn.execute(sql, params):
                grouped[row["meeting_id"]].append(row)
            out[table] = grouped
        return out

    @staticmethod
    def _to_meeting(r: sqlite3.Row, children: dict[str, dict[int, list]]) -> Meeting:  # type: ignore[type-arg]
        mid = r["id"]
        on = s2d(r["on_date"])
        assert on is not None
        presenter_ids, presenter_names = json.loads(r["presenters"]) or [[], []]
        return Meeting(
            id=mid,
            kind=MeetingKind(r["kind"]),
            on=on,
            start=s2t(r["start_time"]),
            end=s2t(r["end_time"]),
            place=r["place"],
            form=MeetingForm(r["form"]),
            title=r["title"],
            presider_id=r["presider_id"],
            presider_name=r["presider_name"],
            recorder_id=r["recorder_id"],
            recorder_name=r["recorder_name"],
            guests=tuple(Guest(*g) for g in json.loads(r["guests"])),
            agenda=tuple(json.loads(r["agenda"])),
            sections=tuple(Section(t, b, MeetingPart(p)) for t, b, p in json.loads(r["sections"])),
            conclusion=r["conclusion"],
            thematic_conclusion=r["thematic_conclusion"],
            presenter_ids=tuple(presenter_ids),
            presenter_names=tuple(presenter_names),
            topic_summary=r["topic_summary"],
            dues_note=r["dues_note"],
            status=MeetingStatus(r["status"]),
            adopted_on=s2d(r["adopted_on"]),
            doc_number=r["doc_number"],
            resolution_number=r["resolution_number"],
            content_hash=r["content_hash"],
            version=r["version"],
            attendance=tuple(children["attendance"].get(mid, ())),
            opinions=tuple(
                Opinion(o["speaker_name"], o["text"], o["speaker_id"], MeetingPart(o["part"]))
                for o in children["opinion"].get(mid, [])
            ),
            votes=tuple(
                Vote(
                    v["item"],
                    v["votes_for"],
                    v["votes_against"],
                    v["votes_other"],
                    v["base"],
                    v["method"],
                    VoteRule(v["rule"]),
                )
                for v in children["vote"].get(mid, [])
            ),
            tasks=tuple(
                Task(t["text"], t["assignee_name"], t["assignee_id"], s2d(t["due"]), bool(t["done"]))
                for t in children["task"].get(mid, [])
            ),
            corrections=tuple(
                Correction(s2d(c["on_date"]) or on, c["reason"], c["text"], c["id"])
                for c in children["correction"].get(mid, [])
            ),
        )

    # ------------------------------------------------------------------ writing
    def add(self, meeting: Meeting) -> int:
        marks = ",".join("?" * len(_SCALARS.split(",")))
        cursor = self._conn.execute(f"INSERT INTO meeting ({_SCALARS}) VALUES ({marks})", _scalar_values(meeting))
        meeting_id = int(cursor.lastrowid or 0)
        self._write_children(meeting_id, meeting)
        return meeting_id

    def update(self, meeting: Meeting) -> None:
        """Replace the stored meeting (scalars and every child list) with *meeting*."""
        assignments = ", ".join(f"{c.strip()} = ?" for c in _SCALARS.split(","))
        self._conn.execute(
            f"UPDATE meeting SET {assignments}, version = version + 1 WHERE id = ?",
            (*_scalar_values(meeting), meeting.id),
        )
        for table in ("attendance", "opinion", "vote", "task"):
            self._conn.execute(f"DELETE FROM {table} WHERE meeting_id = ?", (meeting.id,))
        assert meeting.id is not None
        self._write_children(meeting.id, meeting)

    def set_status(self, meeting_id: int, status: str, adopted_on: date | None, content_hash: str) -> None:
        self._conn.execute(
            "UPDATE meeting SET status = ?, adopted_on = ?, content_hash = ?, version = version + 1 WHERE id = ?",
            (status, d2s(adopted_on), content_hash, meeting_id),
        )

    def set_numbers(self, meeting_id: int, doc_number: str, resolution_number: str) -> None:
        self._conn.execute(
            "UPDATE meeting SET doc_number = ?, resolution_number = ?, version = version + 1 WHERE id = ?",
            (doc_number, resolution_number, meeting_id),
        )

    def add_correction(self, meeting_id: int, correction: Correction) -> int:
        cursor = self._conn.execute(
            "INSERT INTO correction (meeting_id, on_date, reason, text) VALUES (?, ?, ?, ?)",
            (meeting_id, d2s(correction.on), correction.reason, correction.text),
        )
        self._conn.execute("UPDATE meeting SET version = version + 1 WHERE id = ?", (meeting_id,))
        return int(cursor.lastrowid or 0)

    def delete(self, meeting_id: int) -> bool:
        return self._conn.execute("DELETE FROM meeting WHERE id = ?", (meeting_id,)).rowcount == 1

    def _write_children(self, meeting_id: int, m: Meeting) -> None:
        self._conn.executemany(
            "INSERT INTO attendance (meeting_id, member_id, code, reason, member_name, official) VALUES (?,?,?,?,?,?)",
            [(meeting_id, a.member_id, a.code.value, a.reason, a.member_name, int(a.official)) for a in m.attendance],
        )
        self._conn.executemany(
            "INSERT INTO opinion (meeting_id, position, speaker_id, speaker_name, text, part) VALUES (?,?,?,?,?,?)",
            [(meeting_id, i, o.speaker_id, o.speaker_name, o.text, o.part.value) for i, o in enumerate(m.opinions)],
        )
        self._conn.executemany(
            "INSERT INTO vote (meeting_id, position, item, method, votes_for, votes_against, votes_other, base, rule)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (meeting_id, i, v.item, v.method, v.votes_for, v.votes_against, v.votes_other, v.base, v.rule.value)
                for i, v in enumerate(m.votes)
            ],
        )
        self._conn.executemany(
            "INSERT INTO task (meeting_id, position, text, assignee_id, assignee_name, due, done) VALUES (?,?,?,?,?,?,?)",
            [
                (meeting_id, i, t.text, t.assignee_id, t.assignee_name, d2s(t.due), int(t.done))
                for i, t in enumerate(m.tasks)
            ],
        )

    def first_date(self) -> date | None:
        row = self._conn.execute("SELECT min(on_date) FROM meeting").fetchone()
        return s2d(row[0]) if row else None

    def years(self) -> list[int]:
        rows = self._conn.execute("SELECT DISTINCT substr(on_date, 1, 4) FROM meeting ORDER BY 1").fetchall()
        return [int(r[0]) for r in rows]
