"""Each rule check with its edge cases, on hand-built data and a fixed 'today'."""

from __future__ import annotations

from datetime import date, time

from app.domain import checks
from app.domain.attendance import default_attendance, summarize
from app.domain.findings import Severity
from app.domain.meeting_record import Attendance, AttendanceCode, Meeting, MeetingKind
from app.domain.membership import Member, StatusEvent, StatusEventKind
from app.domain.ruleset import RuleSet
from app.domain.topic_plan import Assignee, TopicAssignment, TopicStatus

TODAY = date(2026, 11, 22)
RULES = RuleSet()


def member(i: int, joined: date = date(2000, 1, 1), official: date | None = date(2001, 1, 1), **kw) -> Member:
    return Member(full_name=f"Nguyễn Văn {chr(64 + i)}", date_of_birth=date(1970, 1, 1), joined_on=joined,
                  official_on=official, id=i, **kw)  # fmt: skip


def meeting(on: date, kind: MeetingKind = MeetingKind.REGULAR, rows=(), start=time(14), end=time(16), mid=None):
    return Meeting(kind=kind, on=on, start=start, end=end, attendance=tuple(rows), id=mid)


def data(members=(), meetings=(), assignments=(), today=TODAY) -> checks.BranchData:
    return checks.BranchData(list(members), list(meetings), list(assignments), RULES, today)


def absent(member_id: int, excused: bool) -> Attendance:
    code = AttendanceCode.ABSENT_EXCUSED if excused else AttendanceCode.ABSENT_UNEXCUSED
    return Attendance(member_id, code, "Ốm" if excused else "", f"#{member_id}")


# ---------------------------------------------------------------- monthly / thematic
def test_months_without_a_regular_meeting_are_found_but_not_the_current_month() -> None:
    held = [meeting(date(2026, m, 5)) for m in range(1, 12) if m != 4]
    found = checks.monthly_meeting_missing(data([member(1)], held), 2026)
    assert [f.period for f in found] == ["2026-04"]
    assert found[0].severity is Severity.WARNING and "Tháng 4/2026" in found[0].message


def test_a_combined_sitting_counts_as_the_regular_meeting_and_a_thematic_one_does_not() -> None:
    held = [meeting(date(2026, m, 5)) for m in range(1, 11) if m != 3]
    held.append(meeting(date(2026, 3, 20), MeetingKind.THEMATIC))
    held.append(meeting(date(2026, 10, 20), MeetingKind.COMBINED))
    found = checks.monthly_meeting_missing(data([member(1)], held), 2026)
    assert [f.period for f in found] == ["2026-03"]


def test_months_before_the_branch_existed_are_not_missing() -> None:
    newcomer = member(1, joined=date(2026, 6, 10), official=None)
    held = [meeting(date(2026, m, 5)) for m in range(6, 11)]
    assert checks.monthly_meeting_missing(data([newcomer], held), 2026) == []


def test_thematic_meeting_missing_per_ended_quarter() -> None:
    held = [meeting(date(2026, 2, 10), MeetingKind.THEMATIC), meeting(date(2026, 9, 10), MeetingKind.COMBINED)]
    found = checks.thematic_meeting_missing(data([member(1)], held), 2026)
    assert [f.period for f in found] == ["2026-Q2"]  # Q4 has not ended on 22/11
    assert "quý II năm 2026" in found[0].message


# ---------------------------------------------------------------- Charter Art. 8
def test_unexcused_absences_warn_at_two_months_alert_at_three_and_excused_never_count() -> None:
    a, b, c = member(1), member(2), member(3)
    rows_by_month = {
        1: [absent(1, False), absent(2, False), absent(3, True)],
        2: [absent(1, False), absent(2, False), absent(3, True)],
        3: [absent(1, False), absent(3, True)],
        4: [absent(3, True)],
    }
    held = [meeting(date(2026, m, 5), rows=rows) for m, rows in rows_by_month.items()]
    found = {f.member_id: f for f in checks.unexcused_absences(data([a, b, c], held), 2026)}
    assert found[1].severity is Severity.ALERT and "3 tháng" in found[1].message
    assert found[2].severity is Severity.WARNING
    assert 3 not in found  # four excused absences are not a problem under Art. 8


