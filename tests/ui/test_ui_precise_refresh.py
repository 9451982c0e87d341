"""Precise refresh: a write refreshes only the screens that show what it changed (issue 15, part 4).

Driven as a person does: Ctrl+digit to change screens, clicks on rows and buttons, typing in fields. Each
screen's refresh is counted; a screen that does not show what changed is neither marked stale nor re-read.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.meeting_record import MeetingKind
from tests.ui.driving import go, save_threshold
from ui.main_window import MainWindow
from ui.views.base import View


def _count_refreshes(view: View) -> list[int]:
    """A list that grows by one each time the window (or the screen itself) refreshes *view*."""
    calls: list[int] = []
    original = view.refresh

    def counted() -> None:
        calls.append(1)
        original()

    view.refresh = counted  # type: ignore[method-assign]
    return calls


@pytest.fixture
def counted(qtbot, window: MainWindow) -> dict[str, list[int]]:
    """Overview, topics, dues and members built and shown once, then their refreshes counted."""
    window.activateWindow()  # the screen shortcuts work in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for key in ("overview", "topics", "dues", "members"):
        go(qtbot, window, key)
    assert not any(window.views[k].stale for k in ("overview", "topics", "dues", "members"))
    return {key: _count_refreshes(window.views[key]) for key in ("overview", "topics", "dues", "members")}


def _edit_member(qtbot, window: MainWindow, row: int):
    """Click row *row* of the roll, then Sửa thông tin: the member form, open."""
    view = window.views["members"]
    table = view.table
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    member = view.current_member()
    assert member is not None
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    return member, dialog


def test_saving_a_member_refreshes_members_and_overview_not_topics(qtbot, window: MainWindow, counted) -> None:
    member, dialog = _edit_member(qtbot, window, 2)
    dialog.job_position.setFocus()
    dialog.job_position.selectAll()
    qtbot.keyClicks(dialog.job_position, "Giao vien Van")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.services.members.get(member.id).job_position == "Giao vien Van"
    members = window.views["members"]
    assert "Giao vien Van" in members.detail_facts.text()  # the screen that wrote shows its result at once
    assert window.views["overview"].stale and not window.views["topics"].stale and not window.views["dues"].stale

    go(qtbot, window, "overview")
    assert counted["overview"] == [1]
    go(qtbot, window, "topics")
    go(qtbot, window, "dues")
    assert counted["topics"] == [] and counted["dues"] == []  # neither shows where a member works


def test_renaming_a_member_reaches_every_screen_that_lists_names(qtbot, window: MainWindow, counted) -> None:
    member, dialog = _edit_member(qtbot, window, 3)
    dialog.full_name.setText(member.full_name + " Anh")  # keyClicks cannot type Vietnamese (TECH-NOTES §1.4)
    dialog.full_name.textEdited.emit(dialog.full_name.text())
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.views["topics"].stale and window.views["dues"].stale and window.views["overview"].stale

    dues = go(qtbot, window, "dues")
    assert counted["dues"] == [1]
    names = {dues.model.headerData(r, Qt.Orientation.Vertical) for r in range(dues.model.rowCount())}
    assert member.full_name + " Anh" in names


def test_saving_a_meeting_refreshes_meetings_and_overview_not_dues(qtbot, window: MainWindow, counted) -> None:
    view = go(qtbot, window, "meetings")
    meetings_before = view.model.rowCount()
    editor = view.new_meeting(MeetingKind.REGULAR, date(2026, 11, 20))  # what Ctrl+N's date and kind lead to
    editor.general.place.setFocus()
    editor.general.place.selectAll()
    qtbot.keyClicks(editor.general.place, "Hoi truong khu pho 3")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.meeting is not None and editor.meeting.id is not None
    assert window.services.meetings.get(editor.meeting.id).place == "Hoi truong khu pho 3"

    assert window.views["overview"].stale and window.views["members"].stale  # members: the attendance history
    assert not window.views["dues"].stale
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == meetings_before + 1
    go(qtbot, window, "overview")
    go(qtbot, window, "dues")
    assert counted["overview"] == [1] and counted["dues"] == []


def test_a_rule_change_reaches_every_screen(qtbot, window: MainWindow, counted) -> None:
    save_threshold(qtbot, window, "unexcused_alert", "4")
    assert window.services.branch.rules.unexcused_alert == 4
    assert all(window.views[k].stale for k in counted)
    for key in counted:
        go(qtbot, window, key)
    assert all(calls == [1] for calls in counted.values()), counted
