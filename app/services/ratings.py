"""The yearly review and rating: record each member's and the branch's levels, list the season, run the checks.

One use case, one transaction. Services never prompt; bad input raises RatingInputError with one
Vietnamese sentence and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from app.domain import attendance, vntext
from app.domain import checks_ratings as rchecks
from app.domain import messages_ratings as rmsg
from app.domain.checks import BranchData
from app.domain.errors import AppError, StorageError
from app.domain.findings import Finding
from app.domain.meeting_record import MeetingKind, MeetingOutline
from app.domain.membership import Member
from app.domain.periods import Period
from app.domain.rating_rules import RatingRules
from app.domain.ratings import BranchRating, MemberRating, RatingLevel
from app.domain.vntext import clean
from app.resources import resource_path
from app.services.branch import record_start_of
from app.services.context import ServiceContext
from data.repositories.ratings import RatingRepository

DEADLINE_SETTING = "ratings_deadline"  # "dd/mm", overrides the rule set's review deadline
_TEXT_LIMIT = 2000


class RatingInputError(AppError):
    """Bad rating input: ``details["detail"]`` is the Vietnamese sentence, ``details["field"]`` the field."""

    code = "rating_invalid"


@lru_cache(maxsize=1)
def builtin_rating_rules() -> RatingRules:
    path = resource_path("rules", "ratings.json")
    try:
        return RatingRules.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise StorageError("rules_invalid", path=str(path), detail=str(exc)) from exc


def parse_level(text: str | RatingLevel | None, field: str) -> RatingLevel | None:
    if isinstance(text, RatingLevel):
        return text
    try:
        return RatingLevel.parse(text)
    except ValueError:
        raise _bad(field, rmsg.LEVEL_INVALID.format(field=rmsg.FIELD.get(field, field), value=text)) from None


def _bad(field: str, sentence: str) -> RatingInputError:
    return RatingInputError(detail=sentence, field=field)


@dataclass(frozen=True, slots=True)
class SeasonRow:
    """One line of the review season: the member, their rating (if any) and what the checks see."""

    member: Member
    rating: MemberRating | None
    not_rated: str | None  # "exempt" | "new" | None
    conflicts: tuple[str, ...]  # reasons a top or second level would not fit


@dataclass(frozen=True, slots=True)
class Season:
    year: int
    deadline: date
    rows: list[SeasonRow]
    branch: BranchRating | None
    quota: rchecks.QuotaState | None
    findings: list[Finding]


class RatingService:
    def __init__(
        self,
        ctx: ServiceContext,
        unpaid_dues: Callable[[int], Mapping[int, int]] | None = None,
        rules: RatingRules | None = None,
    ) -> None:
        """*unpaid_dues(year)*: member id -> unpaid months, once the dues ledger exists (issue 13)."""
        self._ctx = ctx
        self._repo = RatingRepository(ctx.db.conn)
        self._unpaid_dues = unpaid_dues
        self._rules = rules

    # ------------------------------------------------------------------ rules and deadline
    def rules(self) -> RatingRules:
        return self._rules or builtin_rating_rules()

    def review_agenda(self, year: int) -> tuple[str, ...]:
        """The yearly review meeting's agenda of *year* (a new meeting of that kind starts with it)."""
        return self.rules().review_agenda_for(year)

    def review_meeting(self, year: int) -> MeetingOutline | None:
        """The year's recorded review meeting (MeetingKind.YEARLY_REVIEW; the last one if several), or None."""
        held = [
            f
            for f in self._ctx.meetings.figures_between(date(year, 1, 1), date(year, 12, 31))
            if f.kind is MeetingKind.YEARLY_REVIEW
        ]
        return held[-1] if held else None

    def deadline(self, year: int) -> date:
        stored = self._ctx.branch.setting(DEADLINE_SETTING, "")
        if stored:
            day, month = (int(p) for p in stored.split("/"))
            return date(year, month, day)
        return self.rules().deadline(year)

    def set_deadline(self, text: str) -> tuple[int, int]:
        """Store the review deadline as "dd/mm" (the branch's upper committee sets it). Returns (day, month)."""
        try:
            day, month = (int(p) for p in text.strip().replace("-", "/").split("/")[:2])
            date(2000, month, day)  # a leap year: 29/02 is allowed and clamps in other years
            if (day, month) == (29, 2):
                raise ValueError
        except ValueError:
            raise _bad("deadline", rmsg.DEADLINE_INVALID.format(value=text)) from None
        with self._ctx.db.transaction():
            self._ctx.branch.set_setting(DEADLINE_SETTING, f"{day:02d}/{month:02d}")
            self._ctx.log("settings", 1, "ratings_deadline", f"{day:02d}/{month:02d}")
        return day, month

    # ------------------------------------------------------------------ members
    def get(self, member_id: int, year: int) -> MemberRating | None:
        return self._repo.get(member_id, year)

    def history(self, member_id: int) -> list[MemberRating]:
        """The member's ratings, newest year first (the member's detail shows them)."""
        return self._repo.for_member(member_id)

    def set_member(self, member_id: int, year: int, **changes: Any) -> MemberRating:
        """Change the given fields of a member's rating of *year* (others kept). Keys: form, self_level,
        score, proposed, final, decided_by, decision, discipline, votes_for, votes_total, note."""
        self._check_year(year)
        member = self._ctx.members.get(member_id)
        if member is None:
            raise _bad("member", rmsg.MEMBER_UNKNOWN.format(member_id=member_id))
        if not _on_roll_in(member, year):
            raise _bad("member", rmsg.NOT_ON_ROLL.format(name=member.full_name, year=year))
        current = self._repo.get(member_id, year) or MemberRating(member_id, year)
        updated = replace(current, **self._checked(changes, year))
        with self._ctx.db.transaction():
            rating_id = self._repo.save(updated)
            self._ctx.log("rating", rating_id, "set", f"{year}: {member.full_name}")
        stored = self._repo.get(member_id, year)
        assert stored is not None
        return stored

    def _checked(self, changes: Mapping[str, Any], year: int) -> dict[str, Any]:
        allowed = {"form", "self_level", "score", "proposed", "final", "decided_by", "decision", "discipline",
                   "votes_for", "votes_total", "note"}  # fmt: skip
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"unknown rating fields {sorted(unknown)}")
        out: dict[str, Any] = {}
        for key, value in changes.items():
            if key in ("self_level", "proposed", "final"):
                out[key] = parse_level(value, "self" if key == "self_level" else key)
            elif key == "score":
                out[key] = _score(value)
            elif key == "form":
                out[key] = self._form(value, year)
            elif key in ("votes_for", "votes_total"):
                out[key] = None if value in (None, "") else int(value)
            else:
                text = clean(str(value or ""))
                if len(text) > _TEXT_LIMIT:
                    raise _bad(key, rmsg.TOO_LONG.format(field=rmsg.FIELD.get(key, key), limit=_TEXT_LIMIT))
                out[key] = text
        votes_for, votes_total = out.get("votes_for"), out.get("votes_total")
        if (votes_for is None) != (votes_total is None) or (
            votes_total is not None and not (votes_total > 0 and 0 <= votes_for <= votes_total)  # type: ignore[operator]
        ):
            raise _bad("votes", rmsg.VOTES_INVALID)
        return out

    def _form(self, value: object, year: int) -> str:
        text = clean(str(value or "")).upper().removeprefix("MẪU ").strip()
        forms = self.rules().forms_for(year)
        if not text:
            return ""
        if forms is None or text not in forms.kinds:
            kinds = ", ".join(forms.kinds) if forms else "—"
            raise _bad("form", rmsg.FORM_INVALID.format(value=value, year=year, kinds=kinds))
        return text

    def _check_year(self, year: int) -> None:
        if not 1930 <= year <= self._ctx.today().year + 1:
            raise _bad("year", rmsg.YEAR_INVALID.format(year=year))

    # ------------------------------------------------------------------ the branch
    def branch(self, year: int) -> BranchRating | None:
        """The branch's rating of *year*; its meeting day is the recorded review meeting's when there is one."""
        return _held_on(self._repo.branch(year), self.review_meeting(year))

    def set_branch(self, year: int, **changes: Any) -> BranchRating:
        """Change the given fields of the branch's own rating of *year*: self_level, score, proposed, final,
        decided_by, decision, meeting_on (a date), note."""
        self._check_year(year)
        current = self._repo.branch(year) or BranchRating(year)
        out: dict[str, Any] = {}
        for key, value in changes.items():
            if key in ("self_level", "proposed", "final"):
                out[key] = parse_level(value, "self" if key == "self_level" else key)
            elif key == "score":
                out[key] = _score(value)
            elif key == "meeting_on":
                out[key] = value if value is None or isinstance(value, date) else None
            elif key in ("decided_by", "decision", "note"):
                out[key] = clean(str(value or ""))[:_TEXT_LIMIT]
            else:
                raise TypeError(f"unknown branch rating field {key}")
        updated = replace(current, **out)
        with self._ctx.db.transaction():
            self._repo.save_branch(updated)
            self._ctx.log("branch_rating", year, "set", str(year))
        return updated

    # ------------------------------------------------------------------ the season and its checks
    def data(self, year: int, branch: BranchData | None = None) -> rchecks.RatingData:
        """What the rating checks of *year* read; *branch*: the check run's data of that year, whose roll and
        Art. 8 months are reused rather than read again."""
        ctx = self._ctx
        rules = self.rules()
        # streaks of 5, 10 … years: ten years back is enough for the findings of one year
        since = year - 2 * rules.commendation_years + 1
        held = self.review_meeting(year)
        return rchecks.RatingData(
            year=year,
            today=ctx.today(),
            members=branch.members if branch is not None else ctx.members.all(),
            ratings=self._repo.for_year(year),
            rules=rules,
            deadline=self.deadline(year),
            unexcused_alert=ctx.rules.unexcused_alert,
            branch=_held_on(self._repo.branch(year), held),
            review_meeting_on=held.on if held else None,
            history=self._repo.final_levels(since, year),
            unexcused=_unexcused(branch, year) if branch is not None else self._unexcused(year),
            unpaid_dues=self._unpaid_dues(year) if self._unpaid_dues else {},
            record_start=branch.record_start if branch is not None else record_start_of(ctx),
        )

    def _unexcused(self, year: int) -> Mapping[int, list[int]]:
        """Art. 8 months of *year* through the attendance kernel (when the check run did not pass them)."""
        rows = self._ctx.meetings.attendance_rows(date(year, 1, 1), date(year, 12, 31), attendance.ART8_CODES)
        by_year = attendance.unexcused_months(attendance.month_codes(rows))
        return {member_id: list(months) for member_id, months in by_year.get(year, {}).items()}

    def findings(self, year: int, branch: BranchData | None = None) -> list[Finding]:
        """The rating findings of *year* (the check run adds them to the branch's others, passing its data)."""
        return rchecks.run_all(self.data(year, branch))

    def season(self, year: int) -> Season:
        """Everything the review screen and the documents show of a year, from one load."""
        data = self.data(year)
        ratings = {r.member_id: r for r in data.ratings}
        reviewed = rchecks.reviewed_members(data.members, year, data.deadline)
        ids = {m.id for m in reviewed}
        reviewed += [m for m in data.members if m.id in ratings and m.id not in ids]  # rated, since left
        rows = [
            SeasonRow(
                member=m,
                rating=ratings.get(m.id),  # type: ignore[arg-type]
                not_rated=rchecks.not_rated_reason(m, year, data.rules, data.deadline),
                conflicts=tuple(rchecks.conflict_reasons(m, ratings.get(m.id), data)),  # type: ignore[arg-type]
            )
            for m in reviewed
        ]
        return Season(
            year=year,
            deadline=data.deadline,
            rows=rows,
            branch=data.branch,
            quota=rchecks.quota_state(data.ratings, data.rules, year),
            findings=rchecks.run_all(data),
        )

    def level_counts(self, year: int) -> dict[str, int]:
        return self._repo.level_counts(year)


