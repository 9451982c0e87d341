"""The overview on 1 December: December and the fourth quarter have begun, not ended, so they are never "missed"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt

from app.bootstrap import open_services
from app.config import AppPaths
from ui.main_window import MainWindow

FIRST_OF_DECEMBER = datetime(2026, 12, 1, 8, 0)


def test_the_overview_shows_the_running_month_and_quarter_as_pending(qtbot, ui_settings, tmp_path: Path) -> None:
    s = open_services(AppPaths.under(tmp_path / "dec"), now=lambda: FIRST_OF_DECEMBER, backup_on_start=False)
    try:
        s.demo.fill()
        window = MainWindow(s, ui_settings)
        qtbot.addWidget(window)
        window.show()
        view = window.show_view("overview")
        view.refresh()
        assert view.summary.text() == "Đang tính số liệu năm 2026…"  # read after the window is up
        qtbot.waitUntil(lambda: not view.computing)
        calendar = view.calendar
        assert calendar.month_buttons[12].property("state") == "pending"
        assert calendar.month_buttons[2].property("state") == "missing"  # an ended month without a meeting is
        assert calendar.quarter_buttons[4].property("state") == "thematic_pending"
        listed = [view.findings.item(i).text() for i in range(view.findings.count())]
        assert listed and not [
            t for t in listed if "tháng 12/2026 chưa có" in t.lower() or "quý iv năm 2026 chưa có" in t.lower()
        ]
        window.close()
    finally:
        s.close()


def test_the_year_chooser_offers_the_years_with_meetings_once_the_figures_are_in(qtbot, window: MainWindow) -> None:
    """The years are read with the figures, off the GUI thread; choosing an earlier one shows its figures."""
    view = window.show_view("overview")
    qtbot.waitUntil(lambda: not view.computing, timeout=20_000)
    offered = [view.year.itemData(i) for i in range(view.year.count())]
    years = sorted(window.services.meetings.years(), reverse=True)
    assert offered == years and len(years) >= 2 and view.year.currentData() == window.services.today().year
    for _ in years[1:]:  # down the list, newest first, to the earliest year of the demo branch
        qtbot.keyClick(view.year, Qt.Key.Key_Down)
    assert view.summary.text() == f"Đang tính số liệu năm {years[-1]}…"
    qtbot.waitUntil(lambda: not view.computing, timeout=20_000)
    assert view.figures is not None and view.figures.year == years[-1]
    assert f"năm {years[-1]} đã ghi" in view.summary.text()
    assert [view.year.itemData(i) for i in range(view.year.count())] == years  # the choice kept, the list whole
