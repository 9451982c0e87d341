"""Start a new meeting: its kind and date. The editor then opens with the rule set's agenda and the roll."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.domain import labels
from app.domain.dates import DateInputError
from app.domain.meeting_record import MeetingKind
from ui.widgets.fields import DateEdit, Form
from ui.widgets.prompts import button_box


class NewMeetingDialog(QDialog):
    def __init__(self, today: date, kind: MeetingKind = MeetingKind.REGULAR, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cuộc sinh hoạt mới")
        self.setMinimumWidth(480)
        self.chosen_kind = kind
        self.chosen_date = today
        self.form = Form()
        self.kind = self.form.add("kind", "Loại sinh hoạt:", QComboBox())
        for k in MeetingKind:
            self.kind.addItem(labels.MEETING_KIND[k], k.value)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.on = self.form.add("on", "Ngày sinh hoạt:", DateEdit("on", today))
        self.buttons = button_box(QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tạo")
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _accept(self) -> None:
        try:
            day = self.on.value()
        except DateInputError as exc:
            self.form.show_errors({"on": exc.code})
            return
        if day is None:
            self.form.show_errors({"on": "required"})
            return
        self.chosen_kind = MeetingKind(self.kind.currentData())
        self.chosen_date = day
        self.accept()