def _held_on(rating: BranchRating | None, held: MeetingOutline | None) -> BranchRating | None:
    """The branch rating with the recorded review meeting's day (the record of the sitting wins)."""
    if rating is None or held is None or rating.meeting_on == held.on:
        return rating
    return replace(rating, meeting_on=held.on)


def _unexcused(branch: BranchData, year: int) -> Mapping[int, list[int]]:
    return {member_id: list(months) for member_id, months in (branch.unexcused or {}).get(year, {}).items()}


def _score(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        score = float(str(value).replace(",", "."))
    except ValueError:
        raise _bad("score", rmsg.SCORE_INVALID) from None
    if not 0 <= score <= 100:
        raise _bad("score", rmsg.SCORE_INVALID)
    return score


def _on_roll_in(member: Member, year: int) -> bool:
    """On this branch's roll on some day of *year*."""
    left = member.left_on()
    return member.roll_start <= date(year, 12, 31) and (left is None or left >= date(year, 1, 1))


def quota_line(season: Season, ratings: RatingService) -> str:
    """ "3/2 đồng chí HTXSNV (tối đa 20% của 14 đồng chí HTTNV)", or a sentence saying there is no cap."""
    rules = ratings.rules()
    quota = rules.quota_for(season.year)
    if season.quota is None or quota is None:
        return rmsg.QUOTA_NONE.format(year=season.year)
    q = season.quota
    return rmsg.QUOTA_LINE.format(
        top=q.top, allowed=q.allowed, top_short=rules.short_label(quota.top_level), pct=vntext.percent(quota.max_pct, 0),
        second=q.second, second_short=rules.short_label(quota.of_level),
    )  # fmt: skip


def rating_figures(ctx: ServiceContext, period: Period) -> dict[str, int]:
    """The year's ratings for a report or summary whose period ends the year (Q4, H2, the year): members per
    effective level, and 1 for the branch's own level, so that consolidation counts levels across branches.
    Empty for other periods, and while nothing of that year is recorded."""
    if (period.end.month, period.end.day) != (12, 31):
        return {}
    repo = RatingRepository(ctx.db.conn)
    year = period.end.year
    counts = repo.level_counts(year)
    branch = repo.branch(year)
    if not counts and branch is None:
        return {}
    figures = {f"ratings_{level.value}": counts.get(level.value, 0) for level in RatingLevel}
    own = branch.effective if branch else None
    figures.update({f"branch_rating_{level.value}": int(own is level) for level in RatingLevel})
    return figures
