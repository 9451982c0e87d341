"""Documents as the upper committee reads them, written through the services and read back: the report speaks in
the branch's voice, a running period is never "missed", names keep their capitals, every section prints once."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from app.bootstrap import Services, open_services
from app.config import AppPaths
from app.domain import labels, periods, xlsx_text
from app.domain.meeting_record import MeetingKind, MeetingStatus
from exporters import wording as W
from tests.exporters.docx_read import full_text, open_docx, paragraphs, texts

FIRST_OF_DECEMBER = datetime(2026, 12, 1, 8, 0)
TAGS = re.compile(r"\[(" + "|".join(re.escape(v) for v in labels.SEVERITY.values()) + r")\]")


@pytest.fixture
def december(tmp_path: Path):
    """The demo branch on 1 December 2026: December and the fourth quarter have begun, not ended."""
    s = open_services(AppPaths.under(tmp_path / "dec"), now=lambda: FIRST_OF_DECEMBER, backup_on_start=False)
    s.demo.fill()
    yield s
    s.close()


def test_the_report_has_no_severity_tags_and_groups_findings_by_subject(demo: Services, tmp_path: Path) -> None:
    out = demo.documents.report(periods.year(2026), tmp_path / "bao-cao.docx").path
    text = full_text(open_docx(out))
    assert not TAGS.search(text), TAGS.search(text)
    lines = texts(open_docx(out))
    section = lines[lines.index("III. HẠN CHẾ, NGUYÊN NHÂN") + 1 : lines.index("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI")]
    # the demo leaves February without a regular meeting and has members absent without reason (Art. 8)
    meetings = next(x for x in section if x.startswith("- Về nền nếp sinh hoạt chi bộ: "))
    assert "Trong kỳ, chi bộ chưa tổ chức sinh hoạt thường kỳ tháng 2/2026." in meetings
    members = next(x for x in section if x.startswith("- Về công tác đảng viên: "))
    assert re.search(
        r"Đồng chí [^.]+ vắng sinh hoạt không có lý do 3 tháng trong năm 2026 \(tháng 3, 5 và 7\)\.", members
    )
    assert "Điều 8 Điều lệ Đảng" in members
    # the program's own phrasing ("… chưa có cuộc sinh hoạt … nào được ghi") is not what the branch writes
    assert "được ghi" not in "\n".join(section)


def test_a_running_month_and_quarter_are_never_missed(december: Services, tmp_path: Path) -> None:
    today = FIRST_OF_DECEMBER.date()
    findings = december.checks.run(2026)
    assert not [f for f in findings if f.period in ("2026-12", "2026-Q4") and f.rule.endswith("_missing")]
    out = december.documents.report(periods.year(2026), tmp_path / "bao-cao-nam.docx").path
    text = full_text(open_docx(out))
    assert "12/2026" not in text.split("III. HẠN CHẾ")[0].split("Các tháng chưa tổ chức")[-1].split(".")[0]
    assert "Các tháng chưa tổ chức sinh hoạt thường kỳ: 2/2026." in text
    held = december.reports.period_report(periods.year(2026)).months_with_regular_meeting
    assert f"({held}/{held + 1} tháng có sinh hoạt thường kỳ)" in text  # 11 ended months, one of them missed
    assert "tháng 12/2026" not in text and "quý IV năm 2026" not in text.split("III. HẠN CHẾ")[1].split("IV.")[0]
    # the summary workbook says the same: the running month is marked as not yet over, not as missing
    import openpyxl

    book = december.summary.export(periods.year(2026), tmp_path / "tong-hop.xlsx")
    ws = openpyxl.load_workbook(book)[xlsx_text.XLSX_SHEET["overview"]]
    rows = {r[1]: r[3] for r in ws.iter_rows(values_only=True) if r[1]}
    assert rows[labels.figure_label("meetings_2026-12")] == xlsx_text.XLSX_RUNNING
    assert rows[labels.figure_label("meetings_2026-11")] in (None, "")
    assert today.month == 12


def test_names_keep_their_capitals_outside_the_letterhead(demo: Services, tmp_path: Path) -> None:
    profile = demo.branch.profile()
    demo.branch.save_profile(replace(profile, upper_body="Đảng ủy phường Hòa Bình", branch_name="Chi bộ Khu phố 3"))
    meeting = next(m for m in demo.meetings.list(year=2026) if m.status is MeetingStatus.ADOPTED)
    assert meeting.id is not None
    for path in (
        demo.documents.resolution(meeting.id, tmp_path / "nq.docx").path,
        demo.documents.report(periods.quarter(2026, 3), tmp_path / "bc.docx").path,
    ):
        doc = open_docx(path)
        left = doc.tables[0].rows[0].cells[0]
        assert [p.text for p in left.paragraphs][:2] == ["ĐẢNG ỦY PHƯỜNG HÒA BÌNH", "CHI BỘ KHU PHỐ 3"]
        recipients = [p.text for p in doc.tables[-1].rows[0].cells[0].paragraphs]
        assert "- Đảng ủy phường Hòa Bình (để báo cáo);" in recipients, recipients
    # a name typed in capitals stays in capitals: nothing is rewritten
    demo.branch.save_profile(replace(profile, upper_body="ĐẢNG ỦY PHƯỜNG HÒA BÌNH"))
    doc = open_docx(demo.documents.resolution(meeting.id, tmp_path / "nq2.docx").path)
    assert "- ĐẢNG ỦY PHƯỜNG HÒA BÌNH (để báo cáo);" in [p.text for p in doc.tables[-1].rows[0].cells[0].paragraphs]


def test_each_section_prints_once_and_the_dues_once(demo: Services, tmp_path: Path) -> None:
    regular = next(
        m for m in demo.meetings.load(year=2026) if m.kind is MeetingKind.REGULAR and m.status is MeetingStatus.ADOPTED
    )
    assert regular.id is not None and regular.dues_note
    for kind, path in (
        ("minutes", demo.documents.minutes(regular.id, tmp_path / "bb.docx").path),
        ("resolution", demo.documents.resolution(regular.id, tmp_path / "nq.docx").path),
    ):
        doc = open_docx(path)
        body = [p.text for p in paragraphs(doc) if p.text.strip()]
        headings = [t for t in body if re.match(r"^([IVX]+|\d+)\. ", t)]
        assert len(headings) == len(set(headings)), (kind, headings)
        dues = [t for t in body if "đảng phí" in t.lower() and t not in headings]
        assert len(dues) == 1 and regular.dues_note in dues[0], (kind, dues)
    # a section the secretary wrote about the dues takes the dues note instead of a second "dues" item
    dues = replace(regular.sections[-1], title="Công tác đảng viên; tình hình nộp đảng phí", body="")
    rewritten = replace(regular, id=None, sections=(*regular.sections[:-1], dues), on=date(2026, 11, 20))
    new_id = demo.ctx.meetings.add(rewritten)
    doc = open_docx(demo.documents.minutes(new_id, tmp_path / "bb2.docx").path)
    body = [p.text for p in paragraphs(doc) if p.text.strip()]
    assert sum(W.DUES_ITEM.lower() in t.lower() for t in body) == 1
    assert body.count(regular.dues_note) == 1
