"""Sheets that declare (or hold) far more than a member list: bounded time and memory, whatever they say.

Issue #16 finding 2: a 2 KB .xlsx declaring 1,048,576 rows x 16,384 columns, one member on the last row,
hung ``members import`` for hours (the reader walked every declared cell). Each case runs the real CLI in
a child process with a generous wall-clock bound, and its peak memory is read from the operating system.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.bootstrap import Services
from app.domain import periods
from tests.exporters import xlsx_samples

ROOT = Path(__file__).resolve().parents[2]
#: Generous on purpose: a loaded 2-core machine; the old code took hours on these files.
WALL_SECONDS = 30
PEAK_MB = 500


def _cli(*args: str) -> tuple[int, str, str, float, float]:
    """Run ``python -m app ARGS`` in a child; (exit code, stdout, stderr, seconds, the child's peak RSS MB)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        out, err = proc.communicate(timeout=WALL_SECONDS * 2)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"python -m app {' '.join(args)} still running after {WALL_SECONDS * 2} s")
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far, in MB
    return proc.returncode, out, err, seconds, peak


def _declare(data: bytes, ref: str = "A1:XFD1048576") -> bytes:
    """Make a worksheet claim *ref* as its size, whatever it really holds."""
    if b"<dimension" in data:
        return re.sub(rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>'.encode(), data)
    return data.replace(b"<sheetData", f'<dimension ref="{ref}"/><sheetData'.encode(), 1)


def _add_rows(data: bytes, rows: bytes) -> bytes:
    return data.replace(b"</sheetData>", rows + b"</sheetData>", 1) if b"</sheetData>" in data else data


HEADER = ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng"]


def _member_on_the_last_row(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for column, value in enumerate([1, "Trần Văn Cuối", "05/02/1975", "03/04/2000"], start=1):
        ws.cell(row=1_048_576, column=column, value=value)
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    part = xlsx_samples.first_sheet_part(plain)
    return xlsx_samples.rewrite_part(plain, tmp_path / "khai-bao-lon.xlsx", part, _declare)


def test_a_sheet_declaring_a_million_rows_and_16384_columns_imports_in_seconds(tmp_path: Path) -> None:
    hostile = _member_on_the_last_row(tmp_path)
    assert hostile.stat().st_size < 10_000  # a few kilobytes that claim 17 billion cells
    db = tmp_path / "cb.sqlite3"
    code, out, err, seconds, peak = _cli("--db", str(db), "members", "import", str(hostile), "--dry-run")
    assert code == 0, err
    assert "Trần Văn Cuối" in out and "1048576" in out  # the member on the last row, found by its row number
    assert seconds < WALL_SECONDS and peak < PEAK_MB, (seconds, peak)


def test_a_cell_far_right_on_every_row_is_not_padded(tmp_path: Path) -> None:
    """Real content, hostile shape: 40,000 rows, each with one cell in column XFD (16,384 wide when padded)."""
    base = xlsx_samples.member_list(
        tmp_path / "base.xlsx", [[1, "Lê Thị Một", "01/01/1980", "01/01/2005"]], HEADER, title_rows=0
    )
    far = b"".join(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (r, r) for r in range(10, 40_010))
    hostile = xlsx_samples.rewrite_part(
        base, tmp_path / "xa-ben-phai.xlsx", xlsx_samples.first_sheet_part(base), lambda d: _declare(_add_rows(d, far))
    )
    code, out, err, seconds, peak = _cli("--db", str(tmp_path / "cb.sqlite3"), "members", "import", str(hostile))
    assert code == 0, err
    assert "Thêm mới 1 đồng chí" in out
    assert seconds < WALL_SECONDS and peak < PEAK_MB, (seconds, peak)


def test_a_sheet_with_too_many_rows_is_refused_with_a_sentence(tmp_path: Path) -> None:
    """An honest 3-column sheet of 300,000 rows (under the unpacked-size limit): refused, quickly, by name."""
    base = xlsx_samples.member_list(
        tmp_path / "base.xlsx", [[1, "Lê Thị Một", "01/01/1980", "01/01/2005"]], HEADER, title_rows=0
    )
    many = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="C%d"><v>27000</v></c><c r="D%d"><v>38000</v></c></row>'
        % (r, r, r, r, r)
        for r in range(3, 300_003)
    )
    hostile = xlsx_samples.rewrite_part(
        base, tmp_path / "qua-nhieu.xlsx", xlsx_samples.first_sheet_part(base), lambda d: _add_rows(d, many)
    )
    db = tmp_path / "cb.sqlite3"
    code, _, err, seconds, peak = _cli("--db", str(db), "members", "import", str(hostile))
    assert code == 1 and "quá nhiều dòng" in err and "Traceback" not in err, err
    assert seconds < WALL_SECONDS and peak < PEAK_MB, (seconds, peak)


@pytest.fixture
def branch_summary(demo: Services, tmp_path: Path) -> Path:
    report = demo.reports.period_report(periods.quarter(2026, 3))
    return xlsx_samples.branch_file(report, tmp_path / "nguon" / "chi-bo.xlsx", code="cb1", name="CHI BỘ A")


def test_consolidating_a_summary_that_declares_huge_sheets(branch_summary: Path, tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(branch_summary) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    declared = tmp_path / "usb" / "khai-bao-lon.xlsx"
    declared.parent.mkdir()
    current = branch_summary
    for i, part in enumerate(sheets):
        target = tmp_path / f"step{i}.xlsx"
        current = xlsx_samples.rewrite_part(current, target, part, _declare)
    declared.write_bytes(current.read_bytes())
    out = tmp_path / "tong-hop.xlsx"
    code, _, err, seconds, peak = _cli("consolidate", str(declared.parent), "--out", str(out))
    assert code == 0, err
    assert out.exists()
    assert seconds < WALL_SECONDS and peak < PEAK_MB, (seconds, peak)


def test_a_figure_pointing_at_the_last_cell_is_refused_in_seconds(branch_summary: Path, tmp_path: Path) -> None:
    """The hidden sheet's cell references are not under its digest: XFD1048576 must not be walked to."""
    row, _, _, _ = xlsx_samples.hidden_figure_row(branch_summary, "members_total")
    usb = tmp_path / "usb"
    usb.mkdir()
    xlsx_samples.edit_cells(branch_summary, usb / "o-xa.xlsx", {("_sochibo", f"E{row}"): "XFD1048576"})
    code, stdout, err, seconds, peak = _cli("consolidate", str(usb), "--out", str(tmp_path / "th.xlsx"))
    assert code == 1 and "ngoài bảng" in stdout + err, (stdout, err)
    assert seconds < WALL_SECONDS and peak < PEAK_MB, (seconds, peak)


def test_millions_of_tiny_shared_strings_are_refused_before_loading(tmp_path: Path) -> None:
    """openpyxl builds every shared string at load time, read-only or not: 2 million of them (34 MB) are refused."""
    base = xlsx_samples.member_list(
        tmp_path / "base.xlsx", [[1, "Lê Thị Một", "01/01/1980", "01/01/2005"]], HEADER, title_rows=0
    )

    import io
    import zipfile

    sst = b'<?xml version="1.0" encoding="UTF-8"?>'
    sst += b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    sst += b"<si><t>a</t></si>" * 2_000_000 + b"</sst>"
    rel = (
        b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    )
    ctype = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", rel)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", ctype)
            zout.writestr(info.filename, data)
        zout.writestr("xl/sharedStrings.xml", sst)
    hostile = tmp_path / "chuoi.xlsx"
    hostile.write_bytes(buffer.getvalue())
    assert hostile.stat().st_size < 1_000_000  # a small file: 34 MB of strings packed
    code, _, err, seconds, peak = _cli("--db", str(tmp_path / "cb.sqlite3"), "members", "import", str(hostile))
    assert code == 1 and "quá lớn" in err, err
    assert seconds < WALL_SECONDS and peak < PEAK_MB, (seconds, peak)
