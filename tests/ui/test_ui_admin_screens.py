"""Settings, backups and consolidation screens; the last-resort error hook; leaving the demo for one's own branch."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from app.bootstrap import open_services
from app.config import AppPaths
from app.domain import periods
from tests.conftest import NOW
from ui import errors as ui_errors
from ui import exports
from ui.main_window import MainWindow


def test_settings_save_the_profile_and_the_rule_thresholds(qtbot, window: MainWindow) -> None:
    view = window.show_view("settings")
    view.place_name.setText("Thành phố Vị Thanh")
    view.term_end.setText("30/9/2027")
    view.save_profile_button.click()
    profile = window.services.branch.profile()
    assert profile.place_name == "Thành phố Vị Thanh" and profile.term_end.isoformat() == "2027-09-30"

    view.unexcused_warning.setValue(1)
    view.attendance_warning.setValue(80)
    view.save_rules_button.click()
    rules = window.services.branch.stored_rules()
    assert (rules.unexcused_warning, rules.attendance_warning_below) == (1, 80.0)
    assert "Đã lưu ngưỡng" in view.banner.text()

    view.term_end.setText("31/02/2027")
    view.save_profile_button.click()
    assert "ngày không có thật" in view.profile_form.error_text("term_end")
    assert window.services.branch.profile().term_end.isoformat() == "2027-09-30"


def test_backup_now_then_restore_it_and_every_screen_reopens(qtbot, window: MainWindow, answers) -> None:
    view = window.show_view("backups")
    view.backup_button.click()
    assert view.table.rowCount() >= 1 and "Đã sao lưu" in view.banner.text()
    first = window.services.members.list()[0]
    window.services.members.update(replace(first, note="sau sao lưu"))
    assert window.services.members.get(first.id).note == "sau sao lưu"

    view.table.selectRow(0)
    view.restore_selected()
    assert any("Khôi phục sẽ thay toàn bộ dữ liệu" in q for q in answers.asked)
    assert window.services.members.get(first.id).note == first.note  # the restored state
    assert any("Đã khôi phục" in text for text in answers.infos)
    assert window.current_view().key == "backups"


def test_consolidation_reads_each_file_and_writes_the_workbook_and_receipt(
    qtbot, window: MainWindow, answers, tmp_path: Path, monkeypatch
) -> None:
    inbox = tmp_path / "usb"
    inbox.mkdir()
    summary = window.services.summary
    period = periods.quarter(2026, 3)
    summary.write(summary.prepare(period), inbox / summary.file_name(period))
    (inbox / "hong.xlsx").write_bytes(b"not a workbook")
    saved: list[Path] = []
    monkeypatch.setattr(exports, "show_saved", lambda parent, text, path: saved.append(path))

    view = window.show_view("consolidation")
    view.set_inputs([inbox])
    assert view.table.rowCount() == 2 and view.table.item(0, 2).text() == "Chờ đọc"
    view.read()
    qtbot.waitUntil(lambda: view.result is not None, timeout=20000)
    fates = [view.table.item(r, 2).text() for r in range(2)]
    assert sum(f.startswith("Đã tổng hợp") for f in fates) == 1
    assert sum(f.startswith("Bị từ chối") for f in fates) == 1
    assert view.export_button.isEnabled()

    answers.save_path = tmp_path / "tong-hop.xlsx"
    view.export()
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    assert (tmp_path / "tong-hop.xlsx").exists()
    assert (tmp_path / "tong-hop-bien-nhan.txt").read_text(encoding="utf-8")


def test_an_unexpected_error_shows_a_plain_sentence_and_logs_the_traceback(tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    ui_errors.set_log_folder(tmp_path)
    ui_errors.install_excepthook(shown.append)
    try:
        raise ZeroDivisionError("chia cho không")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    (sentence,) = shown
    assert "Đã có lỗi không mong muốn" in sentence and "Traceback" not in sentence
    log = (tmp_path / ui_errors.CRASH_LOG_NAME).read_text(encoding="utf-8")
    assert "ZeroDivisionError: chia cho không" in log


def test_leaving_the_demo_sets_up_the_real_branch_in_its_own_file(
    qtbot, tmp_path: Path, ui_settings, monkeypatch
) -> None:
    from ui import main as ui_main
    from ui.dialogs.first_start_dialog import FirstStartDialog

    real = AppPaths.under(tmp_path / "that")
    demo_window = ui_main.open_window(real, ui_settings, demo_if_empty=True)
    qtbot.addWidget(demo_window)
    demo_window.show()

    def fill_and_accept(dialog: FirstStartDialog) -> int:
        assert not dialog.demo_button.isVisibleTo(dialog)  # from the demo, only one's own branch is offered
        dialog.branch_name.setText("CHI BỘ KHU PHỐ 3")
        dialog._save()
        return dialog.result()

    monkeypatch.setattr(FirstStartDialog, "exec", fill_and_accept)
    demo_window.leave_demo_button.click()
    successor = demo_window.successor
    qtbot.addWidget(successor)
    assert not demo_window.isVisible() and not successor.demo
    assert successor.windowTitle() == "Sổ Chi bộ — CHI BỘ KHU PHỐ 3"
    successor.close()
    check = open_services(real, now=lambda: NOW, backup_on_start=False)
    try:
        assert check.branch.profile().branch_name == "CHI BỘ KHU PHỐ 3" and check.members.all() == []
    finally:
        check.close()


def test_backup_to_a_usb_folder_copies_in_the_background_and_reads_it_back(
    qtbot, window: MainWindow, answers, tmp_path: Path
) -> None:
    view = window.show_view("backups")
    answers.folder = tmp_path / "usb"
    answers.folder.mkdir()
    view.usb_button.click()
    dialog = view.password_dialog  # encrypted by default; this test takes the knowing "không mã hóa"
    dialog.plain.click()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: view.task is not None and not view.task.running, timeout=15000)
    (copy,) = answers.folder.iterdir()
    assert copy.suffix == ".sqlite3" and copy.stat().st_size > 0
    assert "Đã sao lưu và đọc lại" in view.banner.text()
    assert "kể cả số CCCD và số điện thoại" in view.banner.text()  # the stick carries sensitive fields
