"""Setting the program password in two steps: what it protects and what is lost without it, then the
one-time recovery code (save the sheet to print, confirm it is on paper) before anything is encrypted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain import security_messages as smsg
from app.services.security import PasswordPlan
from ui.dialogs.unlock_dialog import FittingDialog, password_field
from ui.style import set_level
from ui.widgets import prompts
from ui.widgets.fields import Form, attempt


def wrapped(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class SetPasswordDialog(FittingDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.plan: PasswordPlan | None = None
        self.sheet_path: Path | None = None
        self.setWindowTitle("Đặt mật khẩu chương trình")
        self.pages = QStackedWidget()

        # ---- step 1: the choice explained, the password
        first = QWidget()
        self.form = Form()
        self.password = self.form.add("password", "Mật khẩu mới:", password_field(), hint="Ít nhất 8 ký tự")
        self.confirm = self.form.add("confirm", "Nhập lại mật khẩu:", password_field())
        warning = wrapped(smsg.WHAT_IF_FORGOTTEN, "banner")
        set_level(warning, "warning")
        self.understood = QCheckBox("Tôi đã hiểu: mất cả mật khẩu lẫn mã khôi phục thì mất hẳn số CCCD, số điện thoại.")
        self.next_button = QPushButton("Tiếp tục")
        self.next_button.setEnabled(False)
        self.error = wrapped("", "fieldError")
        self.error.hide()
        column = QVBoxLayout(first)
        for widget in (wrapped(smsg.WHAT_IT_PROTECTS), wrapped(smsg.NOT_PROTECTED, "hint"), warning, self.form):
            column.addWidget(widget)
        column.addWidget(self.understood)
        column.addWidget(self.error)
        column.addStretch(1)

        # ---- step 2: the recovery code, on paper before anything is encrypted
        second = QWidget()
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_font = QFont("Courier New")
        code_font.setStyleHint(QFont.StyleHint.Monospace)
        code_font.setPointSizeF(self.font().pointSizeF() * 1.6)
        code_font.setBold(True)
        self.code_label.setFont(code_font)
        self.sheet_button = QPushButton("Lưu tờ mã khôi phục (Word) để in…")
        self.sheet_note = wrapped("", "hint")
        self.on_paper = QCheckBox("Tôi đã in hoặc chép mã khôi phục ra giấy và sẽ cất cùng sổ biên bản.")
        self.set_button = QPushButton("Đặt mật khẩu và mã hóa")
        self.set_button.setEnabled(False)
        self.set_error = wrapped("", "fieldError")
        self.set_error.hide()
        column2 = QVBoxLayout(second)
        column2.addWidget(wrapped("Mã khôi phục (chỉ hiện một lần):"))
        column2.addWidget(self.code_label, 0, Qt.AlignmentFlag.AlignHCenter)
        for line in smsg.RECOVERY_SHEET_LINES:
            column2.addWidget(wrapped(line))
        row = QHBoxLayout()
        row.addWidget(self.sheet_button)
        row.addStretch(1)
        column2.addLayout(row)
        column2.addWidget(self.sheet_note)
        column2.addWidget(self.on_paper)
        column2.addWidget(self.set_error)
        column2.addStretch(1)

        self.pages.addWidget(first)
        self.pages.addWidget(second)
        self.cancel_button = QPushButton("Hủy")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.cancel_button)
        self.set_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.setMinimumWidth(780)

        self.understood.toggled.connect(self.next_button.setEnabled)
        self.on_paper.toggled.connect(self.set_button.setEnabled)
        self.next_button.clicked.connect(self._next)
        self.sheet_button.clicked.connect(self._save_sheet)
        self.set_button.clicked.connect(self._apply)
        self.cancel_button.clicked.connect(self.reject)

    def _next(self) -> None:
        self.error.hide()
        self.form.clear_errors()
        plan = attempt(
            self.form, self.error, lambda: self.services.security.plan(self.password.text(), self.confirm.text())
        )
        if plan is None:
            self.refit()
            return
        self.plan = plan
        self.password.clear()
        self.confirm.clear()
        self.code_label.setText(plan.recovery_code)
        self.pages.setCurrentIndex(1)
        self.next_button.hide()
        self.set_button.show()

    def _save_sheet(self) -> None:
        assert self.plan is not None
        path = prompts.choose_save_path(
            self, "Lưu tờ mã khôi phục", Path.home() / "to-ma-khoi-phuc.docx", "Tài liệu Word (*.docx)"
        )
        if path is None:
            return
        plan = self.plan
        written = attempt(Form(), self.set_error, lambda: self.services.security.write_recovery_sheet(plan, path))
        if written is not None:
            self.sheet_path = written
            self.sheet_note.setText(
                f"Đã lưu {written}. Hãy in tờ này, rồi xóa tệp (tệp chứa mã khôi phục) và dọn cả Thùng rác."
            )

    def _apply(self) -> None:
        assert self.plan is not None
        plan = self.plan
        self.set_error.hide()
        done = attempt(Form(), self.set_error, lambda: self.services.security.set_password(plan) or 1)
        if done:
            self.accept()
        else:
            self.refit()
