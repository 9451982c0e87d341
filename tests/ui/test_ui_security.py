"""The program password in the window: set it from Cài đặt (explained, recovery code first), the prompt at
start with a wrong password and the recovery code, the idle lock, and encrypted USB backups from Sao lưu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from app.bootstrap import open_services
from tests.conftest import NOW
from ui import main as ui_main
from ui.dialogs.unlock_dialog import UnlockDialog
from ui.main_window import MainWindow

PASSWORD = "mat khau 2026"  # typed key by key (Vietnamese passwords: tests/security)


def tick(qtbot, box: QCheckBox) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the indicator


def type_into(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.setText(text)  # keyClicks cannot type Vietnamese (TECH-NOTES §1.4)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def set_password_through_settings(qtbot, window: MainWindow, answers, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    view = window.show_view("settings")
    panel = view.security_panel
    assert "Chưa đặt mật khẩu" in panel.state.text()
    click(qtbot, panel.set_button)
    dialog = panel.dialog
    qtbot.waitExposed(dialog)
    assert "mất hẳn" in " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert not dialog.next_button.isEnabled()  # the consequence must be acknowledged first
    type_into(qtbot, dialog.password, "ngắn")
    type_into(qtbot, dialog.confirm, "ngắn")
    tick(qtbot, dialog.understood)
    click(qtbot, dialog.next_button)
    assert "ít nhất 8 ký tự" in dialog.form.error_text("password")
    type_into(qtbot, dialog.password, PASSWORD)
    type_into(qtbot, dialog.confirm, PASSWORD)
    click(qtbot, dialog.next_button)
    code = dialog.code_label.text()
    assert len(code) == 29 and window.services.security.status().password_set is False  # nothing written yet
    answers.save_path = tmp_path / "to-ma-khoi-phuc.docx"
    click(qtbot, dialog.sheet_button)
    assert answers.save_path.exists() and "xóa tệp" in dialog.sheet_note.text()
    assert not dialog.set_button.isEnabled()
    tick(qtbot, dialog.on_paper)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        click(qtbot, dialog.set_button)
    assert window.services.security.status().fields_encrypted
    assert "Đã đặt mật khẩu" in panel.state.text() and "đã được mã hóa" in panel.message.text()
    return code


def test_password_set_in_settings_then_asked_at_start_and_the_recovery_code_works(
    qtbot, window: MainWindow, answers, tmp_path: Path, ui_settings
) -> None:
    code = set_password_through_settings(qtbot, window, answers, tmp_path)
    paths = window.services.paths
    first = window.services.members.list()[0]
    window.close()
    services = open_services(paths, now=lambda: NOW, backup_on_start=False)
    dialog = UnlockDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.panel
    type_into(qtbot, panel.password, "sai mat khau")
    click(qtbot, panel.unlock_button)
    assert "Mật khẩu không đúng" in panel.error.text() and dialog.result() == 0
    assert services.security.locked
    click(qtbot, panel.forgot_button)
    type_into(qtbot, panel.code, code.lower())
    type_into(qtbot, panel.new_password, "mat khau moi 2")
    type_into(qtbot, panel.confirm, "mat khau moi 2")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        click(qtbot, panel.recover_button)
    assert services.members.get(first.id).cccd == first.cccd
    services.close()


def test_the_window_locks_after_idle_time_and_opens_with_the_password(
    qtbot, window: MainWindow, answers, tmp_path: Path
) -> None:
    set_password_through_settings(qtbot, window, answers, tmp_path)
    lock = window.idle_lock
    lock.restart(interval_ms=200)  # the idle time, shortened for the test
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert lock.pages.currentWidget() is lock.screen and not window.navigation.isVisible()
    assert not window.search_action.isEnabled()  # Ctrl+F and every other shortcut are out of reach
    panel = lock.screen.panel
    type_into(qtbot, panel.password, "sai")
    click(qtbot, panel.unlock_button)
    assert lock.locked and "Mật khẩu không đúng" in panel.error.text()
    type_into(qtbot, panel.password, PASSWORD)
    click(qtbot, panel.unlock_button)
    assert not lock.locked and window.navigation.isVisible() and window.search_action.isEnabled()


def test_input_restarts_the_idle_count_only_while_a_password_is_set(
    qtbot, window: MainWindow, answers, tmp_path: Path
) -> None:
    lock = window.idle_lock
    assert not lock.watching_input and not lock.timer.isActive()  # no password: nothing to lock with
    set_password_through_settings(qtbot, window, answers, tmp_path)
    assert lock.watching_input
    lock.restart(interval_ms=3_000)
    qtbot.wait(1_000)
    before = lock.timer.remainingTime()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)  # any key, anywhere in the window
    assert before < 2_500 and lock.timer.remainingTime() > before + 500
    lock.stop()  # the window closing
    assert not lock.watching_input and not lock.timer.isActive()


def test_lock_now_in_settings_locks_the_window(qtbot, window: MainWindow, answers, tmp_path: Path) -> None:
    set_password_through_settings(qtbot, window, answers, tmp_path)
    panel = window.views["settings"].security_panel
    assert panel.host is window
    click(qtbot, panel.lock_button)
    lock = window.idle_lock
    assert lock.locked and lock.pages.currentWidget() is lock.screen
    type_into(qtbot, lock.screen.panel.password, PASSWORD)
    click(qtbot, lock.screen.panel.unlock_button)
    assert not lock.locked


def test_usb_backup_from_the_window_is_encrypted_and_restores_with_its_password(
    qtbot, window: MainWindow, answers, tmp_path: Path
) -> None:
    view = window.show_view("backups")
    answers.folder = tmp_path / "usb"
    answers.folder.mkdir()
    click(qtbot, view.usb_button)
    dialog = view.password_dialog
    type_into(qtbot, dialog.password_edit, "mat khau usb")
    type_into(qtbot, dialog.confirm_edit, "mat khau khac")
    click(qtbot, dialog.ok_button)
    assert "không giống nhau" in dialog.form.error_text("confirm") and view.task is None
    type_into(qtbot, dialog.confirm_edit, "mat khau usb")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: view.task is not None and not view.task.running, timeout=15000)
    (copy,) = answers.folder.iterdir()
    assert copy.name.endswith(".sqlite3.mahoa") and b"SQLite format 3" not in copy.read_bytes()
    assert "mã hóa bằng mật khẩu" in view.banner.text()

    view.restore(copy)
    ask = view.password_dialog
    assert "đã mã hóa" in ask.findChildren(QLabel)[0].text()
    type_into(qtbot, ask.password_edit, "sai")
    click(qtbot, ask.ok_button)
    assert "không đúng" in ask.error.text() and ask.result() == 0 and not answers.asked
    type_into(qtbot, ask.password_edit, "mat khau usb")
    click(qtbot, ask.ok_button)
    assert answers.asked and "Khôi phục sẽ thay toàn bộ dữ liệu" in answers.asked[-1]
    assert any("Đã khôi phục" in text for text in answers.infos)


def test_choosing_no_encryption_says_what_it_means(qtbot, window: MainWindow, answers, tmp_path: Path) -> None:
    view = window.show_view("backups")
    answers.folder = tmp_path / "usb"
    answers.folder.mkdir()
    click(qtbot, view.usb_button)
    dialog = view.password_dialog
    tick(qtbot, dialog.plain)
    assert dialog.warning.isVisible() and "ai cầm được USB đều đọc được" in dialog.warning.text()
    assert "chỉ áp dụng cho lần sao lưu này" in dialog.warning.text()
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: view.task is not None and not view.task.running, timeout=15000)
    (copy,) = answers.folder.iterdir()
    assert copy.suffix == ".sqlite3"
    click(qtbot, view.usb_button)
    assert not view.password_dialog.plain.isChecked()  # the next backup is encrypted again


def test_first_start_explains_the_password_and_encrypted_backups(qtbot, services) -> None:
    from ui.dialogs.first_start_dialog import FirstStartDialog

    dialog = FirstStartDialog(services)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Cài đặt → Bảo mật" in texts and "mã hóa" in texts


def test_open_window_asks_the_password_first(qtbot, demo, ui_settings, monkeypatch) -> None:
    plan = demo.security.plan(PASSWORD, PASSWORD)
    demo.security.set_password(plan)
    paths = demo.paths
    demo.close()
    asked = []

    def refuse(self) -> int:  # type: ignore[no-untyped-def]
        asked.append(self.panel.prompt.text())
        return 0  # the user chose Thoát

    monkeypatch.setattr(UnlockDialog, "exec", refuse)
    assert ui_main.open_window(paths, ui_settings) is None
    assert asked and "mật khẩu" in asked[0]
