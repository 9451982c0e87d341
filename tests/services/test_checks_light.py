"""The rule checks read light data (per-code counts and the unexcused rows, turned into figures and Art. 8
months by the kernel), never whole meetings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.bootstrap import Services
from app.domain.meeting_record import AttendanceCode, MeetingKind


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_service_loads_no_whole_meeting(demo: Services, year: int) -> None:
    light = demo.checks.data(year)
    assert light.meetings == ()
    assert light.figures == demo.meetings.overview_rows(date(year, 1, 1), date(year, 12, 31))
    assert demo.checks.year_overview(year).findings == demo.checks.run(year)


def _add_meeting(s: Services, kind: MeetingKind, on: date, unexcused_ids: list[int]) -> None:
    draft = s.meetings.prepare(kind, on)
    rows = tuple(
        replace(row, code=AttendanceCode.ABSENT_UNEXCUSED) if row.member_id in unexcused_ids else row
        for row in draft.attendance
    )
    s.meetings.create(replace(draft, attendance=rows))


@pytest.fixture
def tricky(demo: Services) -> Services:
    """The demo plus what Art. 8 must not count: unexcused absences from a thematic meeting, and a second
    regular meeting in a month already counted."""
    ids = [m.id for m in demo.members.list() if m.id is not None][:3]
    _add_meeting(demo, MeetingKind.THEMATIC, date(2026, 6, 20), ids)
    _add_meeting(demo, MeetingKind.THEMATIC, date(2025, 6, 20), ids)
    _add_meeting(demo, MeetingKind.REGULAR, date(2025, 3, 20), ids[:1])
    _add_meeting(demo, MeetingKind.REGULAR, date(2025, 3, 27), ids[:1])
    _add_meeting(demo, MeetingKind.COMBINED, date(2025, 8, 20), ids[:1])
    return demo


def test_art8_counts_only_regular_meetings_and_each_month_once(tricky: Services) -> None:
    first = next(m.id for m in tricky.members.list() if m.id is not None)
    months = tricky.checks.unexcused_months(2025)
    assert months[first] == [3, 8]  # two regular meetings in March count once; June was thematic, August combined
    findings = tricky.checks.run(2025)
    assert any(f.rule == "unexcused_absences" and f.member_id == first for f in findings)
    assert any(f.rule == "low_attendance" for f in findings)
    assert tricky.checks.unexcused_months(1990) == {}
