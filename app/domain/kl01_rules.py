"""The KL 01 deadlines and targets as data (resources/rules/kl01.json): a pure parser, no I/O.

Each entry carries its legal basis, the dates it is in force and whether it was verified; the rule in
force on a given day is the one whose valid_from..valid_until holds that day. A branch may override a
deadline (stored as a setting by the service, passed in here as *overrides*).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class RuleEntry:
    key: str
    value: Any
    basis: str
    valid_from: date | None
    valid_until: date | None
    verified: bool
    note: str = ""

    def in_force(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True, slots=True)
class Kl01Rules:
    """The values the checks read, for one year."""

    plan_deadline: tuple[int, int] = (3, 31)  # (month, day)
    review_deadline: tuple[int, int] = (12, 15)
    midyear_deadline: tuple[int, int] = (7, 15)
    new_member_grace_days: int = 30
    target_pct: float = 100.0
    basis: Mapping[str, str] | None = None  # key -> legal basis (for the settings screen and the docs)

    def plan_due(self, year: int) -> date:
        return date(year, *self.plan_deadline)

    def review_due(self, year: int) -> date:
        return date(year, *self.review_deadline)


def parse_month_day(text: str) -> tuple[int, int]:
    """ "03-31" -> (3, 31); raises ValueError for anything that is not a day of every year."""
    month_text, _, day_text = str(text).partition("-")
    month, day = int(month_text), int(day_text)
    date(2023, month, day)  # raises ValueError for 31/02 and 29/02 (a deadline must exist every year)
    return month, day


def entries(data: Mapping[str, Any]) -> list[RuleEntry]:
    """The entries of the JSON file; raises ValueError on a malformed shape."""
    try:
        out = []
        for e in data["rules"]:
            out.append(
                RuleEntry(
                    key=str(e["key"]),
                    value=e["value"],
                    basis=str(e.get("basis", "")),
                    valid_from=date.fromisoformat(e["valid_from"]) if e.get("valid_from") else None,
                    valid_until=date.fromisoformat(e["valid_until"]) if e.get("valid_until") else None,
                    verified=bool(e.get("verified", False)),
                    note=str(e.get("note", "")),
                )
            )
        return out
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"kl01 rule file is malformed: {exc}") from exc


def rules_for(items: Sequence[RuleEntry], year: int, overrides: Mapping[str, str] | None = None) -> Kl01Rules:
    """The rules in force on 1 January of *year* (entries valid later in the year win from their start day),
    with the branch's own deadlines from *overrides* ("plan_deadline": "04-15")."""
    chosen: dict[str, RuleEntry] = {}
    for entry in items:
        if entry.in_force(date(year, 12, 31)) or entry.in_force(date(year, 1, 1)):
            chosen[entry.key] = entry
    values: dict[str, Any] = {k: e.value for k, e in chosen.items()}
    values.update({k: v for k, v in (overrides or {}).items() if v})
    defaults = Kl01Rules()
    return Kl01Rules(
        plan_deadline=parse_month_day(values["plan_deadline"]) if "plan_deadline" in values else defaults.plan_deadline,
        review_deadline=(
            parse_month_day(values["review_deadline"]) if "review_deadline" in values else defaults.review_deadline
        ),
        midyear_deadline=(
            parse_month_day(values["midyear_deadline"]) if "midyear_deadline" in values else defaults.midyear_deadline
        ),
        new_member_grace_days=int(values.get("new_member_grace_days", defaults.new_member_grace_days)),
        target_pct=float(values.get("target_pct", defaults.target_pct)),
        basis={k: e.basis for k, e in chosen.items()},
    )
