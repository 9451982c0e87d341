"""The rating rule set (resources/rules/ratings.json) as plain data, and which entry is in force on a day.

No I/O: app.services.ratings reads the JSON and calls ``RatingRules.from_dict``. Every entry keeps its
legal basis, its date range and whether it was verified, so documents and findings can cite it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.ratings import RatingLevel


@dataclass(frozen=True, slots=True)
class Provision:
    """One regulation, guide or yearly instruction, with the days it applies to."""

    key: str  # "regulation" | "guide" | "yearly" | "commendation"
    text: str
    valid_from: date | None = None
    valid_until: date | None = None
    verified: bool = False
    note: str = ""

    def in_force(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True, slots=True)
class Quota:
    """At most *max_pct* % of those at *of_level* may be at *top_level* (HD 21: 20 % of HTTNV)."""

    top_level: RatingLevel
    of_level: RatingLevel
    max_pct: float
    basis: str
    verified: bool = False
    valid_from: date | None = None
    valid_until: date | None = None

    def allowed(self, at_of_level: int) -> int:
        """How many may be at the top level when *at_of_level* are at the second (rounded down)."""
        return int(at_of_level * self.max_pct // 100)


@dataclass(frozen=True, slots=True)
class FormSet:
    kinds: Mapping[str, str]  # "2C" -> "Mẫu 2C — …"
    default: str
    basis: str
    verified: bool = False
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True, slots=True)
class ScoreScale:
    uses_score: bool
    basis: str
    verified: bool = False
    valid_from: date | None = None
    valid_until: date | None = None


def _in_force(entry: Any, day: date) -> bool:
    return (entry.valid_from is None or entry.valid_from <= day) and (
        entry.valid_until is None or day <= entry.valid_until
    )


@dataclass(frozen=True, slots=True)
class RatingRules:
    id: str = "builtin"
    provisions: Sequence[Provision] = ()
    labels: Mapping[RatingLevel, str] = field(default_factory=dict)
    short: Mapping[RatingLevel, str] = field(default_factory=dict)
    min_score: Mapping[RatingLevel, float] = field(default_factory=dict)
    scales: Sequence[ScoreScale] = ()
    forms: Sequence[FormSet] = ()
    deadline_month: int = 12
    deadline_day: int = 15
    deadline_basis: str = ""
    quotas: Sequence[Quota] = ()
    conflict_levels: frozenset[RatingLevel] = frozenset({RatingLevel.EXCELLENT, RatingLevel.GOOD})
    unpaid_dues_months: int = 3
    conflict_basis: str = ""
    commendation_years: int = 5
    commendation_level: RatingLevel = RatingLevel.EXCELLENT
    commendation_basis: str = ""
    exempt_not_rated: bool = True
    probation_min_months: int = 6
    review_agenda: Sequence[str] = ()

    # ------------------------------------------------------------------ what applies to a year
    @staticmethod
    def review_day(year: int) -> date:
        """The day a year's rules are read on: its last day (the review closes the year)."""
        return date(year, 12, 31)

    def provisions_for(self, year: int) -> list[Provision]:
        day = self.review_day(year)
        return [p for p in self.provisions if p.in_force(day)]

    def quota_for(self, year: int) -> Quota | None:
        day = self.review_day(year)
        return next((q for q in self.quotas if _in_force(q, day)), None)

    def forms_for(self, year: int) -> FormSet | None:
        day = self.review_day(year)
        return next((f for f in self.forms if _in_force(f, day)), None)

    def uses_score(self, year: int) -> bool:
        day = self.review_day(year)
        scale = next((s for s in self.scales if _in_force(s, day)), None)
        return bool(scale and scale.uses_score)

    def level_for_score(self, score: float) -> RatingLevel:
        """The level a score reaches on the 100-point scale (QĐ 366 Art. 11; the other conditions aside)."""
        for level in RatingLevel:
            if score >= self.min_score.get(level, 0):
                return level
        return RatingLevel.NOT_COMPLETED

    def deadline(self, year: int) -> date:
        return date(year, self.deadline_month, self.deadline_day)

    def review_agenda_for(self, year: int) -> tuple[str, ...]:
        """The review meeting's agenda of *year*, "{year}" filled in: the one home of it (new meetings of the
        kind start with it; the fill-in minutes print it)."""
        return tuple(item.replace("{year}", str(year)) for item in self.review_agenda)

    def label(self, level: RatingLevel | None) -> str:
        return "" if level is None else self.labels.get(level, level.value)

    def short_label(self, level: RatingLevel | None) -> str:
        return "" if level is None else self.short.get(level, level.value)

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RatingRules:
        """Build from the JSON shape of resources/rules/ratings.json; raises ValueError on bad shapes."""
        try:
            levels = data.get("levels", {})
            deadline = data.get("review_deadline", {})
            conflicts = data.get("conflicts", {})
            commendation = data.get("commendation", {})
            special = data.get("special_cases", {})
            rules = cls(
                id=str(data.get("id", "builtin")),
                provisions=tuple(
                    Provision(
                        key=str(p["key"]),
                        text=str(p["text"]),
                        valid_from=_day(p.get("valid_from")),
                        valid_until=_day(p.get("valid_until")),
                        verified=bool(p.get("verified", False)),
                        note=str(p.get("note", "")),
                    )
                    for p in data.get("provisions", ())
                ),
                labels={RatingLevel(k): str(v["label"]) for k, v in levels.items()},
                short={RatingLevel(k): str(v.get("short", k)) for k, v in levels.items()},
                min_score={RatingLevel(k): float(v.get("min_score", 0)) for k, v in levels.items()},
                scales=tuple(
                    ScoreScale(
                        bool(s["uses_score"]),
                        str(s.get("basis", "")),
                        bool(s.get("verified", False)),
                        _day(s.get("valid_from")),
                        _day(s.get("valid_until")),
                    )
                    for s in data.get("score_scale", ())
                ),
                forms=tuple(
                    FormSet(
                        {str(k): str(v) for k, v in f["kinds"].items()},
                        str(f["default"]),
                        str(f.get("basis", "")),
                        bool(f.get("verified", False)),
                        _day(f.get("valid_from")),
                        _day(f.get("valid_until")),
                    )
                    for f in data.get("forms", ())
                ),
                deadline_month=int(deadline.get("month", 12)),
                deadline_day=int(deadline.get("day", 15)),
                deadline_basis=str(deadline.get("basis", "")),
                quotas=tuple(
                    Quota(
                        RatingLevel(q["top_level"]),
                        RatingLevel(q["of_level"]),
                        float(q["max_pct"]),
                        str(q.get("basis", "")),
                        bool(q.get("verified", False)),
                        _day(q.get("valid_from")),
                        _day(q.get("valid_until")),
                    )
                    for q in data.get("quota", ())
                ),
                conflict_levels=frozenset(RatingLevel(v) for v in conflicts.get("levels", ("xuat_sac", "tot"))),
                unpaid_dues_months=int(conflicts.get("unpaid_dues_months", 3)),
                conflict_basis=str(conflicts.get("basis", "")),
                commendation_years=int(commendation.get("consecutive_years", 5)),
                commendation_level=RatingLevel(commendation.get("level", "xuat_sac")),
                commendation_basis=str(commendation.get("basis", "")),
                exempt_not_rated=bool(special.get("exempt_not_rated", True)),
                probation_min_months=int(special.get("probation_min_months", 6)),
                review_agenda=tuple(str(i) for i in data.get("review_agenda", ())),
            )
            date(2000, rules.deadline_month, rules.deadline_day)  # an impossible day is a bad file
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"rating rule set has a malformed value: {exc}") from exc
        if rules.commendation_years < 1 or any(not 0 <= q.max_pct <= 100 for q in rules.quotas):
            raise ValueError("rating rule set: commendation years must be >= 1 and quota percentages 0-100")
        return rules


def _day(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None
