"""Record a dated change of a member's situation (full membership, exemption, transfer…). History is kept, never rewritten."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain import labels
from app.domain.dates import DateInputError
from app.domain.membership import LEAVING_EVENTS, Member, MemberStatus, StatusEventKind
from app.services.members import ALLOWED_FROM, MemberService
from ui.widgets.fields import DateEdit, Form, attempt
from ui.widgets.prompts import button_box


def allowed_changes(status: MemberStatus) -> list[StatusEventKind]:
    """The changes that make sense from today's situation, in the order a secretary meets them."""
    kinds = [k for k, allowed in ALLOWED_FROM.items() if status in allowed]
    if status.on_roll:
        kinds += [k for k in StatusEventKind if k in LEAVING_EVENTS and k is not StatusEventKind.TEMPORARY_VISIT_ENDED]
        if status is MemberStatus.VISITING:
            kinds.append(StatusEventKind.TEMPORARY_VISIT_ENDED)
    else:
        kinds.append(StatusEventKind.TRANSFERRED_IN)
    return list(dict.fromkeys(kinds))


class StatusChangeDialog(QDialog):
    def __init__(self, service: MemberService, member: Member, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._member = member
        self.saved: Member | None = None
        self.stale = False  # a dated change adds to the history: it is never refused as stale
        status = member.status_on(today)
        self.setWindowTitle("Thay đổi tình trạng đảng viên")
        self.setMinimumWidth(560)

        heading = QLabel(f"Đồng chí {member.full_name} — hiện nay: {labels.MEMBER_STATUS[status]}")
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        self.form = Form()
        self.kind = self.form.add("event", "Thay đổi:", QComboBox())
        for kind in allowed_changes(status):
            self.kind.addItem(labels.STATUS_EVENT[kind], kind)
        self.on = self.form.add("on", "Từ ngày: *", DateEdit("on", today))
        self.decision = self.form.add("decision", "Số quyết định, giấy giới thiệu:", QLineEdit())
        self.note = self.form.add("note", "Ghi chú (nơi đến, lý do…):", QLineEdit())
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = button_box(QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        if self.kind.currentData() is None:
            return
        kind = StatusEventKind(self.kind.currentData())  # the combo hands the enum back as plain text
        try:
            on = self.on.value()
        except DateInputError as exc:
            self.form.show_errors({"on": exc.code})
            return
        if on is None:
            self.form.show_errors({"on": "required"})
            return
        self.saved = attempt(
            self.form,
            self.error,
            lambda: self._service.change_status(
                self._member.id or 0, kind, on, note=self.note.text(), decision=self.decision.text()
            ),
        )
        if self.saved is not None:
            self.accept()
