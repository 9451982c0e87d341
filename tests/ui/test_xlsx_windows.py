"""The Excel windows, offscreen: import preview and import, summary workbook, roster, and the USB package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.bootstrap import Services
from app.domain import notices, periods
from tests.conftest import db_fingerprint
from tests.exporters import xlsx_samples
from ui import exports
from ui.dialogs.member_import_dialog import MemberImportDialog
from ui.widgets import prompts

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Số thẻ"]


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path]]:
    """The "file written" message boxes, captured instead of shown."""
    shown: list[tuple[str, Path]] = []
    monkeypatch.setattr(exports, "show_saved", lambda parent, text, path: shown.append((text, path)))
    monkeypatch.setattr(prompts, "ask_yes_no", lambda *a, **k: False)
    errors: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, text, title="": errors.append(text))
    return shown


def test_import_dialog_previews_then_imports(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        [1, "Hồ Văn Mới", "02/02/1985", "02/02/2010", "44444444"],
        [2, "Lê Thị Hai", "03/03/1990", "03/03/2015", None],
    ]
    path = xlsx_samples.member_list(tmp_path / "ds.xlsx", rows, HEADER)
    dialog = MemberImportDialog(services, tmp_path)
    qtbot.addWidget(dialog)
    before = db_fingerprint(services.paths.database)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["Hồ Văn Mới", "Lê Thị Hai"]
    assert dialog.table.item(0, 4).text().startswith(notices.IMPORT_RESULT["added"])
    assert dialog.import_button.isEnabled()
    assert db_fingerprint(services.paths.database) == before  # the preview wrote nothing
    dialog.import_button.click()
    assert dialog.imported and not dialog.import_button.isEnabled()
    assert sorted(m.full_name for m in services.members.list()) == ["Hồ Văn Mới", "Lê Thị Hai"]
    assert "Đã nhập xong: thêm mới 2 đồng chí" in dialog.banner.text()


def test_import_dialog_with_bad_rows_cannot_import(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [[1, "Hồ Văn Mới", "31/02/1985", "02/02/2010", None], [2, "Lê Thị Hai", "03/03/1990", "03/03/2015", None]]
    path = xlsx_samples.member_list(tmp_path / "ds.xlsx", rows, HEADER)
    dialog = MemberImportDialog(services, tmp_path)
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    texts = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]
    assert any(t.startswith("Dòng 4: Ngày sinh:") for t in texts)
    assert not dialog.import_button.isEnabled()
    assert "Không nhập đảng viên nào: 1 dòng có lỗi" in dialog.banner.text()
    assert services.members.list() == []


def test_import_dialog_says_what_is_wrong_with_the_file(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    xlsx_samples.docx_file(tmp_path / "a.docx").rename(tmp_path / "ds.xlsx")
    dialog = MemberImportDialog(services, tmp_path)
    qtbot.addWidget(dialog)
    dialog.load(tmp_path / "ds.xlsx")
    qtbot.waitUntil(lambda: dialog.banner.isVisibleTo(dialog), timeout=10_000)
    assert "là tài liệu Word" in dialog.banner.text()
    assert dialog.report is None and not dialog.import_button.isEnabled()


def _wait_saved(qtbot: Any, saved: list[tuple[str, Path]]) -> tuple[str, Path]:
    qtbot.waitUntil(lambda: bool(saved), timeout=30_000)
    return saved[-1]


def test_export_summary_window(qtbot, demo: Services, tmp_path: Path, saved, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "tong-hop.xlsx"
    monkeypatch.setattr(prompts, "choose_save_path", lambda *a, **k: target)
    said: list[str] = []
    exports.export_summary(parent, demo, periods.quarter(2026, 3), said.append)
    text, path = _wait_saved(qtbot, saved)
    assert path == target and "quý III năm 2026" in text and said
    wb = load_workbook(target, read_only=True)
    assert "_sochibo" in wb.sheetnames
    wb.close()


def test_export_roster_window(qtbot, demo: Services, tmp_path: Path, saved, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(prompts, "choose_save_path", lambda *a, **k: tmp_path / "ds.xlsx")
    exports.export_roster(parent, demo, lambda _t: None)
    _, path = _wait_saved(qtbot, saved)
    report = demo.importer.run(path, dry_run=True)  # the roster reads back as an import
    assert len(report.unchanged) == len(demo.members.list())


def test_export_package_window(qtbot, demo: Services, tmp_path: Path, saved, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(prompts, "choose_folder", lambda *a, **k: usb)
    exports.export_package(parent, demo, periods.quarter(2026, 3), lambda _t: None)
    text, folder = _wait_saved(qtbot, saved)
    assert "Có thể rút USB an toàn" in text
    assert folder == usb / "chi-bo-truong-thpt-chuyen-vi-thanh_2026-Q3" and (folder / "manifest.json").exists()
