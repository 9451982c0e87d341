"""Cài đặt → Bảo mật: whether a program password is set, setting or changing it, the idle time, lock now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.bootstrap import Services
from app.domain import security_messages as smsg
from app.domain.crypto import IDLE_MAX, IDLE_MIN
from ui.dialogs.unlock_dialog import FittingDialog, password_field
from ui.style import set_level
from ui.widgets.fields import Form, attempt

if TYPE_CHECKING:
    from ui.views.base import WindowHost


class ChangePasswordDialog(FittingDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Đổi mật khẩu chương trình")
        self.form = Form()
        self.old = self.form.add("old_password", "Mật khẩu hiện tại:", password_field())
        self.new = self.form.add("password", "Mật khẩu mới:", password_field(), hint="Ít nhất 8 ký tự")
        self.confirm = self.form.add("confirm", "Nhập lại mật khẩu mới:", password_field())
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.ok_button = QPushButton("Đổi mật khẩu")
        cancel = QPushButton("Hủy")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok_button)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.ok_button.clicked.connect(self._apply)
        cancel.clicked.connect(self.reject)

    def _apply(self) -> None:
        self.error.hide()
        security = self.services.security
        call = lambda: security.change_password(self.old.text(), self.new.text(), self.confirm.text()) or 1  # noqa: E731
        if attempt(self.form, self.error, call):
            self.accept()
        else:
            self.refit()


class SecurityPanel(QWidget):
    """Placed in the settings screen; *host* (the main window, when there is one) provides ``idle_lock``."""

    def __init__(self, services: Services, host: WindowHost | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.host = host
        self.state = QLabel()
        self.state.setObjectName("banner")
        self.state.setWordWrap(True)
        explain = QLabel(smsg.WHAT_IT_PROTECTS + " " + smsg.NOT_PROTECTED)
        explain.setWordWrap(True)
        forgotten = QLabel(smsg.WHAT_IF_FORGOTTEN)
        forgotten.setObjectName("hint")
        forgotten.setWordWrap(True)
        self.set_button = QPushButton("Đặt mật khẩu…")
        self.change_button = QPushButton("Đổi mật khẩu…")
        self.lock_button = QPushButton("Khóa ngay")
        self.idle = QSpinBox()
        self.idle.setRange(IDLE_MIN, IDLE_MAX)
        self.idle.setSuffix(" phút")
        self.save_idle_button = QPushButton("Lưu thời gian tự khóa")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        for button in (self.set_button, self.change_button, self.lock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel("Tự khóa khi không dùng trong:"))
        idle_row.addWidget(self.idle)
        idle_row.addWidget(self.save_idle_button)
        idle_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.state, explain, forgotten):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addLayout(idle_row)
        layout.addWidget(self.message)
        self.set_button.clicked.connect(self.set_password)
        self.change_button.clicked.connect(self.change_password)
        self.lock_button.clicked.connect(self.lock_now)
        self.save_idle_button.clicked.connect(self.save_idle)

    def refresh(self) -> None:
        status = self.services.security.status()
        on = status.password_set
        lines = [smsg.STATUS_LINES["password_set"][on], smsg.STATUS_LINES["fields_encrypted"][status.fields_encrypted]]
        self.state.setText(" ".join(lines))
        set_level(self.state, "ok" if on else "info")
        self.set_button.setVisible(not on)
        for widget in (self.change_button, self.lock_button, self.idle, self.save_idle_button):
            widget.setEnabled(on)
        self.idle.setValue(status.idle_minutes)

    def _say(self, text: str, level: str = "ok") -> None:
        self.message.setText(text)
        self.message.setObjectName("banner")
        set_level(self.message, level)
        self.message.show()

    def set_password(self) -> None:
        from ui.dialogs.set_password_dialog import SetPasswordDialog

        dialog = SetPasswordDialog(self.services, self)
        self.dialog = dialog
        dialog.accepted.connect(self._password_set)
        dialog.open()

    def _password_set(self) -> None:
        members = self.services.branch.counts().get("member", 0)
        self._say(smsg.PASSWORD_SET_DONE.format(members=members, backups=len(self.services.backups.list())))
        self._restart_idle()
        self.refresh()

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.services, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._say(smsg.PASSWORD_CHANGED))
        dialog.open()

    def lock_now(self) -> None:
        if self.host is not None:
            self.host.idle_lock.lock(smsg.UNLOCK_PROMPT)

    def save_idle(self) -> None:
        minutes = self.idle.value()
        if attempt(Form(), self.message, lambda: self.services.security.set_idle_minutes(minutes) or 1):
            self._say(f"Chương trình sẽ tự khóa sau {minutes} phút không dùng.")
            self._restart_idle()

    def _restart_idle(self) -> None:
        if self.host is not None:
            self.host.idle_lock.restart()
