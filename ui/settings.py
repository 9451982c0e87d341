"""Window state kept between runs (size, splitters, font size, last folders). UI-only; business settings live in the DB."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

FONT_SIZES = ("normal", "large", "very_large")
FONT_POINTS = {"normal": 11, "large": 13, "very_large": 15}


class UiSettings:
    """A thin, typed wrapper over one QSettings file. Tests pass their own file path."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "SoChiBo", "giao-dien")
        else:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)

    # ------------------------------------------------------------------ font size
    @property
    def font_size(self) -> str:
        value = str(self._q.value("font_size", "normal"))
        return value if value in FONT_SIZES else "normal"

    @font_size.setter
    def font_size(self, value: str) -> None:
        self._q.setValue("font_size", value if value in FONT_SIZES else "normal")

    # ------------------------------------------------------------------ geometry
    def save_geometry(self, key: str, widget: QWidget) -> None:
        self._q.setValue(f"geometry/{key}", widget.saveGeometry())

    def restore_geometry(self, key: str, widget: QWidget) -> bool:
        value = self._q.value(f"geometry/{key}")
        return isinstance(value, QByteArray | bytes) and widget.restoreGeometry(QByteArray(value))

    def save_splitter(self, key: str, splitter: QSplitter) -> None:
        self._q.setValue(f"splitter/{key}", splitter.saveState())

    def restore_splitter(self, key: str, splitter: QSplitter) -> bool:
        value = self._q.value(f"splitter/{key}")
        return isinstance(value, QByteArray | bytes) and splitter.restoreState(QByteArray(value))

    # ------------------------------------------------------------------ folders and misc
    def folder(self, key: str, default: Path) -> Path:
        value = self._q.value(f"folder/{key}")
        return Path(str(value)) if value else default

    def set_folder(self, key: str, folder: Path) -> None:
        self._q.setValue(f"folder/{key}", str(folder))

    def value(self, key: str, default: str = "") -> str:
        value = self._q.value(key, default)
        return str(value) if value is not None else default

    def set_value(self, key: str, value: str) -> None:
        self._q.setValue(key, value)

    def sync(self) -> None:
        self._q.sync()
