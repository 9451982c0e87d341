"""The "Học tập và làm theo" screen driven with real events: single keys in the grid, the plan dialog,
a model and an award added, the counts and the overview line following, refusals shown beside the grid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.kl01 import PlanState, ReviewResult
from ui.main_window import MainWindow
from ui.models.kl01_table_model import Kl01Column


def _cell(view, row: int, column: Kl01Column):  # type: ignore[no-untyped-def]
    index = view.model.index(row, column)
    rect = view.table.visualRect(index)
    return index, rect.center()


def _row_of(view, state: PlanState) -> int:  # type: ignore[no-untyped-def]
    return next(i for i in range(view.model.rowCount()) if view.model.row_at(i).state is state)


def test_single_keys_sign_hand_in_and_review_and_move_down(qtbot, window: MainWindow) -> None:
    view = window.show_view("kl01")
    assert view.year.currentData() == 2026
    row = _row_of(view, PlanState.MISSING)
    member = view.model.row_at(row).member
    before = window.services.kl01.year_figures(2026).plans_signed
    _, point = _cell(view, row, Kl01Column.SIGNED)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClick(view.table, Qt.Key.Key_X)
    plan = window.services.kl01.year(2026).plans[member.id]
    assert plan.signed_on == window.services.ctx.today()
    assert view.model.row_at(row).state is PlanState.SIGNED
    assert view.table.currentIndex().row() == row + 1  # on to the next member, as on a paper list
    assert f"{before + 1}/" in view.counts.text()
    assert not any(f.rule == "plan_missing" and f.member_id == member.id for f in window.services.checks.run(2026))

    _, point = _cell(view, row, Kl01Column.REPORT)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClick(view.table, Qt.Key.Key_X)
    assert member.id in window.services.kl01.year(2026).reports
    _, point = _cell(view, row, Kl01Column.MIDYEAR)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClick(view.table, Qt.Key.Key_M)
    assert window.services.kl01.year(2026).plans[member.id].midyear is ReviewResult.PARTLY
    assert view.model.data(view.model.index(row, Kl01Column.MIDYEAR)) == "Một phần"
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert window.services.kl01.year(2026).plans[member.id].midyear is None


def test_a_review_without_a_plan_is_refused_beside_the_grid(qtbot, window: MainWindow) -> None:
    view = window.show_view("kl01")
    row = _row_of(view, PlanState.MISSING)
    member = view.model.row_at(row).member
    _, point = _cell(view, row, Kl01Column.YEAR_END)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClick(view.table, Qt.Key.Key_H)
    assert view.problem.isVisible() and "chưa có kế hoạch cá nhân" in view.problem.text()
    assert member.id not in window.services.kl01.year(2026).plans


def test_double_click_opens_the_plan_dialog_and_saves_the_commitments(qtbot, window: MainWindow) -> None:
    view = window.show_view("kl01")
    row = _row_of(view, PlanState.MISSING)
    member = view.model.row_at(row).member
    _, point = _cell(view, row, Kl01Column.NAME)
    # A real double-click: press and release, then the double-click press and its release.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible() and member.full_name in dialog.windowTitle()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # nothing typed: refused beside the field
    assert dialog.isVisible() and "Nội dung cam kết" in dialog.form.error_text("commitments")
    assert member.id not in window.services.kl01.year(2026).plans
    # keyClicks cannot type Vietnamese (TECH-NOTES §1.4): the text goes in as an input method would put it.
    dialog.commitments.insertPlainText("Đi họp đúng giờ")
    qtbot.keyClick(dialog.commitments, Qt.Key.Key_Return)
    dialog.commitments.insertPlainText("Tiết kiệm điện, nước")
    qtbot.keyClicks(dialog.signed, "10/03/2026")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    plan = window.services.kl01.year(2026).plans[member.id]
    assert [c.text for c in plan.commitments] == ["Đi họp đúng giờ", "Tiết kiệm điện, nước"]
    assert plan.signed_on is not None and plan.signed_on.isoformat() == "2026-03-10"
    assert view.model.data(view.model.index(row, Kl01Column.SIGNED)) == "10/03"


def test_add_a_model_and_an_award_from_the_register(qtbot, window: MainWindow) -> None:
    view = window.show_view("kl01")
    models_before = view.register.count()
    qtbot.mouseClick(view.add_model_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    dialog.title.setText("Góc học tập Bác Hồ")  # keyClicks cannot type Vietnamese (TECH-NOTES §1.4)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert view.register.count() == models_before + 1
    assert any("Góc học tập Bác Hồ" in view.register.item(i).text() for i in range(view.register.count()))

    awards_before = len(window.services.kl01.year(2026).awards)
    qtbot.mouseClick(view.add_award_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    dialog.level.setText("Đảng ủy Khối")
    qtbot.keyClicks(dialog.on, "02/02/2026")
    dialog.decision.setText("99-QĐ/ĐUK")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    awards = window.services.kl01.year(2026).awards
    assert len(awards) == awards_before + 1
    assert any(a.decision == "99-QĐ/ĐUK" and a.member_id is None for a in awards)  # the branch by default


def test_print_the_forms_and_the_overview_counts_them(qtbot, window: MainWindow, answers, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = window.show_view("kl01")
    answers.save_path = tmp_path / "ke-hoach.docx"
    qtbot.mouseClick(view.forms_button, Qt.MouseButton.LeftButton)
    assert answers.save_path.exists() and not answers.errors
    overview = window.show_view("overview")
    qtbot.waitUntil(lambda: not overview.computing)
    f = window.services.kl01.year_figures(2026)
    assert f"{f.plans_signed}/{f.expected} đồng chí đã ký kế hoạch" in overview.summary.text()


def test_a_plan_finding_on_the_overview_opens_the_members_row(qtbot, window: MainWindow) -> None:
    overview = window.show_view("overview")
    qtbot.waitUntil(lambda: not overview.computing)
    found = next(
        i for i in range(overview.findings.count()) if "chưa có kế hoạch cá nhân" in overview.findings.item(i).text()
    )
    overview.findings.setCurrentRow(found)
    overview.findings.setFocus()
    qtbot.keyClick(overview.findings, Qt.Key.Key_Return)
    view = window.current_view()
    assert view is not None and view.key == "kl01"
    row = view.table.currentIndex().row()
    assert view.model.row_at(row).member.full_name in overview.findings.item(found).text()


def test_delete_on_a_register_line_removes_it_after_asking(qtbot, window: MainWindow, answers) -> None:  # type: ignore[no-untyped-def]
    view = window.show_view("kl01")
    before = len(window.services.kl01.year(2026).awards)
    view.awards.setCurrentRow(0)
    view.awards.setFocus()
    answers.yes = False
    qtbot.keyClick(view.awards, Qt.Key.Key_Delete)
    assert len(window.services.kl01.year(2026).awards) == before and answers.asked
    answers.yes = True
    qtbot.keyClick(view.awards, Qt.Key.Key_Delete)
    assert len(window.services.kl01.year(2026).awards) == before - 1
    assert view.awards.count() == before - 1
