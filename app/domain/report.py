"""The figures of a reporting period, gathered once and handed to every writer (Word report, Excel summary).

Plain data, no I/O: app.services.reports builds it; exporters read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.attendance import AttendanceSummary
from app.domain.branch_profile import BranchProfile
from app.domain.findings import Finding
from app.domain.kl01 import Kl01Figures, kl01_key_figures
from app.domain.meeting_record import AttendanceCode, Meeting
from app.domain.membership import Member, MemberStatus, StatusEvent
from app.domain.periods import Period
from app.domain.topic_plan import TopicAssignment


@dataclass(frozen=True, slots=True)
class ReportedMeeting:
    """A meeting as a period report shows it: with its attendance block and the topic it presented."""

    meeting: Meeting
    summary: AttendanceSummary
    assignment: TopicAssignment | None = None  # the topic presented, for thematic meetings


@dataclass(frozen=True, slots=True)
class MemberChange:
    member: Member
    event: StatusEvent | None  # None: admitted to the Party in the period (kết nạp)
    on: date


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    """One member's row of the attendance matrix: the code per meeting month (regular meetings)."""

    member: Member
    status: MemberStatus
    codes: dict[str, AttendanceCode]  # "2026-03" -> code
    unexcused_months: int = 0
    excused_months: int = 0


@dataclass(frozen=True, slots=True)
class PeriodReport:
    profile: BranchProfile
    period: Period
    generated_on: date
    roll: tuple[Member, ...]  # on the roll at the end of the period, in name order
    roll_start_count: int
    meetings: tuple[ReportedMeeting, ...]
    assignments: tuple[TopicAssignment, ...]  # quarters that overlap the period
    not_presented: tuple[TopicAssignment, ...]
    changes: tuple[MemberChange, ...]
    findings: tuple[Finding, ...]
    attendance: tuple[AttendanceLine, ...]
    months: tuple[str, ...]  # "2026-01" … for the matrix columns
    status_counts: dict[str, int] = field(default_factory=dict)  # MemberStatus value -> count at period end
    kl01: Kl01Figures | None = None  # học tập và làm theo Bác: plans, learning reports, models, awards
    # Regulation slot -> citation in force at the period's end (or the report's day, if earlier).
    regulations: dict[str, str] = field(default_factory=dict)
    dues: dict[str, int] = field(default_factory=dict)  # app.domain.dues_report.period_figures ({} without a book)
    extra_figures: dict[str, int] = field(default_factory=dict)  # other areas' figures (the year's ratings …)

    # ------------------------------------------------------------------ derived figures
    @property
    def regular_meetings(self) -> tuple[ReportedMeeting, ...]:
        return tuple(f for f in self.meetings if f.meeting.kind.counts_as_regular)

    @property
    def thematic_meetings(self) -> tuple[ReportedMeeting, ...]:
        return tuple(f for f in self.meetings if f.meeting.kind.counts_as_thematic)

    @property
    def months_with_regular_meeting(self) -> int:
        return len({f.meeting.on.strftime("%Y-%m") for f in self.regular_meetings})

    @property
    def quarters_with_thematic_meeting(self) -> int:
        return len({(f.meeting.on.year, f.meeting.quarter) for f in self.thematic_meetings})

    @property
    def average_attendance_pct(self) -> float:
        figures = [f.summary for f in self.meetings if f.summary.base]
        if not figures:
            return 0.0
        return 100.0 * sum(s.present for s in figures) / sum(s.base for s in figures)

    @property
    def unexcused_absences(self) -> int:
        return sum(len(f.summary.absent_unexcused) for f in self.meetings)

    @property
    def excused_absences(self) -> int:
        return sum(len(f.summary.absent_excused) for f in self.meetings)

    @property
    def topics_presented(self) -> int:
        return sum(1 for a in self.assignments if a.meeting_id is not None or a.status.reached_meeting)

    def key_figures(self) -> dict[str, float | int | str]:
        """Every summary figure by a stable key: what the hidden sheet carries and consolidation adds up."""
        figures: dict[str, float | int | str] = {
            "members_total": len(self.roll),
            "members_official": self.status_counts.get("chinh_thuc", 0),
            "members_probationary": self.status_counts.get("du_bi", 0),
            "members_exempt": self.status_counts.get("mien_sh", 0),
            "members_away": self.status_counts.get("shtt_di", 0),
            "members_visiting": self.status_counts.get("shtt_den", 0),
            "meetings_total": len(self.meetings),
            "meetings_regular": len(self.regular_meetings),
            "meetings_thematic": len(self.thematic_meetings),
            "months_in_period": len(self.months),
            "months_with_regular_meeting": self.months_with_regular_meeting,
            "quarters_with_thematic_meeting": self.quarters_with_thematic_meeting,
            "attendance_pct": round(self.average_attendance_pct, 1),
            "absences_excused": self.excused_absences,
            "absences_unexcused": self.unexcused_absences,
            "topics_assigned": len(self.assignments),
            "topics_presented": self.topics_presented,
            "topics_not_presented": len(self.not_presented),
            "findings_alert": sum(1 for f in self.findings if f.severity.value == "alert"),
            "findings_warning": sum(1 for f in self.findings if f.severity.value == "warning"),
        }
        figures["attendance_present"] = sum(f.summary.present for f in self.meetings if f.summary.base)
        figures["attendance_base"] = sum(f.summary.base for f in self.meetings if f.summary.base)
        if self.kl01 is not None:
            figures.update(kl01_key_figures(self.kl01))
        figures.update(self.dues)
        for month in self.months:
            figures[f"meetings_{month}"] = sum(
                1 for f in self.regular_meetings if f.meeting.on.strftime("%Y-%m") == month
            )
        for quarter in self.quarters:
            figures[f"thematic_{quarter}"] = sum(
                1 for f in self.thematic_meetings if f"{f.meeting.on.year}-Q{f.meeting.quarter}" == quarter
            )
        figures.update(self.extra_figures)
        return figures

    @property
    def quarters(self) -> tuple[str, ...]:
        """ "2026-Q3" … for the quarters the period's months fall in, in order."""
        keys = (f"{m[:4]}-Q{(int(m[5:7]) - 1) // 3 + 1}" for m in self.months)
        return tuple(dict.fromkeys(keys))
