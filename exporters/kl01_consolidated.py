"""The consolidated workbook's "Học tập và làm theo" sheet: the KL 01 figures of every branch and their sums.

Reads only the kl01_* figures each branch file carries (app.domain.kl01.kl01_key_figures); a branch file
written before they existed shows empty cells, never zeros. No SQL, no Qt."""

from __future__ import annotations

from typing import Any

from app.domain import messages_kl01 as mk
from app.domain.consolidation import Consolidation
from exporters.xlsx_style import Column, SheetLetterhead, StyledBook

#: (figure key, column title, width); the rates are computed from the sums, never averaged.
COLUMNS = (
    ("kl01_expected", mk.XLSX_COLUMN["expected"], 10),
    ("kl01_plans_signed", mk.XLSX_COLUMN["plans"], 11),
    ("kl01_plans_pct", mk.XLSX_COLUMN["plans_pct"], 10),
    ("kl01_learning_reports", mk.XLSX_COLUMN["reports"], 11),
    ("kl01_reports_pct", mk.XLSX_COLUMN["reports_pct"], 10),
    ("kl01_models", mk.XLSX_COLUMN["models"], 10),
    ("kl01_exemplars", mk.XLSX_COLUMN["exemplars"], 10),
    ("kl01_awards_collective", mk.XLSX_COLUMN["awards_collective"], 10),
    ("kl01_awards_individual", mk.XLSX_COLUMN["awards_individual"], 10),
    ("kl01_not_kept", mk.XLSX_COLUMN["not_kept"], 12),
)
_RATES = {"kl01_plans_pct": "kl01_plans_signed", "kl01_reports_pct": "kl01_learning_reports"}


def _values(figures: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    expected = figures.get("kl01_expected")
    for key, _, _ in COLUMNS:
        if key in _RATES:
            part = figures.get(_RATES[key])
            ok = isinstance(expected, int | float) and expected and isinstance(part, int | float)
            out.append(part / expected if ok else None)  # type: ignore[operator]
        else:
            out.append(figures.get(key))
    return out


def write_kl01_sheet(book: StyledBook, lh: SheetLetterhead, result: Consolidation, sheet_name: str) -> None:
    head = [Column(mk.XLSX_COLUMN["stt"], 5, "num"), Column(mk.XLSX_COLUMN["branch"], 36, "wrap")]
    cols = [Column(title, width, "pct" if key in _RATES else "int") for key, title, width in COLUMNS]
    table = book.sheet(sheet_name, lh, head + cols, landscape=True, freeze_col=2, data_rows=len(result.branches) + 1)
    for number, b in enumerate(result.branches, start=1):
        table.row([number, b.branch_name, *_values(b.figures)])
    totals = result.totals()
    kinds = ["bold", "bold"] + ["bold_pct" if key in _RATES else "bold_int" for key, _, _ in COLUMNS]
    table.row([None, mk.XLSX_TOTAL.format(count=len(result.branches)), *_values(totals)], kinds)
