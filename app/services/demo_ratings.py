"""Demo ratings: five years of history, last year complete with one planted conflict and an exceeded quota.

Called by DemoService.fill inside its transaction (writes through the repository, never commits).
Deterministic for the demo's members and today's date. In the review season (from November) the
current year has self-assessments and the branch's proposals, one more at the top than the cap allows and
an Art. 8 member proposed too high.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from app.domain import checks_ratings as rchecks
from app.domain.membership import Member, PartyPosition
from app.domain.ratings import BranchRating, MemberRating, RatingLevel
from app.services.context import ServiceContext
from app.services.ratings import builtin_rating_rules
from data.repositories.ratings import RatingRepository

UPPER = "Ban Thường vụ Đảng ủy Khối"
DISCIPLINE = "Khiển trách (Quyết định số 07-QĐ/ĐUK ngày 12/6/{year})"
_SCORE = {
    RatingLevel.XUAT_SAC: (90, 96),
    RatingLevel.TOT: (75, 88),
    RatingLevel.HOAN_THANH: (55, 68),
    RatingLevel.KHONG_HOAN_THANH: (30, 45),
}


def fill_ratings(ctx: ServiceContext, roll: Sequence[Member], today: date, seed: int = 2026) -> int:
    """Write the demo ratings; returns how many member ratings were written."""
    rng = random.Random(seed * 7 + 14)
    repo = RatingRepository(ctx.db.conn)
    rules = builtin_rating_rules()
    problems = [m for m in roll[15:16] if m.id is not None]  # the Art. 8 alert member of the demo meetings
    written = 0
    last = today.year - 1
    first = today.year - 5
    # On the roll all five years and at the top each year: the commendation candidate of last year.
    veteran = next((m for m in roll[1:] if m.roll_start.year < first and m.left_on() is None
                    and rchecks.not_rated_reason(m, first, rules, rules.deadline(first)) is None), None)  # fmt: skip
    for year in range(first, today.year + 1):
        in_season = year == today.year
        if in_season and today.month < 11:
            break
        deadline = rules.deadline(year)
        on = min(deadline, today)
        rated = [
            m for m in rchecks.reviewed_members(roll, year, on) if rchecks.not_rated_reason(m, year, rules, on) is None
        ]
        over_cap = year in (last, today.year)  # last year's decisions and this season's proposals
        levels = _levels(_first(veteran, rated), over_cap, rng)
        if in_season:  # this season: the branch proposes the Art. 8 member for the second level
            levels.update({p.id: RatingLevel.TOT for p in problems if p.id in levels})
        forms = rules.forms_for(year)
        for member in rated:
            assert member.id is not None
            level = levels[member.id]
            lo, hi = _SCORE[level]
            self_level = RatingLevel.XUAT_SAC if level is RatingLevel.XUAT_SAC or rng.random() < 0.1 else level
            votes_total = len(rated) - rng.randint(0, 2)
            repo.save(
                MemberRating(
                    member_id=member.id,
                    year=year,
                    form=_form(member, forms.default if forms else ""),
                    self_level=self_level,
                    score=float(rng.randint(lo, hi)) if rules.uses_score(year) else None,
                    proposed=level,
                    final=None if in_season else level,
                    decided_by="" if in_season else UPPER,
                    decision="" if in_season else f"Quyết định số {rng.randint(20, 60)}-QĐ/ĐUK ngày 20/01/{year + 1}",
                    discipline=DISCIPLINE.format(year=year) if year == last and member is _disciplined(rated) else "",
                    votes_for=votes_total - rng.randint(0, 1),
                    votes_total=votes_total,
                )
            )
            written += 1
        repo.save_branch(
            BranchRating(
                year=year,
                self_level=RatingLevel.TOT,
                proposed=RatingLevel.TOT,
                final=None if in_season else RatingLevel.TOT,
                decided_by="" if in_season else UPPER,
                decision="" if in_season else f"Quyết định số 15-QĐ/ĐUK ngày 22/01/{year + 1}",
                meeting_on=date(year, 11, 28) if date(year, 11, 28) <= today else None,
            )
        )
    return written


def _first(veteran: Member | None, rated: Sequence[Member]) -> list[Member]:
    """*rated* with the veteran moved to the front (the top level goes to the first ones)."""
    if veteran is None or veteran not in rated:
        return list(rated)
    return [veteran, *(m for m in rated if m is not veteran)]


def _disciplined(rated: Sequence[Member]) -> Member | None:
    """The member whose discipline last year meets a second-level rating: the planted conflict."""
    return rated[5] if len(rated) > 5 else None


def _levels(rated: Sequence[Member], over_quota: bool, rng: random.Random) -> dict[int, RatingLevel]:
    """The secretary and one member at the top every year; last year one more than the 20 % cap allows."""
    n = len(rated)
    top = 2 if n >= 10 else 1
    if over_quota:
        while top < n - 1 and top <= (n - top - 1) * 20 // 100:
            top += 1
    out: dict[int, RatingLevel] = {}
    order = [*rated[0:2], *rated[3:4], *rated[2:3], *rated[4:]] if n > 4 else list(rated)
    for i, member in enumerate(order):
        assert member.id is not None
        if i < top:
            out[member.id] = RatingLevel.XUAT_SAC
        elif i == n - 1:
            out[member.id] = RatingLevel.HOAN_THANH
        else:
            out[member.id] = RatingLevel.TOT
    if n > 6 and rng.random() < 0.5:
        out[order[-2].id] = RatingLevel.HOAN_THANH  # type: ignore[index]
    return out


def _form(member: Member, default: str) -> str:
    if (
        member.party_position in (PartyPosition.BI_THU, PartyPosition.PHO_BI_THU)
        or "Hiệu trưởng" in member.job_position
    ):
        return "2A"
    return default if default != "2C" else "2B"
