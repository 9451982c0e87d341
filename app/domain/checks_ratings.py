"""Rule checks of the yearly review and rating: pure functions returning findings. No I/O, no clock.

rating_missing (after the review deadline), review_meeting_missing (rated, but no review meeting recorded
by the deadline), rating_quota_exceeded (the cap on the top level, from the
rule set in force), rating_conflict (a top or second level against an Art. 8 alert, unpaid dues or a
discipline in the year) and commendation_candidate (the top level for the years the commendation rules
name). The service loads the data once; the review screen calls the same functions for its live view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.domain import messages_ratings as rmsg
from app.domain import vntext
from app.domain.dates import add_months, format_dmy
from app.domain.findings import Finding, RuleId, Severity
from app.domain.membership import Member, MemberStatus, StatusEventKind
from app.domain.rating_rules import RatingRules
from app.domain.ratings import BranchRating, MemberRating, RatingLevel

#: Members active here temporarily are reviewed by their home branch (assumption, see README).
_NOT_REVIEWED_HERE = frozenset({MemberStatus.VISITING})


@dataclass(frozen=True, slots=True)
class RatingData:
    """What the rating checks of one year read, loaded once by the service."""

    year: int
    today: date
    members: Sequence[Member]
    ratings: Sequence[MemberRating]  # this year's
    rules: RatingRules
    deadline: date
    unexcused_alert: int = 3  # the Art. 8 alert threshold of the meeting rule set
    branch: BranchRating | None = None
    history: Mapping[int, Mapping[int, RatingLevel]] = field(default_factory=dict)  # member -> year -> final level
    unexcused: Mapping[int, Sequence[int]] = field(default_factory=dict)  # member -> months of the year
    unpaid_dues: Mapping[int, int] = field(default_factory=dict)  # member -> unpaid months (once dues exist)
    record_start: date | None = None  # the branch's record starts here: an earlier review is never "missing"
    review_meeting_on: date | None = None  # the day of the year's recorded review meeting (MeetingKind.YEARLY_REVIEW)


def not_rated_reason(member: Member, year: int, rules: RatingRules, on: date) -> str | None:
    """Why a member on the roll is reviewed but not rated in *year* ("exempt", "new"), or None."""
    status = member.status_on(on)
    if rules.exempt_not_rated and status is MemberStatus.EXEMPT:
        return "exempt"
    if status is MemberStatus.PROBATIONARY and add_months(member.joined_on, rules.probation_min_months) > on:
        return "new"
    return None


def reviewed_members(members: Sequence[Member], year: int, on: date) -> list[Member]:
    """Members this branch reviews for *year*: on the roll on *on* (the deadline), minus visitors."""
    out = []
    for m in members:
        status = m.status_on(on)
        if m.id is not None and status.on_roll and status not in _NOT_REVIEWED_HERE:
            out.append(m)
    return out


@dataclass(frozen=True, slots=True)
class QuotaState:
    """The live count against the cap: *top* at the top level, *allowed* of *second* at the second."""

    top: int
    second: int
    allowed: int
    exceeded: bool


def quota_state(ratings: Sequence[MemberRating], rules: RatingRules, year: int) -> QuotaState | None:
    """The cap in force for *year* applied to the effective levels (final, else proposed); None: no cap."""
    quota = rules.quota_for(year)
    if quota is None:
        return None
    top = sum(1 for r in ratings if r.effective is quota.top_level)
    second = sum(1 for r in ratings if r.effective is quota.of_level)
    allowed = quota.allowed(second)
    return QuotaState(top, second, allowed, top > allowed)


def rating_missing(data: RatingData) -> list[Finding]:
    """After the deadline: members expected to be rated without the branch's proposal; the branch's own."""
    if data.today <= data.deadline or (data.record_start is not None and data.deadline < data.record_start):
        return []
    rated = {r.member_id for r in data.ratings if r.proposed is not None or r.final is not None}
    missing = [
        m
        for m in reviewed_members(data.members, data.year, data.deadline)
        if m.id not in rated and not_rated_reason(m, data.year, data.rules, data.deadline) is None
    ]
    findings = []
    if missing:
        findings.append(
            Finding(
                RuleId.RATING_MISSING,
                Severity.WARNING,
                rmsg.MISSING_MEMBERS.format(
                    year=data.year,
                    deadline=format_dmy(data.deadline),
                    count=len(missing),
                    names=", ".join(m.full_name for m in missing),
                ),
                member_id=missing[0].id if len(missing) == 1 else None,
                period=str(data.year),
            )
        )
    branch = data.branch
    if branch is None or (branch.self_level is None and branch.final is None):
        findings.append(
            Finding(
                RuleId.RATING_MISSING,
                Severity.WARNING,
                rmsg.MISSING_BRANCH.format(year=data.year, deadline=format_dmy(data.deadline)),
                period=str(data.year),
            )
        )
    return findings


def review_meeting_missing(data: RatingData) -> list[Finding]:
    """After the deadline: members are rated but no review meeting of the year is recorded to rate them in."""
    if data.today <= data.deadline or data.review_meeting_on is not None:
        return []
    if data.record_start is not None and data.deadline < data.record_start:
        return []
    rated = sum(1 for r in data.ratings if r.effective is not None or r.self_level is not None)
    if not rated:
        return []
    guide = next((p for p in data.rules.provisions_for(data.year) if p.key == "guide"), None)
    if guide is None:
        guide = next((p for p in data.rules.provisions_for(data.year) if p.key == "regulation"), None)
    provision = (
        rmsg.NO_PROVISION
        if guide is None
        else rmsg.PROVISION.format(
            text=guide.text,
            since=format_dmy(guide.valid_from) if guide.valid_from else "…",
            until=rmsg.PROVISION_UNTIL.format(day=format_dmy(guide.valid_until)) if guide.valid_until else "",
            unverified="" if guide.verified else rmsg.UNVERIFIED,
        )
    )
    return [
        Finding(
            RuleId.REVIEW_MEETING_MISSING,
            Severity.WARNING,
            rmsg.REVIEW_MEETING_MISSING.format(
                year=data.year, count=rated, deadline=format_dmy(data.deadline), provision=provision
            ),
            period=str(data.year),
        )
    ]


def rating_quota_exceeded(data: RatingData) -> list[Finding]:
    state = quota_state(data.ratings, data.rules, data.year)
    quota = data.rules.quota_for(data.year)
    if state is None or quota is None or not state.exceeded:
        return []
    return [
        Finding(
            RuleId.RATING_QUOTA_EXCEEDED,
            Severity.WARNING,
            rmsg.QUOTA_EXCEEDED.format(
                year=data.year,
                top=state.top,
                top_label=data.rules.label(quota.top_level),
                allowed=state.allowed,
                pct=vntext.percent(quota.max_pct, 0),
                second=state.second,
                second_label=data.rules.label(quota.of_level),
                basis=quota.basis + ("" if quota.verified else " — chưa kiểm chứng"),
            ),
            period=str(data.year),
        )
    ]


def conflict_reasons(member: Member, rating: MemberRating | None, data: RatingData) -> list[str]:
    """Why a top or second level would not fit this member's year (empty: no conflict)."""
    reasons = []
    months = len(data.unexcused.get(member.id or -1, ()))
    if months >= data.unexcused_alert:
        reasons.append(rmsg.CONFLICT_UNEXCUSED.format(count=months))
    unpaid = data.unpaid_dues.get(member.id or -1, 0)
    if unpaid >= data.rules.unpaid_dues_months:
        reasons.append(rmsg.CONFLICT_DUES.format(count=unpaid))
    if rating is not None and rating.discipline.strip():
        reasons.append(rmsg.CONFLICT_DISCIPLINE.format(what=rating.discipline.strip()))
    for event in member.events:
        if event.kind in (StatusEventKind.SUSPENDED, StatusEventKind.EXPELLED) and event.on.year == data.year:
            reasons.append(rmsg.CONFLICT_SUSPENDED.format(day=format_dmy(event.on)))
    return reasons


