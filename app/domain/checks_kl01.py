"""Rule checks of "học tập và làm theo Bác": plans, year-end reviews, commitments not kept. Pure functions.

plan_missing and review_missing are warnings once their deadline (data, resources/rules/kl01.json) has
passed; commitment_not_kept is info for the secretary to raise at a meeting, never printed in documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from app.domain import messages_kl01 as mk
from app.domain.dates import format_dmy
from app.domain.findings import Finding, RuleId, Severity
from app.domain.kl01 import EXPECTED_STATUSES, ReviewStage, YearRecord
from app.domain.kl01_rules import Kl01Rules
from app.domain.membership import Member


def _due_for(member: Member, due: date, rules: Kl01Rules) -> date:
    """A member who came onto the roll after the deadline gets the grace days from that day."""
    if member.roll_start > due:
        return member.roll_start + timedelta(days=rules.new_member_grace_days)
    return due


def _expected(member: Member, due: date, today: date) -> bool:
    """Active here (full or probationary) both on the deadline and today: exempt, away, suspended are not."""
    return member.status_on(today) in EXPECTED_STATUSES and member.status_on(due) in EXPECTED_STATUSES


def plan_missing(members: Sequence[Member], record: YearRecord, rules: Kl01Rules, today: date) -> list[Finding]:
    findings = []
    year = record.year
    for member in members:
        if member.id is None:
            continue
        due = _due_for(member, rules.plan_due(year), rules)
        if today <= due or due.year != year or not _expected(member, due, min(today, date(year, 12, 31))):
            continue
        plan = record.plans.get(member.id)
        if plan is not None and plan.signed_on is not None:
            continue
        findings.append(
            Finding(
                RuleId.PLAN_MISSING,
                Severity.WARNING,
                mk.PLAN_MISSING.format(name=member.full_name, year=year, deadline=format_dmy(due)),
                member_id=member.id,
                period=str(year),
            )
        )
    return findings


def review_missing(members: Sequence[Member], record: YearRecord, rules: Kl01Rules, today: date) -> list[Finding]:
    """A signed plan with no year-end self-review after the review deadline (a missing plan is plan_missing's)."""
    findings = []
    year = record.year
    due = rules.review_due(year)
    if today <= due:
        return findings
    by_id = {m.id: m for m in members}
    for member_id, plan in sorted(record.plans.items()):
        member = by_id.get(member_id)
        if member is None or not plan.signed or plan.year_end is not None:
            continue
        if not _expected(member, due, min(today, date(year, 12, 31))):
            continue
        findings.append(
            Finding(
                RuleId.REVIEW_MISSING,
                Severity.WARNING,
                mk.REVIEW_MISSING.format(name=member.full_name, year=year, deadline=format_dmy(due)),
                member_id=member_id,
                period=str(year),
            )
        )
    return findings


def commitment_not_kept(members: Sequence[Member], record: YearRecord, rules: Kl01Rules, today: date) -> list[Finding]:
    names = {m.id: m.full_name for m in members}
    findings = []
    for member_id, plan in sorted(record.plans.items()):
        if not plan.not_kept:
            continue
        stage = ReviewStage.YEAR_END if plan.year_end is not None else ReviewStage.MIDYEAR
        findings.append(
            Finding(
                RuleId.COMMITMENT_NOT_KEPT,
                Severity.INFO,
                mk.COMMITMENT_NOT_KEPT.format(
                    name=names.get(member_id, f"#{member_id}"), year=record.year, stage=mk.STAGE[stage.value]
                ),
                member_id=member_id,
                period=str(record.year),
            )
        )
    return findings


CHECKS = (plan_missing, review_missing, commitment_not_kept)


def run_all(members: Sequence[Member], record: YearRecord, rules: Kl01Rules, today: date) -> list[Finding]:
    return [f for check in CHECKS for f in check(members, record, rules, today)]
