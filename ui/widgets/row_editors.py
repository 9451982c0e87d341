"""Editable lists of a meeting's parts (content sections, opinions, votes, tasks): one framed row each, add and remove."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import labels
from app.domain.dates import DateInputError
from app.domain.meeting_record import MeetingPart, Opinion, Section, Task, Vote, VoteMethod, VoteRule
from app.domain.membership import Member
from ui.widgets.fields import DateEdit
from ui.widgets.member_picker import MemberPicker

T = TypeVar("T")
PART_LABEL = {MeetingPart.REGULAR: "Phần thường kỳ", MeetingPart.THEMATIC: "Phần chuyên đề"}


def connect_changes(signal: SignalInstance, *widgets: QWidget) -> None:
    """Emit *signal* whenever the user edits any of *widgets* (the editor's "unsaved changes" and autosave)."""
    for w in widgets:
        if isinstance(w, QLineEdit):
            w.textEdited.connect(signal)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(signal)
        elif isinstance(w, QComboBox):
            w.currentTextChanged.connect(signal)
        elif isinstance(w, QSpinBox):
            w.valueChanged.connect(signal)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(signal)
        elif isinstance(w, RowList):
            w.changed.connect(signal)


def text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab leaves the box: keyboard users can move on
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def part_combo() -> QComboBox:
    combo = QComboBox()
    for part, label in PART_LABEL.items():
        combo.addItem(label, part)
    return combo


class RowFrame(QFrame, Generic[T]):
    """One row; subclasses build the fields and convert to and from the domain object."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(self)
        self.remove_button = QPushButton("Xóa")
        self.remove_button.setToolTip("Xóa dòng này")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def value(self) -> T:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        for child in self.findChildren(QWidget):
            if isinstance(child, QLineEdit | QPlainTextEdit):
                child.setReadOnly(read_only)
            elif isinstance(child, QComboBox | QSpinBox | QCheckBox):
                child.setEnabled(not read_only)
        self.remove_button.setVisible(not read_only)

    def _watch(self, *widgets: QWidget) -> None:
        connect_changes(self.changed, *widgets)


class RowList(QWidget, Generic[T]):
    """A column of RowFrames with an "add" button under it."""

    changed = Signal()

    def __init__(self, add_label: str, make_row: Callable[[T | None], RowFrame[T]], empty_text: str) -> None:
        super().__init__()
        self._make_row = make_row
        self.rows: list[RowFrame[T]] = []
        self.read_only = False
        self._column = QVBoxLayout()
        self._column.setSpacing(8)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setObjectName("hint")
        self.empty_label.setWordWrap(True)
        self.add_button = QPushButton(add_label)
        self.add_button.clicked.connect(lambda: self.add_row(None, focus=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._column)
        layout.addLayout(buttons)

    def set_values(self, values: Sequence[T]) -> None:
        for row in list(self.rows):
            self._remove(row, notify=False)
        for value in values:
            self.add_row(value, notify=False)
        self._update_empty()

    def values(self) -> list[T]:
        return [row.value() for row in self.rows]

    def add_row(self, value: T | None, *, focus: bool = False, notify: bool = True) -> RowFrame[T]:
        row = self._make_row(value)
        row.changed.connect(self.changed)
        row.remove_requested.connect(lambda widget: self._remove(widget))
        row.set_read_only(self.read_only)
        self._column.addWidget(row)
        self.rows.append(row)
        self._update_empty()
        if focus:
            first = next(
                (w for w in row.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isEnabled()),
                None,
            )
            if first is not None:
                first.setFocus()
        if notify:
            self.changed.emit()
        return row

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_button.setVisible(not read_only)
        for row in self.rows:
            row.set_read_only(read_only)

    def _remove(self, row: QWidget, *, notify: bool = True) -> None:
        if row in self.rows:
            self.rows.remove(row)  # type: ignore[arg-type]
            row.setParent(None)
            row.deleteLater()
            self._update_empty()
            if notify:
                self.changed.emit()

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self.rows)


# --------------------------------------------------------------------------- the four kinds of rows
class SectionRow(RowFrame[Section]):
    def __init__(self, value: Section | None, *, combined: bool) -> None:
        super().__init__()
        self.title = QLineEdit(value.title if value else "")
        self.title.setPlaceholderText("Tên mục, ví dụ: Đánh giá kết quả tháng qua")
        self.body = text_box(5)
        self.body.setPlainText(value.body if value else "")
        self.part = part_combo()
        self.part.setCurrentIndex(self.part.findData(value.part if value else MeetingPart.REGULAR))
        self.part.setVisible(combined)
        self.grid.addWidget(QLabel("Mục:"), 0, 0)
        self.grid.addWidget(self.title, 0, 1)
        self.grid.addWidget(self.part, 0, 2)
        self.grid.addWidget(self.remove_button, 0, 3)
        self.grid.addWidget(self.body, 1, 0, 1, 4)
        self.grid.setColumnStretch(1, 1)
        self._watch(self.title, self.body, self.part)

    def value(self) -> Section:
        return Section(self.title.text(), self.body.toPlainText(), MeetingPart(self.part.currentData()))


class OpinionRow(RowFrame[Opinion]):
    def __init__(self, value: Opinion | None, *, members: Sequence[Member], combined: bool) -> None:
        super().__init__()
        self.speaker = MemberPicker(members)
        if value is not None:
            self.speaker.set_member(value.speaker_id, value.speaker_name)
        self.text = text_box(3)
        self.text.setPlainText(value.text if value else "")
        self.part = part_combo()
        self.part.setCurrentIndex(self.part.findData(value.part if value else MeetingPart.REGULAR))
        self.part.setVisible(combined)
        self.grid.addWidget(QLabel("Đồng chí:"), 0, 0)
        self.grid.addWidget(self.speaker, 0, 1)
        self.grid.addWidget(self.part, 0, 2)
        self.grid.addWidget(self.remove_button, 0, 3)
        self.grid.addWidget(self.text, 1, 0, 1, 4)
        self.grid.setColumnStretch(1, 1)
        self._watch(self.speaker, self.text, self.part)

    def value(self) -> Opinion:
        return Opinion(
            self.speaker.name(), self.text.toPlainText(), self.speaker.member_id(), MeetingPart(self.part.currentData())
        )


class VoteRow(RowFrame[Vote]):
    def __init__(self, value: Vote | None, *, default_base: Callable[[], int]) -> None:
        super().__init__()
        self.item = QLineEdit(value.item if value else "")
        self.item.setPlaceholderText("Biểu quyết về việc gì, ví dụ: Thông qua nghị quyết tháng")
        self.votes_for, self.votes_against, self.votes_other, self.base = (QSpinBox() for _ in range(4))
        for spin in (self.votes_for, self.votes_against, self.votes_other, self.base):
            spin.setRange(0, 9999)
        base = value.base if value and value.base else default_base()
        self.base.setValue(base)
        self.votes_for.setValue(value.votes_for if value else base)
        self.votes_against.setValue(value.votes_against if value else 0)
        self.votes_other.setValue(value.votes_other if value else 0)
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.addItems([m.value for m in VoteMethod])
        self.method.setCurrentText(value.method if value else VoteMethod.SHOW_OF_HANDS.value)
        self.rule = QComboBox()
        for rule in VoteRule:
            self.rule.addItem(labels.VOTE_RULE[rule], rule)
        self.rule.setToolTip(labels.VOTE_RULE_HINT)
        self.rule.setCurrentIndex(self.rule.findData(value.rule if value else VoteRule.MAJORITY))
        for spin in (self.votes_for, self.votes_against, self.votes_other, self.base):
            spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("99999") + 40)
        self.grid.addWidget(QLabel("Nội dung:"), 0, 0)
        self.grid.addWidget(self.item, 0, 1, 1, 5)
        for col, (label, spin) in enumerate(
            (
                ("Tán thành:", self.votes_for),
                ("Không tán thành:", self.votes_against),
                ("Ý kiến khác:", self.votes_other),
            )
        ):
            self.grid.addWidget(QLabel(label), 1, 2 * col)
            self.grid.addWidget(spin, 1, 2 * col + 1)
        self.grid.addWidget(QLabel("Trên tổng số:"), 2, 0)
        self.grid.addWidget(self.base, 2, 1)
        self.grid.addWidget(QLabel("Hình thức:"), 2, 2)
        self.grid.addWidget(self.method, 2, 3)
        self.grid.addWidget(QLabel("Cách tính:"), 2, 4)
        self.grid.addWidget(self.rule, 2, 5)
        self.grid.addWidget(self.remove_button, 3, 5, Qt.AlignmentFlag.AlignRight)
        self.grid.setColumnStretch(5, 1)
        self._watch(self.item, self.votes_for, self.votes_against, self.votes_other, self.base, self.method, self.rule)

    def value(self) -> Vote:
        return Vote(
            self.item.text(),
            self.votes_for.value(),
            self.votes_against.value(),
            self.votes_other.value(),
            self.base.value(),
            self.method.currentText(),
            VoteRule(self.rule.currentData()),
        )


class TaskRow(RowFrame[Task]):
    def __init__(self, value: Task | None, *, members: Sequence[Member]) -> None:
        super().__init__()
        self.text = QLineEdit(value.text if value else "")
        self.text.setPlaceholderText("Việc cần làm")
        self.assignee = MemberPicker(members)
        if value is not None:
            self.assignee.set_member(value.assignee_id, value.assignee_name)
        self.due = DateEdit("due", value.due if value else None)
        self.done = QCheckBox("Đã xong")
        self.done.setChecked(bool(value and value.done))
        self.grid.addWidget(QLabel("Việc:"), 0, 0)
        self.grid.addWidget(self.text, 0, 1, 1, 3)
        self.grid.addWidget(self.remove_button, 0, 4)
        self.grid.addWidget(QLabel("Người thực hiện:"), 1, 0)
        self.grid.addWidget(self.assignee, 1, 1)
        self.grid.addWidget(QLabel("Hạn:"), 1, 2)
        self.grid.addWidget(self.due, 1, 3)
        self.grid.addWidget(self.done, 1, 4)
        self.grid.setColumnStretch(1, 1)
        self._watch(self.text, self.assignee, self.due, self.done)

    def value(self) -> Task:
        try:
            due: date | None = self.due.value()
        except DateInputError:
            due = None  # the field shows its own error; the task is kept without a due date
        return Task(self.text.text(), self.assignee.name(), self.assignee.member_id(), due, self.done.isChecked())
