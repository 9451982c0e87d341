"""The branch's rule checks: one pure function per rule, each returning findings. No I/O, no clock.

Every check takes the data it needs plus ``today`` so that tests fix the date. Only periods that
have ended are judged "missing": the current month or quarter is not late until it is over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.domain import attendance, finding_text, periods, vntext
from app.domain.dates import add_months, format_dmy
from app.domain.dues import DuesLedger
from app.domain.dues_rules import DuesRules
from app.domain.findings import Finding, QuorumLevel, RuleId, Severity
from app.domain.meeting_record import Meeting, MeetingOutline
from app.domain.membership import Member, MemberStatus
from app.domain.ruleset import RuleSet
from app.domain.topic_plan import TopicAssignment

#: year -> member id -> the months of that year with an unexcused absence from a regular meeting.
UnexcusedMonths = Mapping[int, Mapping[int, Sequence[int]]]


@dataclass(frozen=True, slots=True)
class BranchData:
    """Everything the checks read, loaded once by the service.

    The rules read only the light data: *figures* (one MeetingOutline per meeting) and *unexcused* (the
    Art. 8 months). Both are computed by the kernel (app.domain.attendance): the service feeds it light
    rows fetched by SQL, never whole meetings (a 5,000-member year is 60,000 attendance rows, ~150 ms at
    start-up), and passes ``meetings=()``. Left out, both come from *meetings* through the same kernel.
    """

    members: Sequence[Member]
    meetings: Sequence[Meeting]
    assignments: Sequence[TopicAssignment]
    rules: RuleSet
    today: date
    # The first meeting ever recorded, when the meetings hold only the year checked (months before the
    # branch's first recorded day are never "missing").
    since: date | None = None
    figures: Sequence[MeetingOutline] | None = None
    unexcused: UnexcusedMonths | None = None
    # The first day the branch keeps its record here (BranchProfile.record_start): no period that ended
    # before it is judged. None (a file kept before v3 without meetings): the first recorded day.
    record_start: date | None = None
    dues: DuesLedger | None = None  # the dues book (app.domain.checks_dues); None: not loaded, no dues checks
    dues_rules: DuesRules | None = None

    def __post_init__(self) -> None:
        if self.figures is None or self.unexcused is None:
            figures, unexcused = light_data(self.meetings)
            if self.figures is None:
                object.__setattr__(self, "figures", figures)
            if self.unexcused is None:
                object.__setattr__(self, "unexcused", unexcused)


def light_data(meetings: Iterable[Meeting]) -> tuple[list[MeetingOutline], dict[int, dict[int, list[int]]]]:
    """What the rules read of whole meetings: their figures and the Art. 8 months, both by the kernel."""
    meetings = list(meetings)
    figures = [attendance.figures_of(m) for m in meetings]
    return figures, attendance.unexcused_months(attendance.month_codes(attendance.meeting_rows(meetings)))


def _meetings(data: BranchData) -> Sequence[MeetingOutline]:
    return data.figures or ()  # never None after __post_init__


def _first_day(data: BranchData) -> date:
    """The first day judged: the record's start, else its first member's roll start or first meeting."""
    if data.record_start is not None:
        return data.record_start
    starts = [m.roll_start for m in data.members]
    starts += [m.on for m in _meetings(data)]
    if data.since is not None:
        starts.append(data.since)
    return min(starts) if starts else data.today


def monthly_meeting_missing(data: BranchData, year: int) -> list[Finding]:
    """A calendar month that has ended with no regular (or combined) meeting recorded."""
    held = {(m.on.year, m.on.month) for m in _meetings(data) if m.kind.counts_as_regular}
    first = _first_day(data)
    findings = []
    for month in periods.months_in(periods.year(year)):
        if month.end >= data.today or month.end < first:
            continue
        if (year, month.number) not in held:
            findings.append(
                Finding(
                    RuleId.MONTHLY_MEETING_MISSING,
                    Severity.WARNING,
                    finding_text.MONTHLY_MISSING.format(month=month.number, year=year),
                    period=month.key,
                )
            )
    return findings


def thematic_meeting_missing(data: BranchData, year: int) -> list[Finding]:
    """A calendar quarter that has ended with no thematic (or combined) meeting recorded."""
    held = {(m.on.year, m.quarter) for m in _meetings(data) if m.kind.counts_as_thematic}
    first = _first_day(data)
    findings = []
    for q in range(1, 5):
        quarter = periods.quarter(year, q)
        if quarter.end >= data.today or quarter.end < first:
            continue
        if (year, q) not in held:
            findings.append(
                Finding(
                    RuleId.THEMATIC_MEETING_MISSING,
                    Severity.WARNING,
                    finding_text.THEMATIC_MISSING.format(quarter=periods.label(quarter)),
                    period=quarter.key,
                )
            )
    return findings


def unexcused_absence_months(data: BranchData, year: int) -> dict[int, list[int]]:
    """member id -> the months of *year* with an unexcused absence from a regular meeting."""
    by_member = (data.unexcused or {}).get(year, {})
    return {member_id: sorted(months) for member_id, months in by_member.items() if months}


def unexcused_absences(data: BranchData, year: int) -> list[Finding]:
    """Charter Art. 8: months in a calendar year with an unexcused absence; warn at 2, alert at 3."""
    names = {m.id: m.full_name for m in data.members}
    rules = data.rules.on(min(date(year, 12, 31), data.today))  # the year judged by its own rules
    findings = []
    for member_id, months in sorted(unexcused_absence_months(data, year).items()):
        count = len(months)
        if count >= rules.unexcused_alert:
            severity, template = Severity.ALERT, finding_text.UNEXCUSED_ALERT
        elif count >= rules.unexcused_warning:
            severity, template = Severity.WARNING, finding_text.UNEXCUSED_WARNING
        else:
            continue
        findings.append(
            Finding(
                RuleId.UNEXCUSED_ABSENCES,
                severity,
                template.format(
                    name=names.get(member_id, f"#{member_id}"),
                    count=count,
                    year=year,
                    months=", ".join(str(m) for m in months),
                    alert=rules.unexcused_alert,
                ),
                member_id=member_id,
                period=str(year),
                facts={"name": names.get(member_id, f"#{member_id}"), "year": year, "months": tuple(months)},
            )
        )
    return findings


def probation_end(member: Member, rules: RuleSet) -> date:
    return add_months(member.joined_on, rules.probation_months)


def probation_ending(data: BranchData, year: int) -> list[Finding]:
    """Probationary members whose 12 months end within the reminder window, or have ended undecided."""
    findings = []
    window = timedelta(days=data.rules.probation_remind_days)
    for member in data.members:
        if member.status_on(data.today) is not MemberStatus.PROBATIONARY or member.id is None:
            continue
        end = probation_end(member, data.rules)
        if end <= data.today:
            severity, template = Severity.WARNING, finding_text.PROBATION_OVERDUE
        elif end - data.today <= window:
            severity, template = Severity.INFO, finding_text.PROBATION_ENDING
        else:
            continue
        findings.append(
            Finding(
                RuleId.PROBATION_ENDING,
                severity,
                template.format(name=member.full_name, end=format_dmy(end)),
                member_id=member.id,
                period=str(year),
                facts={"name": member.full_name, "end": end},
            )
        )
    return findings


def party_badge_due(data: BranchData, year: int) -> list[Finding]:
    """Members reaching a badge milestone (30, 40, 45 … years of party age) in *year*."""
    findings = []
    for member in data.members:
        if member.id is None or not member.status_on(date(year, 12, 31)).on_roll:
            continue
        age = year - member.joined_on.year
        if age not in data.rules.badge_years:
            continue
        try:
            anniversary = member.joined_on.replace(year=year)
        except ValueError:  # 29 February
            anniversary = date(year, 3, 1)
        soon = timedelta(0) <= anniversary - data.today <= timedelta(days=data.rules.badge_remind_days)
        findings.append(
            Finding(
                RuleId.PARTY_BADGE_DUE,
                Severity.WARNING if soon else Severity.INFO,
                finding_text.BADGE_DUE.format(name=member.full_name, years=age, day=format_dmy(anniversary)),
                member_id=member.id,
                period=str(year),
            )
        )
    return findings


def meeting_too_short(data: BranchData, year: int) -> list[Finding]:
    """A meeting shorter than the rule set's minimum for its kind (a warning, never a block)."""
    findings = []
    for meeting in _meetings(data):
        minimum = data.rules.on(meeting.on).min_duration_for(meeting.kind)  # the rule of the meeting's day
        duration = meeting.duration_minutes
        if meeting.on.year != year or duration is None or not minimum or duration >= minimum:
            continue
        findings.append(
            Finding(
                RuleId.MEETING_TOO_SHORT,
                Severity.WARNING,
                finding_text.MEETING_TOO_SHORT.format(day=format_dmy(meeting.on), minutes=duration, minimum=minimum),
                meeting_id=meeting.id,
                period=f"{year}-{meeting.on.month:02d}",
                facts={"day": meeting.on, "minutes": duration, "minimum": minimum},
            )
        )
    return findings


