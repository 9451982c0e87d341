"""Opening a password-protected branch: the password, or the recovery code and a new password.

The same panel serves the prompt at start (UnlockDialog) and the screen that covers the window after
idle time (LockScreen in ui/idle_lock.py). The panel only talks to SecurityService.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.bootstrap import Services
from app.domain import security_messages as smsg
from ui.widgets.fields import Form, attempt


class FittingDialog(QDialog):
    """A dialog that grows to fit its wrapped sentences whenever one appears (an error, a warning):
    Qt sizes a window by its labels' one-line hints, which cut wrapped Vietnamese sentences short."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refit()

    def refit(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = max(self.width(), self.minimumWidth())
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        self.resize(width, max(height, self.height() if self.isVisible() else 0))


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setMinimumWidth(320)
    return field


class UnlockPanel(QWidget):
    """Password field and "Mở khóa"; "Quên mật khẩu?" shows the recovery code and new password fields."""

    unlocked = Signal()
    resized = Signal()  # an error or the recovery fields appeared

    def __init__(self, services: Services, prompt: str = smsg.UNLOCK_PROMPT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.password = password_field()
        self.password.setObjectName("unlockPassword")
        self.unlock_button = QPushButton("Mở khóa")
        self.unlock_button.setDefault(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.forgot_button = QPushButton("Quên mật khẩu? Dùng mã khôi phục…")
        self.forgot_button.setFlat(True)

        self.recovery = QWidget()
        self.recovery_form = Form()
        self.code = self.recovery_form.add(
            "recovery_code", "Mã khôi phục:", QLineEdit(), hint="24 ký tự trên tờ mã khôi phục"
        )
        self.new_password = self.recovery_form.add("password", "Mật khẩu mới:", password_field())
        self.confirm = self.recovery_form.add("confirm", "Nhập lại mật khẩu mới:", password_field())
        self.recover_button = QPushButton("Mở bằng mã khôi phục và đặt mật khẩu mới")
        self.recovery_error = QLabel()
        self.recovery_error.setObjectName("fieldError")
        self.recovery_error.setWordWrap(True)
        self.recovery_error.hide()
        note = QLabel(smsg.WHAT_IF_FORGOTTEN)
        note.setWordWrap(True)
        column = QVBoxLayout(self.recovery)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(note)
        column.addWidget(self.recovery_form)
        column.addWidget(self.recovery_error)
        column.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.recovery.hide()

        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.recovery)

        self.unlock_button.clicked.connect(self._unlock)
        self.password.returnPressed.connect(self._unlock)
        self.forgot_button.clicked.connect(self._show_recovery)
        self.recover_button.clicked.connect(self._recover)

    def _unlock(self) -> None:
        self.error.hide()
        done = attempt(self.recovery_form, self.error, lambda: self.services.security.unlock(self.password.text()) or 1)
        self.password.clear()
        if done:
            self.unlocked.emit()
        else:
            self.password.setFocus()
            self.resized.emit()

    def _show_recovery(self) -> None:
        self.recovery.show()
        self.code.setFocus()
        self.resized.emit()

    def _recover(self) -> None:
        self.recovery_error.hide()
        self.recovery_form.clear_errors()
        done = attempt(
            self.recovery_form,
            self.recovery_error,
            lambda: (
                self.services.security.recover(self.code.text(), self.new_password.text(), self.confirm.text()) or 1
            ),
        )
        if done:
            for field in (self.code, self.new_password, self.confirm):
                field.clear()
            self.unlocked.emit()
        else:
            self.resized.emit()


class UnlockDialog(FittingDialog):
    """Asked before the window opens when the branch has a program password. Rejected = quit."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(smsg.LOCKED_TITLE)
        self.panel = UnlockPanel(services)
        self.quit_button = QPushButton("Thoát")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        title = QLabel(services.branch.profile().branch_name or "Sổ Chi bộ")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.panel.unlocked.connect(self.accept)
        self.panel.resized.connect(self.refit)
        self.quit_button.clicked.connect(self.reject)
        self.panel.password.setFocus()
