"""Adopted minutes are shown read-only (and look it), with the way to a dated correction in plain sight."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ui.main_window import MainWindow
from ui.style import LOCKED_BG


def test_adopted_minutes_look_read_only_and_point_to_a_dated_correction(qtbot, window: MainWindow) -> None:
    services = window.services
    view = window.show_view("meetings")
    adopted = next(m for m in reversed(services.meetings.list(year=2026)) if not m.is_editable)
    view.open_meeting(adopted.id)
    editor = view.editor
    place = editor.general.place
    before = place.text()
    qtbot.mouseClick(place, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(place, "abc")
    assert place.text() == before and place.isReadOnly()
    assert editor.tabs.property("locked") == "true"
    picture = place.grab().toImage()  # the field is painted grey, as read-only fields look
    assert picture.pixelColor(place.width() - 6, place.height() // 2).name() == LOCKED_BG
    assert "(chỉ xem)" in editor.heading.text()
    assert editor.correction_button.isVisible() and not editor.save_button.isVisible()
    assert "“Đính chính…”" in editor.banner.text() and editor.banner.property("level") == "warning"

    corrected = services.meetings.add_correction(
        adopted.id, "Ghi nhầm giờ kết thúc", "Sửa thành 16:00.", date(2026, 11, 2)
    )
    editor.load(corrected)
    assert "02/11/2026: Ghi nhầm giờ kết thúc" in editor.banner.text()

    draft = next(m for m in services.meetings.list(year=2026) if m.is_editable)
    view.open_meeting(draft.id)
    assert editor.tabs.property("locked") == "false" and not editor.general.place.isReadOnly()
    assert "(chỉ xem)" not in editor.heading.text()
