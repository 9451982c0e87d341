"""A rule change in Cài đặt reaches an open meeting editor at once: its quorum banner judges by the new threshold."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.domain.meeting_record import MeetingKind
from tests.ui.driving import go, save_threshold
from ui.main_window import MainWindow
from ui.models.attendance_model import AttendanceColumn
from ui.widgets.row_editors import VoteRow


def test_an_open_editor_follows_a_settings_rule_change(qtbot, window: MainWindow) -> None:
    view = window.show_view("meetings")
    editor = view.new_meeting(MeetingKind.REGULAR, date(2026, 11, 20))
    editor.tabs.setCurrentIndex(1)
    grid = editor.attendance
    table = grid.table
    table.setFocus()
    table.setCurrentIndex(grid.model.index(0, AttendanceColumn.CODE))
    qtbot.keyClick(table, Qt.Key.Key_K)  # one unexcused absence: still above 90 %
    summary = grid.summary()
    assert 90 <= summary.pct < 99
    assert grid.banner.property("level") == "ok"

    save_threshold(qtbot, window, "attendance_warning", "99")  # Cài đặt
    assert window.services.branch.rules.attendance_warning_below == 99.0

    go(qtbot, window, "meetings")  # back to Sinh hoạt
    assert window.current_view() is view and view.pages.currentWidget() is editor
    assert grid.banner.property("level") == "warning"
    assert "dưới 99%" in grid.banner.text()
    assert f"{summary.present}/{summary.base}" in grid.banner.text()


def test_a_new_vote_counts_on_the_full_members_not_the_present(qtbot, window: MainWindow) -> None:
    view = window.show_view("meetings")
    editor = view.new_meeting(MeetingKind.REGULAR, date(2026, 11, 20))
    summary = editor.attendance.summary()
    assert summary.probationary > 0  # the demo has probationary members: they attend but never vote
    editor.tabs.setCurrentIndex(4)
    votes = editor.conclusion.votes
    qtbot.mouseClick(votes.add_button, Qt.MouseButton.LeftButton)
    row = votes.findChildren(VoteRow)[-1]
    assert row.base.value() == summary.vote_base < summary.present
