"""House style of every workbook we write: Times New Roman, the letterhead block, number formats, print setup.

Streaming (write-only) sheets only: rows go out in order, styles are set before the first row. No Qt, no SQL.
openpyxl is imported lazily by the caller's first use of :func:`new_workbook` (start-up speed).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from exporters.xlsx_print import (
    PAGE_UNITS,
    line_count,
    lines_height,
    one_line_chars,
    page_blocks,
    print_setup,
    row_height,
)

FONT_NAME = "Times New Roman"
FONT_SIZE = 12

# Number formats are locale-neutral codes: on a Vietnamese Windows, Excel shows "0.0%" as "95,5%" and
# "#,##0" as "1.250". A format cannot force the comma on an English system; the cell stays a number either way.
INT = "#,##0"
PCT = "0.0%"
DATE = "dd/mm/yyyy"
DATETIME = "dd/mm/yyyy hh:mm"
TEXT = "@"

SHEET_NAME_MAX = 31
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")

#: Cell kinds of the house style; each becomes one cell style in the workbook. "text" and "num" (a number in the
#: General format, for small counts like STT where a thousands separator never shows) carry no style at all.
KINDS = (
    "text", "num", "wrap", "center", "int", "pct", "date", "datetime", "bold", "bold_int", "bold_pct",
    "head", "title", "subtitle", "letter_left", "letter_left_bold", "letter_right_bold", "letter_right_italic",
    "note", "code",
)  # fmt: skip


def sheet_name(text: str) -> str:
    """A name Excel accepts: at most 31 characters, none of []:*?/\\, no leading or trailing apostrophe."""
    name = _SHEET_NAME_BAD.sub(" ", text).strip().strip("'")
    return (name or "Trang")[:SHEET_NAME_MAX].rstrip()


@dataclass(frozen=True, slots=True)
class SheetLetterhead:
    """The header block every sheet opens with (DOMAIN §4.4): bodies on the left, the Party on the right."""

    upper_body: str
    branch_name: str
    date_line: str  # "Vị Thanh, ngày 22 tháng 11 năm 2026"
    title: str
    period_line: str
    party: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
    upper_body_2: str = ""


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: float
    kind: str = "text"


class StyledBook:
    """A write-only workbook with the house style registered once, so each styled cell costs one lookup."""

    def __init__(self) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils.indexed_list import IndexedList

        self._write_only_cell = WriteOnlyCell
        #: (text, column width) -> lines it wraps to: names and labels recur on several sheets and blocks.
        self._lines: dict[tuple[str, float], int] = {}

        self.wb = Workbook(write_only=True)
        default = self._font()
        # The workbook's default font: every unstyled cell (most of a large sheet) is Times New Roman for free.
        self.wb._fonts = IndexedList([default])
        self.wb._named_styles["Normal"].font = default
        self._styles: dict[str, Any] = {}
        self._probe = self.wb.create_sheet("__probe__")
        for kind in KINDS:
            self._styles[kind] = self._make(kind)
        self.wb.remove(self._probe)

    # ------------------------------------------------------------------ styles
    @staticmethod
    def _font(**kw: Any) -> Any:
        from openpyxl.styles import Font

        return Font(name=FONT_NAME, size=kw.pop("size", FONT_SIZE), **kw)

    def _make(self, kind: str) -> Any:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, PatternFill, Side

        cell = WriteOnlyCell(self._probe, None)
        thin = Side(style="thin")
        match kind:
            case "wrap":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            case "center" | "code":
                cell.alignment = Alignment(horizontal="center")
            case "int":
                cell.number_format = INT
            case "pct":
                cell.number_format = PCT
            case "date":
                cell.number_format = DATE
                cell.alignment = Alignment(horizontal="center")
            case "datetime":
                cell.number_format = DATETIME
            case "bold":
                cell.font = self._font(bold=True)
            case "bold_int":
                cell.font = self._font(bold=True)
                cell.number_format = INT
            case "bold_pct":
                cell.font = self._font(bold=True)
                cell.number_format = PCT
            case "head":
                cell.font = self._font(bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                cell.fill = PatternFill("solid", fgColor="F2F2F2")
            case "title":
                cell.font = self._font(bold=True, size=14)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            case "subtitle":
                cell.font = self._font(italic=True)
                cell.alignment = Alignment(horizontal="center")
            case "letter_left":
                cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
            case "letter_left_bold" | "letter_right_bold":
                cell.font = self._font(bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
            case "letter_right_italic":
                cell.font = self._font(italic=True)
                cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
            case "note":
                cell.font = self._font(italic=True, size=11)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell._style

    def cell(self, ws: Any, value: Any, kind: str = "text") -> Any:
        """A cell of *kind*. "text" cells carry no style at all (the default font is already ours)."""
        c = self._write_only_cell(ws, value)
        if isinstance(value, str) and value.startswith("="):
            c.data_type = "s"  # text typed or imported as "=…" stays text, never a formula
        if kind not in _PLAIN:
            c._style = self._styles[kind]  # shared, never mutated: a streamed cell is written once and dropped
        return c

    def line_count(self, text: str, width: float) -> int:
        """:func:`exporters.xlsx_print.line_count` of regular text, remembered for the workbook's life."""
        key = (text, width)
        lines = self._lines.get(key)
        if lines is None:
            lines = self._lines[key] = line_count(text, width)
        return lines

    # ------------------------------------------------------------------ sheets
    def sheet(
        self,
        name: str,
        letterhead: SheetLetterhead | None,
        columns: Sequence[Column],
        *,
        landscape: bool = False,
        freeze_col: int = 0,
        data_rows: int = 0,
        header_rows: Sequence[Sequence[str]] = (),
        repeat_cols: int = 0,
    ) -> TableSheet:
        """Open a sheet, write the letterhead and the table header; return it ready for data rows.

        *data_rows* sizes the bordered table area; *header_rows* are extra header lines above the column names.
        Printed at 100 %, never shrunk: a table wider than the page is cut into page-wide blocks of columns, and
        with *repeat_cols* the first columns (STT, date …) are written again at the head of each later block, so
        every printed page says which row is which. The letterhead and the title stay within the first block.
        """
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.pagebreak import Break

        ws = self.wb.create_sheet(sheet_name(name))
        blocks = page_blocks([c.width for c in columns], PAGE_UNITS[landscape], repeat_cols)
        source = list(range(blocks[1] if len(blocks) > 1 else len(columns)))
        breaks = []
        for b, start in enumerate(blocks[1:], start=1):
            end = blocks[b + 1] if b + 1 < len(blocks) else len(columns)
            breaks.append(len(source))
            source += [*range(repeat_cols), *range(start, end)]
        shown = [columns[i] for i in source]
        for i, col in enumerate(shown, start=1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        for at in breaks:
            ws.col_breaks.append(Break(id=at))  # a manual break after column *at* (1-based)
        widths = [c.width for c in shown]
        height = _letterhead_height(letterhead) if letterhead else 0
        header_row = height + len(header_rows) + 1
        first_data = header_row + 1
        ws.freeze_panes = f"{get_column_letter(freeze_col + 1)}{first_data}"
        ws.print_title_rows = f"{height + 1}:{header_row}"
        print_setup(ws, landscape)
        if data_rows:
            last_col = get_column_letter(len(shown))
            _grid(ws, f"A{first_data}:{last_col}{first_data + data_rows - 1}")
        first_page = widths[: breaks[0]] if breaks else widths
        if letterhead:
            self._letterhead(ws, letterhead, first_page)
        for j, extra in enumerate(header_rows):
            extra = [extra[i] if i < len(extra) else "" for i in source]
            ws.row_dimensions[height + 1 + j].height = row_height(
                [(text, w, "bold") for text, w in zip(extra, widths, strict=True)]
            )
            ws.append([self.cell(ws, text, "head") if text else self.cell(ws, None, "head") for text in extra])
        ws.row_dimensions[header_row].height = row_height([(c.header, c.width, "bold") for c in shown])
        ws.append([self.cell(ws, col.header, "head") for col in shown])
        return TableSheet(
            self, ws, list(columns), first_data, first_page, None if source == list(range(len(columns))) else source
        )

    def _letterhead(self, ws: Any, lh: SheetLetterhead, widths: Sequence[float]) -> None:
        from openpyxl.worksheet.cell_range import CellRange

        def merge(row: int, first: int, last: int) -> None:
            if last > first:
                ws.merged_cells.add(CellRange(min_col=first, max_col=last, min_row=row, max_row=row))

        width = len(widths)
        left = max(1, (width + 1) // 2)
        left_units, right_units, all_units = sum(widths[:left]), sum(widths[left:]), sum(widths)
        lefts = _letterhead_lefts(lh)
        rights = [(lh.party, "letter_right_bold"), ("", "text"), (lh.date_line, "letter_right_italic")]
        row_no = 0
        for i in range(len(lefts)):
            row_no += 1
            row: list[Any] = [None] * width
            text, kind = lefts[i]
            row[0] = self.cell(ws, text, kind)
            merge(row_no, 1, left)
            lines = [(text, left_units, "bold" if "bold" in kind else "normal")]
            if i < len(rights) and rights[i][0] and width > 1:
                text, kind = rights[i]
                row[left] = self.cell(ws, text, kind)
                merge(row_no, left + 1, width)
                lines.append((text, right_units, "bold" if "bold" in kind else "normal"))
            ws.row_dimensions[row_no].height = row_height(lines)
            ws.append(row)
        ws.append([])
        row_no += 1
        for text, kind in ((lh.title, "title"), (lh.period_line, "subtitle")):
            row_no += 1
            # the title is 14 pt bold: about 1.3 times the width and height of a 12 pt letter
            ws.row_dimensions[row_no].height = row_height(
                [(text, all_units / 1.3, "bold")], 1.3 if kind == "title" else 1
            )
            ws.append([self.cell(ws, text, kind)])
            merge(row_no, 1, width)
        ws.append([])

    def hidden_sheet(self, name: str) -> Any:
        ws = self.wb.create_sheet(sheet_name(name))
        ws.sheet_state = "hidden"
        return ws

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()


class TableSheet:
    """Rows of one table; each value is written with its column's kind unless given as (value, kind)."""

    def __init__(
        self,
        book: StyledBook,
        ws: Any,
        columns: list[Column],
        first_data_row: int,
        first_page: Sequence[float] = (),
        source: list[int] | None = None,
    ) -> None:
        self.book = book
        self.ws = ws
        self.columns = columns
        self.first_data_row = first_data_row
        self.rows_written = 0
        self._note_units = sum(first_page) or sum(c.width for c in columns)
        self._note_cols = len(first_page) or len(columns)
        self._source = source  # printed column -> table column, when columns repeat on later pages
        shown = columns if source is None else [columns[i] for i in source]
        self._kinds = [c.kind for c in shown]
        self._widths = [c.width for c in shown]
        self._one_line = [one_line_chars(c.width) for c in shown]  # shorter texts need no measuring

    @property
    def next_row(self) -> int:
        return self.first_data_row + self.rows_written

    def row(self, values: Iterable[Any], kinds: Sequence[str] | None = None) -> int:
        """Append one row; return its 1-based row number. A text too long for its column wraps, and the row is
        given the height its lines need (stored, so Excel and LibreOffice keep it; neither grows a row by itself
        for a file they did not write, and the lines then ran over the rows below)."""
        if self._source is not None:
            values, given = list(values), kinds
            count = len(values)
            values = [values[i] if i < count else None for i in self._source]
            if given is not None:
                count = len(given)
                kinds = [given[i] if i < count else "text" for i in self._source]
        default_kinds, widths, one_line = self._kinds, self._widths, self._one_line
        shown = len(widths)
        book, ws = self.book, self.ws
        cells: list[Any] = []
        append = cells.append
        lines = 0  # of the tallest wrapped text; 0: nothing wraps, the row keeps the default height
        for i, value in enumerate(values):
            if value is None or value == "":
                append(None)
                continue
            kind = kinds[i] if kinds is not None else (default_kinds[i] if i < shown else "text")
            if isinstance(value, str):
                if kind in _NUMERIC:
                    kind = "bold" if kind.startswith("bold") else "text"
                if kind in _MEASURED and i < shown:
                    short = len(value) <= one_line[i] and "\n" not in value
                    n = 1 if short else book.line_count(value, widths[i])
                    if n > 1 or kind == "wrap":  # a plain text too long for one line wraps
                        kind = "wrap"
                        lines = max(lines, n)
                    elif not value.startswith("="):
                        # A bare value streams through openpyxl's one reusable cell; a Cell object costs an
                        # exception inside openpyxl per cell. Most cells of a large sheet take this path.
                        append(value)
                        continue
                elif kind in _PLAIN and not value.startswith("="):
                    append(value)
                    continue
            elif kind in _PLAIN:
                append(value.replace(microsecond=0) if isinstance(value, datetime) else value)  # as _plain()
                continue
            append(book.cell(ws, _plain(value), kind))
        number = self.next_row
        if lines:
            ws.row_dimensions[number].height = lines_height(lines)
        ws.append(cells)
        self.rows_written += 1
        return number

    def note(self, text: str) -> None:
        """A paragraph below the table (a legend, a source remark), wrapped within the first page's width."""
        from openpyxl.worksheet.cell_range import CellRange

        number = self.next_row
        self.ws.row_dimensions[number].height = row_height([(text, self._note_units, "note")])
        if self._note_cols > 1:
            self.ws.merged_cells.add(CellRange(min_col=1, max_col=self._note_cols, min_row=number, max_row=number))
        self.ws.append([self.book.cell(self.ws, text, "note")])
        self.rows_written += 1


_NUMERIC = frozenset({"int", "pct", "date", "datetime", "bold_int", "bold_pct"})
#: Kinds written without a cell style: the workbook default (Times New Roman 12, General format).
_PLAIN = frozenset({"text", "num"})
#: Kinds whose texts are measured as regular text: the plain ones may turn out to need wrapping.
_MEASURED = _PLAIN | {"wrap"}


def _plain(value: Any) -> Any:
    # Microseconds would show as odd fractions of a second in Excel.
    return value.replace(microsecond=0) if isinstance(value, datetime) else value


def _letterhead_lefts(lh: SheetLetterhead) -> list[tuple[str, str]]:
    # The letterhead alone prints the bodies in capitals (HD 36); the names are stored as typed.
    lines = [(lh.upper_body_2.upper(), "letter_left")] if lh.upper_body_2 else []
    return [
        *lines,
        (lh.upper_body.upper(), "letter_left"),
        (lh.branch_name.upper(), "letter_left_bold"),
        ("*", "letter_left"),
    ]


def _letterhead_height(lh: SheetLetterhead) -> int:
    return len(_letterhead_lefts(lh)) + 4  # letterhead lines, blank, title, period, blank


def _grid(ws: Any, ref: str) -> None:
    # Thin borders for the whole table as one conditional format: per-cell borders would style every cell of
    # a 5,000-member matrix and double the export time. Excel and LibreOffice show and print it the same.
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import Border, Side
    from openpyxl.styles.differential import DifferentialStyle

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.conditional_formatting.add(ref, Rule(type="expression", formula=["TRUE"], dxf=DifferentialStyle(border=border)))
