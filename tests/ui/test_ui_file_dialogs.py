"""File dialogs start in Documents/"Sổ Chi bộ" (made on first use), remember the last folder per kind, never
propose a folder that is gone, and speak Vietnamese on every platform. The real dialog is driven with keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QPushButton

from app import APP_NAME
from ui.folders import FolderMemory
from ui.settings import UiSettings
from ui.widgets import prompts

# The real functions: the window tests' autouse fixture replaces the module's attributes with stubs.
REAL_SAVE = prompts.choose_save_path
REAL_FOLDER = prompts.choose_folder


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home: Documents exists, "Sổ Chi bộ" in it does not yet."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    return tmp_path / "home"


@pytest.fixture(autouse=True)
def _own_memory():
    before = prompts.folders
    yield
    prompts.use_folder_memory(before)


def _when_open(qtbot, act) -> list:
    """Run *act(dialog)* once the modal file dialog is up; what it saw is returned in the list."""
    seen: list = []

    def poke() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, poke)
            return
        seen.append(
            (Path(dialog.directory().absolutePath()), sorted(lab.text() for lab in dialog.findChildren(QLabel)))
        )
        act(dialog)

    QTimer.singleShot(20, poke)
    return seen


def _type_name_and_enter(qtbot, name: str):
    def act(dialog: QFileDialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.selectAll()
        qtbot.keyClicks(edit, name)
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    return act


def test_save_starts_in_documents_so_chi_bo_made_on_first_use_and_speaks_vietnamese(qtbot, home, tmp_path) -> None:
    prompts.use_folder_memory(FolderMemory(UiSettings(tmp_path / "ui.ini")))
    target = home / "Documents" / APP_NAME
    assert not target.exists()
    seen = _when_open(qtbot, _type_name_and_enter(qtbot, "bao-cao-quy-4"))
    path = REAL_SAVE(None, "Lưu báo cáo", Path("bao-cao.docx"), "Tài liệu Word (*.docx)", kind="report")
    assert target.is_dir()
    (start, labels) = seen[0]
    assert start == target
    assert "Tìm trong:" in labels and "Loại tệp:" in labels and "Tên tệp:" in labels
    assert not [text for text in labels if "Look in" in text or "Files of type" in text]
    assert path == target / "bao-cao-quy-4.docx"  # Enter saved it in Documents, never the program's folder


def test_the_last_folder_is_remembered_per_kind_and_a_vanished_one_is_never_proposed(qtbot, home, tmp_path) -> None:
    settings = UiSettings(tmp_path / "ui.ini")
    prompts.use_folder_memory(FolderMemory(settings))
    stick = tmp_path / "usb"
    stick.mkdir()

    def choose_stick(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(stick))
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Chọn")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    _when_open(qtbot, choose_stick)
    assert REAL_FOLDER(None, "Chọn ổ USB", home, kind="usb") == stick

    seen = _when_open(qtbot, lambda d: d.reject())
    REAL_FOLDER(None, "Chọn ổ USB", home, kind="usb")
    assert seen[0][0] == stick  # remembered for the USB kind …
    seen = _when_open(qtbot, lambda d: d.reject())
    REAL_SAVE(None, "Lưu", Path("a.xlsx"), "Bảng tính Excel (*.xlsx)", kind="summary")
    assert seen[0][0] == home / "Documents" / APP_NAME  # … not for another kind

    stick.rmdir()  # the stick was pulled out
    seen = _when_open(qtbot, lambda d: d.reject())
    REAL_FOLDER(None, "Chọn ổ USB", tmp_path / "khong-co", kind="usb")
    assert seen[0][0] == home / "Documents" / APP_NAME
