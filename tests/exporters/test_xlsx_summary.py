"""The branch summary workbook written and read back: sheets, letterhead, types, formats, print setup, hidden sheet."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.bootstrap import Services
from app.domain import labels, periods, xlsx_text
from app.domain.report import PeriodReport
from exporters.roster_xlsx import RosterOptions
from exporters.summary_reader import read_branch_summary
from exporters.summary_xlsx import FORMAT, HIDDEN_SHEET, META_KEYS, SummaryMeta, render_summary, summary_digest

MADE = datetime(2026, 11, 22, 9, 30)


@pytest.fixture
def quarter_report(demo: Services) -> PeriodReport:
    return demo.reports.period_report(periods.quarter(2026, 3))


def _book(report: PeriodReport, roster: RosterOptions | None = None):  # type: ignore[no-untyped-def]
    data = render_summary(report, SummaryMeta("0.1.0", MADE), roster)
    return load_workbook(io.BytesIO(data)), data


def _rows(ws) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def _find(ws, text: str):  # type: ignore[no-untyped-def]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} not in {ws.title}")


def test_sheets_names_and_order(quarter_report: PeriodReport) -> None:
    wb, _ = _book(quarter_report)
    s = xlsx_text.XLSX_SHEET
    expected = [s["overview"], s["meetings"], s["topics"], s["attendance"], s["hcm"], s["roster"], HIDDEN_SHEET]
    assert wb.sheetnames == expected
    assert all(len(name) <= 31 for name in wb.sheetnames)
    assert [ws.sheet_state for ws in wb.worksheets] == ["visible"] * 6 + ["hidden"]


def test_every_visible_sheet_opens_with_the_letterhead(quarter_report: PeriodReport) -> None:
    wb, _ = _book(quarter_report)
    profile = quarter_report.profile
    for ws in wb.worksheets[:-1]:
        rows = _rows(ws)
        first_column = [r[0] for r in rows[:4]]
        assert first_column == [
            profile.upper_body_2.upper(),
            profile.upper_body.upper(),
            profile.branch_name.upper(),
            "*",
        ], ws.title  # the letterhead alone prints the bodies in capitals
        texts = {v for r in rows[:8] for v in r if isinstance(v, str)}
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts
        assert "Vị Thanh, ngày 22 tháng 11 năm 2026" in texts
        assert "Quý III năm 2026 (từ ngày 01/07/2026 đến ngày 30/09/2026)" in texts
        title = rows[5][0]
        assert title in xlsx_text.XLSX_TITLE.values()
        assert ws["A6"].font.b and ws["A6"].font.sz == 14
        from openpyxl.utils import get_column_letter

        # the title spans the first printed page's columns (a wide sheet goes on to a second page)
        first_page = ws.col_breaks.brk[0].id if ws.col_breaks.brk else ws.max_column
        assert f"A6:{get_column_letter(first_page)}6" in {str(r) for r in ws.merged_cells.ranges}


def test_times_new_roman_everywhere(quarter_report: PeriodReport) -> None:
    wb, _ = _book(quarter_report)
    for ws in wb.worksheets:
        fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
        assert fonts == {"Times New Roman"}, ws.title


def test_numbers_are_numbers_dates_are_dates_percentages_formatted(quarter_report: PeriodReport) -> None:
    wb, _ = _book(quarter_report)
    ws = wb[xlsx_text.XLSX_SHEET["meetings"]]
    header = _find(ws, xlsx_text.XLSX_COLUMN["date"])
    first = header.row + 1
    day = ws.cell(first, header.column)
    assert isinstance(day.value, datetime) and day.number_format == "dd/mm/yyyy"
    assert day.value.date() == quarter_report.meetings[0].meeting.on
    pct = ws.cell(first, _find(ws, xlsx_text.XLSX_COLUMN["pct"]).column)
    assert isinstance(pct.value, float) and pct.number_format == "0.0%"
    assert pct.value == pytest.approx(quarter_report.meetings[0].summary.pct / 100)
    present = ws.cell(first, _find(ws, xlsx_text.XLSX_COLUMN["present"]).column)
    assert present.value == quarter_report.meetings[0].summary.present and isinstance(present.value, int)
    overview = wb[xlsx_text.XLSX_SHEET["overview"]]
    rate = _find(overview, labels.FIGURE_LABEL["attendance_pct"])
    cell = overview.cell(rate.row, rate.column + 1)
    assert cell.number_format == "0.0%"
    assert cell.value == pytest.approx(quarter_report.key_figures()["attendance_pct"] / 100)


def test_frozen_header_and_print_setup(quarter_report: PeriodReport) -> None:
    wb, _ = _book(quarter_report)
    for ws in wb.worksheets[:-1]:
        assert ws.page_setup.paperSize in (9, "9")
        assert not ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.scale) == 100  # never shrunk
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith("10")
        assert ws.print_title_rows == "$9:$9"
        assert ws.conditional_formatting  # the table's grid
    assert wb[xlsx_text.XLSX_SHEET["attendance"]].page_setup.orientation == "landscape"
    assert wb[xlsx_text.XLSX_SHEET["overview"]].page_setup.orientation == "portrait"


def test_attendance_matrix_in_name_order_with_codes_and_flags(quarter_report: PeriodReport) -> None:
    wb, _ = _book(quarter_report)
    ws = wb[xlsx_text.XLSX_SHEET["attendance"]]
    header = _find(ws, xlsx_text.XLSX_COLUMN["name"])
    names = [
        ws.cell(r, header.column).value for r in range(header.row + 1, header.row + 1 + len(quarter_report.attendance))
    ]
    assert names == [line.member.full_name for line in quarter_report.attendance]
    months = [ws.cell(header.row, c).value for c in range(5, 8)]
    assert months == ["T7/2026", "T8/2026", "T9/2026"]
    letters = {ws.cell(r, c).value for r in range(header.row + 1, header.row + 1 + len(names)) for c in range(5, 8)}
    assert letters <= set(labels.ATTENDANCE_LETTER.values()) | {None}
    assert "x" in letters and "K" in letters
    flagged = [line for line in quarter_report.attendance if line.unexcused_months]
    assert flagged
    flag_col = _find(ws, xlsx_text.XLSX_COLUMN["flag"]).column
    count_col = _find(ws, xlsx_text.XLSX_COLUMN["months_unexcused"]).column
    for offset, line in enumerate(quarter_report.attendance):
        assert ws.cell(header.row + 1 + offset, count_col).value == line.unexcused_months
    flags = {ws.cell(r, flag_col).value for r in range(header.row + 1, header.row + 1 + len(names))}
    assert flags & set(xlsx_text.XLSX_ATTENDANCE_FLAG.values())
    assert _find(ws, xlsx_text.XLSX_ATTENDANCE_LEGEND)


def test_roster_leaves_out_cccd_and_phone_unless_asked(demo: Services, quarter_report: PeriodReport) -> None:
    first = quarter_report.roll[0]
    member = replace(first, cccd="001234567890", phone="0912345678")
    report = replace(quarter_report, roll=(member, *quarter_report.roll[1:]))
    wb, _ = _book(report)
    ws = wb[xlsx_text.XLSX_SHEET["roster"]]
    values = {v for r in _rows(ws) for v in r}
    assert "001234567890" not in values and "0912345678" not in values
    assert xlsx_text.XLSX_COLUMN["cccd"] not in values
    wb, _ = _book(report, RosterOptions(with_cccd=True, with_phone=True))
    values = {v for r in _rows(wb[xlsx_text.XLSX_SHEET["roster"]]) for v in r}
    assert {"001234567890", "0912345678", xlsx_text.XLSX_COLUMN["cccd"], xlsx_text.XLSX_COLUMN["phone"]} <= values


def test_hidden_sheet_carries_every_figure_and_meta(quarter_report: PeriodReport) -> None:
    wb, _ = _book(quarter_report)
    rows = _rows(wb[HIDDEN_SHEET])
    meta = {r[1]: r[2] for r in rows if r[0] == "meta"}
    assert list(meta) == list(META_KEYS)
    assert meta["format"] == FORMAT and meta["format_version"] == "1"
    assert meta["branch_code"] == quarter_report.profile.branch_code and meta["period_key"] == "2026-Q3"
    assert meta["branch_code"].startswith("demo-")  # one code per demo file
    assert meta["period_start"] == "2026-07-01" and meta["period_end"] == "2026-09-30"
    assert meta["generated_at"] == "2026-11-22T09:30:00" and meta["app_version"] == "0.1.0"
    figures = {r[1]: r[2] for r in rows if r[0] == "figure"}
    assert figures == quarter_report.key_figures()
    assert all(isinstance(v, int | float) for v in figures.values())
    digest = next(r[2] for r in rows if r[0] == "digest")
    assert digest == summary_digest(meta, figures)
    overview = wb[xlsx_text.XLSX_SHEET["overview"]]
    for r in rows:
        if r[0] == "figure":
            assert overview[r[4]].value == pytest.approx(r[2] / r[5]), r[1]


def test_read_back_round_trip(tmp_path: Path, quarter_report: PeriodReport) -> None:
    path = tmp_path / "th.xlsx"
    path.write_bytes(render_summary(quarter_report, SummaryMeta("0.1.0", MADE)))
    figures = read_branch_summary(path)
    assert figures.figures == quarter_report.key_figures()
    assert figures.branch_name == quarter_report.profile.branch_name
    assert figures.period_label == "quý III năm 2026"


def test_formula_like_text_stays_text(quarter_report: PeriodReport) -> None:
    member = replace(quarter_report.roll[0], job_position='=HYPERLINK("http://x")')
    wb, _ = _book(replace(quarter_report, roll=(member, *quarter_report.roll[1:])))
    ws = wb[xlsx_text.XLSX_SHEET["roster"]]
    cell = _find(ws, '=HYPERLINK("http://x")')
    assert cell.data_type == "s"


def test_year_summary_has_twelve_months_and_four_quarters(demo: Services) -> None:
    report = demo.reports.period_report(periods.year(2026))
    wb, _ = _book(report)
    figures = {r[1] for r in _rows(wb[HIDDEN_SHEET]) if r[0] == "figure"}
    assert {f"meetings_2026-{m:02d}" for m in range(1, 13)} <= figures
    assert {f"thematic_2026-Q{q}" for q in range(1, 5)} <= figures
    ws = wb[xlsx_text.XLSX_SHEET["attendance"]]
    header = _find(ws, xlsx_text.XLSX_COLUMN["name"])
    months = [
        v
        for v in (ws.cell(header.row, c).value for c in range(1, ws.max_column + 1))
        if str(v).startswith("T") and str(v).endswith("/2026")
    ]
    assert months[0] == "T1/2026" and months[-1] == "T12/2026"
    assert len(set(months)) == 12  # across two printed pages


def test_custom_range_and_empty_branch(services: Services) -> None:
    from app.domain.branch_profile import BranchProfile

    services.branch.save_profile(BranchProfile(branch_name="CHI BỘ MỚI", upper_body="ĐẢNG ỦY XÃ"))
    report = services.reports.period_report(periods.custom(date(2026, 1, 15), date(2026, 2, 20)))
    wb, _ = _book(report)
    rows = _rows(wb[HIDDEN_SHEET])
    meta = {r[1]: r[2] for r in rows if r[0] == "meta"}
    assert meta["period_kind"] == "custom" and meta["period_key"] == "2026-01-15_2026-02-20"
    first_column = [r[0] for r in _rows(wb.worksheets[0])]
    assert first_column[:6] == [
        "ĐẢNG ỦY XÃ",
        "CHI BỘ MỚI",
        "*",
        None,
        xlsx_text.XLSX_TITLE["overview"],
        "Từ ngày 15/01/2026 đến ngày 20/02/2026",
    ]
    assert meta["branch_code"]  # generated once by save_profile: consolidation needs it


def test_whole_number_percentages_survive_the_round_trip(demo: Services, tmp_path: Path) -> None:
    # 86.0 is stored as "86" and read back as the int 86; the digest must not tell them apart.
    report = demo.reports.period_report(periods.quarter(2026, 2))
    assert float(report.key_figures()["attendance_pct"]).is_integer()
    path = tmp_path / "q2.xlsx"
    path.write_bytes(render_summary(report, SummaryMeta("0.1.0", MADE)))
    assert read_branch_summary(path).figures["attendance_pct"] == report.key_figures()["attendance_pct"]
