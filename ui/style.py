"""The window's look: one application font size (normal / large / very large) and one stylesheet that follows it."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from ui.settings import FONT_POINTS

#: Colours with enough contrast on white for tired eyes (WCAG AA for normal text).
ERROR_RED = "#a40000"
WARNING_BG = "#fff4ce"
WARNING_FG = "#5c4400"
ALERT_BG = "#fde7e9"
OK_BG = "#dff6dd"
OK_FG = "#0e5c0e"
INFO_BG = "#e8f1fb"
MUTED = "#555555"
LOCKED_BG = "#ececec"  # adopted minutes: read-only fields look read-only


def stylesheet(points: int) -> str:
    big = points + 4
    nav = points + 1
    return f"""
QLabel#pageTitle {{ font-size: {big}pt; font-weight: bold; padding: 2px 0 6px 0; }}
QLabel#sectionTitle {{ font-size: {nav}pt; font-weight: bold; padding-top: 6px; }}
QLabel#fieldError, QLabel#errorLabel {{ color: {ERROR_RED}; }}
QLabel#hint {{ color: {MUTED}; }}
QLabel#banner[level="ok"] {{ background: {OK_BG}; color: {OK_FG}; padding: 6px; border-radius: 4px; }}
QLabel#banner[level="warning"] {{ background: {WARNING_BG}; color: {WARNING_FG}; padding: 6px; border-radius: 4px; }}
QLabel#banner[level="alert"] {{ background: {ALERT_BG}; color: {ERROR_RED}; padding: 6px; border-radius: 4px; }}
QLabel#banner[level="info"] {{ background: {INFO_BG}; padding: 6px; border-radius: 4px; }}
QListWidget#navigation {{ font-size: {nav}pt; }}
QListWidget#navigation::item {{ padding: 8px 10px; }}
QListWidget#navigation::item:selected {{ background: #1f5fa8; color: white; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{ border: 2px solid {ERROR_RED}; }}
QWidget[locked="true"] QLineEdit, QWidget[locked="true"] QPlainTextEdit, QWidget[locked="true"] QTableView {{
    background: {LOCKED_BG}; color: #222222; border: 1px solid #c8c8c8; }}
QPushButton {{ padding: 5px 12px; }}
QTabBar::tab {{ padding: 7px 12px; }}
QTableView {{ gridline-color: #d0d0d0; }}
QHeaderView::section {{ padding: 4px; font-weight: bold; }}
"""


def apply_font_size(app: QApplication, size: str) -> int:
    """Set the application font and stylesheet for *size*; every widget follows. Returns the point size."""
    points = FONT_POINTS.get(size, FONT_POINTS["normal"])
    font = QFont(app.font())
    font.setPointSize(points)
    app.setFont(font)
    app.setStyleSheet(stylesheet(points))
    return points


def set_level(label: QWidget, level: str) -> None:
    """Switch a banner label's colour (ok / warning / alert / info) and re-apply the stylesheet to it."""
    label.setProperty("level", level)
    label.style().unpolish(label)
    label.style().polish(label)


def mark_locked(widget: QWidget, locked: bool) -> None:
    """Grey, read-only look for everything inside *widget* (adopted minutes), re-applying the stylesheet."""
    widget.setProperty("locked", "true" if locked else "false")
    for child in (widget, *widget.findChildren(QWidget)):
        child.style().unpolish(child)
        child.style().polish(child)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Red border on a field whose value was refused (the sentence goes in the label under it)."""
    widget.setProperty("invalid", "true" if invalid else "false")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def comfortable_size(widget: QWidget, chars: int, lines: int) -> None:
    """Size a dialog in letters and lines of the current font, never beyond the screen it opens on."""
    metrics = widget.fontMetrics()
    width, height = metrics.averageCharWidth() * chars, metrics.lineSpacing() * lines
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 40), min(height, room.height() - 80)
    widget.resize(max(width, widget.minimumWidth()), max(height, widget.minimumHeight()))
