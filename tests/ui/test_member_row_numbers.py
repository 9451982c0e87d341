"""Members screen: the running numbers (STT) fit the largest number, keep their width while filtering, follow the font."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QHeaderView

from ui.main_window import MainWindow
from ui.style import apply_font_size


def _needed_width(header: QHeaderView, number: int) -> int:
    bold = header.font()
    bold.setBold(True)  # the stylesheet's ::section is bold
    return QFontMetrics(bold).horizontalAdvance(str(number))


def test_row_numbers_fit_and_hold_their_width_while_filtering(qtbot, window: MainWindow) -> None:
    view = window.show_view("members")
    header = view.table.verticalHeader()
    assert header is view.row_numbers and header.isVisible()
    assert header.sectionResizeMode(0) is QHeaderView.ResizeMode.Fixed
    rows = view.proxy.rowCount()
    assert rows >= 10
    assert header.width() > _needed_width(header, view.model.rowCount())
    assert [view.proxy.headerData(r, Qt.Orientation.Vertical) for r in (0, rows - 1)] == [1, rows]
    width = header.width()
    view.search.setText(view.model.member_at(0).ten)
    qtbot.waitUntil(lambda: view.proxy.rowCount() < rows)
    QApplication.processEvents()
    assert header.width() == width  # the column does not jump as the secretary types
    assert view.proxy.headerData(0, Qt.Orientation.Vertical) == 1  # numbered in the shown order


def test_row_numbers_grow_with_a_new_digit_and_with_the_font(qtbot, window: MainWindow, qapp) -> None:
    view = window.show_view("members")
    header = view.row_numbers
    two_digits = header.sizeHint().width()
    header.fit_rows(12_000)
    assert header.sizeHint().width() > two_digits
    assert header.sizeHint().width() > _needed_width(header, 12_000)
    header.fit_rows(view.model.rowCount())
    assert header.sizeHint().width() == two_digits
    row_height = header.defaultSectionSize()
    apply_font_size(qapp, "very_large")
    QApplication.processEvents()
    assert header.defaultSectionSize() > row_height
    assert header.sizeHint().width() > two_digits
    assert header.width() == header.sizeHint().width()
