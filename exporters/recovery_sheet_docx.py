"""The recovery sheet (tờ mã khôi phục): one A4 page with the code, to print and keep with the minutes book.

Plain values in, .docx bytes out. No Qt, no SQL. The file holds a secret: the caller tells the user to
print it and delete it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecoverySheet:
    title: str
    branch: str
    upper_body: str
    made_on: str  # "ngày 01 tháng 12 năm 2026"
    code: str
    lines: Sequence[str]
    keeper_line: str = "Người giữ tờ mã khôi phục (ký, ghi rõ họ tên): ............................................"

    def __repr__(self) -> str:
        return "RecoverySheet(***)"


def render(sheet: RecoverySheet) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)

    def para(text: str, *, bold: bool = False, size: int = 14, center: bool = False, font: str = "") -> None:
        p = doc.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(6)
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
        if font:
            run.font.name = font

    if sheet.upper_body:
        para(sheet.upper_body.upper(), size=13, center=True)
    para(sheet.branch.upper(), bold=True, size=13, center=True)
    para("")
    para(sheet.title, bold=True, size=16, center=True)
    para(f"Lập {sheet.made_on}", center=True)
    para("")
    para("MÃ KHÔI PHỤC", bold=True, center=True)
    para(sheet.code, bold=True, size=24, center=True, font="Courier New")
    para("")
    for line in sheet.lines:
        para(line)
    para("")
    para(sheet.keeper_line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