def low_attendance(data: BranchData, year: int) -> list[Finding]:
    """Attendance below the rule set's warning threshold (warning), or at/below its alert threshold (alert)."""
    findings = []
    for meeting in _meetings(data):
        if meeting.on.year != year:
            continue
        rules = data.rules.on(meeting.on)  # the rule of the meeting's day
        verdict = attendance.quorum_verdict(meeting.present, meeting.base, rules)
        if verdict.level is QuorumLevel.ALERT:
            severity, template, threshold = Severity.ALERT, finding_text.ATTENDANCE_ALERT, rules.attendance_alert_below
        elif verdict.level is QuorumLevel.WARNING:
            severity, template, threshold = (
                Severity.WARNING,
                finding_text.ATTENDANCE_WARNING,
                rules.attendance_warning_below,
            )
        else:
            continue  # OK, or no attendance recorded (no base)
        findings.append(
            Finding(
                RuleId.LOW_ATTENDANCE,
                severity,
                template.format(
                    day=format_dmy(meeting.on),
                    present=verdict.present,
                    base=verdict.base,
                    pct=vntext.percent(verdict.pct),
                    threshold=vntext.percent(threshold, 0),
                ),
                meeting_id=meeting.id,
                period=f"{year}-{meeting.on.month:02d}",
                facts={"threshold": threshold},  # the report's sentence names the same threshold
            )
        )
    return findings


