"""Where file dialogs start: the user's Documents/"Sổ Chi bộ" folder (created on first use), or the last folder
chosen for that kind of file. UI-only: the folders are window state (UiSettings), never business data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from app import APP_NAME
from ui.settings import UiSettings


def documents_folder() -> Path:
    """Documents/"Sổ Chi bộ", created when first needed; Documents (or home) when it cannot be made.

    A dialog given a folder that does not exist starts in the program's own folder (Enter then saved the
    report there), so the folder is made before any dialog opens on it.
    """
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    folder = documents / APP_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return documents if documents.is_dir() else Path.home()
    return folder


class FolderMemory:
    """The last folder per kind of file ("report", "summary", "usb" …), kept in the window settings."""

    def __init__(self, settings: UiSettings | None = None) -> None:
        self._settings = settings

    def start(self, kind: str, fallback: Path | None = None) -> Path:
        """The folder a dialog of *kind* opens in: the last one chosen if it still exists (a USB stick may be
        gone), else *fallback* if it exists, else Documents/"Sổ Chi bộ"."""
        if self._settings is not None:
            remembered = self._settings.folder(kind, Path())
            if str(remembered) not in ("", ".") and remembered.is_dir():
                return remembered
        if fallback is not None and str(fallback) not in ("", ".") and fallback.is_dir():
            return fallback
        return documents_folder()

    def remember(self, kind: str, folder: Path) -> None:
        if self._settings is not None and folder.is_dir():
            self._settings.set_folder(kind, folder)
