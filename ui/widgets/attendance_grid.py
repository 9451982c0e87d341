"""The attendance grid of a meeting: codes by click or single key, reasons, live "có mặt x/y — z%" and the quorum banner."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import messages as msg
from app.domain.attendance import summarize
from app.domain.models import Attendance, AttendanceCode, AttendanceSummary
from app.domain.ruleset import RuleSet
from ui.models.attendance_model import KEY_CODES, AttendanceColumn, AttendanceModel
from ui.style import set_level


class CodeDelegate(QStyledItemDelegate):
    """A drop-down of the eight attendance codes, in Vietnamese."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for code in AttendanceCode:
            combo.addItem(f"{msg.ATTENDANCE_CODE[code.value]} ({msg.ATTENDANCE_LETTER[code.value]})", code.value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        editor.showPopup()

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AttendanceTable(QTableView):
    """Letters set the code of the current row and move down, as a secretary ticks a paper list."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        code = KEY_CODES.get(event.text().lower()) if event.text() else None
        model = self.model()
        if (
            code is not None
            and isinstance(model, AttendanceModel)
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().column() != AttendanceColumn.REASON
        ):
            row = self.currentIndex().row()
            if model.set_code(row, code):
                if code in (AttendanceCode.VANG_CO_LY_DO, AttendanceCode.VANG_KHONG_LY_DO):
                    self.setCurrentIndex(model.index(row, AttendanceColumn.REASON))  # the reason comes next
                else:
                    self.setCurrentIndex(model.index(min(row + 1, model.rowCount() - 1), AttendanceColumn.CODE))
            return
        super().keyPressEvent(event)


def quorum_sentence(summary: AttendanceSummary, rules: RuleSet) -> tuple[str, str]:
    """(level, sentence) for the banner above the grid."""
    if summary.base == 0:
        return "info", "Chưa có đảng viên nào phải dự buổi sinh hoạt này."
    pct = msg.percent(summary.pct)
    if 2 * summary.present <= summary.base:
        return "alert", (
            f"Chỉ có {summary.present}/{summary.base} đồng chí dự ({pct}), chưa quá một nửa: "
            "buổi sinh hoạt không đủ điều kiện ra nghị quyết."
        )
    if summary.pct < rules.attendance_warning_below:
        return "warning", (
            f"Có {summary.present}/{summary.base} đồng chí dự ({pct}): đủ điều kiện họp, "
            f"nhưng dưới {msg.percent(rules.attendance_warning_below, 0)} (bị trừ điểm khi đánh giá chất lượng)."
        )
    return "ok", f"Đủ điều kiện: {summary.present}/{summary.base} đồng chí dự ({pct})."


class AttendanceGrid(QWidget):
    def __init__(self, rules: RuleSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rules = rules
        self._visiting: set[int] = set()
        self.model = AttendanceModel(self)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setObjectName("sectionTitle")
        self.figures.setWordWrap(True)
        self.table = AttendanceTable()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(AttendanceColumn.CODE, CodeDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AttendanceColumn.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AttendanceColumn.CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        legend = QLabel(
            "Bấm vào ô Điểm danh để chọn, hoặc gõ một phím: X có mặt · M đến muộn · S về sớm · "
            "P vắng có lý do · K vắng không lý do. Gõ P hoặc K thì con trỏ sang ô Lý do."
        )
        legend.setObjectName("hint")
        legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.figures)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        self.table.clicked.connect(self._clicked)
        self.model.edited.connect(self.update_figures)
        self.model.modelReset.connect(self.update_figures)

    def set_rows(self, rows: Sequence[Attendance], visiting_ids: Iterable[int] = ()) -> None:
        self._visiting = set(visiting_ids)
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(AttendanceColumn.NAME)

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only

    def summary(self) -> AttendanceSummary:
        return summarize(self.model.rows(), self._visiting)

    def update_figures(self) -> None:
        summary = self.summary()
        pct = msg.percent(summary.pct)
        self.figures.setText(f"Có mặt {summary.present}/{summary.base} — {pct}")
        level, sentence = quorum_sentence(summary, self._rules)
        self.banner.setText(sentence)
        set_level(self.banner, level)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == AttendanceColumn.CODE and not self.model.read_only:
            self.table.edit(index)
