"""Reading a branch summary workbook back: the hidden sheet, its digest, and the visible cells it vouches for.

Counterpart of exporters/summary_xlsx.py. Raises ExportError codes (summary_*, xlsx_*); never touches a database.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from app.domain import labels, vntext
from app.domain.consolidation import BranchFigures
from app.domain.errors import ExportError
from exporters.summary_xlsx import FORMAT, FORMAT_VERSION, HIDDEN_SHEET, META_KEYS, summary_digest
from exporters.xlsx_reader import open_xlsx

#: Rows read from the hidden sheet at most: a year has ~60 figures; anything far beyond is not ours.
MAX_HIDDEN_ROWS = 2000
#: The farthest visible cell a figure may point at (ours sit in the first columns of the first rows).
MAX_REF_ROW, MAX_REF_COLUMN = 2000, 60


def read_branch_summary(path: Path, *, sha256: str = "") -> BranchFigures:
    """The figures of one branch summary file, after checking that it is ours, intact and untampered."""
    path = Path(path)
    where = str(path)
    with open_xlsx(path) as wb:
        if HIDDEN_SHEET not in wb.sheetnames:
            raise ExportError("summary_not_ours", path=where)
        rows = list(wb[HIDDEN_SHEET].iter_rows(min_row=1, max_row=MAX_HIDDEN_ROWS, max_col=6, values_only=True))
        meta, figures, refs, digest = _parse_hidden(rows, where)
        visible = _visible_values(wb, refs, where)
    for key, (sheet, cell, scale) in refs.items():
        shown = visible.get((sheet, cell))
        if not _same(shown, figures[key], scale):
            raise ExportError(
                "summary_tampered",
                path=where,
                label=labels.figure_label(key),
                visible=_show(shown, scale if scale != 1 else None),
                hidden=_show(figures[key], 1.0 if scale != 1 else None),
            )
    if summary_digest(meta, figures) != digest:
        raise ExportError("summary_hidden_damaged", path=where, detail="mã kiểm tra không khớp")
    return BranchFigures(
        path=where,
        branch_code=meta["branch_code"],
        branch_name=meta["branch_name"],
        upper_body=meta.get("upper_body", ""),
        upper_body_2=meta.get("upper_body_2", ""),
        period_key=meta["period_key"],
        period_label=meta.get("period_label", meta["period_key"]),
        period_start=meta.get("period_start", ""),
        period_end=meta.get("period_end", ""),
        generated_at=meta.get("generated_at", ""),
        app_version=meta.get("app_version", ""),
        figures=figures,
        modified=_mtime(path),
        sha256=sha256,
    )


def _parse_hidden(
    rows: list[tuple[Any, ...]], where: str
) -> tuple[dict[str, str], dict[str, Any], dict[str, tuple[str, str, float]], str]:
    meta: dict[str, str] = {}
    figures: dict[str, Any] = {}
    refs: dict[str, tuple[str, str, float]] = {}
    digest = ""
    for row in rows:
        kind, key, value, sheet, cell, scale = (tuple(row) + (None,) * 6)[:6]
        if kind == "meta" and isinstance(key, str):
            meta[key] = "" if value is None else str(value)
        elif kind == "figure" and isinstance(key, str):
            if not _is_number(value):
                raise ExportError("summary_hidden_damaged", path=where, detail=f"số liệu {key} không phải số")
            figures[key] = value
            if isinstance(sheet, str) and isinstance(cell, str):
                refs[key] = (sheet, cell.upper(), float(scale) if _is_number(scale) and scale else 1.0)
        elif kind == "digest":
            digest = str(value or "")
    if meta.get("format") != FORMAT:
        raise ExportError("summary_not_ours", path=where)
    try:
        version = int(meta.get("format_version", ""))
    except ValueError as exc:
        raise ExportError("summary_hidden_damaged", path=where, detail="phiên bản dạng tệp") from exc
    if version > FORMAT_VERSION:
        raise ExportError("summary_too_new", path=where, found=version, supported=FORMAT_VERSION)
    missing = [k for k in ("branch_code", "branch_name", "period_key") if not meta.get(k)]
    if missing or not figures or not digest:
        raise ExportError("summary_hidden_damaged", path=where, detail="thiếu " + ", ".join(missing or ["số liệu"]))
    unknown = set(meta) - set(META_KEYS)
    if unknown:
        raise ExportError("summary_hidden_damaged", path=where, detail="dòng lạ " + ", ".join(sorted(unknown)))
    return meta, figures, refs, digest


def _visible_values(wb: Any, refs: dict[str, tuple[str, str, float]], where: str) -> dict[tuple[str, str], Any]:
    """The cells the hidden sheet points at, read in one pass per sheet (random access is slow in read-only mode)."""
    from openpyxl.utils.cell import coordinate_from_string, get_column_letter

    wanted: dict[str, set[str]] = {}
    for sheet, cell, _ in refs.values():
        wanted.setdefault(sheet, set()).add(cell)
    out: dict[tuple[str, str], Any] = {}
    for sheet, cells in wanted.items():
        if sheet not in wb.sheetnames:
            raise ExportError("summary_hidden_damaged", path=where, detail=f"thiếu trang {sheet}")
        try:
            positions = [coordinate_from_string(c) for c in cells]
        except ValueError as exc:
            raise ExportError("summary_hidden_damaged", path=where, detail="địa chỉ ô không hợp lệ") from exc
        for col, row in positions:
            # The refs are not under the digest: a far cell (XFD1048576) would make us read 16 billion cells.
            if row > MAX_REF_ROW or _column_index(col) > MAX_REF_COLUMN:
                raise ExportError("summary_hidden_damaged", path=where, detail=f"ô {col}{row} nằm ngoài bảng")
        max_row = max(r for _, r in positions)
        max_col = max(_column_index(col) for col, _ in positions)
        for r, row in enumerate(wb[sheet].iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True), 1):
            for c, value in enumerate(row, 1):
                ref = f"{get_column_letter(c)}{r}"
                if ref in cells:
                    out[(sheet, ref)] = value
    return out


def _column_index(letters: str) -> int:
    from openpyxl.utils.cell import column_index_from_string

    return column_index_from_string(letters)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _same(shown: Any, hidden: Any, scale: float) -> bool:
    if not _is_number(shown):
        return False
    expected = hidden / scale
    return abs(shown - expected) <= 1e-9 * max(1.0, abs(expected))


def _show(value: Any, percent_factor: float | None) -> str:
    """A figure as the user saw it: "95,5%" for percentages (value × factor), "22" for counts."""
    if not _is_number(value):
        return "ô trống" if value is None else f"\u201c{value}\u201d"
    if percent_factor is not None:
        return vntext.percent(value * percent_factor)
    return f"{value:g}".replace(".", ",")


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
