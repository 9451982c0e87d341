"""Table model over a year's meetings (figures only, no content), newest first, with the attendance of each."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain import labels, vntext
from app.domain.dates import format_dmy
from app.domain.meeting_record import MeetingOutline, MeetingStatus
from ui.models.roles import AnyIndex, ObjectRole, SortRole


class MeetingColumn(IntEnum):
    MONTH = 0
    DATE = 1
    KIND = 2
    TITLE = 3
    PRESENT = 4
    STATUS = 5


HEADERS = {
    MeetingColumn.MONTH: "Tháng",
    MeetingColumn.DATE: "Ngày",
    MeetingColumn.KIND: "Loại sinh hoạt",
    MeetingColumn.TITLE: "Chủ đề",
    MeetingColumn.PRESENT: "Có mặt",
    MeetingColumn.STATUS: "Trạng thái",
}
DRAFT_COLOUR = QColor("#fff4ce")


class MeetingTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingOutline] = []
        self._topics: dict[int, str] = {}

    def set_meetings(self, rows: Sequence[MeetingOutline], topics: dict[int, str] | None = None) -> None:
        """*topics*: meeting id -> title of the topic presented there (thematic meetings)."""
        self.beginResetModel()
        self._topics = dict(topics or {})
        self._rows = sorted(rows, key=lambda r: (r.on, r.id or 0), reverse=True)
        self.endResetModel()

    def meeting_at(self, row: int) -> MeetingOutline:
        return self._rows[row]

    def row_of(self, meeting_id: int) -> int:
        return next((i for i, m in enumerate(self._rows) if m.id == meeting_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MeetingColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        meeting = self._rows[index.row()]
        column = MeetingColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case MeetingColumn.MONTH:
                    return f"Tháng {meeting.on.month}/{meeting.on.year}"
                case MeetingColumn.DATE:
                    return format_dmy(meeting.on)
                case MeetingColumn.KIND:
                    return labels.MEETING_KIND[meeting.kind]
                case MeetingColumn.TITLE:
                    return meeting.title or self._topics.get(meeting.id or -1, "")
                case MeetingColumn.PRESENT:
                    return f"{meeting.present}/{meeting.base} ({vntext.percent(meeting.pct)})" if meeting.base else "—"
                case MeetingColumn.STATUS:
                    return labels.MEETING_STATUS[meeting.status]
        if role == SortRole:
            if column in (MeetingColumn.MONTH, MeetingColumn.DATE):
                return meeting.on.isoformat()
            if column is MeetingColumn.PRESENT:
                return meeting.pct
            return str(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == ObjectRole:
            return meeting
        if role == Qt.ItemDataRole.BackgroundRole and meeting.status is MeetingStatus.DRAFT:
            return QBrush(DRAFT_COLOUR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[MeetingColumn(section)]
        return None
