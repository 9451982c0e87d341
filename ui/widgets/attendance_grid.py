"""The attendance grid of a meeting: codes by click or single key, reasons, live "có mặt x/y — z%" and the quorum banner."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
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

from app.domain import labels, vntext
from app.domain.attendance import AttendanceSummary, quorum_sentence, quorum_verdict, summarize
from app.domain.meeting_record import Attendance, AttendanceCode
from app.domain.ruleset import RuleSet
from ui.models.attendance_model import KEY_CODES, AttendanceColumn, AttendanceModel
from ui.style import set_level


class CodeCombo(QComboBox):
    """The drop-down of the eight codes. The single keys choose their code here too (X M S P K, as in the grid);
    any other letter does nothing: Qt's type-to-search picked "Sinh hoạt tạm thời nơi khác" while a reason was
    typed, and silently took the member out of the base. A code that changes the base is chosen by mouse or arrows.
    """

    chosen = Signal(object)  # AttendanceCode

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in AttendanceCode:
            out = "" if code.in_base else " — không tính vào số phải dự"
            self.addItem(f"{labels.ATTENDANCE_CODE[code]} ({labels.ATTENDANCE_LETTER[code]}){out}", code.value)
        self.view().installEventFilter(self)
        self.activated.connect(lambda _i: self.chosen.emit(AttendanceCode(self.currentData())))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._single_key(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._single_key(event):
            super().keyPressEvent(event)

    def _single_key(self, event: QKeyEvent) -> bool:
        """True when the key was handled here: a code letter chooses it, any other letter is ignored."""
        text = event.text()
        if not text or not text.isprintable() or text.isspace():
            return False
        code = KEY_CODES.get(text.lower())
        if code is not None:
            self.setCurrentIndex(self.findData(code.value))
            self.hidePopup()
            self.chosen.emit(code)
        return True


class CodeDelegate(QStyledItemDelegate):
    """Edits the code with a CodeCombo; a choice is stored at once and the table moves on as after a key."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = CodeCombo(parent)
        row = index.row()
        combo.chosen.connect(lambda code, c=combo, r=row: self._chosen(c, r, code))
        return combo

    def _chosen(self, combo: CodeCombo, row: int, code: AttendanceCode) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)
        table = self.parent()
        if isinstance(table, AttendanceTable):
            table.move_after(row, code)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        editor.showPopup()  # a click on the cell opens the list at once; the single keys still work in it

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AttendanceTable(QTableView):
    """Letters set the code of the current row and move down, as a secretary ticks a paper list.

    They work on the name and the code cell alike (and in the open drop-down); in the reason cell a letter
    is the reason's text. Any other letter on a name or code cell does nothing (it never opens the drop-down).
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        text = event.text()
        on_reason = self.currentIndex().column() == AttendanceColumn.REASON
        if (
            text
            and text.isprintable()
            and not text.isspace()
            and isinstance(model, AttendanceModel)
            and self.state() != QAbstractItemView.State.EditingState
            and not on_reason
            and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            code = KEY_CODES.get(text.lower())
            row = self.currentIndex().row()
            if code is not None and model.set_code(row, code):
                self.move_after(row, code)
            return
        super().keyPressEvent(event)

    def move_after(self, row: int, code: AttendanceCode) -> None:
        """After a code: to the reason of an absence, else to the next member's code."""
        model = self.model()
        if code in (AttendanceCode.ABSENT_EXCUSED, AttendanceCode.ABSENT_UNEXCUSED):
            self.setCurrentIndex(model.index(row, AttendanceColumn.REASON))  # the reason comes next
        else:
            self.setCurrentIndex(model.index(min(row + 1, model.rowCount() - 1), AttendanceColumn.CODE))
        self.setFocus()


class AttendanceGrid(QWidget):
    """*rules* is asked each time the figures are shown, so a rule change in Settings applies at once."""

    def __init__(self, rules: Callable[[], RuleSet], parent: QWidget | None = None) -> None:
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
            "Gõ một phím ở ô Họ và tên, ô Điểm danh hay trong danh sách đang mở: X có mặt · M đến muộn · "
            "S về sớm · P vắng có lý do · K vắng không lý do (gõ P hoặc K thì con trỏ sang ô Lý do vắng). "
            "Bấm vào ô Điểm danh để chọn trong danh sách."
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
        rules = self._rules()
        verdict = quorum_verdict(summary.present, summary.base, rules)
        self.figures.setText(f"Có mặt {summary.present}/{summary.base} — {vntext.percent(summary.pct)}")
        self.banner.setText(quorum_sentence(verdict, rules))
        set_level(self.banner, verdict.level.value)

    def showEvent(self, event: QShowEvent) -> None:
        self.update_figures()  # the rules may have changed in Settings while the editor was hidden
        super().showEvent(event)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == AttendanceColumn.CODE and not self.model.read_only:
            self.table.edit(index)
