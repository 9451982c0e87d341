"""Gathers a reporting period's figures (PeriodReport) from the stored branch. Read-only."""

from __future__ import annotations

from collections import Counter

from app.domain import periods
from app.domain.attendance import meeting_rows, month_codes, months_coded, summarize, visiting_ids
from app.domain.kl01 import figures as kl01_figures
from app.domain.meeting_record import AttendanceCode
from app.domain.periods import Period
from app.domain.report import AttendanceLine, MemberChange, PeriodReport, ReportedMeeting
from app.services.branch import record_start_of
from app.services.checks import CheckService
from app.services.context import ServiceContext
from app.services.dues import DuesService
from app.services.kl01 import kl01_rules
from app.services.ratings import rating_figures


class ReportService:
    def __init__(self, ctx: ServiceContext, checks: CheckService, dues: DuesService) -> None:
        self._ctx = ctx
        self._checks = checks
        self._dues = dues

    def period_report(self, period: Period) -> PeriodReport:
        ctx = self._ctx
        members = ctx.members.all()
        meetings = ctx.meetings.between(period.start, period.end)
        assignments_all = ctx.topics.assignments()
        quarters = {(q.year, q.number) for q in periods.quarters_in(period)}
        assignments = tuple(a for a in assignments_all if (a.year, a.quarter) in quarters)
        by_meeting = {a.meeting_id: a for a in assignments_all if a.meeting_id is not None}
        figures = tuple(
            ReportedMeeting(m, summarize(m.attendance, visiting_ids(members, m.on)), by_meeting.get(m.id))
            for m in meetings
        )
        today = ctx.today()
        end_day = min(period.end, today)
        roll = tuple(m for m in members if m.status_on(end_day).on_roll)
        status_counts = Counter(m.status_on(end_day).value for m in roll)
        record_start = record_start_of(ctx)  # quarters before the record are not judged
        not_presented = tuple(
            a
            for a in assignments
            if a.meeting_id is None
            and not a.status.reached_meeting
            and periods.quarter(a.year, a.quarter).end < today
            and (record_start is None or periods.quarter(a.year, a.quarter).end >= record_start)
        )
        changes: list[MemberChange] = []
        for m in members:
            if period.contains(m.joined_on):
                changes.append(MemberChange(m, None, m.joined_on))
            changes += [MemberChange(m, e, e.on) for e in m.events if period.contains(e.on)]
        changes.sort(key=lambda c: c.on)
        findings = tuple(
            f
            for year in range(period.start.year, period.end.year + 1)
            for f in self._checks.run(year)
            if not f.period or _period_overlaps(f.period, period)
        )
        months = tuple(p.key for p in periods.months_in(period))
        lines = []
        # The matrix and its month counts come from the kernel: a month with two regular meetings is one month,
        # counted by its most serious code (the checks' Art. 8 months are the same months).
        codes_by_member = month_codes(meeting_rows(meetings))
        for member in members:
            if not any(
                member.status_on(p.end).on_roll or member.status_on(p.start).on_roll for p in periods.months_in(period)
            ):
                continue
            codes = codes_by_member.get(member.id, {}) if member.id is not None else {}
            lines.append(
                AttendanceLine(
                    member,
                    member.status_on(end_day),
                    codes,
                    unexcused_months=len(months_coded(codes, AttendanceCode.ABSENT_UNEXCUSED)),
                    excused_months=len(months_coded(codes, AttendanceCode.ABSENT_EXCUSED)),
                )
            )
        roll_start = sum(1 for m in members if m.status_on(period.start).on_roll)
        kl01_year = period.end.year
        kl01 = kl01_figures(
            ctx.kl01.year(kl01_year), roll, end_day, period.start, period.end, kl01_rules(ctx, kl01_year).target_pct
        )
        return PeriodReport(
            profile=ctx.branch.get(),
            period=period,
            generated_on=today,
            roll=roll,
            roll_start_count=roll_start,
            meetings=figures,
            assignments=assignments,
            not_presented=not_presented,
            changes=tuple(changes),
            findings=findings,
            attendance=tuple(lines),
            months=months,
            status_counts=dict(status_counts),
            kl01=kl01,
            regulations=ctx.rules.regulations_on(end_day),
            dues=self._dues.period_figures(period),
            extra_figures=rating_figures(ctx, period),
        )


def _period_overlaps(key: str, period: Period) -> bool:
    try:
        other = periods.parse_key(key)
    except ValueError:
        return True
    return other.start <= period.end and other.end >= period.start
