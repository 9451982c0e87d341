"""Member table: filtering 5,000 members as you type, per keystroke (absolute target ≤ 30 ms).

The real members screen (ui/views/members_view.py: MemberTableModel + MemberFilterProxy in a QTableView,
sorted by name) on the large demo branch, offscreen. Each keystroke is a real key event sent to the search
field, then the event loop runs until the table has re-laid out and painted. A name is typed letter by
letter (with and without diacritics) and erased with Backspace; the figure is the slowest keystroke
(median of the passes). The proxy alone, without the view, is printed apart.
Run alone: `python bench/bench_members_filter.py [--quick]`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import BENCH_NOW, copy_db, demo_db, demo_size, peak_rss_mb, result

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 30.0
TYPED = ("Nguyễn Thị Ánh", "tran van nam")


def _keystrokes(text: str) -> list[tuple[str, str]]:
    """(label, character or "\\b") for typing *text* and then erasing it."""
    typed = [("+" + text[: i + 1], ch) for i, ch in enumerate(text)]
    erased = [("⌫" + (text[:i] or "∅"), "\b") for i in range(len(text) - 1, -1, -1)]
    return typed + erased


def run(quick: bool = False) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import open_services
    from app.config import AppPaths
    from ui.settings import UiSettings
    from ui.views.members_view import MembersView

    size = demo_size(quick)
    source, built = demo_db(**size)
    passes = 3 if quick else 5
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="sochibo-bench-filter-") as tmp:
        database = copy_db(source, Path(tmp) / "db")
        services = open_services(AppPaths.for_database(database), now=lambda: BENCH_NOW, backup_on_start=False)
        try:
            view = MembersView(services, UiSettings(Path(tmp) / "ui.ini"))
            view.resize(1280, 800)
            view.show()
            view.refresh()
            app.processEvents()
            rows = view.model.rowCount()
            field = view.search
            field.setFocus()

            def press(ch: str) -> None:
                key = Qt.Key.Key_Backspace if ch == "\b" else Qt.Key.Key_unknown
                text = "" if ch == "\b" else ch  # QTest key clicks are ASCII-only: send the events (TECH-NOTES §1.4)
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
                app.processEvents()  # filter, re-sort, re-layout and paint before the next key

            per_key: dict[str, list[float]] = {}
            shown: dict[str, int] = {}
            for _ in range(passes + 1):  # the first pass warms caches and is not counted
                for name in TYPED:
                    for label, ch in _keystrokes(name):
                        started = time.perf_counter()
                        press(ch)
                        per_key.setdefault(label, []).append((time.perf_counter() - started) * 1000)
                        shown[label] = view.proxy.rowCount()
                    assert field.text() == "", field.text()
            medians = {label: statistics.median(times[1:]) for label, times in per_key.items()}

            # The proxy alone: what filtering costs without the view's layout and painting.
            proxy_ms = []
            for name in TYPED:
                for i in range(1, len(name) + 1):
                    started = time.perf_counter()
                    view.proxy.set_search(name[:i])
                    view.proxy.rowCount()
                    proxy_ms.append((time.perf_counter() - started) * 1000)
            view.proxy.set_search("")
            view.close()
        finally:
            services.close()
    worst_label, worst = max(medians.items(), key=lambda kv: kv[1])
    typical = statistics.median(medians.values())
    detail = (
        f"{rows:,} members in the table ({size['members']:,} in the branch)"
        + (f", demo built in {built:.0f} s" if built is not None else "")
        + f"; {len(medians)} keystrokes × {passes} passes: median {typical:.1f} ms, slowest {worst:.1f} ms "
        f"at {worst_label!r} ({shown[worst_label]:,} rows shown); proxy alone: median "
        f"{statistics.median(proxy_ms):.1f} ms, max {max(proxy_ms):.1f} ms"
    )
    return result(
        "members_filter_keystroke", value=worst, unit="ms", target=TARGET_MS, detail=detail,
        peak_mb=round(peak_rss_mb(), 1), median_ms=round(typical, 2),
    )  # fmt: skip


if __name__ == "__main__":
    print(run("--quick" in sys.argv))