def topic_unassigned(data: BranchData, year: int) -> list[Finding]:
    """A quarter of *year* with no topic assignment: a warning once it has begun, info before."""
    assigned = {a.quarter for a in data.assignments if a.year == year}
    first = _first_day(data)
    findings = []
    for q in range(1, 5):
        quarter = periods.quarter(year, q)
        if q in assigned or quarter.end < first:
            continue
        started = quarter.start <= data.today
        findings.append(
            Finding(
                RuleId.TOPIC_UNASSIGNED,
                Severity.WARNING if started else Severity.INFO,
                finding_text.TOPIC_UNASSIGNED.format(quarter=periods.label(quarter)),
                period=quarter.key,
            )
        )
    return findings


def topic_not_presented(data: BranchData, year: int) -> list[Finding]:
    """An assignment of a quarter that has ended and never reached a meeting."""
    findings = []
    for assignment in data.assignments:
        if assignment.year != year:
            continue
        quarter = periods.quarter(year, assignment.quarter)
        if quarter.end >= data.today or quarter.end < _first_day(data):
            continue
        if assignment.meeting_id is not None or assignment.status.reached_meeting:
            continue
        findings.append(
            Finding(
                RuleId.TOPIC_NOT_PRESENTED,
                Severity.WARNING,
                finding_text.TOPIC_NOT_PRESENTED.format(title=assignment.title, quarter=periods.label(quarter)),
                period=quarter.key,
            )
        )
    return findings


CHECKS: tuple[Callable[[BranchData, int], list[Finding]], ...] = (
    monthly_meeting_missing,
    thematic_meeting_missing,
    unexcused_absences,
    probation_ending,
    party_badge_due,
    meeting_too_short,
    low_attendance,
    topic_unassigned,
    topic_not_presented,
)


def run_all(
    data: BranchData, year: int, checks: Iterable[Callable[[BranchData, int], list[Finding]]] = CHECKS
) -> list[Finding]:
    """All findings of *year*, most serious first, then in rule order. Each carries in ``facts["basis"]`` the legal
    basis of its rule in force on the day judged (a 2024 month by the rules of 2024)."""
    findings = [_with_basis(f, data, year) for check in checks for f in check(data, year)]
    return sorted(findings, key=lambda f: -f.severity.rank)


def judged_on(finding: Finding, data: BranchData, year: int) -> date:
    """The day a finding is judged by: its meeting's date, else the end of its period (never after today)."""
    if finding.facts.get("day"):
        return finding.facts["day"]  # type: ignore[no-any-return]
    meeting = next((m for m in _meetings(data) if finding.meeting_id is not None and m.id == finding.meeting_id), None)
    if meeting is not None:
        return meeting.on
    try:
        end = periods.parse_key(finding.period).end if finding.period else date(year, 12, 31)
    except ValueError:
        end = date(year, 12, 31)
    return min(end, data.today)


def _with_basis(finding: Finding, data: BranchData, year: int) -> Finding:
    basis = data.rules.cite(finding.rule, judged_on(finding, data, year))
    return replace(finding, facts={**finding.facts, "basis": basis}) if basis else finding
