"""The overview on 1 December: December and the fourth quarter have begun, not ended, so they are never "missed"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

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
