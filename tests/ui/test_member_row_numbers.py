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


def test_detail_panel_follows_the_search_once_typing_pauses(qtbot, window: MainWindow, monkeypatch) -> None:
    """Typing re-filters at once; the detail panel (a database read) catches up after a short pause."""
    view = window.show_view("members")
    reads: list[int] = []
    real = view._show_detail
    monkeypatch.setattr(view, "_show_detail", lambda: reads.append(1) or real())
    view._detail_timer.timeout.disconnect()
    view._detail_timer.timeout.connect(view._show_detail)
    target = view.model.member_at(view.model.rowCount() - 1)
    for length in range(1, len(target.full_name) + 1):
        view.search.setText(target.full_name[:length])
    assert reads == []  # nothing read while the filter changed keystroke after keystroke
    qtbot.waitUntil(lambda: view.detail_name.text() == target.full_name, timeout=2000)
    assert len(reads) == 1
    view.search.clear()
    qtbot.waitUntil(lambda: not view._detail_timer.isActive(), timeout=2000)
    assert view.select_member(target.id)
    assert view.detail_name.text() == target.full_name  # a direct selection shows at once
