"""The rule set: thresholds and templates that regulations fix, held as data (resources/rules/*.json).

No I/O here: app.services.rules loads the JSON and calls ``RuleSet.from_dict``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.models import MeetingKind


@dataclass(frozen=True, slots=True)
class RuleSet:
    id: str = "builtin"
    title: str = ""
    min_duration: Mapping[str, int] = field(
        default_factory=lambda: {"thuong_ky": 90, "chuyen_de": 90, "ket_hop": 120, "bat_thuong": 0}
    )
    unexcused_warning: int = 2
    unexcused_alert: int = 3
    attendance_warning_below: float = 90.0
    attendance_alert_below: float = 50.0
    probation_months: int = 12
    probation_remind_days: int = 30
    badge_years: tuple[int, ...] = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
    badge_remind_days: int = 60
    probationary_vote_on_member_matters: bool = False
    regulations: Mapping[str, str] = field(default_factory=dict)
    agenda: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def min_duration_for(self, kind: MeetingKind) -> int:
        return int(self.min_duration.get(kind.value, 0))

    def agenda_for(self, kind: MeetingKind) -> tuple[str, ...]:
        return tuple(self.agenda.get(kind.value, ()))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleSet:
        """Build from the JSON shape of resources/rules/default.json; raises ValueError on bad shapes."""
        try:
            unexcused = data.get("unexcused_absence_months", {})
            attendance = data.get("attendance_pct", {})
            defaults = cls()
            rules = cls(
                id=str(data.get("id", defaults.id)),
                title=str(data.get("title", "")),
                min_duration={
                    str(k): int(v) for k, v in data.get("min_duration_minutes", defaults.min_duration).items()
                },
                unexcused_warning=int(unexcused.get("warning", defaults.unexcused_warning)),
                unexcused_alert=int(unexcused.get("alert", defaults.unexcused_alert)),
                attendance_warning_below=float(attendance.get("warning_below", defaults.attendance_warning_below)),
                attendance_alert_below=float(attendance.get("alert_below", defaults.attendance_alert_below)),
                probation_months=int(data.get("probation_months", defaults.probation_months)),
                probation_remind_days=int(data.get("probation_remind_days", defaults.probation_remind_days)),
                badge_years=tuple(int(y) for y in data.get("badge_years", defaults.badge_years)),
                badge_remind_days=int(data.get("badge_remind_days", defaults.badge_remind_days)),
                probationary_vote_on_member_matters=bool(data.get("probationary_vote_on_member_matters", False)),
                regulations={str(k): str(v) for k, v in data.get("regulations", {}).items()},
                agenda={str(k): tuple(str(i) for i in v) for k, v in data.get("agenda", {}).items()},
            )
        except (AttributeError, TypeError, ValueError) as exc:
            raise ValueError(f"rule set has a malformed value: {exc}") from exc
        if not 0 < rules.unexcused_warning <= rules.unexcused_alert:
            raise ValueError("unexcused thresholds must satisfy 0 < warning <= alert")
        return rules

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": 1,
            "id": self.id,
            "title": self.title,
            "min_duration_minutes": dict(self.min_duration),
            "unexcused_absence_months": {"warning": self.unexcused_warning, "alert": self.unexcused_alert},
            "attendance_pct": {
                "warning_below": self.attendance_warning_below,
                "alert_below": self.attendance_alert_below,
            },
            "probation_months": self.probation_months,
            "probation_remind_days": self.probation_remind_days,
            "badge_years": list(self.badge_years),
            "badge_remind_days": self.badge_remind_days,
            "probationary_vote_on_member_matters": self.probationary_vote_on_member_matters,
            "regulations": dict(self.regulations),
            "agenda": {k: list(v) for k, v in self.agenda.items()},
        }