def rating_conflict(data: RatingData) -> list[Finding]:
    members = {m.id: m for m in data.members}
    findings = []
    for rating in data.ratings:
        level = rating.effective
        member = members.get(rating.member_id)
        if member is None or level not in data.rules.conflict_levels:
            continue
        reasons = conflict_reasons(member, rating, data)
        if reasons:
            findings.append(
                Finding(
                    RuleId.RATING_CONFLICT,
                    Severity.ALERT,
                    rmsg.CONFLICT.format(
                        name=member.full_name,
                        level=data.rules.label(level),
                        year=data.year,
                        reasons="; ".join(reasons),
                        basis=data.rules.conflict_basis,
                    ),
                    member_id=member.id,
                    period=str(data.year),
                )
            )
    return findings


def streak(history: Mapping[int, RatingLevel], year: int, level: RatingLevel) -> int:
    """Consecutive years ending with *year* whose final level is *level*."""
    count = 0
    while history.get(year - count) is level:
        count += 1
    return count


def commendation_candidate(data: RatingData) -> list[Finding]:
    """Members whose final level was the top one for the consecutive years the commendation rules name."""
    rules = data.rules
    findings = []
    for member in data.members:
        if member.id is None:
            continue
        run = streak(data.history.get(member.id, {}), data.year, rules.commendation_level)
        if run < rules.commendation_years or run % rules.commendation_years:
            continue  # 5, 10 … years running; not every year after the fifth
        findings.append(
            Finding(
                RuleId.COMMENDATION_CANDIDATE,
                Severity.INFO,
                rmsg.COMMENDATION.format(
                    name=member.full_name,
                    level=rules.label(rules.commendation_level),
                    years=run,
                    first=data.year - run + 1,
                    last=data.year,
                    basis=rules.commendation_basis,
                ),
                member_id=member.id,
                period=str(data.year),
            )
        )
    return findings


CHECKS = (rating_missing, review_meeting_missing, rating_quota_exceeded, rating_conflict, commendation_candidate)


def run_all(data: RatingData) -> list[Finding]:
    return [f for check in CHECKS for f in check(data)]
