"""Topics planner (assign a quarter's topic, fair rotation list) and the global search (highlighted, opens the result)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.vntext import fold
from ui.dialogs.search_dialog import highlighted
from ui.main_window import MainWindow


def test_assign_a_topic_to_a_member_never_assigned_before(qtbot, window: MainWindow) -> None:
    view = window.show_view("topics")
    view.year.setCurrentIndex(view.year.findData(2027))
    fresh = [view.fresh.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.fresh.count())]
    member_id = fresh[0]
    title = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    dialog = view.open_dialog(None, title=title, member_id=member_id)
    dialog.year.setValue(2027)
    dialog.quarter.setCurrentIndex(0)
    dialog.due.setText("15/02/2027")
    assert dialog.checked_ids() == [member_id]
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.buttons.accepted.emit()

    (stored,) = window.services.topics.list(2027)
    assert (stored.year, stored.quarter, stored.title) == (2027, 1, title)
    assert [a.member_id for a in stored.assignees] == [member_id] and stored.lead.member_id == member_id
    assert stored.draft_due.isoformat() == "2027-02-15"
    fresh_after = [view.fresh.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.fresh.count())]
    assert member_id not in fresh_after
    row = view.model.row_of(stored.id)
    assert row >= 0 and view.table.currentIndex().row() == row
    unassigned = [view.model.row(r)[0] for r in range(view.model.rowCount()) if view.model.row(r)[1] is None]
    assert unassigned == [2, 3, 4]


def test_a_topic_without_anyone_is_refused_beside_the_list(qtbot, window: MainWindow) -> None:
    view = window.show_view("topics")
    before = len(window.services.topics.list())
    dialog = view.open_dialog(None, title="Chuyên đề thử")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "Đảng viên" in dialog.form.error_text("members")
    assert len(window.services.topics.list()) == before
    dialog.reject()


def test_search_finds_members_and_minutes_without_diacritics_and_opens_the_member(qtbot, window: MainWindow) -> None:
    member = window.services.members.list()[4]
    window.search_action.trigger()  # Ctrl+F
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.query.setText(fold(member.full_name))
    dialog.run_search()
    assert "member" in {hit.kind for hit in dialog.hits}
    row = next(i for i, hit in enumerate(dialog.hits) if hit.kind == "member" and hit.id == member.id)
    label = dialog.results.itemWidget(dialog.results.item(row))
    assert "background:#ffe07a" in label.text()  # the matched words are highlighted
    dialog.results.itemActivated.emit(dialog.results.item(row))

    assert window.current_view().key == "members"
    assert window.current_view().current_member().id == member.id
    assert not dialog.isVisible()

    dialog.query.setText("nghi quyet")
    dialog.run_search()
    assert any(hit.kind == "meeting" for hit in dialog.hits)
    assert dialog.summary.text().startswith("Tìm thấy")


def test_highlighting_escapes_html_and_marks_matches() -> None:
    assert highlighted("a <b> [Ánh] c") == 'a &lt;b&gt; <span style="background:#ffe07a;font-weight:bold">Ánh</span> c'
