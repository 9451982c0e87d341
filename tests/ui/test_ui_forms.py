"""Forms: an error takes its own line without moving the fields, clears when the field is fixed; a time gets a
time's message; autosave never paints the form red while the user types. Driven with real keys and clicks.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from app.domain.meeting_record import MeetingKind
from ui.main_window import MainWindow


def _y(widget: QWidget, top: QWidget) -> int:
    return widget.mapTo(top, QPoint(0, 0)).y()


def test_an_error_takes_its_own_line_and_moves_no_field(qtbot, window: MainWindow) -> None:
    view = window.show_view("members")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    qtbot.waitExposed(dialog)
    below = (dialog.gender, dialog.date_of_birth, dialog.joined_on, dialog.official_on, dialog.party_card_no)
    before = [_y(w, dialog) for w in below]
    heights = [w.height() for w in below]

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # nothing typed: name and admission missing
    qtbot.wait(20)
    assert "Họ và tên: chưa nhập" in dialog.main_form.error_text("full_name")
    assert [_y(w, dialog) for w in below[:3]] == before[:3]  # the name's error sat in its reserved line
    assert [w.height() for w in below] == heights  # no field squashed (accents were clipped)
    assert dialog.full_name.height() >= dialog.full_name.sizeHint().height()

    qtbot.keyClicks(dialog.full_name, "Nguyen Van Moi")  # fixing the field clears its error at once
    assert dialog.main_form.error_text("full_name") == ""
    assert dialog.full_name.property("invalid") == "false"
    assert dialog.main_form.error_text("joined_on") != ""  # the field not yet fixed keeps its own
    dialog.dirty = False
    dialog.reject()


def test_a_wrong_date_is_said_on_leaving_the_field_and_cleared_when_fixed(qtbot, window: MainWindow) -> None:
    view = window.show_view("members")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    qtbot.waitExposed(dialog)
    dialog.windowHandle().requestActivate()  # offscreen, a window-modal dialog is not activated by itself
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.mouseClick(dialog.joined_on, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.joined_on, "31/02/2010")
    assert dialog.main_form.error_text("joined_on") == ""  # not while typing
    qtbot.keyClick(dialog.joined_on, Qt.Key.Key_Tab)  # leaving the field reads it
    assert "ngày không có thật" in dialog.main_form.error_text("joined_on")
    qtbot.mouseClick(dialog.joined_on, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.joined_on, Qt.Key.Key_End)
    qtbot.keyClick(dialog.joined_on, Qt.Key.Key_Backspace)
    assert dialog.main_form.error_text("joined_on") == ""  # editing the field clears it
    qtbot.keyClicks(dialog.joined_on, "8")
    qtbot.keyClick(dialog.joined_on, Qt.Key.Key_Tab)
    assert "ngày không có thật" in dialog.main_form.error_text("joined_on")  # 31/02/2018: said again
    qtbot.mouseClick(dialog.joined_on, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.joined_on, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.joined_on, "28/02/2018")
    qtbot.keyClick(dialog.joined_on, Qt.Key.Key_Tab)
    assert dialog.main_form.error_text("joined_on") == ""
    dialog.dirty = False
    dialog.reject()


def test_a_time_gets_a_time_s_message_and_autosave_paints_nothing(qtbot, window: MainWindow) -> None:
    meetings = window.show_view("meetings")
    editor = meetings.new_meeting(MeetingKind.REGULAR, date(2026, 11, 20))
    general = editor.general
    general.start.setFocus()
    general.start.selectAll()
    qtbot.keyClicks(general.start, "25:70")
    editor.autosave()  # what the 3-second timer does while she types
    assert general.form.error_text("start") == ""
    assert "Chưa tự lưu được" in editor.autosave_label.text()
    qtbot.keyClick(general.start, Qt.Key.Key_Tab)  # leaving the field
    sentence = general.form.error_text("start")
    assert sentence.startswith("Giờ bắt đầu: giờ không có thật") and "ngày" not in sentence
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "giờ không có thật" in editor.banner.text()
    editor.dirty = False
