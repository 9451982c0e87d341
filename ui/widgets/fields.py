"""Form building blocks: date and time fields that read Vietnamese input, and a form that shows errors inline.

Parsing is app.domain.dates; wording is app.domain.labels and app.domain.error_text. Nothing here saves anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, time
from typing import TypeVar

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain import error_text, labels, security_messages
from app.domain.dates import DateInputError, format_dmy, parse_optional_date, parse_time
from app.domain.errors import AppError, ValidationError
from ui.errors import plain_message
from ui.style import mark_invalid

W = TypeVar("W", bound=QWidget)


class DateEdit(QLineEdit):
    """A date typed as dd/mm/yyyy (also 5/2/2026, 05-02-2026, 05022026); tidied to dd/mm/yyyy on leaving.

    ``problem`` carries an error code ("format", "impossible") or "" when the text reads fine.
    """

    problem = Signal(str)

    def __init__(self, field: str, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(format_dmy(value), parent)
        self.field = field
        self.setPlaceholderText("ngày/tháng/năm")
        self.setMaxLength(12)
        self.setToolTip("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026.")
        self.editingFinished.connect(self._tidy)

    def value(self) -> date | None:
        """The date typed, None when blank. Raises DateInputError when it cannot be read."""
        return parse_optional_date(self.text(), self.field)

    def set_value(self, value: date | None) -> None:
        self.setText(format_dmy(value))

    def _tidy(self) -> None:
        try:
            value = self.value()
        except DateInputError as exc:
            self.problem.emit(exc.code)
            return
        if value is not None:
            self.setText(format_dmy(value))
        self.problem.emit("")


class TimeEdit(QLineEdit):
    """A time typed as 19:30, 19h30, 7 giờ 05 or 1930; tidied to hh:mm on leaving."""

    problem = Signal(str)

    def __init__(self, field: str, value: time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setPlaceholderText("giờ:phút")
        self.setMaxLength(16)
        self.set_value(value)
        self.editingFinished.connect(self._tidy)

    def value(self) -> time | None:
        if not self.text().strip():
            return None
        return parse_time(self.text(), self.field)

    def set_value(self, value: time | None) -> None:
        self.setText(f"{value.hour:02d}:{value.minute:02d}" if value else "")

    def _tidy(self) -> None:
        try:
            value = self.value()
        except DateInputError as exc:
            code = "time_format" if exc.code == "format" else exc.code
            self.problem.emit(code)
            return
        self.set_value(value)
        self.problem.emit("")


class MessageLine(QLabel):
    """The line under a field for its hint or its error: always at least one line tall, so a message appearing
    never moves the fields below the cursor. A longer message wraps, and its height is set from the width it
    really has: QFormLayout under-sizes height-for-width rows (the row got less than its minimum, which
    squashed the field above and cut the message), so this label reports a plain minimum height instead.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fit()

    def _line(self) -> int:
        return self.fontMetrics().lineSpacing()

    def hasHeightForWidth(self) -> bool:
        return False  # the height is a plain (minimum) height, kept right by _fit() on every resize

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._needed())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._needed())

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _needed(self) -> int:
        width = self.width() if self.width() > 1 else 400
        return max(super().heightForWidth(width), self._line())

    def _fit(self) -> None:
        needed = self._needed()
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)
            self.setMaximumHeight(needed)
            self.updateGeometry()


class Form(QWidget):
    """A label/field form whose errors appear in red under the field they concern.

    Each field has one line under it, reserved from the start: its hint, or its error in place of the hint.
    An error clears as soon as the field is edited (a date or time is read again on leaving the field).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}

    def add(self, name: str, label: str, editor: W, hint: str = "") -> W:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        grows = editor.sizePolicy().horizontalPolicy() in (
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.MinimumExpanding,
        )
        column.addWidget(editor, 0, Qt.AlignmentFlag(0) if grows else Qt.AlignmentFlag.AlignLeft)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # hints wrap at the form's width
        hint_label = MessageLine(hint)
        hint_label.setObjectName("hint")
        error = MessageLine()
        error.setObjectName("fieldError")
        error.hide()
        column.addWidget(hint_label)
        column.addWidget(error)
        row_label = QLabel(label)
        row_label.setBuddy(editor)
        self.layout_.addRow(row_label, box)
        self.fields[name] = editor
        self.errors[name] = error
        self.hints[name] = hint_label
        self.labels[name] = label.replace("&", "").rstrip(": *")
        if isinstance(editor, DateEdit | TimeEdit):
            editor.problem.connect(lambda code, n=name: self.set_error(n, code))
        self._clear_when_edited(name, editor)
        return editor

    def _clear_when_edited(self, name: str, editor: QWidget) -> None:
        """An error goes away when the user changes the field (checked again on leaving it, or on saving)."""

        def clear(*_: object) -> None:
            if self.errors[name].isVisibleTo(self):
                self.set_error(name, "")

        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(clear)
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(clear)
            if editor.lineEdit() is not None:
                editor.lineEdit().textEdited.connect(clear)
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(clear)
        elif isinstance(editor, QAbstractSpinBox):
            editor.editingFinished.connect(clear)

    def set_error(self, name: str, code: str, text: str = "") -> None:
        """Show (code or text) or clear ("" and "") the sentence under field *name*."""
        label = self.errors.get(name)
        if label is None:
            return
        sentence = text or (self.sentence(name, code) if code else "")
        label.setText(sentence)
        # The error takes the hint's line (the hint comes back when it clears): the fields below stay put.
        self.hints[name].setVisible(not sentence)
        label.setVisible(bool(sentence))
        mark_invalid(self.fields[name], bool(sentence))

    def sentence(self, name: str, code: str) -> str:
        """The domain's sentence for *code*, naming the field as its label on this form says it."""
        if name in labels.FIELD_LABEL or code in security_messages.FIELD_ERRORS:
            return error_text.field_error(name, code)
        template = error_text.FIELD_ERROR.get(code, error_text.FIELD_ERROR["invalid"])
        return template.format(label=self.labels.get(name, name))

    def show_errors(self, errors: Mapping[str, str]) -> list[str]:
        """Show every field error; focus the first field. Returns the fields it could not place."""
        self.clear_errors()
        unplaced = []
        first: QWidget | None = None
        for name, code in errors.items():
            if name in self.errors:
                self.set_error(name, code)
                first = first or self.fields[name]
            else:
                unplaced.append(name)
        if first is not None:
            first.setFocus()
        return unplaced

    def clear_errors(self) -> None:
        for name in self.errors:
            self.set_error(name, "")

    def error_text(self, name: str) -> str:
        label = self.errors.get(name)
        return label.text() if label is not None and label.isVisibleTo(self) else ""


_R = TypeVar("_R")


def attempt(form: Form, error: QLabel, call: Callable[[], _R]) -> _R | None:
    """Run a dialog's service call. Field errors go next to their fields, any other expected error into
    *error* as a plain Vietnamese sentence; None then (nothing was saved), else what the call returned."""
    try:
        return call()
    except ValidationError as exc:
        form.show_errors(exc.field_errors)
    except AppError as exc:
        error.setText(plain_message(exc))
        error.show()
    return None
