"""The password of a backup that leaves the PC: chosen when writing it (or "không mã hóa", knowingly, for
this copy only), asked again when restoring it. The restore prompt keeps asking until it is right or cancelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain import security_messages as smsg
from app.services.security import check_new_password
from ui.dialogs.unlock_dialog import FittingDialog, password_field
from ui.style import set_level
from ui.widgets.fields import Form, attempt


def _ok_cancel_row(ok_text: str) -> tuple[QPushButton, QPushButton, QHBoxLayout]:
    """The dialog's default button and Hủy, right-aligned."""
    ok, cancel = QPushButton(ok_text), QPushButton("Hủy")
    ok.setDefault(True)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(ok)
    row.addWidget(cancel)
    return ok, cancel, row


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class BackupPasswordDialog(FittingDialog):
    """After accept: ``encrypt`` and ``password`` (None when not encrypted)."""

    def __init__(self, fields_sealed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mật khẩu cho bản sao lưu")
        self.encrypt = True
        self.password: str | None = None
        self.form = Form()
        self.password_edit = self.form.add("password", "Mật khẩu sao lưu:", password_field(), hint="Ít nhất 8 ký tự")
        self.confirm_edit = self.form.add("confirm", "Nhập lại mật khẩu:", password_field())
        self.plain = QCheckBox("Không mã hóa bản sao lưu này")
        private = smsg.NO_ENCRYPT_PRIVATE_SEALED if fields_sealed else smsg.NO_ENCRYPT_PRIVATE_CLEAR
        self.warning = _label(smsg.NO_ENCRYPT_WARNING.format(private=private), "banner")
        set_level(self.warning, "alert")
        self.warning.hide()
        self.error = _label("", "fieldError")
        self.error.hide()
        self.ok_button, cancel, row = _ok_cancel_row("Sao lưu")
        layout = QVBoxLayout(self)
        layout.addWidget(_label(smsg.BACKUP_EXPLAIN))
        layout.addWidget(self.form)
        layout.addWidget(self.plain)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.setMinimumWidth(600)
        self.plain.toggled.connect(self._plain_toggled)
        self.ok_button.clicked.connect(self._accept)
        cancel.clicked.connect(self.reject)

    def _plain_toggled(self, on: bool) -> None:
        self.warning.setVisible(on)
        self.form.setEnabled(not on)
        self.ok_button.setText("Sao lưu không mã hóa" if on else "Sao lưu")
        self.refit()

    def _accept(self) -> None:
        if self.plain.isChecked():
            self.encrypt, self.password = False, None
            self.accept()
            return
        self.form.clear_errors()
        password, confirm = self.password_edit.text(), self.confirm_edit.text()
        if attempt(self.form, self.error, lambda: check_new_password(password, confirm) or 1):
            self.encrypt, self.password = True, password
            self.accept()
        else:
            self.refit()


class RestorePasswordDialog(FittingDialog):
    """Asks the password of an encrypted backup; *check(password)* runs on OK (a wrong one keeps it open)."""

    def __init__(self, header_text: str, check: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mật khẩu của bản sao lưu")
        self.check = check
        self.result_value: Any = None
        self.password: str | None = None
        self.password_edit = password_field()
        self.error = _label("", "fieldError")
        self.error.hide()
        self.ok_button, cancel, row = _ok_cancel_row("Kiểm tra tệp")
        layout = QVBoxLayout(self)
        layout.addWidget(_label(header_text))
        layout.addWidget(_label("Mật khẩu đã đặt khi sao lưu:"))
        layout.addWidget(self.password_edit)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.setMinimumWidth(560)
        self.ok_button.clicked.connect(self._accept)
        self.password_edit.returnPressed.connect(self._accept)
        cancel.clicked.connect(self.reject)

    def _accept(self) -> None:
        self.error.hide()
        password = self.password_edit.text()
        value = attempt(Form(), self.error, lambda: self.check(password))
        if value is None:
            self.password_edit.clear()
            self.password_edit.setFocus()
            self.refit()
            return
        self.password, self.result_value = password, value
        self.accept()
