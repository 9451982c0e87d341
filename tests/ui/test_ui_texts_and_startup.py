"""Vietnamese everywhere (no "OK"/"Cancel"/"Save"/"Close" left from Qt), keyboard reach, and a fast start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QProgressDialog, QPushButton

from ui.i18n import CATALOGUE, QT_STRINGS
from ui.main_window import SCREENS, MainWindow
from ui.widgets.prompts import button_box

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = {"ok", "cancel", "save", "close", "yes", "no", "apply", "discard", "open"}


def _bare(text: str) -> str:
    return text.replace("&", "").split("\t")[0].strip().lower()


def test_no_button_or_action_of_the_window_says_a_plain_english_default(qtbot, window: MainWindow) -> None:
    for key, _, _ in SCREENS:
        window.show_view(key)
    window.views["members"].new_item()
    window.views["members"].dialog.dirty = False
    window.open_search()
    texts = [b.text() for b in window.findChildren(QPushButton)]
    texts += [a.text() for a in window.findChildren(QAction)]
    texts += [b.text() for dialog in (window.views["members"].dialog,) for b in dialog.findChildren(QPushButton)]
    english = sorted({t for t in texts if _bare(t) in ENGLISH})
    assert not english, english
    assert len(texts) > 40


def test_qt_standard_buttons_are_vietnamese() -> None:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
    )
    assert sorted(b.text() for b in box.buttons()) == ["Hủy", "Lưu", "Đóng", "Đồng ý"]
    message = QMessageBox(
        QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    assert sorted(_bare(b.text()) for b in message.buttons()) == ["có", "không"]
    progress = QProgressDialog()
    assert "Hủy" in [b.text() for b in progress.findChildren(QPushButton)]
    ours = button_box(QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in ours.buttons()] == ["Lưu", "Hủy"]


def test_the_compiled_catalogue_matches_the_table() -> None:
    translator = QTranslator()
    assert translator.load(str(CATALOGUE)), "run scripts/build_translations.py"
    missing = [
        (context, source)
        for context, table in QT_STRINGS.items()
        for source, wanted in table.items()
        if translator.translate(context, source) != wanted
    ]
    assert not missing, f"resources/i18n/qt_vi.qm is out of date: {missing[:5]}"
    assert QCoreApplication.translate("QShortcut", "Ctrl") == "Ctrl"  # untranslated strings pass through


def test_every_screen_is_one_shortcut_away(qtbot, window: MainWindow) -> None:
    for index, (key, _, _) in enumerate(SCREENS[:10], start=1):  # the digits run out after ten
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + index % 10), Qt.KeyboardModifier.ControlModifier)  # 10th: Ctrl+0
        assert window.current_view().key == key
    window.show_view("members")
    assert window.new_action.isEnabled() and "Thêm đảng viên" in window.new_action.text()
    window.show_view("reports")
    assert not window.new_action.isEnabled()


def test_window_geometry_and_splitters_are_remembered(qtbot, demo, ui_settings) -> None:
    first = MainWindow(demo, ui_settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)  # the offscreen screen is 800×600; restoreGeometry keeps windows on screen
    members = first.show_view("members")
    members.splitter.setSizes([200, 350])
    sizes = members.splitter.sizes()
    first.close()
    from app.bootstrap import open_services
    from tests.conftest import NOW

    again = open_services(demo.paths, now=lambda: NOW, backup_on_start=False, lock=False)
    second = MainWindow(again, ui_settings)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (760, 560)
    assert second.show_view("members").splitter.sizes() == sizes
    second.close()


def test_the_window_appears_before_openpyxl_and_docx_are_imported(tmp_path: Path) -> None:
    """In a fresh process, so that other tests' imports do not count."""
    script = f"""
import json, sys
from PySide6.QtWidgets import QApplication
import ui
from ui.main import open_window
from ui.settings import UiSettings
from app.config import AppPaths
app = QApplication([])
window = open_window(AppPaths.under(__import__("pathlib").Path({str(tmp_path)!r})), UiSettings(None), demo_if_empty=True)
window.show()
app.processEvents()
shown = window.isVisible()
print(json.dumps({{"shown": shown, "openpyxl": "openpyxl" in sys.modules, "docx": "docx" in sys.modules}}))
window.close()
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts == {"shown": True, "openpyxl": False, "docx": False}


def _run_main(tmp_path: Path, script: str, bench: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "SOCHIBO_BENCH_EXIT_ON_SHOWN": bench}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_window_is_painted_before_the_data_file_is_opened(tmp_path: Path) -> None:
    """The opening window is painted before the services are even imported: a double-click shows something at
    once, however slow the PC. In a fresh process, so that other tests' imports do not count."""
    data = str(tmp_path / "so.sqlite3")
    script = f"""
import json, os, sys
from ui.opening import OpeningWindow
from ui.main import main
painted = []
def paint(self, event):
    painted.append({{"title": self.windowTitle(), "text": self.label.text(),
                    "services": "app.bootstrap" in sys.modules, "sqlite": "sqlite3" in sys.modules,
                    "file": os.path.exists({data!r})}})
OpeningWindow.paintEvent = paint
code = main(["--db", {data!r}, "--demo-if-empty"])
print(json.dumps({{"code": code, "first_paint": painted[0] if painted else None}}))
"""
    facts = _run_main(tmp_path, script, "1")
    assert facts["code"] == 0
    assert facts["first_paint"] == {
        "title": "Sổ Chi bộ", "text": "Sổ Chi bộ\n\nĐang mở sổ chi bộ…", "services": False, "sqlite": False,
        "file": False,
    }  # fmt: skip


def test_the_questions_at_start_are_asked_over_the_opening_window_which_then_gives_way(tmp_path: Path) -> None:
    """The first-start question sits over the opening window; it goes away only once the main window is up,
    in its place and at its size (never a moment with no window at all)."""
    data = str(tmp_path / "so.sqlite3")
    script = f"""
import json
from PySide6.QtWidgets import QApplication, QDialog
import ui.dialogs.first_start_dialog as first
from ui.main import main
from ui.main_window import MainWindow
from ui.opening import OpeningWindow

facts = {{}}
def answer(self):  # the secretary chooses the demo branch
    parent = self.parentWidget()
    facts["asked_over"] = type(parent).__name__ if parent else None
    facts["opening_visible"] = bool(parent and parent.isVisible())
    self.choice = "demo"
    return QDialog.DialogCode.Accepted
def gone(self, event):
    mains = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    facts["main_up_when_opening_went"] = len(mains) == 1
    facts["same_rect"] = bool(mains) and mains[0].geometry() == self.geometry()
first.FirstStartDialog.exec = answer
OpeningWindow.hideEvent = gone
facts["code"] = main(["--db", {data!r}])
print(json.dumps(facts))
"""
    facts = _run_main(tmp_path, script, "1")
    assert facts == {
        "asked_over": "OpeningWindow", "opening_visible": True, "main_up_when_opening_went": True,
        "same_rect": True, "code": 0,
    }  # fmt: skip


def test_the_opening_window_follows_the_chosen_text_size(qtbot, ui_settings) -> None:
    from ui.opening import OpeningWindow

    sizes = {}
    for size in ("normal", "very_large"):
        ui_settings.font_size = size
        opening = OpeningWindow(ui_settings)
        qtbot.addWidget(opening)
        opening.show()
        qtbot.waitExposed(opening)
        sizes[size] = opening.label.font().pointSize()
        assert opening.label.text() == "Sổ Chi bộ\n\nĐang mở sổ chi bộ…"
        opening.close()
    assert sizes == {"normal": 14, "very_large": 18}
