"""First start: the short setup writes the branch profile and its secretary; the demo never touches the real file."""

from __future__ import annotations

from pathlib import Path

from app.bootstrap import open_services
from app.config import AppPaths
from app.domain.membership import PartyPosition
from tests.conftest import NOW
from ui import main as ui_main
from ui.dialogs.first_start_dialog import FirstStartDialog
from ui.main_window import MainWindow


def test_setup_saves_the_branch_and_its_secretary(qtbot, services) -> None:
    dialog = FirstStartDialog(services)
    qtbot.addWidget(dialog)
    dialog.branch_name.setText("CHI BỘ TRƯỜNG THCS NGUYỄN DU")
    dialog.upper_body.setText("ĐẢNG ỦY XÃ HÒA AN")
    dialog.place_name.setText("Hòa An")
    dialog.term_start.setText("1/9/2025")
    dialog.term_end.setText("31/08/2030")
    dialog.secretary_name.setText("Nguyễn Thị Ánh")
    dialog.secretary_joined.setText("19/05/2001")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.start_button.click()

    assert dialog.choice == "setup"
    profile = services.branch.profile()
    assert profile.branch_name == "CHI BỘ TRƯỜNG THCS NGUYỄN DU"
    assert profile.upper_body == "ĐẢNG ỦY XÃ HÒA AN"
    assert (profile.term_start.isoformat(), profile.term_end.isoformat()) == ("2025-09-01", "2030-08-31")
    (secretary,) = services.members.all()
    assert secretary.full_name == "Nguyễn Thị Ánh"
    assert secretary.party_position == PartyPosition.SECRETARY.value
    assert profile.secretary_id == secretary.id


def test_setup_without_a_branch_name_shows_the_error_beside_the_field_and_saves_nothing(qtbot, services) -> None:
    dialog = FirstStartDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.term_start.setText("31/02/2025")
    dialog.start_button.click()

    assert dialog.result() == 0
    assert "Tên chi bộ" in dialog.form.error_text("branch_name")
    assert "ngày không có thật" in dialog.form.error_text("term_start")
    assert not services.branch.profile().is_set_up
    assert services.members.all() == []


def test_demo_if_empty_opens_the_demo_in_its_own_file_and_leaves_the_real_one_empty(
    qtbot, tmp_path: Path, ui_settings
) -> None:
    real = AppPaths.under(tmp_path / "that")
    window = ui_main.open_window(real, ui_settings, demo_if_empty=True)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert window.demo
        assert "CHI BỘ MẪU" in window.windowTitle()
        assert window.windowTitle().startswith("Sổ Chi bộ — Chi bộ")
        assert window.services.paths.database.name == "demo.sqlite3"
        assert window.services.members.all()
    finally:
        window.close()
    # Opening the demo neither creates nor writes the user's data file (issue 10).
    leftovers = (
        [p.name for p in real.database.parent.glob(real.database.name + "*")] if real.database.parent.exists() else []
    )
    assert leftovers == []


def test_the_window_title_names_the_program_and_the_branch(qtbot, demo, ui_settings) -> None:
    window = MainWindow(demo, ui_settings)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Sổ Chi bộ — Chi bộ Trường THPT chuyên Vị Thanh"
    window.close()


def test_a_database_from_a_newer_version_is_refused_in_a_plain_sentence(
    qtbot, tmp_path: Path, ui_settings, answers
) -> None:
    import sqlite3

    real = AppPaths.under(tmp_path / "newer")
    first = open_services(real, now=lambda: NOW, backup_on_start=False)
    first.close()
    conn = sqlite3.connect(real.database)
    conn.execute("PRAGMA user_version = 999")
    conn.close()

    assert ui_main.open_window(real, ui_settings) is None
    (sentence,) = answers.errors
    assert "phiên bản" in sentence and "Traceback" not in sentence


def test_choosing_the_demo_at_first_start_leaves_no_empty_data_file_behind(
    qtbot, tmp_path: Path, ui_settings, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    real = AppPaths.under(tmp_path / "that")

    def click_demo(dialog: FirstStartDialog) -> int:
        dialog.show()
        QTest.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(FirstStartDialog, "exec", click_demo)
    window = ui_main.open_window(real, ui_settings)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert window.demo
    finally:
        window.close()
    assert not real.database.exists()
    assert not real.database.with_name(real.database.name + "-wal").exists()


def test_first_start_asks_the_secretary_s_full_membership_date(qtbot, services) -> None:
    """After 28 years she showed as probationary: the dialog now asks when she became a full member."""
    from datetime import date

    from PySide6.QtCore import Qt

    from app.domain.membership import MemberStatus

    dialog = FirstStartDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.branch_name.setText("CHI BỘ KHU PHỐ 3")
    dialog.secretary_name.setText("Trần Thị Ánh")  # Vietnamese cannot be typed by keyClicks (TECH-NOTES §1.4)
    qtbot.keyClicks(dialog.secretary_joined, "01/09/1997")
    qtbot.keyClicks(dialog.secretary_official, "01/09/1998")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    (secretary,) = services.members.all()
    assert secretary.official_on == date(1998, 9, 1)
    assert secretary.status_on(NOW.date()) is MemberStatus.FULL
    assert services.branch.profile().record_start == date(2026, 11, 1)
    assert [f for f in services.checks.run(2026) if f.rule == "monthly_meeting_missing"] == []


def test_a_new_member_defaults_to_the_position_most_hold(qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    view = window.show_view("members")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.party_position.currentText() == PartyPosition.MEMBER.value
    dialog.reject()


def test_settings_move_the_record_start_earlier_and_refuse_a_future_one(qtbot, window: MainWindow) -> None:
    from datetime import date

    from PySide6.QtCore import Qt

    view = window.show_view("settings")
    assert view.record_start.text() == "01/01/2025"  # the demo's record starts with its first year
    qtbot.mouseClick(view.record_start, Qt.MouseButton.LeftButton)
    view.record_start.selectAll()
    qtbot.keyClicks(view.record_start, "01/12/2026")
    qtbot.mouseClick(view.save_profile_button, Qt.MouseButton.LeftButton)
    assert "tương lai" in view.profile_form.error_text("record_start")
    assert window.services.branch.record_start() == date(2025, 1, 1)
    view.record_start.selectAll()
    qtbot.keyClicks(view.record_start, "01/01/2024")
    qtbot.mouseClick(view.save_profile_button, Qt.MouseButton.LeftButton)
    assert view.profile_form.error_text("record_start") == ""
    assert window.services.branch.record_start() == date(2024, 1, 1)
