"""The rule checks on light data (SQL figures + Art. 8 months) give exactly the findings of whole meetings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.bootstrap import Services
from app.domain import checks
from app.domain.messages_kl01 import RULE_NAME as KL01_RULES
from app.domain.models import AttendanceCode, MeetingKind


def _from_whole_meetings(s: Services, year: int) -> checks.BranchData:
    """BranchData the old way: the year's whole meetings, light data derived by checks.light_data."""
    ctx = s.ctx
    return checks.BranchData(
        members=ctx.members.all(),
        meetings=ctx.meetings.between(date(year, 1, 1), date(year, 12, 31)),
        assignments=ctx.topics.assignments(year),
        rules=ctx.rules,
        today=ctx.today(),
        since=ctx.meetings.first_date(),
    )


@pytest.mark.parametrize("year", [2025, 2026])
def test_light_findings_equal_whole_meeting_findings(demo: Services, year: int) -> None:
    whole = _from_whole_meetings(demo, year)
    light = demo.checks.data(year)
    assert light.meetings == ()  # the service loads no whole meeting
    assert list(light.figures or ()) == list(whole.figures or ())
    assert checks.unexcused_absence_months(light, year) == checks.unexcused_absence_months(whole, year)
    # the KL 01 and dues checks read plans and the dues book, not meetings: the service adds them after these
    others = {*KL01_RULES, "dues_unpaid", "dues_basis_missing"}
    assert [f for f in demo.checks.run(year) if f.rule not in others] == checks.run_all(whole, year)
    assert [f for f in demo.checks.year_overview(year).findings if f.rule not in others] == checks.run_all(whole, year)


def _add_meeting(s: Services, kind: MeetingKind, on: date, unexcused_ids: list[int]) -> None:
    draft = s.meetings.prepare(kind, on)
    rows = tuple(
        replace(row, code=AttendanceCode.VANG_KHONG_LY_DO) if row.member_id in unexcused_ids else row
        for row in draft.attendance
    )
    s.meetings.create(replace(draft, attendance=rows))


@pytest.fixture
def tricky(demo: Services) -> Services:
    """The demo plus what Art. 8 must not count: unexcused absences from a thematic meeting, and a second
    regular meeting in a month already counted."""
    ids = [m.id for m in demo.members.list() if m.id is not None][:3]
    _add_meeting(demo, MeetingKind.CHUYEN_DE, date(2026, 6, 20), ids)
    _add_meeting(demo, MeetingKind.CHUYEN_DE, date(2025, 6, 20), ids)
    _add_meeting(demo, MeetingKind.THUONG_KY, date(2025, 3, 20), ids[:1])
    _add_meeting(demo, MeetingKind.THUONG_KY, date(2025, 3, 27), ids[:1])
    _add_meeting(demo, MeetingKind.KET_HOP, date(2025, 8, 20), ids[:1])
    return demo


@pytest.mark.parametrize("year", [2025, 2026])
def test_light_findings_equal_whole_meeting_findings_with_tricky_absences(tricky: Services, year: int) -> None:
    whole = _from_whole_meetings(tricky, year)
    findings = [f for f in tricky.checks.run(year) if f.rule not in {*KL01_RULES, "dues_unpaid", "dues_basis_missing"}]
    assert findings == checks.run_all(whole, year)
    assert any(f.rule == "unexcused_absences" for f in findings)  # the comparison covers Art. 8
    assert any(f.rule == "low_attendance" for f in findings)


def test_unexcused_months_query_counts_only_regular_meetings_and_each_month_once(tricky: Services) -> None:
    first = next(m.id for m in tricky.members.list() if m.id is not None)
    months_2025 = tricky.ctx.meetings.unexcused_months(2025)
    assert months_2025[first] == [3, 8]  # two regular meetings in March count once; June was thematic
    for year in (2025, 2026):
        expected: dict[int, set[int]] = {}
        for meeting in tricky.ctx.meetings.between(date(year, 1, 1), date(year, 12, 31)):
            if not meeting.kind.counts_as_regular:
                continue
            for row in meeting.attendance:
                if row.code is AttendanceCode.VANG_KHONG_LY_DO:
                    expected.setdefault(row.member_id, set()).add(meeting.on.month)
        assert tricky.ctx.meetings.unexcused_months(year) == {k: sorted(v) for k, v in expected.items()}
    assert tricky.ctx.meetings.unexcused_months(1990) == {}
