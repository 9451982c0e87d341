"""The dues rules in force by month (resources/rules/dues.json): rates, exemptions, the branch's share. No I/O.

app.services.dues reads the JSON and calls :meth:`DuesRules.from_dict`. Every figure keeps its legal basis,
its months in force and whether it was verified, so the window and the documents can say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.dues import DuesKind, Month


@dataclass(frozen=True, slots=True)
class RatePeriod:
    """The rates of one stretch of months (valid_until included; None = still in force)."""

    valid_from: Month
    valid_until: Month | None
    basis: str
    verified: bool
    note: str
    pct: Mapping[str, float]  # kind -> percent of the base
    fixed: Mapping[str, int]  # kind -> đồng a month
    other_pct_retired: float | None = None

    def covers(self, month: Month) -> bool:
        return self.valid_from <= month and (self.valid_until is None or month <= self.valid_until)


@dataclass(frozen=True, slots=True)
class DuesRules:
    periods: tuple[RatePeriod, ...] = ()
    retirement_age_months: Mapping[str, int] = field(default_factory=dict)
    party_age_exempt_years: int = 50
    reduction_pct: tuple[int, ...] = (30, 50, 70)
    relief_max_months: int = 12
    branch_keep_pct: float = 30.0
    share_verified: bool = False
    share_basis: str = ""
    round_to: int = 1
    unpaid_warning: int = 2
    unpaid_alert: int = 3
    unpaid_basis: str = ""

    def period_for(self, month: Month) -> RatePeriod | None:
        return next((p for p in self.periods if p.covers(month)), None)

    def rate(self, kind: DuesKind, month: Month, *, retired: bool = False) -> tuple[float | None, int | None]:
        """(percent of the base, fixed đồng) for *kind* in *month*; (None, None) when no rule covers it."""
        period = self.period_for(month)
        if period is None:
            return None, None
        if kind is DuesKind.OTHER and retired and period.other_pct_retired is not None:
            return period.other_pct_retired, None
        if kind.value in period.fixed:
            return None, period.fixed[kind.value]
        return period.pct.get(kind.value), None

    def round(self, amount: float) -> int:
        step = max(1, self.round_to)
        return int((amount + step / 2) // step * step)

    def keep_share(self, collected: int) -> int:
        """The part of a month's takings the branch keeps (rounded like the dues)."""
        return self.round(collected * self.branch_keep_pct / 100)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DuesRules:
        """Build from the JSON shape of resources/rules/dues.json; ValueError on a malformed file."""
        try:
            periods = []
            for entry in data.get("rates", ()):
                pct, fixed = {}, {}
                for kind in DuesKind:
                    if f"{kind.value}_pct" in entry:
                        pct[kind.value] = float(entry[f"{kind.value}_pct"])
                    if f"{kind.value}_fixed" in entry:
                        fixed[kind.value] = int(entry[f"{kind.value}_fixed"])
                until = entry.get("valid_until")
                periods.append(
                    RatePeriod(
                        valid_from=Month.from_key(str(entry["valid_from"])),
                        valid_until=Month.from_key(str(until)) if until else None,
                        basis=str(entry.get("basis", "")),
                        verified=bool(entry.get("verified", False)),
                        note=str(entry.get("note", "")),
                        pct=pct,
                        fixed=fixed,
                        other_pct_retired=(float(entry["other_pct_retired"]) if "other_pct_retired" in entry else None),
                    )
                )
            ages = data.get("retirement_age_months", {})
            exemptions = data.get("exemptions", {})
            share = data.get("share", {})
            unpaid = data.get("unpaid_months", {})
            rules = cls(
                periods=tuple(sorted(periods, key=lambda p: p.valid_from)),
                retirement_age_months={k: int(v) for k, v in ages.items() if k in ("Nam", "Nữ")},
                party_age_exempt_years=int(exemptions.get("party_age_years", 50)),
                reduction_pct=tuple(int(x) for x in exemptions.get("reduction_pct", (30, 50, 70))),
                relief_max_months=int(exemptions.get("max_months", 12)),
                branch_keep_pct=float(share.get("branch_keep_pct", 30)),
                share_verified=bool(share.get("verified", False)),
                share_basis=str(share.get("basis", "")),
                round_to=int(data.get("rounding", {}).get("round_to", 1)),
                unpaid_warning=int(unpaid.get("warning", 2)),
                unpaid_alert=int(unpaid.get("alert", 3)),
                unpaid_basis=str(unpaid.get("basis", "")),
            )
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"dues rules have a malformed value: {exc}") from exc
        if not 0 < rules.unpaid_warning <= rules.unpaid_alert:
            raise ValueError("unpaid thresholds must satisfy 0 < warning <= alert")
        if not 0 <= rules.branch_keep_pct <= 100:
            raise ValueError("branch_keep_pct must be between 0 and 100")
        for a, b in zip(rules.periods, rules.periods[1:], strict=False):
            if a.valid_until is None or a.valid_until >= b.valid_from:
                raise ValueError(f"rate periods overlap: {a.valid_from.key} and {b.valid_from.key}")
        return rules
