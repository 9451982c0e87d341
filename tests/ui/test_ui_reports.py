"""Reports screen: the period's figures, and its Word exports written in the background (report, every minutes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain import periods
from ui import exports
from ui.main_window import MainWindow


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path]]:
    saved: list[tuple[str, Path]] = []
    monkeypatch.setattr(exports, "show_saved", lambda parent, text, path: saved.append((text, path)))
    return saved


def test_preview_shows_the_period_figures_in_vietnamese(qtbot, window: MainWindow) -> None:
    view = window.show_view("reports")
    view.kind.setCurrentIndex(view.kind.findData("quarter"))
    view.number.setCurrentIndex(view.number.findData(3))
    view.year.setCurrentIndex(view.year.findData(2026))
    rows = {view.figures.item(r, 0).text(): view.figures.item(r, 1).text() for r in range(view.figures.rowCount())}
    report = window.services.reports.period_report(periods.quarter(2026, 3))
    assert rows["Tổng số đảng viên"] == str(len(report.roll))
    assert rows["Tỷ lệ đảng viên dự sinh hoạt"].endswith("%")
    assert "quý III năm 2026" in view.period_label.text()


def test_export_the_report_and_every_minutes_of_the_quarter(
    qtbot, window: MainWindow, answers, shown, tmp_path: Path
) -> None:
    import docx

    view = window.show_view("reports")
    view.kind.setCurrentIndex(view.kind.findData("quarter"))
    view.number.setCurrentIndex(view.number.findData(3))
    view.year.setCurrentIndex(view.year.findData(2026))

    answers.save_path = tmp_path / "bao-cao.docx"
    view.report_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=15000)
    document = docx.Document(str(answers.save_path))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "quý III năm 2026" in text and "CHI BỘ TRƯỜNG THPT CHUYÊN VỊ THANH" in text

    answers.folder = tmp_path / "bien-ban"
    view.minutes_button.click()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=30000)
    meetings = window.services.meetings.list(period=periods.quarter(2026, 3))
    written = sorted(p.name for p in answers.folder.iterdir())
    assert len(written) == len(meetings) and all(name.endswith(".docx") for name in written)
    assert shown[1][1] == answers.folder
    assert f"Đã ghi {len(meetings)} biên bản" in shown[1][0]
