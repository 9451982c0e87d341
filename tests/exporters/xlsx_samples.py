"""Real .xlsx files for the Excel tests: branch summaries, member lists, and hostile files made from them."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.report import PeriodReport
from exporters.summary_xlsx import SummaryMeta, render_summary

MADE = datetime(2026, 11, 22, 9, 30)


def branch_file(
    report: PeriodReport,
    path: Path,
    *,
    code: str,
    name: str,
    made: datetime = MADE,
    upper_body: str = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
) -> Path:
    """A branch summary as another branch would send it: same figures, its own name and identifier."""
    profile = replace(report.profile, branch_code=code, branch_name=name, upper_body=upper_body)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_summary(replace(report, profile=profile), SummaryMeta("0.1.0", made)))
    return path


def rewrite_part(src: Path, dst: Path, part: str, transform: Any) -> Path:
    """Copy the zip *src* to *dst* with one member's bytes passed through *transform*."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = transform(data)
            zout.writestr(info.filename, data)
    dst.write_bytes(buffer.getvalue())
    return dst


def first_sheet_part(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))[0]


def entity_bomb(src: Path, dst: Path) -> Path:
    """Billion laughs injected into the first worksheet (TECH-NOTES §7.1)."""
    entities = [b'<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        entities.append(b'<!ENTITY lol%d "%s">' % (level, b"&lol%d;" % (level - 1) * 10))
    doctype = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [' + b"".join(entities) + b"]>\n"
    cell = b"<row r='999'><c r='A999' t='inlineStr'><is><t>&lol9;</t></is></c></row></sheetData>"

    def inject(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return doctype + body.replace(b"</sheetData>", cell)

    return rewrite_part(src, dst, first_sheet_part(src), inject)


def zip_bomb(src: Path, dst: Path, megabytes: int = 60) -> Path:
    """A small file that unpacks to *megabytes* of whitespace in the first worksheet."""
    pad = b" " * (megabytes * 2**20)
    return rewrite_part(
        src, dst, first_sheet_part(src), lambda data: data.replace(b"<sheetData>", b"<sheetData>" + pad, 1)
    )


def truncated(src: Path, dst: Path, fraction: float = 0.5) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst


def docx_file(dst: Path) -> Path:
    from docx import Document

    document = Document()
    document.add_paragraph("Biên bản sinh hoạt chi bộ")
    document.save(str(dst))
    return dst


def xls_file(dst: Path) -> Path:
    """The first bytes of an OLE2 compound file: an old .xls, or any password-protected Office file."""
    dst.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Workbook" + bytes(1000))
    return dst


def edit_cells(src: Path, dst: Path, edits: dict[tuple[str, str], Any]) -> Path:
    """Open, change cells and save, as a user would in Excel. *edits*: (sheet, "C12") -> value."""
    from openpyxl import load_workbook

    wb = load_workbook(src)
    for (sheet, ref), value in edits.items():
        wb[sheet][ref].value = value
    wb.save(dst)
    return dst


def hidden_figure_row(path: Path, key: str) -> tuple[int, Any, str, str]:
    """(row, value, sheet, cell) of a figure in the hidden sheet."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        for number, row in enumerate(wb["_sochibo"].iter_rows(values_only=True), start=1):
            if row[0] == "figure" and row[1] == key:
                return number, row[2], row[3], row[4]
    finally:
        wb.close()
    raise KeyError(key)


def member_list(
    path: Path,
    rows: list[list[Any]],
    header: list[str] | None = None,
    *,
    title_rows: int = 2,
    fonts: dict[tuple[int, int], str] | None = None,
) -> Path:
    """A member list the way branches keep them: a title, a blank line, a header row, the rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    if title_rows:
        ws.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ"])
        for _ in range(title_rows - 1):
            ws.append([])
    if header is not None:
        ws.append(header)
    for row in rows:
        ws.append(row)
    for (r, c), font in (fonts or {}).items():
        ws.cell(r, c).font = Font(name=font)
    wb.save(path)
    return path
