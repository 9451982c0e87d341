"""MeetingService.attendance_of: one member's rows read directly, the same as scanning every meeting."""

from __future__ import annotations

from datetime import date, timedelta

from app.bootstrap import Services


def test_attendance_of_matches_a_scan_of_every_meeting(demo: Services) -> None:
    today = demo.ctx.today()
    since = today - timedelta(days=365)
    for member in demo.members.all()[:8]:
        assert member.id is not None
        expected = [
            (m.on, m.kind, row)
            for m in demo.meetings.load()
            if since <= m.on <= today
            for row in m.attendance
            if row.member_id == member.id
        ]
        assert demo.meetings.attendance_of(member.id, since, today) == expected
    assert expected  # the demo records attendance in the last year


def test_attendance_of_an_unknown_member_or_empty_range_is_empty(demo: Services) -> None:
    assert demo.meetings.attendance_of(99_999, date(2000, 1, 1), date(2030, 1, 1)) == []
    member = demo.members.all()[0]
    assert member.id is not None
    assert demo.meetings.attendance_of(member.id, date(1990, 1, 1), date(1990, 12, 31)) == []
