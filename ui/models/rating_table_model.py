"""Table model of a review season: one row per member reviewed, the levels, and what does not fit marked."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain import messages_ratings as rmsg
from app.domain.rating_rules import RatingRules
from app.services.ratings import SeasonRow
from ui.models.roles import AnyIndex, ObjectRole


class RatingColumn(IntEnum):
    NAME = 0
    FORM = 1
    SELF = 2
    SCORE = 3
    PROPOSED = 4
    FINAL = 5
    NOTE = 6


HEADERS = {
    RatingColumn.NAME: "Họ và tên",
    RatingColumn.FORM: "Mẫu",
    RatingColumn.SELF: "Tự xếp loại",
    RatingColumn.SCORE: "Điểm",
    RatingColumn.PROPOSED: "Chi bộ đề xuất",
    RatingColumn.FINAL: "Cấp trên quyết định",
    RatingColumn.NOTE: "Lưu ý",
}
CONFLICT_COLOUR = QColor("#fde7e9")
NOT_RATED_COLOUR = QColor("#eeeeee")
CONFLICT_MARK = "\u26a0 "  # ⚠


class RatingTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SeasonRow] = []
        self._rules = RatingRules()

    def set_season(self, rows: Sequence[SeasonRow], rules: RatingRules) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rules = rules
        self.endResetModel()

    def row(self, row: int) -> SeasonRow:
        return self._rows[row]

    def row_of(self, member_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.member.id == member_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RatingColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[RatingColumn(section)]
        return None

    def in_conflict(self, row: SeasonRow) -> bool:
        level = row.rating.effective if row.rating else None
        return bool(row.conflicts) and level in self._rules.conflict_levels

    def note(self, row: SeasonRow) -> str:
        if row.not_rated:
            why = rmsg.NOT_RATED_WHY[row.not_rated].format(months=self._rules.probation_min_months)
            return rmsg.NOT_RATED.format(why=why)
        if self.in_conflict(row):
            return CONFLICT_MARK + "; ".join(row.conflicts)
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = RatingColumn(index.column())
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.note(row) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.in_conflict(row):
                return QBrush(CONFLICT_COLOUR)
            if row.not_rated:
                return QBrush(NOT_RATED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (RatingColumn.NAME, RatingColumn.NOTE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: SeasonRow, column: RatingColumn) -> str:
        r = row.rating
        short = self._rules.short_label
        match column:
            case RatingColumn.NAME:
                return row.member.full_name
            case RatingColumn.FORM:
                return r.form if r else ""
            case RatingColumn.SELF:
                return short(r.self_level) if r else ""
            case RatingColumn.SCORE:
                return "" if r is None or r.score is None else f"{r.score:g}".replace(".", ",")
            case RatingColumn.PROPOSED:
                return short(r.proposed) if r else ""
            case RatingColumn.FINAL:
                return short(r.final) if r else ""
            case RatingColumn.NOTE:
                return self.note(row)