def test_two_unexcused_absences_in_one_month_count_once_and_thematic_absences_do_not_count() -> None:
    held = [
        meeting(date(2026, 3, 5), rows=[absent(1, False)]),
        meeting(date(2026, 3, 25), MeetingKind.EXTRAORDINARY, rows=[absent(1, False)]),
        meeting(date(2026, 3, 20), MeetingKind.THEMATIC, rows=[absent(1, False)]),
        meeting(date(2026, 5, 20), MeetingKind.THEMATIC, rows=[absent(1, False)]),
    ]
    assert checks.unexcused_absence_months(data([member(1)], held), 2026) == {1: [3]}
    assert checks.unexcused_absences(data([member(1)], held), 2026) == []


def test_absences_of_another_year_do_not_carry_over() -> None:
    held = [meeting(date(2025, m, 5), rows=[absent(1, False)]) for m in (10, 11, 12)]
    held.append(meeting(date(2026, 1, 5), rows=[absent(1, False)]))
    found = checks.unexcused_absences(data([member(1)], held), 2026)
    assert found == []


# ---------------------------------------------------------------- probation and badges
def test_probation_ending_within_thirty_days_is_info_and_overdue_is_warning() -> None:
    soon = member(1, joined=date(2025, 12, 10), official=None)  # ends 10/12/2026
    overdue = member(2, joined=date(2025, 10, 1), official=None)  # ended 01/10/2026
    later = member(3, joined=date(2026, 6, 1), official=None)
    found = {f.member_id: f for f in checks.probation_ending(data([soon, overdue, later]), 2026)}
    assert found[1].severity is Severity.INFO and "10/12/2026" in found[1].message
    assert found[2].severity is Severity.WARNING
    assert 3 not in found


def test_official_members_have_no_probation_reminder() -> None:
    m = member(1, joined=date(2025, 10, 1), official=date(2026, 10, 1))
    assert checks.probation_ending(data([m]), 2026) == []


def test_party_badge_milestones_in_the_year() -> None:
    thirty = member(1, joined=date(1996, 12, 3))
    thirty_one = member(2, joined=date(1995, 12, 3))
    fifty_five_passed = member(3, joined=date(1971, 2, 1))
    found = {f.member_id: f for f in checks.party_badge_due(data([thirty, thirty_one, fifty_five_passed]), 2026)}
    assert set(found) == {1, 3}
    assert found[1].severity is Severity.WARNING  # 3/12 is within 60 days of 22/11
    assert found[3].severity is Severity.INFO and "55 năm" in found[3].message


def test_members_who_left_get_no_badge_reminder() -> None:
    gone = member(1, joined=date(1996, 12, 3), events=(StatusEvent(StatusEventKind.DECEASED, date(2026, 5, 1)),))
    assert checks.party_badge_due(data([gone]), 2026) == []


# ---------------------------------------------------------------- duration and attendance
def test_meeting_too_short_uses_120_minutes_for_a_combined_sitting() -> None:
    held = [
        meeting(date(2026, 1, 5), start=time(14), end=time(15, 29), mid=1),
        meeting(date(2026, 2, 5), start=time(14), end=time(15, 30), mid=2),
        meeting(date(2026, 3, 5), MeetingKind.COMBINED, start=time(14), end=time(15, 50), mid=3),
        meeting(date(2026, 4, 5), start=None, end=None, mid=4),
    ]
    found = checks.meeting_too_short(data([member(1)], held), 2026)
    assert [f.meeting_id for f in found] == [1, 3]


def test_attendance_base_excludes_exempt_away_and_suspended_but_counts_an_exempt_member_who_comes() -> None:
    rows = [
        Attendance(1, AttendanceCode.PRESENT, official=True),
        Attendance(2, AttendanceCode.EXEMPT, official=True),
        Attendance(3, AttendanceCode.AWAY, official=True),
        Attendance(4, AttendanceCode.SUSPENDED, official=True),
        Attendance(5, AttendanceCode.ABSENT_EXCUSED, "Ốm", "E", official=True),
        Attendance(6, AttendanceCode.PRESENT, official=False),  # an exempt member who attends is recorded present
        Attendance(7, AttendanceCode.LATE, official=True),
    ]
    s = summarize(rows)
    assert (s.total, s.base, s.present, s.exempt, s.away, s.suspended) == (7, 4, 3, 1, 1, 1)
    assert (s.present_official, s.present_probationary, s.official, s.probationary) == (2, 1, 6, 1)
    assert s.absent_excused == [("E", "Ốm")] and s.absent_unexcused == []
    assert round(s.pct, 1) == 75.0


