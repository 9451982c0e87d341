"""Table model of a year's topic plan: one row per assignment, plus a row for each quarter still unassigned."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain import labels
from app.domain.dates import format_dmy, roman
from app.domain.meeting_record import MeetingOutline
from app.domain.topic_plan import TopicAssignment
from ui.models.roles import AnyIndex, ObjectRole, SortRole


class TopicColumn(IntEnum):
    QUARTER = 0
    TITLE = 1
    PEOPLE = 2
    STATUS = 3  # with the due date, or the day it was presented


HEADERS = {
    TopicColumn.QUARTER: "Quý",
    TopicColumn.TITLE: "Chuyên đề",
    TopicColumn.PEOPLE: "Người chuẩn bị",
    TopicColumn.STATUS: "Tình trạng",
}
UNASSIGNED_COLOUR = QColor("#fde7e9")


class TopicTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, TopicAssignment | None]] = []
        self._meetings: Mapping[int, MeetingOutline] = {}

    def set_plan(self, assignments: Sequence[TopicAssignment], meetings: Mapping[int, MeetingOutline]) -> None:
        self.beginResetModel()
        self._meetings = dict(meetings)
        rows: list[tuple[int, TopicAssignment | None]] = [(a.quarter, a) for a in assignments]
        covered = {a.quarter for a in assignments}
        rows += [(q, None) for q in range(1, 5) if q not in covered]
        self._rows = sorted(rows, key=lambda r: (r[0], r[1] is None, r[1].id if r[1] else 0))
        self.endResetModel()

    def row(self, row: int) -> tuple[int, TopicAssignment | None]:
        return self._rows[row]

    def row_of(self, assignment_id: int) -> int:
        return next((i for i, (_, a) in enumerate(self._rows) if a is not None and a.id == assignment_id), -1)

    def rows_of_quarter(self, quarter: int) -> list[int]:
        return [i for i, (q, _) in enumerate(self._rows) if q == quarter]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TopicColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        quarter, a = self._rows[index.row()]
        column = TopicColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is TopicColumn.QUARTER:
                return f"Quý {roman(quarter)}"
            if a is None:
                return "Chưa phân công — bấm “Phân công chuyên đề”" if column is TopicColumn.TITLE else ""
            match column:
                case TopicColumn.TITLE:
                    return a.title
                case TopicColumn.PEOPLE:
                    lead = a.lead
                    names = [p.name for p in a.assignees]
                    if lead is not None and len(names) > 1:
                        names = [f"{lead.name} (chính)"] + [p.name for p in a.assignees if p is not lead]
                    return ", ".join(names)
                case TopicColumn.STATUS:
                    return self.status_text(a)
        if role == Qt.ItemDataRole.BackgroundRole and a is None:
            return QBrush(UNASSIGNED_COLOUR)
        if role == ObjectRole:
            return a
        if role == SortRole:
            return (quarter, index.row())
        if role == Qt.ItemDataRole.ToolTipRole and a is not None and column is TopicColumn.TITLE:
            return a.basis_doc or a.title
        return None

    def status_text(self, a: TopicAssignment) -> str:
        status = labels.TOPIC_STATUS[a.status]
        meeting = self._meetings.get(a.meeting_id) if a.meeting_id is not None else None
        if meeting is not None:
            return f"{status}, buổi sinh hoạt ngày {format_dmy(meeting.on)}"
        if a.draft_due is not None and not a.status.reached_meeting:
            return f"{status}; hạn nộp {format_dmy(a.draft_due)}"
        return status

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[TopicColumn(section)]
        return None
