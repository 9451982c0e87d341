"""Streaming the cells a worksheet really holds: work bounded by the file's content, never by what it declares.

openpyxl's read-only ``iter_rows`` pads every row to the sheet's declared width and yields every declared
row: a 2 KB file declaring A1:XFD1048576 (16 billion cells) made the member import walk them all for hours.
Here only the ``<row>`` and ``<c>`` elements present in the XML are visited, cells right of *max_col* are
dropped without being built, and the number of row elements is capped. No Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.domain.errors import ExportError

#: Columns read at most: a member list of any layout seen has fewer than 100.
MAX_COLUMNS = 256
#: ``<row>`` elements read at most per sheet (empty formatted rows included): far beyond any member list.
MAX_ROW_ELEMENTS = 200_000


@dataclass(frozen=True, slots=True)
class RawCell:
    column: int  # 1-based
    value: Any  # str | int | float | bool | datetime | ..., never None
    font: str | None  # the font's name, for legacy (.VnTime, VNI) text


def iter_rows(wb: Any, ws: Any, where: str, *, max_col: int = MAX_COLUMNS) -> Iterator[tuple[int, list[RawCell]]]:
    """(row number, non-empty cells) of every row that has a value in columns 1..*max_col*, in file order.

    Raises ExportError("xlsx_too_many_rows") past MAX_ROW_ELEMENTS row elements.
    """
    fonts = _font_names(wb)
    for seen, (number, cells) in enumerate(_parsed_rows(wb, ws), start=1):
        if seen > MAX_ROW_ELEMENTS:
            raise ExportError("xlsx_too_many_rows", path=where, sheet=ws.title, limit=MAX_ROW_ELEMENTS)
        kept = [
            RawCell(c["column"], c["value"], fonts(c.get("style_id", 0)))
            for c in cells
            if c["value"] is not None and c["column"] <= max_col
        ]
        if kept:
            yield number, kept


def _parsed_rows(wb: Any, ws: Any) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """openpyxl's own worksheet parser (what read-only mode uses), without the padding around it."""
    try:
        from openpyxl.worksheet._reader import WorkSheetParser

        source = ws._get_source()
        parser = WorkSheetParser(
            source,
            ws._shared_strings,
            data_only=wb.data_only,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - another openpyxl: the public way
        yield from _public_rows(ws)
        return
    with source:
        yield from parser.parse()


def _public_rows(ws: Any) -> Iterator[tuple[int, list[dict[str, Any]]]]:  # pragma: no cover - fallback
    ws.reset_dimensions()  # forget the declared size: rows end at their last cell
    for row in ws.iter_rows(max_col=MAX_COLUMNS):
        cells = [
            {"column": c.column, "value": c.value, "row": c.row, "style_id": 0}
            for c in row
            if getattr(c, "row", None) and c.value is not None
        ]
        if cells:
            yield cells[0]["row"], cells


def _font_names(wb: Any) -> Any:
    """style id -> font name, cached (a list has a handful of styles and thousands of cells)."""
    styles = getattr(wb, "_cell_styles", None)
    fonts = getattr(wb, "_fonts", None)
    cache: dict[int, str | None] = {}

    def name(style_id: int) -> str | None:
        if style_id in cache:
            return cache[style_id]
        found = None
        try:
            found = fonts[styles[style_id].fontId].name  # type: ignore[index]
        except (TypeError, IndexError, AttributeError, KeyError):
            found = None
        cache[style_id] = found
        return found

    return name
