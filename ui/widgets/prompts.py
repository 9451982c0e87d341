"""Modal questions and notices with Vietnamese buttons. The only place the window asks the user something.

Tests replace these functions (monkeypatch) instead of clicking modal boxes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths, Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from app import APP_NAME
from ui.folders import FolderMemory, documents_folder

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
#: Where each kind of file dialog starts. The window wires its own (with its settings) once, at start.
folders = FolderMemory()

#: The dialog's own words, set on every platform (a native dialog would follow the system's language).
FILE_DIALOG_LABELS = {
    QFileDialog.DialogLabel.LookIn: "Tìm trong:",
    QFileDialog.DialogLabel.FileName: "Tên tệp:",
    QFileDialog.DialogLabel.FileType: "Loại tệp:",
    QFileDialog.DialogLabel.Reject: "Hủy",
}


def use_folder_memory(memory: FolderMemory) -> None:
    global folders
    folders = memory


def file_dialog(parent: QWidget | None, title: str, start: Path, file_filter: str = "") -> QFileDialog:
    """Qt's own file dialog (not the system's): it speaks Vietnamese on every platform, through our catalogue
    and the labels set here, and lists Documents, the desktop and the drives (USB sticks) at the side."""
    dialog = QFileDialog(parent, title, str(start), file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    for label, text in FILE_DIALOG_LABELS.items():
        dialog.setLabelText(label, text)
    places = [documents_folder(), *(Path(p) for p in _standard(QStandardPaths.StandardLocation.DesktopLocation))]
    drives = [Path(info.absoluteFilePath()) for info in QDir.drives()]
    dialog.setSidebarUrls([QUrl.fromLocalFile(str(p)) for p in (*places, Path.home(), *drives) if p.is_dir()])
    return dialog


def _standard(location: QStandardPaths.StandardLocation) -> list[str]:
    return [p for p in (QStandardPaths.writableLocation(location),) if p]


def _run(dialog: QFileDialog, kind: str, accept: str) -> list[Path]:
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, accept)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    chosen = [Path(name) for name in dialog.selectedFiles()]
    if chosen:
        folders.remember(kind, chosen[0] if chosen[0].is_dir() else chosen[0].parent)
    return chosen


def choose_save_path(
    parent: QWidget | None, title: str, suggested: Path, file_filter: str, *, kind: str = "save"
) -> Path | None:
    """Where to write one file; None when the user cancelled. Starts in the last folder used for *kind*."""
    start = folders.start(kind, suggested.parent)
    dialog = file_dialog(parent, title, start / suggested.name, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(suggested.name)
    dialog.setDefaultSuffix(Path(suggested.name).suffix.lstrip("."))
    chosen = _run(dialog, kind, "Lưu")
    return chosen[0] if chosen else None


def choose_folder(parent: QWidget | None, title: str, start: Path, *, kind: str = "folder") -> Path | None:
    dialog = file_dialog(parent, title, folders.start(kind, start))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog, kind, "Chọn")
    return chosen[0] if chosen else None


def choose_open_files(
    parent: QWidget | None, title: str, start: Path, file_filter: str, *, kind: str = "open"
) -> list[Path]:
    dialog = file_dialog(parent, title, folders.start(kind, start), file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog, kind, "Mở")


def choose_open_file(
    parent: QWidget | None, title: str, start: Path, file_filter: str, *, kind: str = "open"
) -> Path | None:
    dialog = file_dialog(parent, title, folders.start(kind, start), file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog, kind, "Mở")
    return chosen[0] if chosen else None
