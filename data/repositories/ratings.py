"""SQL for the yearly ratings of members and of the branch. Rows <-> domain objects; never commits."""

from __future__ import annotations

import sqlite3

from app.domain.ratings import BranchRating, MemberRating, RatingLevel
from data.repositories._rows import d2s, s2d

_MEMBER_COLUMNS = (
    "member_id, year, form, self_level, score, proposed, final, decided_by, decision, discipline, "
    "votes_for, votes_total, note"
)
_BRANCH_COLUMNS = "year, self_level, score, proposed, final, decided_by, decision, meeting_on, note"


def _lv(level: RatingLevel | None) -> str | None:
    return None if level is None else level.value


_LEVELS = {level.value: level for level in RatingLevel}


def _level(text: str | None) -> RatingLevel | None:
    return _LEVELS[text] if text else None


def _to_member_rating(r: sqlite3.Row) -> MemberRating:
    return MemberRating(
        member_id=r["member_id"],
        year=r["year"],
        form=r["form"],
        self_level=_level(r["self_level"]),
        score=r["score"],
        proposed=_level(r["proposed"]),
        final=_level(r["final"]),
        decided_by=r["decided_by"],
        decision=r["decision"],
        discipline=r["discipline"],
        votes_for=r["votes_for"],
        votes_total=r["votes_total"],
        note=r["note"],
        member_name=r["full_name"],
        id=r["id"],
    )


class RatingRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # ------------------------------------------------------------------ members
    def for_year(self, year: int) -> list[MemberRating]:
        rows = self._conn.execute(
            "SELECT r.*, m.full_name FROM member_rating r JOIN member m ON m.id = r.member_id "
            "WHERE r.year = ? ORDER BY m.sort_key, m.id",
            (year,),
        ).fetchall()
        return [_to_member_rating(r) for r in rows]

    def for_member(self, member_id: int) -> list[MemberRating]:
        """A member's ratings, newest year first."""
        rows = self._conn.execute(
            "SELECT r.*, m.full_name FROM member_rating r JOIN member m ON m.id = r.member_id "
            "WHERE r.member_id = ? ORDER BY r.year DESC",
            (member_id,),
        ).fetchall()
        return [_to_member_rating(r) for r in rows]

    def final_levels(self, since: int, until: int) -> dict[int, dict[int, RatingLevel]]:
        """member id -> year -> final level, for the years from *since* to *until* (streaks of years).

        Light on purpose: the overview runs the checks at every start (5,000 members × 5 years)."""
        out: dict[int, dict[int, RatingLevel]] = {}
        for member_id, year, final in self._conn.execute(
            "SELECT member_id, year, final FROM member_rating WHERE year BETWEEN ? AND ? AND final IS NOT NULL",
            (since, until),
        ):
            out.setdefault(member_id, {})[year] = _LEVELS[final]
        return out

    def get(self, member_id: int, year: int) -> MemberRating | None:
        row = self._conn.execute(
            "SELECT r.*, m.full_name FROM member_rating r JOIN member m ON m.id = r.member_id "
            "WHERE r.member_id = ? AND r.year = ?",
            (member_id, year),
        ).fetchone()
        return None if row is None else _to_member_rating(row)

    def save(self, rating: MemberRating) -> int:
        """Insert or replace the member's rating of that year; returns its id."""
        values = (
            rating.member_id, rating.year, rating.form, _lv(rating.self_level), rating.score, _lv(rating.proposed),
            _lv(rating.final), rating.decided_by, rating.decision, rating.discipline, rating.votes_for,
            rating.votes_total, rating.note,
        )  # fmt: skip
        self._conn.execute(
            f"INSERT INTO member_rating ({_MEMBER_COLUMNS}) VALUES ({', '.join('?' * 13)}) "
            "ON CONFLICT (member_id, year) DO UPDATE SET form = excluded.form, self_level = excluded.self_level, "
            "score = excluded.score, proposed = excluded.proposed, final = excluded.final, "
            "decided_by = excluded.decided_by, decision = excluded.decision, discipline = excluded.discipline, "
            "votes_for = excluded.votes_for, votes_total = excluded.votes_total, note = excluded.note",
            values,
        )
        row = self._conn.execute(
            "SELECT id FROM member_rating WHERE member_id = ? AND year = ?", (rating.member_id, rating.year)
        ).fetchone()
        return int(row[0])

    def level_counts(self, year: int) -> dict[str, int]:
        """Effective level (final, else proposed) -> number of members, for summaries."""
        rows = self._conn.execute(
            "SELECT coalesce(final, proposed) AS level, count(*) FROM member_rating "
            "WHERE year = ? AND coalesce(final, proposed) IS NOT NULL GROUP BY level",
            (year,),
        ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    # ------------------------------------------------------------------ the branch
    def branch(self, year: int) -> BranchRating | None:
        r = self._conn.execute("SELECT * FROM branch_rating WHERE year = ?", (year,)).fetchone()
        if r is None:
            return None
        return BranchRating(
            year=r["year"],
            self_level=_level(r["self_level"]),
            score=r["score"],
            proposed=_level(r["proposed"]),
            final=_level(r["final"]),
            decided_by=r["decided_by"],
            decision=r["decision"],
            meeting_on=s2d(r["meeting_on"]),
            note=r["note"],
        )

    def save_branch(self, b: BranchRating) -> None:
        values = (
            b.year, _lv(b.self_level), b.score, _lv(b.proposed), _lv(b.final), b.decided_by, b.decision,
            d2s(b.meeting_on), b.note,
        )  # fmt: skip
        self._conn.execute(
            f"INSERT INTO branch_rating ({_BRANCH_COLUMNS}) VALUES ({', '.join('?' * 9)}) "
            "ON CONFLICT (year) DO UPDATE SET self_level = excluded.self_level, score = excluded.score, "
            "proposed = excluded.proposed, final = excluded.final, decided_by = excluded.decided_by, "
            "decision = excluded.decision, meeting_on = excluded.meeting_on, note = excluded.note",
            values,
        )
