"""SQL for the branch profile, settings, document counters, drafts and the change log. Never commits."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from app.domain.branch_profile import BranchProfile
from app.domain.change_log import ChangeLogEntry
from data.repositories._rows import d2s, s2d


class BranchRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def get(self) -> BranchProfile:
        r = self._conn.execute("SELECT * FROM branch WHERE id = 1").fetchone()
        if r is None:
            return BranchProfile()
        return BranchProfile(
            branch_name=r["branch_name"],
            upper_body=r["upper_body"],
            upper_body_2=r["upper_body_2"],
            place_name=r["place_name"],
            term_start=s2d(r["term_start"]),
            term_end=s2d(r["term_end"]),
            secretary_id=r["secretary_id"],
            deputy_id=r["deputy_id"],
            committee_ids=tuple(json.loads(r["committee_ids"])),
            branch_code=r["branch_code"],
            layout_profile=r["layout_profile"],
            record_start=s2d(r["record_start"]),
        )

    def save(self, p: BranchProfile) -> None:
        self._conn.execute(
            "INSERT INTO branch (id, branch_name, upper_body, upper_body_2, place_name, term_start, term_end, "
            "secretary_id, deputy_id, committee_ids, branch_code, layout_profile, record_start) "
            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "branch_name = excluded.branch_name, upper_body = excluded.upper_body, "
            "upper_body_2 = excluded.upper_body_2, place_name = excluded.place_name, "
            "term_start = excluded.term_start, term_end = excluded.term_end, secretary_id = excluded.secretary_id, "
            "deputy_id = excluded.deputy_id, committee_ids = excluded.committee_ids, "
            "branch_code = excluded.branch_code, layout_profile = excluded.layout_profile, "
            "record_start = excluded.record_start",
            (
                p.branch_name, p.upper_body, p.upper_body_2, p.place_name, d2s(p.term_start), d2s(p.term_end),
                p.secretary_id, p.deputy_id, json.dumps(list(p.committee_ids)), p.branch_code, p.layout_profile,
                d2s(p.record_start),
            ),
        )  # fmt: skip

    def set_record_start(self, day: date) -> None:
        """Move the record's start (the row is created, still unnamed, for a file that was just made)."""
        self._conn.execute(
            "INSERT INTO branch (id, record_start) VALUES (1, ?) "
            "ON CONFLICT (id) DO UPDATE SET record_start = excluded.record_start",
            (d2s(day),),
        )

    # ------------------------------------------------------------------ settings (business, not window state)
    def setting(self, key: str, default: str = "") -> str:
        row = self._conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # ------------------------------------------------------------------ document numbers
    def next_number(self, doc_type: str, term_key: str) -> int:
        """Take the next number of a counter; numbers are never reused, even if a document is discarded."""
        row = self._conn.execute(
            "SELECT last_no FROM doc_counter WHERE doc_type = ? AND term_key = ?", (doc_type, term_key)
        ).fetchone()
        number = (int(row[0]) if row else 0) + 1
        self.bump_number(doc_type, term_key, number)
        return number

    def bump_number(self, doc_type: str, term_key: str, number: int) -> None:
        """Record that *number* was used (a user override); the counter only ever moves forward."""
        self._conn.execute(
            "INSERT INTO doc_counter (doc_type, term_key, last_no) VALUES (?, ?, ?) "
            "ON CONFLICT (doc_type, term_key) DO UPDATE SET last_no = max(last_no, excluded.last_no)",
            (doc_type, term_key, number),
        )

    # ------------------------------------------------------------------ change log
    def log(self, entity: str, entity_id: int, action: str, summary: str = "", *, at: datetime) -> None:
        self._conn.execute(
            "INSERT INTO change_log (at, entity, entity_id, action, summary) VALUES (?, ?, ?, ?, ?)",
            (at.isoformat(timespec="seconds"), entity, entity_id, action, summary),
        )

    def history(
        self, entity: str | None = None, entity_id: int | None = None, limit: int = 500
    ) -> list[ChangeLogEntry]:
        rows = self._conn.execute(
            "SELECT * FROM change_log WHERE (:e IS NULL OR entity = :e) AND (:i IS NULL OR entity_id = :i) "
            "ORDER BY id DESC LIMIT :n",
            {"e": entity, "i": entity_id, "n": limit},
        ).fetchall()
        return [
            ChangeLogEntry(datetime.fromisoformat(r["at"]), r["entity"], r["entity_id"], r["action"], r["summary"])
            for r in rows
        ]

    # ------------------------------------------------------------------ autosaved drafts
    def save_draft(self, key: str, payload: str, *, at: datetime) -> None:
        self._conn.execute(
            "INSERT INTO draft (key, payload, saved_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at",
            (key, payload, at.isoformat(timespec="seconds")),
        )

    def drafts(self) -> list[tuple[str, str, datetime]]:
        rows = self._conn.execute("SELECT key, payload, saved_at FROM draft ORDER BY saved_at DESC").fetchall()
        return [(r[0], r[1], datetime.fromisoformat(r[2])) for r in rows]

    def delete_draft(self, key: str) -> None:
        self._conn.execute("DELETE FROM draft WHERE key = ?", (key,))

    # ------------------------------------------------------------------ identity
    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM app_meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def table_counts(self) -> dict[str, int]:
        """Row counts of the tables that hold the branch's records (for verifying backups)."""
        names = ("member", "member_event", "meeting", "attendance", "opinion", "vote", "task", "topic_assignment")
        return {n: int(self._conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0]) for n in names}
