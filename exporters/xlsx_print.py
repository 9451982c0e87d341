"""Print geometry of our workbooks on A4: how wide a column prints, how many lines a text wraps to, where a wide
table goes on to the next page, and the page setup (100 %, never fit-to-page). Pure arithmetic and openpyxl page
settings; no cell styles (exporters/xlsx_style.py), no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

#: Print geometry, measured on LibreOffice's PDF of our sheets (Times New Roman 12 as the workbook font): one
#: column-width unit prints about 6.04 pt wide; a 12 pt line needs 15.75 pt of row height (Excel's own default).
UNIT_PT = 6.04
LINE_PT = 15.75
#: Width of bold and of the 11 pt italic notes against 12 pt regular, padded for safety.
WEIGHT = {"normal": 1.04, "bold": 1.12, "note": 0.95}
MARGIN_IN = 0.5
#: Column-width units a printed A4 page holds between the margins (portrait, landscape).
PAGE_UNITS = {
    False: (595.3 - 2 * 72 * MARGIN_IN) / UNIT_PT,
    True: (841.9 - 2 * 72 * MARGIN_IN) / UNIT_PT,
}


def page_blocks(widths: Sequence[float], page_units: float, repeated: int) -> list[int]:
    """0-based index of the first column of each printed page across: as many columns as fit, the first
    *repeated* columns printed again on every later page. ``[0]`` when the table fits one page."""
    starts = [0]
    repeat = sum(widths[:repeated]) if repeated else 0.0
    used = 0.0
    for i, w in enumerate(widths):
        room = page_units - (repeat if len(starts) > 1 else 0.0)
        if used + w > room and i > starts[-1] and i >= repeated:
            starts.append(i)
            used = 0.0
        used += w
    return starts


_NARROW = frozenset("iIjlrtf.,:;'!|()[]")
_WIDE = frozenset("mwMWĐ%@")
#: The widest letter, in ems (``_WIDE``): no text of n characters prints wider than n of them.
_WIDEST_EM = 0.9
#: Ems of each character met so far (a large sheet measures the same few hundred letters again and again).
_EM: dict[str, float] = {}


def _char_em(ch: str) -> float:
    if ch == " ":
        return 0.25
    if ch in _NARROW:
        return 0.33
    if ch in _WIDE:
        return _WIDEST_EM
    if ch.isupper():
        return 0.72
    if ch.isdigit():
        return 0.5
    if ch.isalpha():
        return 0.47
    return 0.36


def text_width(text: str, weight: str = "normal") -> float:
    """Points *text* prints in Times New Roman 12, a little generous (capitals are much wider than letters)."""
    em = 0.0
    table = _EM
    for ch in text:
        w = table.get(ch)
        if w is None:
            w = table[ch] = _char_em(ch)
        em += w
    return em * 12 * WEIGHT[weight]


def _room(width_units: float) -> float:
    return max(1.0, width_units * UNIT_PT - 6)


def one_line_chars(width_units: float, weight: str = "normal") -> int:
    """Characters any text without a line break may have and still surely fit one line *width_units* wide:
    no letter is wider than the widest, and a space is narrower (0.5 pt spare against rounding)."""
    return max(0, int((_room(width_units) - 0.5) // (_WIDEST_EM * 12 * WEIGHT[weight])))


def line_count(text: str, width_units: float, weight: str = "normal") -> int:
    """Lines *text* takes in a wrapped cell *width_units* wide, word by word (a long word breaks anywhere)."""
    room = _room(width_units)
    space = text_width(" ", weight)
    lines = 0
    for paragraph in str(text).split("\n"):
        used, count = 0.0, 1
        for word in paragraph.split():
            w = text_width(word, weight)
            if used and used + space + w > room:
                count += 1
                used = 0.0
            if w > room:  # a word longer than the cell breaks across lines
                extra = int(w // room)
                count += extra
                w -= extra * room
            used += w + (space if used else 0.0)
        lines += count
    return max(1, lines)


def row_height(cells: Iterable[tuple[str, float, str]], scale: float = 1.0) -> float:
    """Points a row needs for the tallest of its (text, width units, weight) cells; never below one line."""
    lines = max((line_count(text, width, weight) for text, width, weight in cells if text), default=1)
    return lines_height(lines, scale)


def lines_height(lines: int, scale: float = 1.0) -> float:
    """Points a row of *lines* lines needs (:func:`row_height` once the tallest cell is counted)."""
    return round(lines * LINE_PT * scale + 2, 2)


def print_setup(ws: Any, landscape: bool) -> None:
    """A4 at 100 %: never fit-to-page (a 20-column sheet came out at half size). Rows go on as many pages as they
    need with the header rows repeated; blocks of columns follow each other page by page."""
    ws.page_setup.paperSize = 9  # A4 (Worksheet.PAPERSIZE_A4; the streaming sheet lacks the constant)
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.scale = 100
    ws.page_setup.pageOrder = "overThenDown"  # a table's right half follows its left half
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = 0.6
