"""Screenshots of every screen of the window on the demo branch, for the README and for checking layouts by eye.

Run: xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py [--font very_large]
Writes out/screenshots/<font>/*.png; with --readme also docs/screenshots/overview.png and meeting-editor.png.
The demo branch lives in a temporary folder on a fixed clock (22/11/2026), so pictures are reproducible.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 11, 22, 9, 30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", default="normal", choices=("normal", "large", "very_large"))
    parser.add_argument("--out", default=str(ROOT / "out" / "screenshots"))
    parser.add_argument("--readme", action="store_true", help="also refresh the two README pictures")
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from app.bootstrap import open_services
    from app.config import AppPaths
    from app.domain.meeting_record import MeetingKind
    from ui.dialogs.first_start_dialog import FirstStartDialog
    from ui.dialogs.member_dialog import MemberDialog
    from ui.dialogs.status_change_dialog import StatusChangeDialog
    from ui.i18n import install_vietnamese
    from ui.main_window import SCREENS, MainWindow
    from ui.settings import UiSettings
    from ui.style import apply_font_size

    out = Path(args.out) / args.font
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_vietnamese(app)
    tmp = Path(tempfile.mkdtemp(prefix="sochibo-shots-"))
    settings = UiSettings(tmp / "ui.ini")
    settings.font_size = args.font
    apply_font_size(app, args.font)
    services = open_services(AppPaths.under(tmp / "demo"), now=lambda: NOW, backup_on_start=False)
    services.demo.fill()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    def screen_shot(widget: QWidget, name: str) -> None:
        """The screen where *widget* is, popups included (a drop-down is a window of its own; needs Xvfb)."""
        settle()
        path = out / f"{name}.png"
        top = widget.window().frameGeometry()
        picture = app.primaryScreen().grabWindow(0, top.x(), top.y(), top.width(), top.height())
        (picture if not picture.isNull() else widget.window().grab()).save(str(path))
        print(path)

    screen = app.primaryScreen().availableGeometry()
    window = MainWindow(services, settings, demo=True)
    window.setGeometry(screen)
    window.show()
    for index, (key, _, _) in enumerate(SCREENS, start=1):
        window.show_view(key)
        shot(window, f"{index:02d}-{key}")

    meetings = window.show_view("meetings")
    adopted = next(m for m in reversed(services.meetings.list(year=NOW.year)) if not m.is_editable)
    meetings.open_meeting(adopted.id)  # type: ignore[attr-defined]
    editor = meetings.editor  # type: ignore[attr-defined]
    shot(window, "20-meeting-adopted")  # locked minutes: read-only, the way to a dated correction above
    editor.tabs.setCurrentIndex(2)
    shot(window, "20-meeting-adopted-content")
    editor = meetings.new_meeting(MeetingKind.REGULAR, date(2026, 11, 20))  # type: ignore[attr-defined]
    names = ("general", "attendance", "content", "opinions", "conclusion")
    for tab, name in enumerate(names):
        editor.tabs.setCurrentIndex(tab)
        if name == "attendance":
            editor.attendance.model.set_code(2, editor.attendance.model.rows()[2].code.__class__("vang_co_ly_do"))
            editor.attendance.model.set_code(5, editor.attendance.model.rows()[5].code.__class__("vang_khong_ly_do"))
        if name == "opinions":
            editor.opinions.opinions.add_row(None)
        if name == "conclusion":
            editor.conclusion.votes.add_row(None)
            editor.conclusion.tasks.add_row(None)
        shot(window, f"21-meeting-{tab + 1}-{name}")
    editor.tabs.setCurrentIndex(1)
    table = editor.attendance.table
    cell = table.visualRect(table.model().index(3, 1)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
    screen_shot(window, "22-attendance-after-click")  # the drop-down is open; P, K, X … still work in it
    QTest.keyClick(QApplication.focusWidget() or table, Qt.Key.Key_P)
    shot(window, "23-attendance-after-p")  # excused; the cursor waits in the reason cell
    editor.dirty = False

    window.open_search()
    dialog = window.search_dialog
    assert dialog is not None
    dialog.query.setText("nghị quyết")  # type: ignore[attr-defined]
    dialog.run_search()  # type: ignore[attr-defined]
    shot(dialog, "30-search")
    dialog.hide()

    member = services.members.list()[3]
    form = MemberDialog(services.members, member, others=services.members.all(), today=NOW.date(), parent=window)
    form.show()
    shot(form, "31-member-form")
    form.full_name.clear()
    form.joined_on.setText("31/02/2019")
    form.save()  # refused: each error sits in its field's own line, nothing moved
    shot(form, "31-member-form-errors")
    form.dirty = False
    form.close()
    status = StatusChangeDialog(services.members, member, NOW.date(), parent=window)
    status.show()
    shot(status, "32-status-change")
    status.close()
    topics = window.show_view("topics")
    topic_dialog = topics.open_dialog(None)  # type: ignore[attr-defined]
    shot(topic_dialog, "33-topic-dialog")
    topic_dialog.close()

    empty = open_services(AppPaths.under(tmp / "empty"), now=lambda: NOW, backup_on_start=False)
    first = FirstStartDialog(empty)
    first.show()
    shot(first, "34-first-start")
    first.secretary_name.setText("Trần Thị Ánh")
    first.secretary_joined.setText("01/09/1997")
    first.secretary_official.setText("25:70")
    first.start_button.click()  # refused: the name is missing and the date cannot be read
    shot(first, "34-first-start-errors")
    first.close()
    empty.close()

    if args.readme:
        docs = ROOT / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for source, target in (("01-overview", "overview"), ("21-meeting-2-attendance", "meeting-editor")):
            (docs / f"{target}.png").write_bytes((out / f"{source}.png").read_bytes())
            print(docs / f"{target}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
