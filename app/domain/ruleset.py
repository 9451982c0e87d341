"""The rule set: thresholds and templates that regulations fix, held as data (resources/rules/*.json).

Regulations change (QĐ 24-QĐ/TW 2021 gave way to QĐ 294-QĐ/TW on 1/7/2025): every citation and every rule's legal
basis carries the dates it applies to, and ``RuleSet.on(day)`` gives the set in force on the day judged, so a 2024
meeting is judged and cited by the rules of 2024. The top-level values stay the current ones for every caller.

No I/O here: app.services.branch loads the JSON and calls ``RuleSet.from_dict``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from app.domain.meeting_record import MeetingKind


@dataclass(frozen=True, slots=True)
class DatedText:
    """A text valid from *start* to *end* (both inclusive; None: open-ended), with where it was checked.

    ``key`` names what it is: a regulation slot ("implementing", "meeting_guide" …) for a citation, or a rule
    ("low_attendance" …) for a legal basis, whose text may name regulation slots as {implementing}."""

    key: str
    text: str
    start: date | None = None
    end: date | None = None
    verified: bool = True
    note: str = ""  # the source, or what is still open when not verified

    def applies(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], key_field: str) -> DatedText:
        return cls(
            key=str(data[key_field]),
            text=str(data["text"]),
            start=date.fromisoformat(data["from"]) if data.get("from") else None,
            end=date.fromisoformat(data["until"]) if data.get("until") else None,
            verified=bool(data.get("verified", True)),
            note=str(data.get("note", "")),
        )

    def to_dict(self, key_field: str) -> dict[str, Any]:
        out: dict[str, Any] = {key_field: self.key, "text": self.text}
        out["from"] = self.start.isoformat() if self.start else None
        out["until"] = self.end.isoformat() if self.end else None
        out["verified"] = self.verified
        if self.note:
            out["note"] = self.note
        return out


_SLOT = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class RuleSet:
    id: str = "builtin"
    title: str = ""
    min_duration: Mapping[str, int] = field(
        default_factory=lambda: {"thuong_ky": 90, "chuyen_de": 90, "ket_hop": 120, "bat_thuong": 0, "kiem_diem": 0}
    )
    unexcused_warning: int = 2
    unexcused_alert: int = 3
    attendance_warning_below: float = 90.0
    attendance_alert_below: float = 50.0
    probation_months: int = 12
    probation_remind_days: int = 30
    badge_years: tuple[int, ...] = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
    badge_remind_days: int = 60
    regulations: Mapping[str, str] = field(default_factory=dict)
    agenda: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    citations: tuple[DatedText, ...] = ()  # regulation slot -> its text, by date range
    bases: tuple[DatedText, ...] = ()  # rule (a check's name) -> its legal basis, by date range
    open_points: tuple[str, ...] = ()  # what could not be verified, said once for the whole set

    # ------------------------------------------------------------------ in force by date
    def regulations_on(self, day: date) -> dict[str, str]:
        """Regulation slot -> citation in force on *day* (the undated ``regulations`` where nothing is dated)."""
        out = dict(self.regulations)
        for c in self.citations:
            if c.applies(day):
                out[c.key] = c.text
        return out

    def on(self, day: date) -> RuleSet:
        """The rule set as it stood on *day*: its citations those in force that day."""
        if not self.citations:
            return self
        return replace(self, regulations=self.regulations_on(day))

    def basis(self, rule: str, day: date) -> DatedText | None:
        """The legal basis of *rule* in force on *day*, its regulation slots filled in, or None."""
        entry = next((b for b in self.bases if b.key == rule and b.applies(day)), None)
        if entry is None:
            return None
        regulations = self.regulations_on(day)
        return replace(entry, text=_SLOT.sub(lambda m: regulations.get(m.group(1), m.group(0)), entry.text))

    def cite(self, rule: str, day: date) -> str:
        """ "Điều 8 Điều lệ Đảng; Quy định số 294-QĐ/TW …" for *rule* on *day*; empty when none is recorded."""
        entry = self.basis(rule, day)
        return entry.text if entry else ""

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
                regulations={str(k): str(v) for k, v in data.get("regulations", {}).items()},
                agenda={str(k): tuple(str(i) for i in v) for k, v in data.get("agenda", {}).items()},
                citations=tuple(DatedText.from_dict(c, "slot") for c in data.get("citations", ())),
                bases=tuple(DatedText.from_dict(b, "rule") for b in data.get("bases", ())),
                open_points=tuple(str(x) for x in data.get("open", ())),
            )
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"rule set has a malformed value: {exc}") from exc
        if not 0 < rules.unexcused_warning <= rules.unexcused_alert:
            raise ValueError("unexcused thresholds must satisfy 0 < warning <= alert")
        return rules

    def to_dict(self) -> dict[str, Any]:
        out = self._thresholds_dict()
        if self.citations:
            out["citations"] = [c.to_dict("slot") for c in self.citations]
        if self.bases:
            out["bases"] = [b.to_dict("rule") for b in self.bases]
        if self.open_points:
            out["open"] = list(self.open_points)
        return out

    def _thresholds_dict(self) -> dict[str, Any]:
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
            "regulations": dict(self.regulations),
            "agenda": {k: list(v) for k, v in self.agenda.items()},
        }
