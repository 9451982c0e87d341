"""Modal questions and notices with Vietnamese buttons. The only place the window asks the user something.

Tests replace these functions (monkeypatch) instead of clicking modal boxes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from app import APP_NAME

BUTTON_TEXT = {
    QDialogButtonBox.StandardButton.Ok: "Đồng ý",
    QDialogButtonBox.StandardButton.Cancel: "Hủy",
    QDialogButtonBox.StandardButton.Save: "Lưu",
    QDialogButtonBox.StandardButton.Close: "Đóng",
    QDialogButtonBox.StandardButton.Yes: "Có",
    QDialogButtonBox.StandardButton.No: "Không",
    QDialogButtonBox.StandardButton.Discard: "Không lưu",
    QDialogButtonBox.StandardButton.Apply: "Áp dụng",
    QDialogButtonBox.StandardButton.Help: "Trợ giúp",
}


def button_box(*buttons: QDialogButtonBox.StandardButton, parent: QWidget | None = None) -> QDialogButtonBox:
    """A QDialogButtonBox whose standard buttons say Vietnamese words even without a translator."""
    box = QDialogButtonBox(parent)
    for which in buttons:
        button = box.addButton(which)
        button.setText(BUTTON_TEXT.get(which, button.text()))
    return box


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, title: str = "") -> QMessageBox:
    box = QMessageBox(icon, title or APP_NAME, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, text: str, title: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Warning, text, title)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Information, text, title)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def ask_yes_no(parent: QWidget | None, text: str, *, yes: str = "Có", no: str = "Không", title: str = "") -> bool:
    """True when the user chose *yes*. Esc and closing the box mean *no*."""
    box = _box(parent, QMessageBox.Icon.Question, text, title)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def ask_save_changes(parent: QWidget | None, text: str) -> str:
    """ "save", "discard" or "cancel" (Esc) for closing with unsaved changes."""
    box = _box(parent, QMessageBox.Icon.Question, text)
    save = box.addButton("Lưu", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Không lưu", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return "save"
    if clicked is discard:
        return "discard"
    return "cancel"


# --------------------------------------------------------------------------- files and folders
def choose_save_path(parent: QWidget | None, title: str, suggested: Path, file_filter: str) -> Path | None:
    """Where to write one file; None when the user cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def choose_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(name) if name else None


def choose_open_files(parent: QWidget | None, title: str, start: Path, file_filter: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start), file_filter)
    return [Path(n) for n in names]


def choose_open_file(parent: QWidget | None, title: str, start: Path, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start), file_filter)
    return Path(name) if name else None
