"""Attendance of one meeting: one row per member, the code and the reason are editable in place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain import labels
from app.domain.meeting_record import Attendance, AttendanceCode
from ui.models.roles import AnyIndex, ObjectRole, SortRole


class AttendanceColumn(IntEnum):
    NAME = 0
    CODE = 1
    REASON = 2


HEADERS = {
    AttendanceColumn.NAME: "Họ và tên",
    AttendanceColumn.CODE: "Điểm danh",
    AttendanceColumn.REASON: "Lý do vắng",
}

#: Single keys for the codes a secretary types most (x = có mặt, as on paper).
KEY_CODES = {
    "x": AttendanceCode.PRESENT,
    "c": AttendanceCode.PRESENT,
    "m": AttendanceCode.LATE,
    "s": AttendanceCode.LEFT_EARLY,
    "p": AttendanceCode.ABSENT_EXCUSED,
    "k": AttendanceCode.ABSENT_UNEXCUSED,
}
ABSENT_COLOUR = QColor("#fde7e9")
OUT_OF_BASE_COLOUR = QColor("#eeeeee")


class AttendanceModel(QAbstractTableModel):
    #: Any code or reason changed (the editor recomputes the figures and schedules an autosave).
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Attendance] = []
        self.read_only = False

    def set_rows(self, rows: Sequence[Attendance]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> tuple[Attendance, ...]:
        return tuple(self._rows)

    def set_code(self, row: int, code: AttendanceCode) -> bool:
        if self.read_only or not 0 <= row < len(self._rows):
            return False
        current = self._rows[row]
        reason = current.reason if code in (AttendanceCode.ABSENT_EXCUSED, AttendanceCode.ABSENT_UNEXCUSED) else ""
        self._rows[row] = replace(current, code=code, reason=reason)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(AttendanceColumn) - 1))
        self.edited.emit()
        return True

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AttendanceColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = AttendanceColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column is AttendanceColumn.NAME:
                return row.member_name
            if column is AttendanceColumn.CODE:
                letter = labels.ATTENDANCE_LETTER[row.code]
                return (
                    row.code.value
                    if role == Qt.ItemDataRole.EditRole
                    else f"{labels.ATTENDANCE_CODE[row.code]} ({letter})"
                )
            return row.reason
        if role == Qt.ItemDataRole.BackgroundRole:
            if not row.code.in_base:
                return QBrush(OUT_OF_BASE_COLOUR)
            if not row.code.is_present:
                return QBrush(ABSENT_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column is AttendanceColumn.CODE:
            return "Bấm để chọn, hoặc gõ phím: X có mặt, M đến muộn, S về sớm, P vắng có lý do, K vắng không lý do."
        if role == ObjectRole:
            return row
        if role == SortRole:
            return index.row()
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.read_only or not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = AttendanceColumn(index.column())
        if column is AttendanceColumn.CODE:
            try:
                return self.set_code(index.row(), AttendanceCode(str(value)))
            except ValueError:
                return False
        if column is AttendanceColumn.REASON:
            self._rows[index.row()] = replace(self._rows[index.row()], reason=str(value))
            self.dataChanged.emit(index, index)
            self.edited.emit()
            return True
        return False

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or self.read_only or index.column() == AttendanceColumn.NAME:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[AttendanceColumn(section)]
        return section + 1
