"""The review season screen driven with real clicks and keys: live quota, conflicts marked, refusals, documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.domain.ratings import RatingLevel
from tests.conftest import NOW, db_fingerprint
from ui import exports
from ui.main_window import MainWindow
from ui.models.rating_table_model import CONFLICT_COLOUR, RatingColumn

LAST = NOW.year - 1


def _open(qtbot, window: MainWindow, year: int):
    view = window.show_view("ratings")
    view.year.setCurrentIndex(view.year.findData(year))
    return view


def _click_row(qtbot, view, row: int) -> None:
    rect = view.table.visualRect(view.model.index(row, RatingColumn.NAME))
    view.table.scrollTo(view.model.index(row, RatingColumn.NAME))
    rect = view.table.visualRect(view.model.index(row, RatingColumn.NAME))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.table.currentIndex().row() == row


def _pick(qtbot, combo: QComboBox, level: RatingLevel | None) -> None:
    """Choose with the keyboard: Home goes to "—", then Down once per level."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    steps = 0 if level is None else list(RatingLevel).index(level) + 1
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == (level.value if level else "")


def test_the_quota_follows_the_levels_chosen_before_saving(qtbot, window: MainWindow) -> None:
    view = _open(qtbot, window, LAST)
    assert view.quota.text().startswith("\u26a0") and "3/2" in view.quota.text()
    top = next(i for i in range(view.model.rowCount())
               if view.model.row(i).rating and view.model.row(i).rating.final is RatingLevel.EXCELLENT)  # fmt: skip
    _click_row(qtbot, view, top)
    _pick(qtbot, view.proposed, RatingLevel.GOOD)
    _pick(qtbot, view.final, RatingLevel.GOOD)
    assert not view.quota.text().startswith("\u26a0") and "2/3" in view.quota.text()  # live, not yet saved
    member_id = view.model.row(top).member.id
    assert window.services.ratings.get(member_id, LAST).final is RatingLevel.EXCELLENT
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert window.services.ratings.get(member_id, LAST).final is RatingLevel.GOOD
    assert "rating_quota_exceeded" not in {f.rule for f in window.services.checks.run(LAST)}
    assert view.model.row(view.model.row_of(member_id)).rating.final is RatingLevel.GOOD


def test_conflicts_are_marked_in_the_table_and_beside_the_member(qtbot, window: MainWindow) -> None:
    view = _open(qtbot, window, LAST)
    conflict = next(f for f in window.services.checks.run(LAST) if f.rule == "rating_conflict")
    row = view.model.row_of(conflict.member_id)
    index = view.model.index(row, RatingColumn.NOTE)
    assert "Khiển trách" in view.model.data(index)
    assert view.model.data(index, Qt.ItemDataRole.BackgroundRole).color() == CONFLICT_COLOUR
    _click_row(qtbot, view, row)
    assert "Khiển trách" in view.conflict.text()
    exempt = next(i for i in range(view.model.rowCount()) if view.model.row(i).not_rated == "exempt")
    assert "miễn công tác" in view.model.data(view.model.index(exempt, RatingColumn.NOTE))


def test_a_bad_score_is_refused_beside_the_form_and_nothing_changes(qtbot, window: MainWindow) -> None:
    view = _open(qtbot, window, LAST)
    _click_row(qtbot, view, 0)
    before = db_fingerprint(window.services.ctx.db.path)
    view.score.clear()
    qtbot.keyClicks(view.score, "120")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "từ 0 đến 100" in view.error.text()
    assert db_fingerprint(window.services.ctx.db.path) == before


def test_the_branch_rating_and_the_member_detail(qtbot, window: MainWindow) -> None:
    view = _open(qtbot, window, NOW.year)
    _pick(qtbot, view.branch_self, RatingLevel.EXCELLENT)
    qtbot.mouseClick(view.branch_button, Qt.MouseButton.LeftButton)
    assert window.services.ratings.branch(NOW.year).self_level is RatingLevel.EXCELLENT
    members = window.show_view("members")
    secretary = window.services.branch.profile().secretary_id
    assert members.select_member(secretary)
    lines = [members.history.item(i).text() for i in range(members.history.count())]
    assert any(line.startswith(f"Năm {LAST} — Xếp loại: Hoàn thành xuất sắc nhiệm vụ") for line in lines)
    assert any(line.startswith(f"Năm {NOW.year} — Xếp loại:") and "(chi bộ đề xuất)" in line for line in lines)


def test_the_summary_is_written_in_the_background(qtbot, window: MainWindow, answers, monkeypatch, tmp_path: Path):
    shown: list[tuple[str, Path]] = []
    monkeypatch.setattr(exports, "show_saved", lambda parent, text, path: shown.append((text, path)))
    view = _open(qtbot, window, LAST)
    answers.save_path = tmp_path / "tong-hop.docx"
    qtbot.mouseClick(view.export_buttons["summary"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=15000)
    assert answers.save_path.stat().st_size > 5000 and "tổng hợp" in shown[0][0]