def test_low_attendance_warns_below_90_and_alerts_at_half_or_less() -> None:
    def rows(present: int, total: int) -> list[Attendance]:
        return [
            Attendance(i, AttendanceCode.PRESENT if i <= present else AttendanceCode.ABSENT_EXCUSED)
            for i in range(1, total + 1)
        ]

    held = [
        meeting(date(2026, 1, 5), rows=rows(9, 10), mid=1),
        meeting(date(2026, 2, 5), rows=rows(8, 10), mid=2),
        meeting(date(2026, 3, 5), rows=rows(4, 10), mid=3),
        meeting(date(2026, 4, 5), rows=rows(5, 10), mid=4),  # exactly half: "more than half" is not reached
        meeting(date(2026, 5, 5), rows=rows(6, 10), mid=5),
    ]
    found = {f.meeting_id: f.severity for f in checks.low_attendance(data([], held), 2026)}
    assert found == {2: Severity.WARNING, 3: Severity.ALERT, 4: Severity.ALERT, 5: Severity.WARNING}


def test_a_member_who_joined_in_june_is_not_expected_in_january() -> None:
    old, new = member(1), member(2, joined=date(2026, 6, 10), official=None)
    january = default_attendance([old, new], date(2026, 1, 5))
    june = default_attendance([old, new], date(2026, 6, 15))
    assert [r.member_id for r in january] == [1]
    assert [r.member_id for r in june] == [1, 2]


def test_exempt_and_away_members_get_codes_outside_the_base_by_default() -> None:
    exempt = member(1, events=(StatusEvent(StatusEventKind.EXEMPTED, date(2026, 1, 1)),))
    away = member(
        2,
        events=(
            StatusEvent(StatusEventKind.TEMPORARY_AWAY, date(2026, 1, 1)),
            StatusEvent(StatusEventKind.TEMPORARY_AWAY_ENDED, date(2026, 6, 1)),
        ),
    )
    gone = member(3, events=(StatusEvent(StatusEventKind.TRANSFERRED_OUT, date(2026, 2, 1)),))
    march = {r.member_id: r.code for r in default_attendance([exempt, away, gone], date(2026, 3, 5))}
    july = {r.member_id: r.code for r in default_attendance([exempt, away, gone], date(2026, 7, 5))}
    assert march == {1: AttendanceCode.EXEMPT, 2: AttendanceCode.AWAY}
    assert july == {1: AttendanceCode.EXEMPT, 2: AttendanceCode.PRESENT}


# ---------------------------------------------------------------- topics
def test_topic_unassigned_warns_for_started_quarters_and_informs_for_later_ones() -> None:
    assigned = [TopicAssignment(2026, q, "Chuyên đề", (Assignee(1),)) for q in (1, 2)]
    found = {f.period: f.severity for f in checks.topic_unassigned(data([member(1)], [], assigned), 2026)}
    assert found == {"2026-Q3": Severity.WARNING, "2026-Q4": Severity.WARNING}
    early = data([member(1)], [], assigned, today=date(2026, 5, 1))
    assert {f.period: f.severity for f in checks.topic_unassigned(early, 2026)} == {
        "2026-Q3": Severity.INFO,
        "2026-Q4": Severity.INFO,
    }


def test_topic_not_presented_only_for_quarters_that_have_ended() -> None:
    assignments = [
        TopicAssignment(2026, 1, "Đã trình bày", (Assignee(1),), status=TopicStatus.PRESENTED, meeting_id=4),
        TopicAssignment(2026, 2, "Bị bỏ quên", (Assignee(1),), status=TopicStatus.APPROVED),
        TopicAssignment(2026, 4, "Quý này", (Assignee(1),), status=TopicStatus.DRAFTING),
    ]
    found = checks.topic_not_presented(data([member(1)], [], assignments), 2026)
    assert len(found) == 1 and "Bị bỏ quên" in found[0].message and found[0].period == "2026-Q2"


def test_run_all_sorts_the_most_serious_first() -> None:
    held = [meeting(date(2026, m, 5), rows=[absent(1, False)]) for m in (1, 2, 3)]
    found = checks.run_all(data([member(1)], held), 2026)
    assert found[0].severity is Severity.ALERT
    assert [f.severity.rank for f in found] == sorted((f.severity.rank for f in found), reverse=True)
