"""Runs the rule checks of app.domain.checks on the stored branch. Read-only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain import attendance, checks, checks_dues
from app.domain.dues import Month
from app.domain.dues_rules import DuesRules
from app.domain.findings import Finding
from app.domain.meeting_record import MeetingOutline
from app.services.branch import record_start_of
from app.services.context import ServiceContext
from app.services.kl01 import kl01_findings


@dataclass(frozen=True, slots=True)
class YearOverview:
    """What the overview screen shows of a year, from one load of the year's data."""

    findings: list[Finding]
    meetings: list[MeetingOutline]  # the year's meetings, oldest first
    roll: int  # members on the roll today


class CheckService:
    def __init__(
        self,
        ctx: ServiceContext,
        dues_rules: DuesRules | None = None,
        extra: Sequence[Callable[[int, checks.BranchData], list[Finding]]] = (),
    ) -> None:
        """*extra*: more rule sources of other areas (ratings …), each ``findings(year, data)`` given the
        year's loaded data (the roll, the Art. 8 months) so that nothing is read twice."""
        self._ctx = ctx
        self._dues_rules = dues_rules
        self._extra = tuple(extra)

    def data(self, year: int) -> checks.BranchData:
        """What the checks of *year* read: the roll, that year's assignments and its meetings' light data.

        No whole meeting is loaded: SQL fetches per-code counts and the few unexcused rows, and the kernel
        (app.domain.attendance) turns them into figures and Art. 8 months (a 5,000-member year of whole
        meetings is 60,000 attendance rows, ~150 ms at every start).
        """
        ctx = self._ctx
        start, end = date(year, 1, 1), date(year, 12, 31)
        rows = ctx.meetings.attendance_rows(start, end, attendance.ART8_CODES)
        return checks.BranchData(
            members=ctx.members.all(),
            meetings=(),
            assignments=ctx.topics.assignments(year),
            rules=ctx.rules,
            today=ctx.today(),
            since=ctx.meetings.first_date(),
            figures=ctx.meetings.figures_between(start, end),
            unexcused=attendance.unexcused_months(attendance.month_codes(rows)),
            record_start=record_start_of(ctx),
            dues=ctx.dues.ledger(until=Month(year, 12)) if self._dues_rules else None,
            dues_rules=self._dues_rules,
        )

    def run(self, year: int | None = None, data: checks.BranchData | None = None) -> list[Finding]:
        """Findings of *year* (default: this year), most serious first; *data* when the caller loaded it."""
        year = year or self._ctx.today().year
        data = data if data is not None else self.data(year)
        found = checks.run_all(data, year) + checks_dues.run(data, year)
        found += kl01_findings(self._ctx, year, data.members, data.record_start)
        found += [f for source in self._extra for f in source(year, data)]
        return sorted(found, key=lambda f: -f.severity.rank)

    def year_overview(self, year: int) -> YearOverview:
        """Findings, the year's meetings as figures and the roll count, all from one load of the year.

        The overview used to load the year's whole meetings (for itself and for the checks): ~170 ms each
        time on a 5,000-member branch; now only their light figures.
        """
        data = self.data(year)
        today = self._ctx.today()
        return YearOverview(
            findings=self.run(year, data),
            meetings=list(data.figures or ()),
            roll=sum(1 for m in data.members if m.status_on(today).on_roll),
        )

    def unexcused_months(self, year: int) -> dict[int, list[int]]:
        return checks.unexcused_absence_months(self.data(year), year)
