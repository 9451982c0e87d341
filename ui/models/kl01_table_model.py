"""The year's "học tập và làm theo" grid: one row per member, plan state, signed date, learning report,
mid-year and year-end self-review. Read-only cells; the view turns single keys into service calls."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain import messages_kl01 as mk
from app.domain.dates import format_dmy
from app.domain.kl01 import PlanRow, PlanState
from ui.models.roles import AnyIndex, ObjectRole


class Kl01Column(IntEnum):
    NAME = 0
    PLAN = 1
    SIGNED = 2
    REPORT = 3
    MIDYEAR = 4
    YEAR_END = 5


HEADERS = {
    Kl01Column.NAME: "Họ và tên",
    Kl01Column.PLAN: "Kế hoạch",
    Kl01Column.SIGNED: "Ngày ký",
    Kl01Column.REPORT: "Thu hoạch",
    Kl01Column.MIDYEAR: "Sơ kết",
    Kl01Column.YEAR_END: "Cuối năm",
}
MISSING_COLOUR = QColor("#fde7e9")
OUT_COLOUR = QColor("#eeeeee")
_OUT = (PlanState.EXEMPT, PlanState.AWAY, PlanState.NOT_EXPECTED)


class Kl01TableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = []

    def set_rows(self, rows: Sequence[PlanRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PlanRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Kl01Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Kl01Column(section)]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = Kl01Column(index.column())
        if role == ObjectRole:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(r, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.state in _OUT and column is not Kl01Column.NAME:
                return QBrush(OUT_COLOUR)
            if column is Kl01Column.PLAN and r.state in (PlanState.MISSING, PlanState.DRAFT):
                return QBrush(MISSING_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not Kl01Column.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _tip(r: PlanRow, column: Kl01Column) -> str:
        plan = r.plan
        if column is Kl01Column.SIGNED and plan and plan.signed_on:
            return format_dmy(plan.signed_on)
        if column is Kl01Column.REPORT and r.report:
            return format_dmy(r.report.submitted_on)
        if column in (Kl01Column.NAME, Kl01Column.PLAN) and plan and plan.commitments:
            return "\n".join(f"{i}. {c.text}" for i, c in enumerate(plan.commitments, start=1))
        if column is Kl01Column.MIDYEAR and plan and plan.midyear:
            return mk.RESULT[plan.midyear] + (f": {plan.midyear_note}" if plan.midyear_note else "")
        if column is Kl01Column.YEAR_END and plan and plan.year_end:
            return mk.RESULT[plan.year_end] + (f": {plan.year_end_note}" if plan.year_end_note else "")
        return ""

    @staticmethod
    def _text(r: PlanRow, column: Kl01Column) -> str:
        plan = r.plan
        match column:
            case Kl01Column.NAME:
                return r.member.full_name
            case Kl01Column.PLAN:
                return mk.PLAN_STATE[r.state]
            case Kl01Column.SIGNED:  # day and month: the year is the screen's
                return f"{plan.signed_on:%d/%m}" if plan and plan.signed_on else ""
            case Kl01Column.REPORT:
                return f"{r.report.submitted_on:%d/%m}" if r.report else ""
            case Kl01Column.MIDYEAR:
                return mk.RESULT_SHORT[plan.midyear] if plan and plan.midyear else ""
            case Kl01Column.YEAR_END:
                return mk.RESULT_SHORT[plan.year_end] if plan and plan.year_end else ""
        return ""
