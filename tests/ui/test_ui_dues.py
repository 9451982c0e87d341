"""The Đảng phí screen: the grid of the demo book, X on a month cell records it paid, late payers marked,
the month's totals and the member's history; a basis typed in the side panel; the dues book exported."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.domain.dues import Month
from ui.models.dues_table_model import COLOURS


def _click(qtbot, view, row: int, column: int) -> None:
    rect = view.table.visualRect(view.model.index(row, column))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _row_of(view, member_id: int) -> int:
    return next(i for i, (m, _c) in enumerate(view.model.book.rows) if m.id == member_id)


def test_dues_screen_marks_late_payers_and_x_records_a_payment(qtbot, window, demo) -> None:
    view = window.show_view("dues")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    behind = next(iter(demo.dues.unpaid_months(2026)))
    row = _row_of(view, behind)
    name = view.model.index(row, 0).data()
    assert name.endswith("(nợ 3 tháng)")
    assert view.model.index(row, 10).data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS["unpaid"]
    late = next(r for r in demo.dues.month_rows(Month(2026, 9)) if r.status == "late")
    assert (
        view.model.index(_row_of(view, late.member_id), 9).data(Qt.ItemDataRole.BackgroundRole).color()
        == COLOURS["late"]
    )

    view.table.scrollTo(view.model.index(row, 10))
    _click(qtbot, view, row, 10)
    assert view.member_label.text() == demo.members.get(behind).full_name
    assert view.history.count() > 0 and "Chưa nộp" in view.history.item(1).text()
    assert "Tháng 10/2026: 19/20 đồng chí đã nộp" in view.totals.text()
    qtbot.keyClick(view.table, Qt.Key.Key_X)
    october = next(r for r in demo.dues.month_rows(Month(2026, 10)) if r.member_id == behind)
    assert october.status == "late" and october.paid == october.due  # paid today (22/11), after October ended
    assert "Tháng 10/2026: 20/20 đồng chí đã nộp" in view.totals.text()
    assert view.model.index(row, 0).data().endswith("(nợ 2 tháng)")
    before = len(demo.dues.ledger().payments)
    qtbot.keyClick(view.table, Qt.Key.Key_X)  # already paid: nothing more is recorded
    assert len(demo.dues.ledger().payments) == before


def test_basis_from_the_side_panel_and_bad_amount(qtbot, window, demo, answers) -> None:
    view = window.show_view("dues")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    member_id = view.model.book.rows[1][0].id
    _click(qtbot, view, 1, 11)
    qtbot.keyClicks(view.amount, "12,5")
    qtbot.mouseClick(view.basis_button, Qt.MouseButton.LeftButton)
    assert answers.errors and "Thu nhập làm căn cứ: chỉ gồm chữ số" in answers.errors[-1]
    view.amount.clear()
    qtbot.keyClicks(view.amount, "20.000.000")
    qtbot.keyClick(view.amount, Qt.Key.Key_Return)
    assert demo.dues.due(member_id, Month(2026, 11)).amount == 200_000
    assert demo.dues.due(member_id, Month(2026, 10)).amount != 200_000


def test_export_dues_book_from_the_screen(qtbot, window, demo, answers, tmp_path: Path, monkeypatch) -> None:
    import ui.views.dues_view as dues_view

    monkeypatch.setattr(dues_view, "show_saved", lambda parent, text, path: answers.infos.append(text))
    view = window.show_view("dues")
    answers.save_path = tmp_path / "so-dang-phi.xlsx"
    qtbot.mouseClick(view.book_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers.infos), timeout=20000)
    wb = load_workbook(answers.save_path)
    assert wb.sheetnames[0] == "Sổ đảng phí 2026"


def test_member_detail_says_how_the_dues_stand(qtbot, window, demo) -> None:
    view = window.show_view("members")
    behind = next(iter(demo.dues.unpaid_months(2026)))
    row = view.proxy.mapFromSource(view.model.index(view.model.row_of(behind), 1))
    view.table.scrollTo(row)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(row).center())
    qtbot.waitUntil(lambda: "Đảng phí:" in view.detail_facts.text())
    assert "đã nộp đến tháng 07/2026; chưa nộp 3 tháng năm 2026 (tháng 8, 9, 10)." in view.detail_facts.text()
