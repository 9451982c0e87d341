"""Meetings: record one with attendance by single keys (live figures), save, adopt (then editing is refused), export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from app.domain.meeting_record import AttendanceCode, MeetingKind, MeetingStatus
from tests.conftest import db_fingerprint
from ui import exports
from ui.main_window import MainWindow
from ui.models.attendance_model import AttendanceColumn

DAY = date(2026, 11, 20)


def _record(qtbot, window: MainWindow):
    view = window.show_view("meetings")
    editor = view.new_meeting(MeetingKind.REGULAR, DAY)
    assert view.pages.currentWidget() is editor
    assert editor.general.agenda.toPlainText().splitlines() == list(
        window.services.branch.rules.agenda_for(MeetingKind.REGULAR)
    )
    editor.general.start.setText("14h")
    editor.general.end.setText("16:05")
    editor.tabs.setCurrentIndex(1)
    grid = editor.attendance
    base = grid.summary().base  # exempt members and those active elsewhere are not in the base
    assert 0 < base <= grid.model.rowCount()
    assert grid.figures.text() == f"Có mặt {base}/{base} — 100%"
    # The first three rows are members expected to attend (the demo's exempt member sorts later).
    assert [r.code for r in grid.model.rows()[:3]] == [AttendanceCode.PRESENT] * 3
    table = grid.table
    table.setFocus()
    table.setCurrentIndex(grid.model.index(0, AttendanceColumn.CODE))
    qtbot.keyClick(table, Qt.Key.Key_X)  # present, cursor moves down
    qtbot.keyClick(table, Qt.Key.Key_P)  # excused: the cursor goes to the reason
    assert table.currentIndex().column() == AttendanceColumn.REASON
    grid.model.setData(grid.model.index(1, AttendanceColumn.REASON), "Đi công tác", Qt.ItemDataRole.EditRole)
    table.setCurrentIndex(grid.model.index(2, AttendanceColumn.CODE))
    qtbot.keyClick(table, Qt.Key.Key_K)  # unexcused
    present = base - 2
    pct = f"{100 * present / base:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    assert grid.figures.text() == f"Có mặt {present}/{base} — {pct}%"
    assert grid.banner.property("level") in ("ok", "warning")
    editor.conclusion.conclusion.setPlainText("Chi bộ thống nhất các nhiệm vụ tháng 12.")
    opinion = editor.opinions.opinions.add_row(None)
    speaker = window.services.members.list()[3]
    opinion.speaker.set_member(speaker.id)
    opinion.text.setPlainText("Đề nghị chuẩn bị tốt hội nghị tổng kết năm.")
    return view, editor, speaker


def test_record_a_meeting_with_attendance_and_save(qtbot, window: MainWindow) -> None:
    view, editor, speaker = _record(qtbot, window)
    window.save_action.trigger()  # Ctrl+S

    assert editor.meeting is not None and editor.meeting.id is not None
    stored = window.services.meetings.get(editor.meeting.id)
    codes = [row.code for row in stored.attendance]
    assert codes[1] is AttendanceCode.ABSENT_EXCUSED and stored.attendance[1].reason == "Đi công tác"
    assert codes[2] is AttendanceCode.ABSENT_UNEXCUSED
    assert codes[0] is AttendanceCode.PRESENT
    assert (stored.start.hour, stored.start.minute, stored.end.hour, stored.end.minute) == (14, 0, 16, 5)
    assert stored.opinions[0].speaker_id == speaker.id and stored.opinions[0].speaker_name == speaker.full_name
    assert stored.conclusion == "Chi bộ thống nhất các nhiệm vụ tháng 12."
    assert not editor.dirty
    assert view.editor.adopt_button.isVisibleTo(editor)


def test_adopt_locks_the_minutes_and_editing_is_refused(qtbot, window: MainWindow, answers) -> None:
    _, editor, _ = _record(qtbot, window)
    editor.adopt()  # saves first, then asks (answered yes)
    assert any("Thông qua biên bản" in q for q in answers.asked)
    meeting_id = editor.meeting.id
    stored = window.services.meetings.get(meeting_id)
    assert stored.status is MeetingStatus.ADOPTED and stored.content_hash
    assert editor.general.place.isReadOnly() and editor.attendance.model.read_only
    assert not editor.save_button.isVisibleTo(editor) and editor.correction_button.isVisibleTo(editor)
    assert "đã khóa" in editor.banner.text()

    fingerprint = db_fingerprint(window.services.paths.database)
    assert not editor.attendance.model.set_code(0, AttendanceCode.ABSENT_UNEXCUSED)
    assert editor.save() is False
    assert "không sửa được" in editor.banner.text()
    assert db_fingerprint(window.services.paths.database) == fingerprint


def test_autosave_keeps_a_draft_and_the_list_offers_it_back(qtbot, window: MainWindow) -> None:
    view, editor, _ = _record(qtbot, window)
    assert editor.dirty
    editor.autosave()
    assert "Đã tự lưu" in editor.autosave_label.text()
    drafts = window.services.drafts.pending_meetings()
    assert len(drafts) == 1 and drafts[0][1].attendance[2].code is AttendanceCode.ABSENT_UNEXCUSED
    editor.dirty = False  # as after a crash: the window is gone, the draft stays
    view.show_list()
    view.refresh()
    assert view.draft_row.isVisibleTo(view)
    view.restore_button.click()
    assert view.pages.currentWidget() is editor
    assert editor.attendance.model.rows()[2].code is AttendanceCode.ABSENT_UNEXCUSED
    assert editor.save()
    assert window.services.drafts.pending_meetings() == []


def test_closing_the_window_with_unsaved_changes_asks_and_cancel_keeps_it_open(
    qtbot, window: MainWindow, answers
) -> None:
    _record(qtbot, window)
    answers.save_choice = "cancel"
    window.close()
    assert window.isVisible()
    assert any("chưa lưu" in q for q in answers.asked)
    answers.save_choice = "save"
    window.close()
    assert not window.isVisible()


def test_export_minutes_writes_a_docx_with_the_members_names(
    qtbot, window: MainWindow, answers, tmp_path: Path, monkeypatch
) -> None:
    import docx

    shown: list[Path] = []
    monkeypatch.setattr(exports, "show_saved", lambda parent, text, path: shown.append(path))
    _, editor, speaker = _record(qtbot, window)
    assert editor.save()
    answers.save_path = tmp_path / "bien-ban.docx"
    editor.minutes_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)

    assert shown == [answers.save_path] and answers.save_path.exists()
    text = "\n".join(p.text for p in docx.Document(str(answers.save_path)).paragraphs)
    tables = docx.Document(str(answers.save_path)).tables
    text += "\n".join(cell.text for t in tables for row in t.rows for cell in row.cells)
    absent = editor.meeting.attendance[2].member_name
    assert speaker.full_name in text
    assert absent in text
    assert "Đã ghi biên bản" in window.statusBar().currentMessage()
