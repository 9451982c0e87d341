"""Members screen: add and edit through the form (inline errors), search without diacritics, status changes keep history."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.membership import MemberStatus, StatusEventKind
from tests.conftest import db_fingerprint
from ui.main_window import MainWindow
from ui.models.member_table_model import MemberColumn, MemberTableModel
from ui.models.roles import ObjectRole, SortRole


def _fill(dialog, **values: str) -> None:
    for name, text in values.items():
        getattr(dialog, name).setText(text)  # keyClicks cannot type Vietnamese (TECH-NOTES §1.4)


def test_add_member_refuses_an_impossible_date_inline_then_saves(qtbot, window: MainWindow) -> None:
    view = window.show_view("members")
    before = len(window.services.members.all())
    window.new_action.trigger()  # Ctrl+N on this screen
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    _fill(dialog, full_name="Nguyễn Thị Ánh", date_of_birth="12/03/1980", joined_on="31/02/2010")
    dialog.save_button.click()

    assert dialog.isVisible()
    assert "ngày không có thật" in dialog.main_form.error_text("joined_on")
    assert dialog.joined_on.property("invalid") == "true"
    assert len(window.services.members.all()) == before

    dialog.joined_on.setText("28/02/2010")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_button.click()
    stored = [m for m in window.services.members.all() if m.full_name == "Nguyễn Thị Ánh"]
    assert len(stored) == 1 and stored[0].joined_on.isoformat() == "2010-02-28"
    current = view.current_member()
    assert current is not None and current.full_name == "Nguyễn Thị Ánh"
    assert "Đã thêm đồng chí Nguyễn Thị Ánh" in window.statusBar().currentMessage()


def test_a_card_number_already_used_is_flagged_at_once_and_refused(qtbot, window: MainWindow) -> None:
    view = window.show_view("members")
    owner = next(m for m in window.services.members.all() if m.party_card_no)
    fingerprint = db_fingerprint(window.services.paths.database)
    view.new_item()
    dialog = view.dialog
    _fill(dialog, full_name="Trần Văn Mới", joined_on="01/01/2015", party_card_no=owner.party_card_no)
    dialog.party_card_no.editingFinished.emit()  # leaving the field checks it
    assert owner.full_name in dialog.main_form.error_text("party_card_no")

    dialog.save_button.click()
    assert dialog.isVisible()
    assert "Số thẻ đảng viên" in dialog.main_form.error_text("party_card_no")
    assert db_fingerprint(window.services.paths.database) == fingerprint
    dialog.dirty = False
    dialog.reject()


def test_edit_member_saves_through_the_service(qtbot, window: MainWindow) -> None:
    view = window.show_view("members")
    member = window.services.members.list()[2]
    assert view.select_member(member.id)
    view.edit_current()
    dialog = view.dialog
    assert dialog.full_name.text() == member.full_name
    dialog.job_position.setText("Tổ trưởng tổ Văn")
    dialog.job_position.textEdited.emit("Tổ trưởng tổ Văn")
    assert dialog.dirty
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save_button.click()
    assert window.services.members.get(member.id).job_position == "Tổ trưởng tổ Văn"
    assert "Tổ trưởng tổ Văn" in view.detail_facts.text()


def test_closing_a_changed_form_asks_and_cancel_keeps_it_open(qtbot, window: MainWindow, answers) -> None:
    view = window.show_view("members")
    view.new_item()
    dialog = view.dialog
    dialog.full_name.setText("Lê Văn Tạm")
    dialog.full_name.textEdited.emit("Lê Văn Tạm")
    answers.save_choice = "cancel"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers.asked
    answers.save_choice = "discard"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not [m for m in window.services.members.all() if m.full_name == "Lê Văn Tạm"]


def test_search_ignores_diacritics_and_case(qtbot, window: MainWindow) -> None:
    view = window.show_view("members")
    target = window.services.members.list()[5]
    plain = "".join(c for c in target.full_name.lower() if c.isascii())  # a crude "typed without accents"
    view.search.setText(target.full_name.upper())
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert target.full_name in names
    from app.domain.vntext import fold

    view.search.setText(fold(target.full_name))
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert target.full_name in names
    assert plain  # the folded query is ASCII
    view.search.setText("không ai có tên này")
    assert view.proxy.rowCount() == 0
    assert view.count_label.text() == "0 đồng chí"


def test_status_change_keeps_history_and_moves_the_member_out_of_the_roll_filter(qtbot, window: MainWindow) -> None:
    view = window.show_view("members")
    member = next(
        m for m in window.services.members.list() if m.status_on(window.services.ctx.today()) is MemberStatus.FULL
    )
    view.select_member(member.id)
    view.change_status()
    dialog = view.dialog
    index = dialog.kind.findData(StatusEventKind.TRANSFERRED_OUT)
    assert index >= 0
    dialog.kind.setCurrentIndex(index)
    dialog.on.setText("01/11/2026")
    dialog.note.setText("Chuyển về Sở Giáo dục")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.buttons.accepted.emit()
    stored = window.services.members.get(member.id)
    assert [e.kind for e in stored.events][-1] is StatusEventKind.TRANSFERRED_OUT
    assert stored.status_on(window.services.ctx.today()) is MemberStatus.TRANSFERRED_OUT
    history = [view.history.item(i).text() for i in range(view.history.count())]
    assert any("Chuyển sinh hoạt đảng đi" in line and "Sở Giáo dục" in line for line in history)


def test_member_model_obeys_the_qt_model_contract(qtmodeltester, demo) -> None:
    model = MemberTableModel()
    model.set_members(demo.members.all(), demo.ctx.today())
    qtmodeltester.check(model)
    first = model.index(0, MemberColumn.NAME)
    assert model.data(first, ObjectRole).full_name == model.data(first)
    assert model.data(model.index(0, MemberColumn.JOINED), SortRole) == model.member_at(0).joined_on.isoformat()
    assert model.headerData(MemberColumn.JOINED, Qt.Orientation.Horizontal) == "Ngày vào Đảng"
