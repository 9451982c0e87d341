"""A double-click opens one editor, and a form read before another save never overwrites it.

Driven as a person does: qtbot.mouseDClick on the table's viewport (press, release, press, double-click,
release: Qt emits doubleClicked *and* activated), typing into the form and clicking Lưu.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QTableView

from app.domain.membership import MemberStatus, StatusEventKind
from tests.conftest import db_fingerprint
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.topic_dialog import TopicDialog
from ui.main_window import MainWindow


def _double_click_row(qtbot, table: QTableView, row: int) -> None:
    index = table.model().index(row, 1)
    table.scrollTo(index)
    centre: QPoint = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.wait(50)


def _open(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_double_clicking_a_member_opens_one_form(qtbot, window: MainWindow) -> None:
    view = window.show_view("members")
    _double_click_row(qtbot, view.table, 0)
    forms = _open(MemberDialog)
    assert len(forms) == 1 and forms[0] is view.dialog
    assert forms[0].full_name.text() == view.current_member().full_name

    _double_click_row(qtbot, view.table, 0)  # again, with the form open: it comes to the front, no second one
    assert _open(MemberDialog) == forms
    forms[0].reject()
    assert _open(MemberDialog) == [] and view.dialog is None


def test_a_member_form_read_before_another_save_is_refused_and_shows_the_stored_member(
    qtbot, window: MainWindow
) -> None:
    """The finding: the older form put the secretary back to 'Dự bị' and erased her gender and history line."""
    view = window.show_view("members")
    services = window.services
    member = next(
        m for m in services.members.all() if m.official_on is None and m.status_on(date(2026, 11, 22)).on_roll
    )
    view.select_member(member.id)
    row = view.table.currentIndex().row()
    _double_click_row(qtbot, view.table, row)
    form = view.dialog
    assert isinstance(form, MemberDialog) and form.full_name.text() == member.full_name

    # Meanwhile her full membership is recorded (another form, the CLI, an import): the version moves.
    services.members.change_status(member.id, StatusEventKind.FULL_MEMBERSHIP, date(2026, 11, 1))
    before = db_fingerprint(services.paths.database)

    qtbot.keyClicks(form.job_position, " (kiem nhiem)")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.isVisible() and form.saved is None
    assert "đã được sửa và lưu ở chỗ khác" in form.banner.text()
    assert form.official_on.text() == "01/11/2026"  # the form now shows what is stored
    assert db_fingerprint(services.paths.database) == before
    assert services.members.get(member.id).status_on(date(2026, 11, 22)) is MemberStatus.FULL

    # Saved again from the stored data: accepted, and her full membership stays.
    qtbot.keyClicks(form.job_position, " (kiem nhiem)")
    with qtbot.waitSignal(form.accepted, timeout=2000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    kept = services.members.get(member.id)
    assert kept.official_on == date(2026, 11, 1) and kept.job_position.endswith("(kiem nhiem)")
    assert [e.kind for e in kept.events if e.kind is StatusEventKind.FULL_MEMBERSHIP] == [
        StatusEventKind.FULL_MEMBERSHIP
    ]


def test_double_clicking_a_topic_assignment_opens_one_form(qtbot, window: MainWindow) -> None:
    view = window.show_view("topics")
    row = next(r for r in range(view.model.rowCount()) if view.model.row(r)[1] is not None)
    _double_click_row(qtbot, view.table, row)
    forms = _open(TopicDialog)
    assert len(forms) == 1 and forms[0] is view.dialog
    forms[0].reject()
    assert view.dialog is None


def test_double_clicking_a_meeting_loads_the_editor_once(qtbot, window: MainWindow, monkeypatch) -> None:
    view = window.show_view("meetings")
    loads = []
    real_load = view.editor.load
    monkeypatch.setattr(view.editor, "load", lambda meeting: (loads.append(meeting.id), real_load(meeting)))
    _double_click_row(qtbot, view.table, 0)
    assert len(loads) == 1
    assert view.pages.currentWidget() is view.editor


def test_a_meeting_saved_elsewhere_refuses_the_older_editor_and_shows_the_stored_minutes(qtbot, window) -> None:
    services = window.services
    view = window.show_view("meetings")
    draft = next(m for m in services.meetings.list(year=2026) if m.is_editable)
    view.open_meeting(draft.id)
    editor = view.editor
    services.meetings.update(replace(services.meetings.get(draft.id), place="Hội trường UBND xã"))
    before = db_fingerprint(services.paths.database)

    qtbot.mouseClick(editor.general.place, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.general.place, " B")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert "đã được sửa và lưu ở chỗ khác" in editor.banner.text()
    assert editor.general.place.text() == "Hội trường UBND xã"  # what is stored, not the older form
    assert db_fingerprint(services.paths.database) == before
    editor.dirty = False
