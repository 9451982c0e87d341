"""Fixtures for the window tests: real widgets offscreen over a real temporary database, modal prompts answered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.bootstrap import Services
from ui.i18n import install_vietnamese
from ui.main_window import MainWindow
from ui.settings import UiSettings
from ui.style import apply_font_size
from ui.widgets import prompts


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(tmp_path / "giao-dien.ini")


@pytest.fixture(autouse=True)
def vietnamese_app(qapp: QApplication) -> Iterator[QApplication]:
    """Every window test runs with the Vietnamese Qt strings and the normal font, as the program starts."""
    install_vietnamese(qapp)
    apply_font_size(qapp, "normal")
    yield qapp
    apply_font_size(qapp, "normal")


class Answers:
    """Records every modal question and notice; answers questions with ``yes`` (tests change it)."""

    def __init__(self) -> None:
        self.yes = True
        self.save_choice = "discard"
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.save_path: Path | None = None
        self.folder: Path | None = None


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Modal boxes would block a headless test: they are replaced, and what they would have said is kept."""
    a = Answers()

    def ask_yes_no(parent: object, text: str, **_: object) -> bool:
        a.asked.append(text)
        return a.yes

    def ask_save_changes(parent: object, text: str) -> str:
        a.asked.append(text)
        return a.save_choice

    monkeypatch.setattr(prompts, "ask_yes_no", ask_yes_no)
    monkeypatch.setattr(prompts, "ask_save_changes", ask_save_changes)
    monkeypatch.setattr(prompts, "show_error", lambda parent, text, title="": a.errors.append(text))
    monkeypatch.setattr(prompts, "show_info", lambda parent, text, title="": a.infos.append(text))
    monkeypatch.setattr(prompts, "choose_save_path", lambda *args, **kw: a.save_path)
    monkeypatch.setattr(prompts, "choose_folder", lambda *args, **kw: a.folder)
    return a


@pytest.fixture
def window(qtbot, demo: Services, ui_settings: UiSettings) -> Iterator[MainWindow]:
    """The main window over the demo branch (24 members, two years of meetings), shown offscreen."""
    win = MainWindow(demo, ui_settings, demo=True)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for view in win.views.values():
        if hasattr(view, "editor"):
            view.editor.dirty = False
    win.close()
