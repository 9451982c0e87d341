"""The upper committee's consolidated workbook: one row per branch, a totals row, rejected files, the receipt.

Consolidation (plain data from app.domain.consolidation) in, bytes out. No SQL, no Qt.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain import messages_dues as mdues
from app.domain import messages_kl01 as mk
from app.domain import messages_ratings as rmsg
from app.domain import xlsx_text
from app.domain.consolidation import Consolidation
from app.domain.dates import format_place_date
from exporters.kl01_consolidated import write_kl01_sheet
from exporters.xlsx_style import Column, SheetLetterhead, StyledBook


def render_consolidated(result: Consolidation, made_at: datetime) -> bytes:
    book = StyledBook()
    body, body_2 = result.upper_names()
    label = result.period_label or result.period_key

    def letterhead(sheet: str, title: str = "") -> SheetLetterhead:
        # The receiving committee writes its own letterhead: its superior above, itself in bold.
        return SheetLetterhead(
            upper_body=body_2,
            branch_name=body,
            date_line=format_place_date("", made_at.date()),
            title=title or xlsx_text.XLSX_TITLE[sheet],
            period_line=label[:1].upper() + label[1:],
        )

    _branches(book, letterhead("branches"), result)
    write_kl01_sheet(book, letterhead("kl01", mk.XLSX_TITLE), result, mk.XLSX_SHEET)
    _rejected(book, letterhead("rejected"), result)
    _files(book, letterhead("files"), result)
    return book.to_bytes()


def _branches(book: StyledBook, lh: SheetLetterhead, result: Consolidation) -> None:
    c = xlsx_text.XLSX_COLUMN
    # the year's ratings, when the files carry them (summaries of a period that ends the year)
    ratings = [col for col in rmsg.CONSOLIDATION_COLUMNS if any(col[0] in b.figures for b in result.branches)]
    columns = [
        Column(c["stt"], 5, "num"),
        Column(c["branch"], 36, "wrap"),
        Column(c["members"], 9, "int"),
        *(Column(f"Thường kỳ T{int(m[5:7])}/{m[:4]}", 10, "num") for m in result.months),
        Column(c["months_held"], 10, "num"),
        *(Column(f"Chuyên đề quý {_roman(q)}/{q[:4]}", 11, "num") for q in result.quarters),
        Column(c["attendance_pct"], 10, "pct"),
        Column(c["unexcused"], 9, "int"),
        Column(c["topics_presented"], 10, "int"),
        *(Column(label, 13, "int") for label in mdues.CONSOLIDATED_COLUMNS.values()),
        *(Column(label, 10, "int") for _, label in ratings),
        Column(c["generated"], 16, "datetime"),
        Column(c["file"], 40, "wrap"),
    ]
    months = len(result.months)
    quarters = len(result.quarters)
    table = book.sheet(
        xlsx_text.XLSX_SHEET["branches"],
        lh,
        columns,
        landscape=True,
        freeze_col=2,
        data_rows=len(result.branches) + 1,
    )
    for number, b in enumerate(result.branches, start=1):
        f = b.figures
        table.row(
            [
                number,
                b.branch_name,
                f.get("members_total"),
                *(f.get(f"meetings_{m}") for m in result.months),
                f.get("months_with_regular_meeting"),
                *(f.get(f"thematic_{q}") for q in result.quarters),
                f["attendance_pct"] / 100 if isinstance(f.get("attendance_pct"), int | float) else None,
                f.get("absences_unexcused"),
                f.get("topics_presented"),
                *(f.get(key) for key in mdues.CONSOLIDATED_COLUMNS),
                *(f.get(key) for key, _ in ratings),
                _when(b.generated_at),
                b.path,
            ]
        )
    t = result.totals()
    totals: list[Any] = [
        None,
        f"{xlsx_text.XLSX_TOTAL} ({len(result.branches)} chi bộ)",
        t.get("members_total", 0),
        *(t.get(f"meetings_{m}", 0) for m in result.months),
        t.get("months_with_regular_meeting", 0),
        *(t.get(f"thematic_{q}", 0) for q in result.quarters),
        t["attendance_pct"] / 100 if t.get("attendance_base") else None,
        t.get("absences_unexcused", 0),
        t.get("topics_presented", 0),
        *(t.get(key, 0) for key in mdues.CONSOLIDATED_COLUMNS),
        *(t.get(key, 0) for key, _ in ratings),
        None,
        None,
    ]
    kinds = ["bold", "bold"] + ["bold_int"] * (len(columns) - 2)
    kinds[3 + months + 1 + quarters] = "bold_pct"
    table.row(totals, kinds)


def _rejected(book: StyledBook, lh: SheetLetterhead, result: Consolidation) -> None:
    c = xlsx_text.XLSX_COLUMN
    columns = [Column(c["stt"], 5, "num"), Column(c["file"], 50, "wrap"), Column(c["reason"], 70, "wrap")]
    rows = [o for o in result.outcomes if o.status != "accepted"]
    table = book.sheet(xlsx_text.XLSX_SHEET["rejected"], lh, columns, landscape=True, data_rows=len(rows))
    for number, o in enumerate(rows, start=1):
        table.row([number, o.path, o.reason])


def _files(book: StyledBook, lh: SheetLetterhead, result: Consolidation) -> None:
    c = xlsx_text.XLSX_COLUMN
    columns = [
        Column(c["stt"], 5, "num"),
        Column(c["file"], 50, "wrap"),
        Column(c["branch"], 30, "wrap"),
        Column(c["fate"], 16),
        Column(c["reason"], 50, "wrap"),
        Column("SHA-256", 20),
    ]
    table = book.sheet(xlsx_text.XLSX_SHEET["files"], lh, columns, landscape=True, data_rows=len(result.outcomes))
    for number, o in enumerate(result.outcomes, start=1):
        table.row([number, o.path, o.branch_name, xlsx_text.FILE_FATE[o.status], o.reason, o.sha256])


def _roman(quarter_key: str) -> str:
    return ("I", "II", "III", "IV")[int(quarter_key.split("-Q")[1]) - 1]


def _when(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None
