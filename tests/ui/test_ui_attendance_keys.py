"""Attendance by single keys whichever cell has focus, also after a click opened the drop-down; typing a
reason never chooses a code that takes the member out of the base. Real clicks and key presses.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from app.domain.meeting_record import AttendanceCode, MeetingKind
from ui.main_window import MainWindow
from ui.models.attendance_model import AttendanceColumn


def _grid(window: MainWindow):
    view = window.show_view("meetings")
    editor = view.new_meeting(MeetingKind.REGULAR, date(2026, 11, 20))
    editor.tabs.setCurrentIndex(1)
    return editor, editor.attendance


def _click(qtbot, table, row: int, column: int) -> None:
    index = table.model().index(row, column)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.wait(20)


def _open_combo() -> QComboBox | None:
    focus = QApplication.focusWidget()
    while focus is not None and not isinstance(focus, QComboBox):
        focus = focus.parentWidget()
    return focus


def test_after_a_click_on_the_code_cell_p_chooses_excused_and_the_reason_follows(qtbot, window) -> None:
    editor, grid = _grid(window)
    table = grid.table
    _click(qtbot, table, 1, AttendanceColumn.CODE)  # the drop-down opens
    combo = _open_combo()
    assert combo is not None
    qtbot.keyClick(combo.view() if combo.view().isVisible() else combo, Qt.Key.Key_P)
    qtbot.wait(20)
    assert grid.model.rows()[1].code is AttendanceCode.ABSENT_EXCUSED
    assert table.currentIndex().row() == 1 and table.currentIndex().column() == AttendanceColumn.REASON
    assert table.state() != table.State.EditingState or _open_combo() is None

    # The reason is typed into its cell: letters are text there, the code stays "excused".
    # The first letter opens the reason's editor, as a person types on.
    qtbot.keyClick(table, Qt.Key.Key_D)
    qtbot.keyClicks(QApplication.focusWidget(), "i cong tac")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait(20)
    assert grid.model.rows()[1].reason == "di cong tac"
    assert grid.model.rows()[1].code is AttendanceCode.ABSENT_EXCUSED
    editor.dirty = False


def test_single_keys_work_on_the_name_cell_too(qtbot, window) -> None:
    editor, grid = _grid(window)
    table = grid.table
    _click(qtbot, table, 0, AttendanceColumn.NAME)
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert grid.model.rows()[0].code is AttendanceCode.ABSENT_UNEXCUSED
    assert table.currentIndex().column() == AttendanceColumn.REASON
    _click(qtbot, table, 2, AttendanceColumn.NAME)
    qtbot.keyClick(table, Qt.Key.Key_M)
    assert grid.model.rows()[2].code is AttendanceCode.LATE
    assert table.currentIndex().row() == 3
    editor.dirty = False


def test_typing_a_reason_into_the_open_drop_down_never_takes_a_member_out_of_the_base(qtbot, window) -> None:
    """The finding: "Sinh hoạt tạm thời nơi khác" was chosen by type-to-search while a reason was typed."""
    editor, grid = _grid(window)
    table = grid.table
    base = grid.summary().base
    _click(qtbot, table, 1, AttendanceColumn.CODE)
    combo = _open_combo()
    assert combo is not None
    target = combo.view() if combo.view().isVisible() else combo
    for key in (Qt.Key.Key_O, Qt.Key.Key_D, Qt.Key.Key_T, Qt.Key.Key_H, Qt.Key.Key_N, Qt.Key.Key_I):
        qtbot.keyClick(target, key)  # "odthni": none is a code key, and Qt's type-to-search is off
    assert grid.model.rows()[1].code is AttendanceCode.PRESENT
    assert grid.summary().base == base
    qtbot.keyClick(target, Qt.Key.Key_S)  # S is "về sớm": still present, still in the base
    assert grid.model.rows()[1].code is AttendanceCode.LEFT_EARLY
    assert all(row.code.in_base for row in grid.model.rows()[:2]) and grid.summary().base == base
    editor.dirty = False
