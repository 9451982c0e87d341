"""MeetingService.overview_rows and CheckService.year_overview: meetings as figures, counted by the kernel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.bootstrap import Services
from app.domain.meeting_record import Attendance, AttendanceCode, MeetingKind


def test_overview_rows_are_the_meetings_in_order_with_their_counts(demo: Services) -> None:
    meetings = demo.meetings.list()
    assert len(meetings) > 20
    rows = demo.meetings.overview_rows(date(1900, 1, 1), date(2100, 12, 31))
    assert [r.id for r in rows] == [m.id for m in meetings]  # same meetings, same order
    assert any(r.present < r.base for r in rows)  # the demo has absences: the test can tell present from base
    empty = demo.meetings.prepare(MeetingKind.EXTRAORDINARY, date(2026, 11, 20))
    saved = demo.meetings.create(replace(empty, attendance=()))
    [row] = demo.meetings.overview_rows(date(2026, 11, 20), date(2026, 11, 20))
    assert (row.id, row.present, row.base) == (saved.id, 0, 0)  # a meeting with no rows still shows


def test_every_code_counted_as_the_enum_says(services: Services) -> None:
    services.demo.fill()
    members = [m for m in services.members.list() if m.id is not None][: len(AttendanceCode)]
    draft = services.meetings.prepare(MeetingKind.REGULAR, date(2026, 10, 5))
    rows = tuple(Attendance(m.id, code) for m, code in zip(members, AttendanceCode, strict=False))  # type: ignore[arg-type]
    saved = services.meetings.create(replace(draft, attendance=rows))
    [row] = services.meetings.overview_rows(date(2026, 10, 5), date(2026, 10, 5))
    assert row.id == saved.id
    assert row.present == sum(c.is_present for c in AttendanceCode) == 3
    assert row.base == sum(c.in_base for c in AttendanceCode) == 5


def test_overview_rows_of_ids_and_empty_ranges(demo: Services) -> None:
    meetings = demo.meetings.list()
    wanted = [meetings[0].id, meetings[-1].id, 99_999]
    found = demo.meetings.overview_rows_of(i for i in wanted if i is not None)
    assert set(found) == {meetings[0].id, meetings[-1].id}
    assert demo.meetings.overview_rows_of([]) == {}
    assert demo.meetings.overview_rows(date(1990, 1, 1), date(1990, 12, 31)) == []


def test_year_overview_matches_the_separate_calls(demo: Services) -> None:
    year = demo.ctx.today().year
    overview = demo.checks.year_overview(year)
    assert overview.findings == demo.checks.run(year)
    assert overview.meetings == demo.meetings.overview_rows(date(year, 1, 1), date(year, 12, 31))
    assert overview.roll == len(demo.members.list()) > 0


def test_the_meeting_list_is_light_and_open_loads_one_whole_meeting(demo: Services) -> None:
    listed = demo.meetings.list(year=2026)
    assert listed and all(not hasattr(m, "attendance") for m in listed)  # figures, not whole meetings
    whole = demo.meetings.load(year=2026)
    assert [(m.id, m.on, m.kind, m.status, m.title) for m in listed] == [
        (m.id, m.on, m.kind, m.status, m.title) for m in whole
    ]
    assert [(m.present, m.base) for m in listed] == [
        (demo.meetings.summary(m).present, demo.meetings.summary(m).base) for m in whole
    ]
    assert demo.meetings.list() == demo.meetings.overview_rows(date(1900, 1, 1), date(2100, 12, 31))
