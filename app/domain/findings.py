"""What a rule check says (kết quả kiểm tra): a finding, its rule and its severity. No I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class RuleId(StrEnum):
    """Every rule a check can report; the value is what rule files, the CLI and stored settings name."""

    MONTHLY_MEETING_MISSING = "monthly_meeting_missing"  # a month without a regular meeting
    THEMATIC_MEETING_MISSING = "thematic_meeting_missing"  # a quarter without a thematic meeting
    UNEXCUSED_ABSENCES = "unexcused_absences"  # Art. 8: months absent without reason
    PROBATION_ENDING = "probation_ending"  # probation ends (or ended) without recognition
    PARTY_BADGE_DUE = "party_badge_due"  # a Party-age badge falls due
    MEETING_TOO_SHORT = "meeting_too_short"  # shorter than the rule set's minimum
    LOW_ATTENDANCE = "low_attendance"  # attendance below the threshold
    TOPIC_UNASSIGNED = "topic_unassigned"  # a quarter's topic not assigned
    TOPIC_NOT_PRESENTED = "topic_not_presented"  # an assigned topic not presented
    PLAN_MISSING = "plan_missing"  # kl01: no personal plan by the deadline
    REVIEW_MISSING = "review_missing"  # kl01: no year-end self-review
    COMMITMENT_NOT_KEPT = "commitment_not_kept"  # kl01: a commitment reviewed as not done
    RATING_MISSING = "rating_missing"  # no quality rating after the review deadline
    REVIEW_MEETING_MISSING = "review_meeting_missing"  # rated, but no yearly review meeting recorded
    RATING_QUOTA_EXCEEDED = "rating_quota_exceeded"  # too many rated excellent
    RATING_CONFLICT = "rating_conflict"  # a rating the year's record contradicts
    COMMENDATION_CANDIDATE = "commendation_candidate"  # rated excellent years running
    DUES_UNPAID = "dues_unpaid"  # Art. 8: months of dues unpaid
    DUES_BASIS_MISSING = "dues_basis_missing"  # no basis to compute a member's dues


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ALERT = "alert"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "alert": 2}[self.value]


class QuorumLevel(StrEnum):
    """How a meeting's attendance stands against the rule set (app.domain.attendance.quorum_verdict decides)."""

    NONE = "info"  # nobody had to attend
    OK = "ok"
    WARNING = "warning"  # below the rule set's warning threshold (scoring)
    ALERT = "alert"  # at or below the alert threshold: no resolution can pass


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a rule check: what, how serious, and what it concerns."""

    rule: RuleId
    severity: Severity
    message: str
    member_id: int | None = None
    meeting_id: int | None = None
    period: str = ""  # "2026-03", "2026-Q1", "2026"
    # What the sentence was made from ({"months": (2, 5, 7), "name": …}), so a report can say it again in the
    # branch's own voice. Not part of equality: two findings saying the same thing are the same finding.
    facts: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
