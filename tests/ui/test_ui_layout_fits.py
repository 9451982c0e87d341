"""At the largest font size every screen fits a 1366×768 screen: nothing forces the window wider or taller."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.meeting_record import MeetingKind
from ui.main_window import SCREENS, MainWindow

SCREEN_W, SCREEN_H = 1366, 768
#: Title bar and taskbar of a Windows desktop take about this much height.
WINDOWS_CHROME_H = 70


def _offenders(widget: QWidget, limit: int) -> list[str]:
    """Visible descendants whose minimum width (or height) alone is more than *limit* (to say what to fix)."""
    return [
        f"{type(child).__name__} {child.objectName()!r} {child.minimumSizeHint().width()}×"
        f"{child.minimumSizeHint().height()} {getattr(child, 'text', lambda: '')()[:40]!r}"
        for child in widget.findChildren(QWidget)
        if child.isVisibleTo(widget)
        and (child.minimumSizeHint().width() > limit or child.minimumSizeHint().height() > limit)
    ]


def _settle(qtbot) -> None:
    qtbot.wait(20)
    QApplication.processEvents()


def test_every_screen_fits_1366x768_at_the_largest_font(qtbot, window: MainWindow) -> None:
    window.set_font_size("very_large")
    assert QApplication.font().pointSize() == 15
    too_big = []
    for key, _, _ in SCREENS:
        view = window.show_view(key)
        _settle(qtbot)
        hint = window.minimumSizeHint()
        if hint.width() > SCREEN_W or hint.height() > SCREEN_H - WINDOWS_CHROME_H:
            too_big.append(f"{key}: {hint.width()}×{hint.height()} {_offenders(view, 400)}")
    meetings = window.show_view("meetings")
    editor = meetings.new_meeting(MeetingKind.COMBINED, date(2026, 11, 20))
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        _settle(qtbot)
        hint = window.minimumSizeHint()
        if hint.width() > SCREEN_W or hint.height() > SCREEN_H - WINDOWS_CHROME_H:
            too_big.append(f"meeting tab {tab}: {hint.width()}×{hint.height()} {_offenders(editor, 400)}")
    editor.dirty = False
    assert not too_big, "\n".join(too_big)


def test_font_size_setting_is_remembered_and_applied(qtbot, window: MainWindow, ui_settings) -> None:
    window.set_font_size("large")
    assert ui_settings.font_size == "large"
    assert QApplication.font().pointSize() == 13
    assert window.font_actions["large"].isChecked()


def test_the_text_size_chosen_in_settings_is_the_window_s(qtbot, window: MainWindow, ui_settings) -> None:
    """A click on "Chữ lớn" in Cài đặt goes through the window: remembered, applied, and its menu ticked."""
    view = window.show_view("settings")
    assert view.host is window
    button = view.font_buttons["large"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked() and ui_settings.font_size == "large"
    assert QApplication.font().pointSize() == 13 and window.font_actions["large"].isChecked()
