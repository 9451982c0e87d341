"""The periodic report writer on the demo branch's figures: every number printed equals the PeriodReport's."""

from __future__ import annotations

import pytest

from app.bootstrap import Services
from app.domain import periods, vntext
from app.domain.dates import format_dmy
from exporters import wording as W
from exporters.report_docx import render_report, report_blanks
from tests.exporters import samples
from tests.exporters.docx_read import find, open_docx, paragraphs, texts


@pytest.fixture
def q3(demo: Services):
    return demo.reports.period_report(periods.quarter(2026, 3))


def test_quarter_report_numbers_equal_the_period_figures(q3) -> None:
    doc = open_docx(render_report(q3, samples.layout(), signer_name="Bí Thư", number="04"))
    figures = q3.key_figures()
    assert [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs][-1] == "Số 04-BC/CB"
    assert doc.tables[0].rows[0].cells[1].paragraphs[-1].text == "Vị Thanh, ngày 22 tháng 11 năm 2026"
    lines = texts(doc)
    assert lines[lines.index("BÁO CÁO") + 1] == "Kết quả sinh hoạt chi bộ và công tác đảng viên quý III năm 2026"
    roll = find(doc, "Đầu kỳ chi bộ có").text
    assert f"Đầu kỳ chi bộ có {q3.roll_start_count} đảng viên" in roll
    assert f"đến ngày 30/09/2026 chi bộ có {figures['members_total']} đảng viên" in roll
    assert f"chính thức {figures['members_official']}, dự bị {figures['members_probationary']}" in roll
    meetings = find(doc, "Trong kỳ, chi bộ tổ chức").text
    assert f"tổ chức {figures['meetings_total']} buổi sinh hoạt" in meetings
    assert f"{figures['meetings_regular']} buổi sinh hoạt thường kỳ" in meetings
    assert f"({figures['months_with_regular_meeting']}/3 tháng có sinh hoạt thường kỳ)" in meetings
    assert f"bình quân đạt {vntext.percent(figures['attendance_pct'])}" in meetings
    assert f"có {figures['absences_excused']} lượt vắng có lý do" in meetings
    assert f"{figures['absences_unexcused']} lượt vắng không có lý do" in meetings
    table = doc.tables[1]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == list(W.REP_MEETINGS_HEADER)
    assert len(rows) - 1 == figures["meetings_total"]
    for row, f in zip(rows[1:], sorted(q3.meetings, key=lambda f: f.meeting.on), strict=True):
        assert row[1] == format_dmy(f.meeting.on)
        assert row[3] == f"{f.summary.present}/{f.summary.base}"
        assert row[4] == vntext.percent(f.summary.pct)
        assert row[6] == ("\n".join(f.summary.absent_unexcused) or "0")


def test_thematic_topics_changes_and_findings(q3) -> None:
    doc = open_docx(render_report(q3, samples.layout(), signer_name="Bí Thư"))
    lines = texts(doc)
    topics = doc.tables[2]
    assert len(topics.rows) - 1 == len(q3.thematic_meetings)
    first = q3.thematic_meetings[0]
    assert topics.rows[1].cells[2].text == (first.meeting.title or first.assignment.title)
    changes = doc.tables[3]
    assert len(changes.rows) - 1 == len(q3.changes)
    assert changes.rows[1].cells[2].text == q3.changes[0].member.full_name
    limits = lines.index("III. HẠN CHẾ, NGUYÊN NHÂN")
    following = lines.index("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI")
    section_iii = lines[limits + 1 : following]
    assert section_iii[0] == W.REP_FINDINGS_HEAD
    subjects = [line.split(":")[0][2:] for line in section_iii[1:] if line.startswith("- Về ")]
    assert subjects and subjects == [s for s in W.REP_SUBJECTS.values() if s in subjects]  # in the fixed order
    for f in q3.findings:
        if f.rule in W.REMINDER_RULES:
            assert lines.index(f"- {f.message}") > following
    # the narrative stays editable: lines to write on, not invented text
    assert any(p.style.name == "Fill-in Line" and p.text.startswith(W.REP_HCM_EXAMPLES) for p in paragraphs(doc))
    right = doc.tables[-1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs if p.text] == ["T/M CHI BỘ", "BÍ THƯ", "Bí Thư"]


def test_year_report_lists_months_without_a_regular_meeting(demo: Services) -> None:
    report = demo.reports.period_report(periods.year(2026))
    doc = open_docx(render_report(report, samples.layout()))
    # the demo leaves February without a regular meeting on purpose
    assert "Các tháng chưa tổ chức sinh hoạt thường kỳ: 2/2026." in texts(doc)
    assert report_blanks(report) == ("signer",)
    assert doc.tables[-1].rows[0].cells[1].paragraphs[-1].text == W.BLANK


def test_half_year_label(demo: Services) -> None:
    report = demo.reports.period_report(periods.half(2026, 1))
    doc = open_docx(render_report(report, samples.layout(), signer_name="X"))
    assert "Kết quả sinh hoạt chi bộ và công tác đảng viên 6 tháng đầu năm 2026" in texts(doc)
