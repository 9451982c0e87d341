"""The USB backup's password dialogs, driven by clicks and keys: a mismatch keeps the dialog open with a message,
"không mã hóa" is a stated choice, and a wrong restore password keeps the dialog open and clears the field."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.domain.errors import AppError
from ui.dialogs.backup_password_dialog import BackupPasswordDialog, RestorePasswordDialog


def test_mismatched_passwords_keep_the_dialog_open_then_a_match_is_accepted(qtbot) -> None:
    dialog = BackupPasswordDialog(fields_sealed=False)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.password_edit, "mat-khau-dai-1")
    QTest.keyClicks(dialog.confirm_edit, "mat-khau-dai-2")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and dialog.isVisible()
    assert dialog.form.error_text("confirm") or dialog.error.text()
    dialog.confirm_edit.clear()
    QTest.keyClicks(dialog.confirm_edit, "mat-khau-dai-1")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert dialog.encrypt and dialog.password == "mat-khau-dai-1"


def test_no_encryption_is_a_stated_choice(qtbot) -> None:
    dialog = BackupPasswordDialog(fields_sealed=False)
    qtbot.addWidget(dialog)
    dialog.show()
    # on the box itself, as a person clicks it (the widget is as wide as the dialog)
    QTest.mouseClick(
        dialog.plain, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, dialog.plain.height() // 2)
    )
    assert dialog.warning.isVisible() and dialog.ok_button.text() == "Sao lưu không mã hóa"
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1 and dialog.encrypt is False and dialog.password is None


def test_a_wrong_restore_password_keeps_the_dialog_open(qtbot) -> None:
    def check(password: str) -> str:
        if password != "dung-roi-123":
            raise AppError("wrong_password")
        return "ok"

    dialog = RestorePasswordDialog("Bản sao lưu của Chi bộ Khu phố 3", check)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.password_edit, "sai")
    QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == 0 and dialog.error.isVisible() and dialog.password_edit.text() == ""
    QTest.keyClicks(dialog.password_edit, "dung-roi-123")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1 and dialog.result_value == "ok"
