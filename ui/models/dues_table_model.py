"""Table model of the dues book: one row per member × the 12 months and the year; a last row of month totals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain import messages_dues as mdues
from app.domain.dates import format_dmy
from app.domain.dues import Month
from app.domain.dues_ledger import DuesYear, MemberMonth
from ui.models.roles import AnyIndex, ObjectRole

NAME_COLUMN = 0
YEAR_COLUMN = 13  # months are columns 1..12
COLOURS = {
    "late": QColor("#ffe0b2"),  # paid after the month ended
    "unpaid": QColor("#fde7e9"),
    "partial": QColor("#fff3cd"),
    "exempt": QColor("#eeeeee"),
    "no_basis": QColor("#fde7e9"),
}
ADVANCE_COLOUR = QColor("#e3f2fd")


class DuesTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book: DuesYear | None = None
        self._current: Month | None = None
        self._behind: dict[int, int] = {}

    def set_book(self, book: DuesYear, current: Month, behind: dict[int, list[int]]) -> None:
        """*current*: this month (later months are not yet due); *behind*: member id -> unpaid ended months."""
        self.beginResetModel()
        self.book = book
        self._current = current
        self._behind = {k: len(v) for k, v in behind.items()}
        self.endResetModel()

    # ------------------------------------------------------------------ shape
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.book is None else len(self.book.rows) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 14

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:  # the names, which stay in view when the months scroll
            if self.book is None or section > len(self.book.rows):
                return None
            if self.is_total_row(section):
                return self._total(NAME_COLUMN, role)
            member = self.book.rows[section][0]
            return self._name(member.id or -1, member.full_name, role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == NAME_COLUMN:
            return mdues.COL["name"]
        if section == YEAR_COLUMN:
            return mdues.COL["total"]
        return mdues.MONTH_HEAD.format(month=section)

    # ------------------------------------------------------------------ cells
    def cell(self, row: int, column: int) -> MemberMonth | None:
        if self.book is None or not 1 <= column <= 12 or row >= len(self.book.rows):
            return None
        return self.book.rows[row][1][column - 1]

    def member_id(self, row: int) -> int | None:
        if self.book is None or row >= len(self.book.rows):
            return None
        return self.book.rows[row][0].id

    def month(self, column: int) -> Month | None:
        return Month(self.book.year, column) if self.book is not None and 1 <= column <= 12 else None

    def is_total_row(self, row: int) -> bool:
        return self.book is not None and row == len(self.book.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.book is None:
            return None
        row, column = index.row(), index.column()
        if self.is_total_row(row):
            return self._total(column, role)
        member, cells = self.book.rows[row]
        if column == NAME_COLUMN:
            return self._name(member.id or -1, member.full_name, role)
        if column == YEAR_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return mdues.money(sum(c.paid for c in cells if c is not None))
            return Qt.AlignmentFlag.AlignRight if role == Qt.ItemDataRole.TextAlignmentRole else None
        c = cells[column - 1]
        if c is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if c.paid:
                return mdues.money(c.paid)
            month = self.month(column)
            future = self._current is not None and month is not None and month > self._current
            return "" if future and c.status == "unpaid" else mdues.STATUS_MARK.get(c.status, "")
        if role == Qt.ItemDataRole.BackgroundRole:
            if c.advance and c.paid:
                return QBrush(ADVANCE_COLOUR)
            colour = COLOURS.get(c.status)
            month = self.month(column)
            if c.status == "unpaid" and (self._current is None or month is None or month >= self._current):
                return None  # not late yet
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [mdues.STATUS[c.status]]
            if c.due is not None and c.status != "exempt":
                parts.append(f"phải đóng {mdues.money(c.due)} đồng")
            if c.paid_on:
                parts.append(f"nộp ngày {format_dmy(c.paid_on)} ({mdues.CHANNEL.get(c.channel, c.channel)})")
            if c.reason:
                parts.append(c.reason)
            return "; ".join(parts)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight if c.paid else Qt.AlignmentFlag.AlignCenter
        if role == ObjectRole:
            return c
        return None

    def _name(self, member_id: int, name: str, role: int) -> Any:
        behind = self._behind.get(member_id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name} (nợ {behind} tháng)" if behind else name
        if role == Qt.ItemDataRole.ForegroundRole and behind >= 2:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.FontRole and behind >= 2:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _total(self, column: int, role: int) -> Any:
        assert self.book is not None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return Qt.AlignmentFlag.AlignRight
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == NAME_COLUMN:
            return mdues.TOTAL_ROW
        if column == YEAR_COLUMN:
            return mdues.money(sum(t.paid_total for t in self.book.totals))
        t = self.book.totals[column - 1]
        return mdues.money(t.paid_total) if t.owed or t.paid_total else ""

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags
