"""The entry point of the window: options, the application, the first window (opened through ui/launcher.py).

No business logic here: the launcher chooses and opens the database; this hands its services to the window.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME, __version__
from app.config import AppPaths, resolve_paths

if TYPE_CHECKING:  # PySide6 is imported only once the window is wanted (not for --version or --self-test)
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.main_window import MainWindow
    from ui.settings import UiSettings


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sochibo", description=f"{APP_NAME} {__version__}: cửa sổ làm việc.")
    parser.add_argument("--db", metavar="TỆP", help="tệp dữ liệu cần mở (mặc định: thư mục dữ liệu của người dùng)")
    parser.add_argument(
        "--demo-if-empty",
        action="store_true",
        help="nếu tệp dữ liệu còn trống, mở chi bộ mẫu (trong tệp riêng demo.sqlite3) để xem thử",
    )
    parser.add_argument("--self-test", metavar="BÁO_CÁO", help="tự kiểm tra bản cài đặt, ghi kết quả vào tệp")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(list(argv) if argv is not None else None)


def run_self_test(report: str) -> int:
    if importlib.util.find_spec("app.selftest") is None:
        Path(report).write_text("self-test module missing\n", encoding="utf-8")
        return 2
    from app.selftest import run_self_test as self_test  # only when asked: it imports the exporters

    return int(self_test(Path(report)))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    if args.self_test:
        return run_self_test(args.self_test)

    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_vietnamese
    from ui.opening import OpeningWindow
    from ui.settings import UiSettings
    from ui.style import apply_font_size

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_vietnamese(app)
    settings = UiSettings()
    apply_font_size(app, settings.font_size)
    bench = os.environ.get("SOCHIBO_BENCH_EXIT_ON_SHOWN")  # bench/bench_startup.py: launch -> a window shown

    # A window at once, before the slow part (opening the file, importing the services, building the screens).
    opening = OpeningWindow(settings)
    opening.show()
    app.processEvents()  # painted now: the work below keeps the event loop busy
    if bench == "opening":
        return _quit_when_idle(app)

    from ui.errors import install_excepthook, set_log_folder
    from ui.widgets.prompts import show_error

    paths = resolve_paths(args.db)
    set_log_folder(paths.database.parent, paths.database)
    install_excepthook(lambda text: show_error(app.activeWindow(), text))

    window = open_window(paths, settings, demo_if_empty=args.demo_if_empty, parent=opening)
    if window is None:
        opening.close()
        return 1
    if not opening.isMaximized():  # where the opening window was put: the main window takes its place
        window.setGeometry(opening.geometry())
    window.show()
    opening.close()
    if bench == "1":
        return _quit_when_idle(app)
    return int(app.exec())


def _quit_when_idle(app: QApplication) -> int:
    """bench/bench_startup.py and the bundle test: say when the window is up (the event loop reached), then quit."""
    import time

    from PySide6.QtCore import QTimer

    def shown() -> None:
        if sys.stdout is not None:  # a windowed Windows bundle has none
            print(f"shown {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    return int(app.exec())


def open_window(
    paths: AppPaths, settings: UiSettings, *, demo_if_empty: bool = False, parent: QWidget | None = None
) -> MainWindow | None:
    """The main window: the launcher opens the database (or the demo branch), then the window over it.

    Questions on the way (password, first start, a restore) are asked over *parent* (the opening window).
    Returns None when the user gave up or the file cannot be used (the reason was already shown).
    """
    from ui.launcher import first_launch
    from ui.main_window import MainWindow

    launch = first_launch(paths, demo_if_empty=demo_if_empty, parent=parent)
    if launch is None:
        return None
    return MainWindow(launch.services, settings, demo=launch.demo, real_paths=paths)
