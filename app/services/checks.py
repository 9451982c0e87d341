"""Runs the rule checks of app.domain.checks on the stored branch. Read-only."""

from __future__ import annotations

from app.domain import checks
from app.domain.models import Finding
from app.services.context import ServiceContext


class CheckService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def data(self) -> checks.BranchData:
        return checks.BranchData(
            members=self._ctx.members.all(),
            meetings=self._ctx.meetings.all(),
            assignments=self._ctx.topics.assignments(),
            rules=self._ctx.rules,
            today=self._ctx.today(),
        )

    def run(self, year: int | None = None) -> list[Finding]:
        """Findings of *year* (default: this year), most serious first."""
        return checks.run_all(self.data(), year or self._ctx.today().year)

    def unexcused_months(self, year: int) -> dict[int, list[int]]:
        return checks.unexcused_absence_months(self.data(), year)
