"""Runs the rule checks of app.domain.checks on the stored branch. Read-only."""

from __future__ import annotations

from datetime import date

from app.domain import checks
from app.domain.models import Finding
from app.services.context import ServiceContext


class CheckService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def data(self, year: int) -> checks.BranchData:
        """What the checks of *year* read: the roll, that year's meetings and assignments (not 20 years of them)."""
        ctx = self._ctx
        return checks.BranchData(
            members=ctx.members.all(),
            meetings=ctx.meetings.between(date(year, 1, 1), date(year, 12, 31)),
            assignments=ctx.topics.assignments(year),
            rules=ctx.rules,
            today=ctx.today(),
            since=ctx.meetings.first_date(),
        )

    def run(self, year: int | None = None) -> list[Finding]:
        """Findings of *year* (default: this year), most serious first."""
        year = year or self._ctx.today().year
        return checks.run_all(self.data(year), year)

    def unexcused_months(self, year: int) -> dict[int, list[int]]:
        return checks.unexcused_absence_months(self.data(year), year)
