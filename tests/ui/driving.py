"""Window tests' shared moves, made as a person makes them: a screen by its Ctrl+digit, a threshold typed and saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox

from ui.main_window import SCREENS, MainWindow
from ui.views.base import View


def go(qtbot, window: MainWindow, key: str) -> View:
    """Ctrl+<digit> of screen *key* (screens are numbered in their menu order; Ctrl+0 is the tenth)."""
    number = next(i for i, (k, _, _) in enumerate(SCREENS, start=1) if k == key)
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number % 10), Qt.KeyboardModifier.ControlModifier)
    view = window.current_view()
    assert view is window.views[key]
    return view


def save_threshold(qtbot, window: MainWindow, box_name: str, text: str) -> View:
    """On Cài đặt, type *text* over the threshold box *box_name* and click Lưu ngưỡng; the settings screen."""
    settings = go(qtbot, window, "settings")
    box: QAbstractSpinBox = getattr(settings, box_name)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.mouseClick(settings.save_rules_button, Qt.MouseButton.LeftButton)
    return settings
