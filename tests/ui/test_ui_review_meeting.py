"""The yearly review meeting in the meetings screen: its kind chosen by keys and clicks, its agenda filled from
the rating rules and editable, its minutes exported as the review minutes with the ratings' votes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.meeting_record import MeetingKind
from ui import exports
from ui.dialogs.new_meeting_dialog import NewMeetingDialog
from ui.main_window import MainWindow


def _pick_last_kind(qtbot, combo) -> None:
    """The yearly review is the last kind in the list: End on the focused combo selects it, as a person does."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # opens the list
    qtbot.keyClick(combo.view(), Qt.Key.Key_End)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not combo.view().isVisible())


def test_new_meeting_dialog_offers_the_review_and_the_editor_starts_with_its_agenda(qtbot, window: MainWindow) -> None:
    services = window.services
    dialog = NewMeetingDialog(services.today(), parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _pick_last_kind(qtbot, dialog.kind)
    assert dialog.kind.currentText() == "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng hằng năm"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.chosen_kind is MeetingKind.YEARLY_REVIEW

    view = window.show_view("meetings")
    editor = view.new_meeting(dialog.chosen_kind, dialog.chosen_date)
    agenda = list(services.ratings.review_agenda(dialog.chosen_date.year))
    assert agenda and f"năm {dialog.chosen_date.year}" in agenda[1]
    assert editor.general.agenda.toPlainText().splitlines() == agenda
    assert [s.title for s in editor.content.sections.values()] == agenda


def test_choosing_the_review_kind_fills_its_agenda_it_stays_editable_and_exports_the_review_minutes(
    qtbot, window: MainWindow, answers, tmp_path: Path, monkeypatch
) -> None:
    services = window.services
    view = window.show_view("meetings")
    day = date(2026, 11, 20)
    editor = view.new_meeting(MeetingKind.REGULAR, day)
    assert editor.general.agenda.toPlainText().splitlines() == list(
        services.branch.rules.agenda_for(MeetingKind.REGULAR)
    )
    _pick_last_kind(qtbot, editor.general.kind)
    agenda = list(services.ratings.review_agenda(2026))
    assert editor.general.agenda.toPlainText().splitlines() == agenda  # the regular template gave way
    assert [s.title for s in editor.content.sections.values()] == agenda

    box = editor.general.agenda  # editable as every agenda: a line typed at the end is kept
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "Bau to kiem phieu")  # QTest types ASCII only
    editor.general.start.setText("7h30")
    editor.general.end.setText("11:00")
    editor.conclusion.conclusion.setPlainText("Chi bộ thống nhất mức xếp loại đề xuất theo kết quả biểu quyết.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = services.meetings.get(editor.meeting.id)
    assert stored.kind is MeetingKind.YEARLY_REVIEW and stored.agenda == (*agenda, "Bau to kiem phieu")

    shown: list[Path] = []
    monkeypatch.setattr(exports, "show_saved", lambda parent, text, path: shown.append(path))
    answers.save_path = tmp_path / "bien-ban-kiem-diem.docx"
    qtbot.mouseClick(editor.minutes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    document = docx.Document(str(answers.save_path))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2026" in text
    assert "6. Kết luận của đồng chí chủ trì" in text and "7. Bau to kiem phieu" in text
    assert "Chi bộ thống nhất mức xếp loại đề xuất theo kết quả biểu quyết." in text
    assert "bắt đầu lúc 7 giờ 30 phút, ngày 20/11/2026" in text
    season = services.ratings.season(2026)
    rated = [r for r in season.rows if not r.not_rated]
    assert rated[0].member.full_name in cells  # the vote table: every member the branch rates this year
    assert services.ratings.review_meeting(2026).id == stored.id
