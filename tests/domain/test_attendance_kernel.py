"""The attendance-and-rules kernel (app.domain.attendance): present/base, vote base, Art. 8 months, quorum."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain import attendance as kernel
from app.domain.meeting_record import Attendance, AttendanceCode, MeetingKind, MeetingOutline, MeetingStatus
from app.domain.membership import Member, StatusEvent, StatusEventKind
from app.domain.ruleset import RuleSet

C = AttendanceCode


def test_present_base_and_vote_base_of_every_code() -> None:
    rows = [Attendance(i, code, official=i % 2 == 0) for i, code in enumerate(AttendanceCode)]
    s = kernel.summarize(rows)
    assert (s.present, s.base) == kernel.present_and_base(rows) == (3, 5)
    counts = {code: 1 for code in AttendanceCode}
    assert kernel.present_and_base_of_counts(counts) == (3, 5)
    # Full members (even ids) in the base: co_mat(0), ve_som(2), vang_khong_ly_do(4): the vote base is 3.
    assert (s.vote_base, s.present_voting) == (3, 2)


def test_probationary_and_visiting_members_are_never_in_a_vote_base() -> None:
    rows = [
        Attendance(1, C.PRESENT, official=True),
        Attendance(2, C.PRESENT, official=True),
        Attendance(3, C.PRESENT, official=False),  # probationary: attends, never votes
        Attendance(4, C.PRESENT, official=True),  # visiting from another branch
        Attendance(5, C.ABSENT_EXCUSED, official=True),
        Attendance(6, C.EXEMPT, official=True),  # exempt and absent: out of every base
    ]
    s = kernel.summarize(rows, visiting=[4])
    assert (s.present, s.base) == (4, 5)
    assert (s.vote_base, s.present_voting) == (3, 2)


def test_the_visiting_set_is_who_is_here_temporarily_that_day() -> None:
    here = Member("Khách", None, date(2000, 1, 1), official_on=date(2001, 1, 1), id=7,
                  events=(StatusEvent(StatusEventKind.TEMPORARY_VISIT, date(2026, 3, 1)),))  # fmt: skip
    own = Member("Nhà", None, date(2000, 1, 1), official_on=date(2001, 1, 1), id=8)
    assert kernel.visiting_ids([here, own], date(2026, 4, 1)) == {7}
    assert kernel.visiting_ids([here, own], date(2026, 2, 1)) == frozenset()


def test_a_month_with_two_regular_meetings_counts_once_by_its_most_serious_code() -> None:
    rows = [
        (1, date(2026, 8, 5), MeetingKind.REGULAR, C.ABSENT_UNEXCUSED),
        (1, date(2026, 8, 25), MeetingKind.REGULAR, C.PRESENT),
        (2, date(2026, 8, 5), MeetingKind.REGULAR, C.PRESENT),
        (2, date(2026, 8, 25), MeetingKind.REGULAR, C.ABSENT_EXCUSED),
        (1, date(2026, 9, 10), MeetingKind.THEMATIC, C.ABSENT_UNEXCUSED),  # thematic: not an Art. 8 month
        (1, date(2026, 10, 10), MeetingKind.COMBINED, C.ABSENT_UNEXCUSED),  # combined counts as regular
        (1, date(2025, 10, 10), MeetingKind.REGULAR, C.ABSENT_UNEXCUSED),
    ]
    codes = kernel.month_codes(rows)
    assert codes == {
        1: {"2026-08": C.ABSENT_UNEXCUSED, "2026-10": C.ABSENT_UNEXCUSED, "2025-10": C.ABSENT_UNEXCUSED},
        2: {"2026-08": C.ABSENT_EXCUSED},
    }
    # The order of the meetings does not matter.
    assert kernel.month_codes(reversed(rows)) == codes
    assert kernel.unexcused_months(codes) == {2026: {1: [8, 10]}, 2025: {1: [10]}}
    assert kernel.months_coded(codes[2], C.ABSENT_EXCUSED) == ["2026-08"]


@pytest.mark.parametrize(
    ("present", "base", "level"),
    [(0, 0, "info"), (5, 10, "alert"), (6, 10, "warning"), (9, 10, "ok"), (17, 20, "warning"), (18, 20, "ok")],
)
def test_quorum_verdict_by_the_default_thresholds(present: int, base: int, level: str) -> None:
    assert kernel.quorum_verdict(present, base, RuleSet()).level.value == level


def test_quorum_verdict_and_its_sentence_follow_the_rule_set() -> None:
    strict = replace(RuleSet(), attendance_warning_below=95.0, attendance_alert_below=60.0)
    verdict = kernel.quorum_verdict(9, 10, strict)
    assert verdict.level is kernel.QuorumLevel.WARNING
    assert "dưới 95%" in kernel.quorum_sentence(verdict, strict)
    alert = kernel.quorum_verdict(6, 10, strict)
    assert alert.level is kernel.QuorumLevel.ALERT
    assert "không quá 60%" in kernel.quorum_sentence(alert, strict)


def test_month_attendance_rate_adds_every_meeting_of_the_month() -> None:
    def fig(day: date, present: int, base: int) -> MeetingOutline:
        return MeetingOutline(1, day, MeetingKind.REGULAR, MeetingStatus.DRAFT, None, None, present, base)

    figures = [fig(date(2026, 8, 5), 9, 10), fig(date(2026, 8, 25), 6, 10), fig(date(2026, 9, 5), 0, 0)]
    assert kernel.month_attendance_pct(figures, 2026, 8) == 75.0
    assert kernel.month_attendance_pct(figures, 2026, 9) is None
    assert kernel.month_attendance_pct(figures, 2026, 10) is None


def test_a_rate_exactly_at_the_alert_threshold_is_an_alert_everywhere() -> None:
    rules = RuleSet()
    assert kernel.attendance_level(50.0, rules) is kernel.QuorumLevel.ALERT
    assert kernel.quorum_verdict(5, 10, rules).level is kernel.attendance_level(50.0, rules)
    assert kernel.attendance_level(89.9, rules) is kernel.QuorumLevel.WARNING
    assert kernel.attendance_level(90.0, rules) is kernel.QuorumLevel.OK
