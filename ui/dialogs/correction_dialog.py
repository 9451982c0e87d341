"""A dated addendum (đính chính) to adopted minutes: the reason and the corrected text. The original stays sealed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.meeting_record import Meeting
from app.services.meetings import MeetingService
from ui.widgets.fields import Form, attempt
from ui.widgets.prompts import button_box


class CorrectionDialog(QDialog):
    def __init__(self, service: MeetingService, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._meeting_id = meeting_id
        self.saved: Meeting | None = None
        self.setWindowTitle("Lập bản đính chính biên bản")
        self.setMinimumWidth(560)
        intro = QLabel(
            "Biên bản đã thông qua được giữ nguyên. Bản đính chính ghi ngày hôm nay, lý do và nội dung sửa; "
            "khi xuất biên bản, bản đính chính được in kèm theo."
        )
        intro.setWordWrap(True)
        self.form = Form()
        self.reason = self.form.add("reason", "Lý do đính chính: *", QLineEdit())
        self.text = self.form.add("text", "Nội dung đính chính: *", QPlainTextEdit())
        self.text.setTabChangesFocus(True)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = button_box(QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        self.saved = attempt(
            self.form,
            self.error,
            lambda: self._service.add_correction(self._meeting_id, self.reason.text(), self.text.toPlainText()),
        )
        if self.saved is not None:
            self.accept()
