"""Reading a member list that a branch keeps in Excel: find the header row, map columns, give raw rows back.

Cells come out as Unicode NFC (legacy TCVN3/VNI text converted, DOMAIN §6.3) and dates as dates where Excel
stored them so. Parsing and validating the values is the service's job. No SQL, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.domain.errors import ExportError
from app.domain.legacy_text import to_unicode
from app.domain.vntext import clean, fold
from exporters.xlsx_reader import open_xlsx
from exporters.xlsx_rows import iter_rows

#: Rows searched for the header line.
HEADER_SEARCH_ROWS = 30
#: Non-empty rows a member list may have: a branch has hundreds of members, a whole province's list fits.
MAX_LIST_ROWS = 50_000

# Folded header texts (punctuation removed) -> field. Variants seen in provincial and branch lists.
_HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "so tt", "so thu tu"),
    "full_name": (
        "ho va ten", "ho ten", "ho va ten dang vien", "ho ten dang vien", "ten dang vien", "hoten",
        "ho va ten khai sinh", "ho va ten dv", "ho ten dv",
    ),
    "ho_dem": ("ho va ten dem", "ho dem", "ho va dem", "ho va chu lot", "ho chu lot", "ho va ten lot"),
    "ho": ("ho",),
    "dem": ("dem", "ten dem", "chu lot", "ten lot"),
    "ten": ("ten",),
    "date_of_birth": (
        "ngay sinh", "ngay thang nam sinh", "sinh ngay", "ngay sinh thang nam", "nam sinh", "ngay thang sinh",
    ),
    "gender": ("gioi tinh", "gioi", "phai", "nam nu"),
    "born_male": ("nam",),
    "born_female": ("nu",),
    "ethnicity": ("dan toc",),
    "religion": ("ton giao",),
    "hometown": ("que quan", "nguyen quan"),
    "residence": ("noi o", "noi o hien nay", "cho o hien nay", "cho o", "dia chi", "noi thuong tru", "thuong tru"),
    "joined_on": (
        "ngay vao dang", "ngay ket nap", "ngay ket nap dang", "vao dang", "ngay ket nap vao dang",
        "ngay vao dang du bi", "ngay vao dang cs", "ngay vao dcsvn",
    ),
    "official_on": (
        "ngay chinh thuc", "ngay cong nhan chinh thuc", "chinh thuc", "ngay vao dang chinh thuc",
        "ngay dang chinh thuc", "ngay chuyen chinh thuc",
    ),
    "branch_since": ("ngay chuyen den", "ngay sinh hoat tai chi bo", "ngay den chi bo"),
    "party_card_no": ("so the", "so the dang", "so the dang vien", "the dang vien", "so the dv", "so the dang cs"),
    "cccd": (
        "cccd", "so cccd", "can cuoc cong dan", "so can cuoc cong dan", "can cuoc", "so can cuoc", "cmnd cccd",
        "so cmnd cccd", "so dinh danh", "so dinh danh ca nhan", "cmnd", "so cmnd",
    ),
    "phone": ("dien thoai", "so dien thoai", "sdt", "dt", "so dt", "dien thoai lien he"),
    "record_no": ("so ly lich", "so ll", "so ly lich dang vien"),
    "party_position": ("chuc vu dang", "chuc vu trong dang", "chuc vu dang uy", "chuc vu cap uy"),
    "job_position": (
        "chuc vu", "chuc vu chinh quyen", "don vi cong tac", "chuc vu don vi", "chuc vu don vi cong tac",
        "nghe nghiep", "chuc vu chuyen mon", "cong viec", "chuc vu don vi cong tac hien nay",
    ),
    "theory_level": ("ly luan chinh tri", "trinh do ly luan chinh tri", "llct", "trinh do llct", "chinh tri"),
    "education": (
        "trinh do chuyen mon", "chuyen mon", "trinh do hoc van", "hoc van", "van hoa", "trinh do van hoa",
        "trinh do", "trinh do chuyen mon nghiep vu",
    ),
    "note": ("ghi chu",),
    "status": ("trang thai hoat dong", "trang thai sinh hoat", "trang thai sinh hoat dang", "trang thai"),
    "status_on": (
        "ngay roi mat mien sh", "ngay roi mat mien sinh hoat", "ngay roi", "ngay thay doi trang thai",
        "ngay chuyen trang thai", "ngay roi mat mien",
    ),
    "birthplace": ("noi dang ky khai sinh", "noi dang ki khai sinh", "noi sinh"),
}  # fmt: skip
#: Second header line under an address group ("Quê quán" over "Quốc gia | Tỉnh/Thành | Chi tiết").
_ADDRESS_PARTS = {
    "quoc gia": "country", "quoc tich": "country",
    "tinh thanh": "province", "tinh thanh pho": "province", "tinh tp": "province", "tinh": "province",
    "quan huyen": "district", "huyen": "district", "quan huyen thi xa": "district",
    "xa phuong": "commune", "phuong xa": "commune", "xa phuong thi tran": "commune", "xa": "commune",
    "chi tiet": "detail", "dia chi chi tiet": "detail", "dia chi": "detail", "so nha duong pho": "detail",
    "thon xom": "detail", "thon to dan pho": "detail",
}  # fmt: skip
_ADDRESS_GROUPS = ("hometown", "residence", "birthplace")
HEADER_FIELDS = {variant: name for name, variants in _HEADERS.items() for variant in variants}
DATE_FIELDS = frozenset(
    {"date_of_birth", "joined_on", "official_on", "branch_since", "born_male", "born_female", "status_on"}
)
#: Fields read from a list that the member record has no place for: named once in the import report.
UNREAD_FIELDS = ("birthplace",)
#: Fields that identify a person: a row with none of them (and no number in STT) is a total or a signature line.
_IDENTIFYING = ("date_of_birth", "born_male", "born_female", "joined_on", "party_card_no", "cccd")

_PUNCT = re.compile(r"[^\w]+")
_PAREN = re.compile(r"\([^)]*\)")


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int  # the row number Excel shows
    values: dict[str, Any]  # field -> str | date | int | float, never empty strings


@dataclass(slots=True)
class MemberSheet:
    path: str
    sheet: str
    header_row: int
    columns: dict[str, str]  # field -> header text as written in the file
    rows: list[SheetRow] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # totals, signature lines, column-number rows
    legacy_cells: int = 0
    unread: list[str] = field(default_factory=list)  # headers of columns whose data has no home (e.g. birthplace)


def header_field(text: Any) -> str | None:
    """The member field a header cell names, or None ("Ngày vào Đảng (dd/mm/yyyy)" -> "joined_on")."""
    if not isinstance(text, str):
        return None
    key = _PUNCT.sub(" ", fold(_PAREN.sub(" ", text))).strip()
    key = " ".join(key.split())
    return HEADER_FIELDS.get(key)


def read_member_sheet(path: Path) -> MemberSheet:
    """The first sheet (the active one first) that has a member header row, with its data rows."""
    path = Path(path)
    where = str(path)
    with open_xlsx(path) as wb:
        sheets = list(wb.worksheets)
        active = wb.active
        if active is not None and active in sheets:
            sheets.remove(active)
            sheets.insert(0, active)
        any_data = False
        missing_join: tuple[str, int] | None = None
        for ws in sheets:
            grid = _read_grid(wb, ws, where)
            if not grid:
                continue
            any_data = True
            found = _find_header(grid)
            if found is None:
                continue
            header_row, columns, texts = found
            if "joined_on" not in columns:
                missing_join = missing_join or (ws.title, header_row)
                continue
            return _rows(where, ws.title, grid, header_row, columns, texts)
    if missing_join is not None:
        raise ExportError("import_missing_column", path=where, row=missing_join[1], column="Ngày vào Đảng")
    if not any_data:
        raise ExportError("import_no_sheet", path=where)
    raise ExportError("import_no_header", path=where)


# --------------------------------------------------------------------------- internals
@dataclass(slots=True)
class _Cell:
    value: Any
    legacy: bool = False


_EMPTY = _Cell(None)


def _read_grid(wb: Any, ws: Any, where: str) -> list[tuple[int, list[_Cell]]]:
    """Non-empty rows as (row number, cells); text converted from legacy fonts and normalised on the way.

    Only the cells the file holds are visited (exporters/xlsx_rows.py), whatever size the sheet declares.
    """
    grid = []
    for number, raw in iter_rows(wb, ws, where):
        cells = [_EMPTY] * max(c.column for c in raw)
        for cell in raw:
            cells[cell.column - 1] = _convert(cell.value, cell.font)
        if any(c.value is not None for c in cells):
            grid.append((number, cells))
            if len(grid) > MAX_LIST_ROWS:
                raise ExportError("xlsx_too_many_rows", path=where, sheet=ws.title, limit=MAX_LIST_ROWS)
    return grid


def _convert(value: Any, font: str | None) -> _Cell:
    if isinstance(value, str):
        converted = to_unicode(value, font)
        return _Cell(clean(converted) or None, legacy=unicodedata.normalize("NFC", value) != converted)
    if isinstance(value, datetime):
        return _Cell(value.date())
    return _Cell(value)


def _find_header(grid: list[tuple[int, list[_Cell]]]) -> tuple[int, dict[str, int], dict[str, str]] | None:
    for position, (number, cells) in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        texts: dict[str, str] = {}
        for index, cell in enumerate(cells):
            name = header_field(cell.value)
            if name and name not in columns and name not in ("born_male", "born_female"):
                columns[name] = index
                texts[name] = str(cell.value)
        has_name = "full_name" in columns or ("ten" in columns and ("ho_dem" in columns or "ho" in columns))
        if has_name and len(columns) >= 2:
            _sub_header(grid, position, columns, texts)
            return number, columns, texts
    return None


def _sub_header(
    grid: list[tuple[int, list[_Cell]]], position: int, columns: dict[str, int], texts: dict[str, str]
) -> None:
    """A second header line: "Nam" | "Nữ" under "Ngày sinh" (the birth date written under the sex), or the
    parts of an address group ("Quê quán" merged over "Quốc gia | Tỉnh/Thành | Chi tiết")."""
    if position + 1 >= len(grid) or grid[position + 1][0] != grid[position][0] + 1:
        return
    above = grid[position][1]
    below = grid[position + 1][1]
    found = False
    for index, cell in enumerate(below):
        name = header_field(cell.value)
        if name in ("born_male", "born_female") and index not in columns.values():
            columns[name] = index
            texts[name] = str(cell.value)
            found = True
        elif name in ("born_male", "born_female") and columns.get("date_of_birth") == index:
            del columns["date_of_birth"]
            columns[name] = index
            texts[name] = str(cell.value)
            found = True
        elif (part := _address_part(cell.value)) is not None:
            group, label = _group_over(above, index)
            if group is None:
                continue
            if columns.get(group) is not None:
                del columns[group]  # the group's own column holds only its first part
            columns[f"{group}.{part}"] = index
            texts[f"{group}.{part}"] = f"{label} / {cell.value}"
            found = True
    if found:
        columns["_sub_header"] = grid[position + 1][0]


def _address_part(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    key = " ".join(_PUNCT.sub(" ", fold(_PAREN.sub(" ", text))).split())
    return _ADDRESS_PARTS.get(key)


def _group_over(above: list[_Cell], index: int) -> tuple[str | None, str]:
    """The address group whose (merged) header covers column *index*: the nearest header text at or left of it."""
    for left in range(min(index, len(above) - 1), -1, -1):
        value = above[left].value
        if value is None:
            continue
        name = header_field(value)
        return (name if name in _ADDRESS_GROUPS else None), str(value)
    return None, ""


def _rows(
    where: str,
    sheet: str,
    grid: list[tuple[int, list[_Cell]]],
    header_row: int,
    columns: dict[str, int],
    texts: dict[str, str],
) -> MemberSheet:
    sub_header = columns.pop("_sub_header", 0)
    result = MemberSheet(where, sheet, header_row, {k: texts[k] for k in columns})
    unread = {texts[k].split(" / ")[0] for k in columns if k.split(".")[0] in UNREAD_FIELDS}
    result.unread = sorted(unread)
    for number, cells in grid:
        if number <= max(header_row, sub_header):
            continue
        values: dict[str, Any] = {}
        for name, index in columns.items():
            if index < len(cells) and cells[index].value is not None:
                values[name] = _typed(name, cells[index].value)
        result.legacy_cells += sum(1 for c in cells if c.legacy)
        if not values or _column_numbers(cells) or _not_a_member(values, "stt" in columns):
            result.skipped.append(number)
            continue
        result.rows.append(SheetRow(number, values))
    if not result.rows:
        raise ExportError("import_empty", path=where, sheet=sheet)
    return result


def _typed(name: str, value: Any) -> Any:
    """Repairs for what Excel does to typed numbers: lost leading zeros, dates stored as bare serials."""
    if isinstance(value, bool):
        return str(value)
    if name in DATE_FIELDS and isinstance(value, int | float):
        if float(value).is_integer() and 1_01_1900 <= value <= 31_12_2100:
            return str(int(value)).zfill(8)  # ddmmyyyy typed into a number cell, which dropped a leading zero
        if 3000 < value < 80000:  # an Excel date serial whose date format was lost (1908..2119)
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        if name == "cccd" and len(text) < 12:
            return text.zfill(12)  # CCCD numbers start with a 0 that a number cell drops
        if name == "phone" and len(text) == 9:
            return "0" + text
        return text
    if isinstance(value, date):
        return value if name in DATE_FIELDS else value.strftime("%d/%m/%Y")
    return value


def _column_numbers(cells: list[_Cell]) -> bool:
    """The "(1) (2) (3) …" or "1 2 3 …" line some forms put under the header."""
    numbers = [c.value for c in cells if c.value is not None]
    if len(numbers) < 3:
        return False
    as_ints = []
    for v in numbers:
        text = str(v).strip("() ")
        if not (text.isascii() and text.isdigit()):  # "²".isdigit() is True but int("²") fails
            return False
        as_ints.append(int(text))
    return as_ints == list(range(as_ints[0], as_ints[0] + len(as_ints)))


def _not_a_member(values: dict[str, Any], has_stt: bool) -> bool:
    if any(k in values for k in _IDENTIFYING):
        return False
    stt = values.get("stt")
    number = str(stt).strip().rstrip(".") if stt is not None else ""
    return not (has_stt and number.isascii() and number.isdigit())
