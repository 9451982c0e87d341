"""The summary workbook on paper: every sheet printed through LibreOffice onto A4 has no text below ~9 pt and no
letters printing over each other (measured from the PDF's word boxes), is never shrunk to fit, keeps its row
heights, and a sheet wider than the page goes on to a second page with its first columns repeated."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain import periods, xlsx_text
from exporters.summary_xlsx import SummaryMeta, render_summary
from exporters.xlsx_print import PAGE_UNITS, line_count, one_line_chars, page_blocks
from tests.conftest import NOW
from tests.exporters.pdf_words import overlaps, words

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MIN_PT = 8.9


def _summary(kind: str) -> bytes:
    from app.bootstrap import open_services
    from app.config import AppPaths

    with tempfile.TemporaryDirectory() as folder:
        s = open_services(AppPaths.under(Path(folder)), now=lambda: NOW, lock=False, backup_on_start=False)
        try:
            s.demo.fill()
            period = periods.year(2026) if kind == "year" else periods.quarter(2026, 3)
            return render_summary(s.reports.period_report(period), SummaryMeta("test", NOW))
        finally:
            s.close()


@pytest.fixture(scope="module")
def books() -> dict[str, bytes]:
    return {kind: _summary(kind) for kind in ("year", "quarter")}


@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None, reason="LibreOffice or poppler missing")
@pytest.mark.parametrize("kind", ["year", "quarter"])
def test_every_sheet_prints_legibly_on_a4(books: dict[str, bytes], kind: str, tmp_path: Path) -> None:
    source = tmp_path / f"tong-hop-{kind}.xlsx"
    source.write_bytes(books[kind])
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=240, check=False,
    )  # fmt: skip
    pdf = source.with_suffix(".pdf")
    if not pdf.exists():
        pytest.skip("LibreOffice Calc (libreoffice-calc-nogui) not installed")
    found = words(pdf)
    text = " ".join(w.text for w in found)
    for key in ("overview", "meetings", "topics", "attendance", "hcm", "roster"):  # every visible sheet printed
        assert " ".join(xlsx_text.XLSX_TITLE[key].split()[:4]) in text, key
    small = [(w.page, w.text, round(w.size_pt, 1)) for w in found if w.size_pt < MIN_PT]
    assert not small, small[:10]
    clashes = [(a.page, a.text, b.text) for a, b in overlaps(found)]
    assert not clashes, clashes[:10]


def test_never_shrunk_to_fit_and_row_heights_are_stored(books: dict[str, bytes]) -> None:
    wb = load_workbook(io.BytesIO(books["year"]))
    for ws in wb.worksheets[:-1]:
        assert not ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert int(ws.page_setup.scale) == 100
        assert ws.print_title_rows  # the header rows repeat on every page
        header = ws.print_title_rows.split(":")[-1].strip("$")
        assert ws.row_dimensions[int(header)].height >= 15.75  # tall enough for its wrapped lines
    wrapped = 0
    for ws in wb.worksheets[:-1]:  # every text longer than its column has a row tall enough, stored for Excel
        header = int(ws.print_title_rows.split(":")[-1].strip("$"))
        merged = {c for r in ws.merged_cells.ranges for row in ws.iter_rows(
            min_row=r.min_row, max_row=r.max_row, min_col=r.min_col, max_col=r.max_col) for c in row}  # fmt: skip
        for row in ws.iter_rows(min_row=header + 1):
            for cell in row:
                if not isinstance(cell.value, str) or cell in merged:
                    continue
                lines = line_count(cell.value, ws.column_dimensions[cell.column_letter].width)
                if lines > 1 and cell.alignment.wrap_text:
                    wrapped += 1
                    dims = ws.row_dimensions[cell.row]
                    assert dims.customHeight and dims.height >= lines * 15.75, (ws.title, cell.coordinate)
                elif lines > 1:  # a label that does not wrap ("Tổng cộng") runs on only into an empty cell
                    assert ws.cell(cell.row, cell.column + 1).value in (None, ""), (ws.title, cell.coordinate)
    assert wrapped > 10


def test_a_wide_sheet_goes_on_to_a_second_page_with_its_first_columns_again(books: dict[str, bytes]) -> None:
    ws = load_workbook(io.BytesIO(books["year"]))[xlsx_text.XLSX_SHEET["meetings"]]
    header = int(ws.print_title_rows.split(":")[-1].strip("$"))
    names = [ws.cell(header, c).value for c in range(1, ws.max_column + 1)]
    breaks = [b.id for b in ws.col_breaks.brk]
    assert len(breaks) == 1
    first, second = names[: breaks[0]], names[breaks[0] :]
    assert second[:3] == first[:3] == [xlsx_text.XLSX_COLUMN[k] for k in ("stt", "month", "date")]
    widths = [ws.column_dimensions[ws.cell(header, c).column_letter].width for c in range(1, ws.max_column + 1)]
    assert sum(widths[: breaks[0]]) <= PAGE_UNITS[True] and sum(widths[breaks[0] :]) <= PAGE_UNITS[True]
    # each printed row carries its own STT and date on the second page too
    row = header + 1
    assert [ws.cell(row, c).value for c in (1, 3)] == [ws.cell(row, breaks[0] + c).value for c in (1, 3)]


def test_page_blocks() -> None:
    assert page_blocks([10, 10, 10], 40, 1) == [0]
    assert page_blocks([10, 20, 20, 20], 40, 1) == [0, 2, 3]
    assert page_blocks([30, 30], 40, 0) == [0, 1]


@pytest.mark.parametrize("width", [1, 5, 6, 7, 8, 11, 16, 22, 26, 44])
def test_a_text_short_enough_to_skip_measuring_fits_one_line(width: float) -> None:
    # The table writer measures only texts longer than one_line_chars: any shorter one must measure one line.
    n = one_line_chars(width)
    for text in ("W" * n, "Đ%" * (n // 2), ("mW " * n)[:n], " " * n, "i" * n):
        assert line_count(text, width) == 1, (width, text)
    if n:
        assert line_count("W" * (n + 2), width) > 1  # and the bound is not far off: two more wide letters wrap
