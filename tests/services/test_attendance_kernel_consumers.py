"""One kernel, every consumer: a month with two regular meetings gives the same numbers in the checks, the
Excel attendance matrix and meetings sheet, the Word minutes and the Word report (real files read back)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.bootstrap import Services
from app.domain import labels, periods, xlsx_text
from app.domain.branch_profile import BranchProfile
from app.domain.meeting_record import AttendanceCode, MeetingKind
from app.domain.membership import Member
from tests.exporters.docx_read import full_text, open_docx

K, P, X = AttendanceCode.ABSENT_UNEXCUSED, AttendanceCode.ABSENT_EXCUSED, AttendanceCode.PRESENT


@pytest.fixture
def branch(services: Services) -> tuple[Services, dict[str, int], dict[str, int]]:
    services.branch.save_profile(BranchProfile(branch_name="Chi bộ Kiểm Thử", upper_body="Đảng ủy phường Hòa Bình"))
    ids: dict[str, int] = {}
    for key, name in (("a", "Nguyễn Văn An"), ("b", "Trần Thị Bình"), ("c", "Lê Văn Cường"), ("d", "Phạm Thị Dung")):
        stored = services.members.add(Member(name, date(1980, 1, 1), date(2010, 1, 5), official_on=date(2011, 1, 5)))
        ids[key] = stored.id  # type: ignore[assignment]
    for key, name in (("e", "Hoàng Văn Em"), ("f", "Võ Thị Phượng")):  # probationary since March 2026
        stored = services.members.add(Member(name, date(1995, 1, 1), date(2026, 3, 1)))
        ids[key] = stored.id  # type: ignore[assignment]
    plan = {  # day -> codes that differ from "present"; two regular meetings in August and in September
        date(2026, 7, 10): {"a": K},
        date(2026, 8, 5): {"a": K},
        date(2026, 8, 25): {},
        date(2026, 9, 10): {"a": K, "b": K},
        date(2026, 9, 24): {"b": P},
    }
    meeting_ids: dict[str, int] = {}
    for day, codes in plan.items():
        draft = services.meetings.prepare(MeetingKind.REGULAR, day)
        by_id = {ids[k]: code for k, code in codes.items()}
        rows = tuple(
            replace(r, code=by_id.get(r.member_id, X), reason="Đi công tác" if by_id.get(r.member_id) is P else "")
            for r in draft.attendance
        )
        saved = services.meetings.create(replace(draft, attendance=rows))
        meeting_ids[day.isoformat()] = saved.id  # type: ignore[assignment]
    return services, ids, meeting_ids


def test_a_month_with_two_regular_meetings_counts_once_and_the_same_everywhere(
    branch: tuple[Services, dict[str, int], dict[str, int]], tmp_path: Path
) -> None:
    s, ids, meeting_ids = branch
    quarter = periods.quarter(2026, 3)

    # The checks: A was absent without reason in July, August (first of two meetings) and September: 3 months.
    assert s.checks.unexcused_months(2026) == {ids["a"]: [7, 8, 9], ids["b"]: [9]}
    findings = s.checks.run(2026)
    [art8] = [f for f in findings if f.rule == "unexcused_absences"]
    assert art8.member_id == ids["a"] and "3 tháng" in art8.message and "tháng 7, 8, 9" in art8.message
    [low] = [f for f in findings if f.rule == "low_attendance" and f.meeting_id == meeting_ids["2026-09-24"]]
    assert "5/6" in low.message and "83,3%" in low.message and "dưới 90%" in low.message

    # The Excel summary: the matrix shows the month's deciding code and the same month counts.
    wb = openpyxl.load_workbook(io.BytesIO(s.summary.workbook(quarter)))
    ws = wb[xlsx_text.XLSX_SHEET["attendance"]]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    header = cells[xlsx_text.XLSX_COLUMN["name"]].row
    col = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    row_of = {ws.cell(r, col[xlsx_text.XLSX_COLUMN["name"]]).value: r for r in range(header + 1, ws.max_row + 1)}
    a_row, b_row = row_of["Nguyễn Văn An"], row_of["Trần Thị Bình"]
    letter = labels.ATTENDANCE_LETTER
    assert [ws.cell(a_row, col[f"T{m}/2026"]).value for m in (7, 8, 9)] == [letter[K.value]] * 3
    assert ws.cell(a_row, col[xlsx_text.XLSX_COLUMN["months_unexcused"]]).value == 3
    assert ws.cell(b_row, col["T9/2026"]).value == letter[K.value]  # K outranks the P of the second meeting
    assert ws.cell(b_row, col[xlsx_text.XLSX_COLUMN["months_unexcused"]]).value == 1
    assert ws.cell(b_row, col[xlsx_text.XLSX_COLUMN["months_excused"]]).value == 0
    report = s.reports.period_report(quarter)
    assert {line.member.id: line.unexcused_months for line in report.attendance if line.unexcused_months} == {
        member: len(months) for member, months in s.checks.unexcused_months(2026).items()
    }

    # The Word minutes of 24/9: the same present/base as the check; the vote base is the full members only.
    minutes = s.documents.minutes(meeting_ids["2026-09-24"], tmp_path / "bb.docx")
    text = full_text(open_docx(Path(minutes.path)))
    assert "Có mặt: 5/6 đồng chí phải dự (chính thức: 3; dự bị: 2); đạt 83,3%" in text
    summary = s.meetings.summary(s.meetings.get(meeting_ids["2026-09-24"]))
    assert (summary.present, summary.base, summary.vote_base, summary.present_voting) == (5, 6, 4, 3)

    # The Word report: the meeting row carries 5/6 and the Art. 8 sentence of the checks.
    result = s.documents.report(quarter, tmp_path / "bc.docx")
    report_text = full_text(open_docx(Path(result.path)))
    assert "ngày 24/09/2026: 5/6 đồng chí, đạt 83,3%" in report_text  # the report's own sentence, same numbers
    assert "Đồng chí Nguyễn Văn An vắng sinh hoạt không có lý do 3 tháng trong năm 2026" in report_text


def test_changing_a_threshold_changes_every_sentence_that_names_it(
    branch: tuple[Services, dict[str, int], dict[str, int]], tmp_path: Path
) -> None:
    s, ids, meeting_ids = branch
    s.branch.save_rules(replace(s.branch.rules, attendance_warning_below=92.0, unexcused_warning=2, unexcused_alert=4))
    findings = s.checks.run(2026)
    [low] = [f for f in findings if f.rule == "low_attendance" and f.meeting_id == meeting_ids["2026-09-24"]]
    assert "dưới 92%" in low.message and "90%" not in low.message
    [art8] = [f for f in findings if f.rule == "unexcused_absences"]
    assert art8.member_id == ids["a"] and art8.severity.value == "warning"  # 3 months: below the new alert
    assert "mức 4 tháng" in art8.message
    s.branch.save_rules(replace(s.branch.rules, attendance_alert_below=85.0))
    [low] = [f for f in s.checks.run(2026) if f.rule == "low_attendance" and f.meeting_id == meeting_ids["2026-09-24"]]
    assert low.severity.value == "alert" and "không quá 85%" in low.message
    report = full_text(open_docx(Path(s.documents.report(periods.quarter(2026, 3), tmp_path / "bc.docx").path)))
    assert "tham dự không quá 85% số đảng viên phải dự" in report  # the report names the same threshold
