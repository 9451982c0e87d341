"""Composition of the window: options, paths, the database, the demo branch, first start, the main window.

No business logic here: it chooses which database to open and hands the services to the window.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import APP_NAME, __version__
from app.bootstrap import Services, open_services
from app.config import AppPaths, resolve_paths
from app.domain import messages as msg
from app.domain.errors import AppError, StorageError

DEMO_FILE_NAME = "demo.sqlite3"


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


def demo_paths(real: AppPaths) -> AppPaths:
    """The demo branch lives in its own file beside the user's database, never inside it."""
    return AppPaths.for_database(real.database.with_name(DEMO_FILE_NAME))


def open_demo(real: AppPaths) -> Services:
    """Open (filling on first use) the demo branch file."""
    services = open_services(demo_paths(real))
    if services.branch.is_empty():
        services.demo.fill()
    return services


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

    from ui.errors import install_excepthook, set_log_folder
    from ui.i18n import install_vietnamese
    from ui.settings import UiSettings
    from ui.style import apply_font_size
    from ui.widgets.prompts import show_error

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_vietnamese(app)
    settings = UiSettings()
    apply_font_size(app, settings.font_size)

    paths = resolve_paths(args.db)
    set_log_folder(paths.database.parent, paths.database)
    install_excepthook(lambda text: show_error(app.activeWindow(), text))

    window = open_window(paths, settings, demo_if_empty=args.demo_if_empty)
    if window is None:
        return 1
    window.show()
    if os.environ.get("SOCHIBO_BENCH_EXIT_ON_SHOWN") == "1":  # bench/bench_startup.py: launch -> window shown
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    return int(app.exec())


def open_or_recover(paths: AppPaths, owner: object = None) -> Services | None:
    """open_services, and when the file is damaged, offer the newest good backup instead of giving up.

    The damaged file is never written to; restoring keeps it aside in the backup folder.
    Returns None when the file cannot be used (the reason was already shown).
    """
    from PySide6.QtWidgets import QWidget

    from app.services.backups import check_file, newest_good_backup, restore_damaged, set_aside_damaged
    from ui.widgets.prompts import ask_yes_no, show_error, show_info

    parent = owner if isinstance(owner, QWidget) else None
    try:
        return open_services(paths)
    except StorageError as exc:
        # An emptied, cut-short or overwritten file is damaged too: never replaced by a new branch unasked.
        if exc.code not in ("database_damaged", "not_a_database"):
            show_error(parent, msg.describe(exc))
            return None
        damaged, code = msg.describe(exc), exc.code
    good = newest_good_backup(paths)
    if good is None:
        if code != "database_damaged":  # another program's file: not ours to move
            show_error(parent, damaged)
            return None
        question = damaged + "\n\n" + msg.DAMAGED_NO_BACKUP.format(folder=paths.backups) + " " + msg.DAMAGED_START_NEW
        if not ask_yes_no(parent, question, yes="Bắt đầu chi bộ mới", no="Thoát"):
            return None
        try:
            aside = set_aside_damaged(paths)
            services = open_services(paths)
        except AppError as error:
            show_error(parent, msg.describe(error))
            return None
        show_info(parent, msg.DAMAGED_SET_ASIDE.format(path=aside))
        return services
    counts = check_file(paths, good.path).counts
    question = msg.DAMAGED_OFFER_WINDOW.format(
        at=good.at.strftime("%H:%M ngày %d/%m/%Y"), members=counts.get("member", 0), meetings=counts.get("meeting", 0)
    )
    if not ask_yes_no(parent, damaged + "\n\n" + question, yes="Khôi phục", no="Thoát"):
        return None
    try:
        result = restore_damaged(paths, good.path)
        services = open_services(paths)
    except AppError as error:
        show_error(parent, msg.describe(error))
        return None
    show_info(parent, msg.RESTORE_DONE.format(path=good.path, previous=result.previous))
    return services


def unlock_or_quit(services: Services, parent: object = None) -> bool:
    """With a program password, ask for it (or the recovery code) before any screen; False = the user quit."""
    if not services.security.locked:
        return True
    from PySide6.QtWidgets import QWidget

    from ui.dialogs.unlock_dialog import UnlockDialog

    dialog = UnlockDialog(services, parent if isinstance(parent, QWidget) else None)
    if dialog.exec():
        return True
    services.close()
    return False


def open_window(paths: AppPaths, settings: object, *, demo_if_empty: bool = False) -> object | None:
    """Open the database (or the demo branch), run the first-start setup if needed, build the main window.

    Returns None when the user gave up or the file cannot be used (the reason was already shown).
    """
    from ui.dialogs.first_start_dialog import FirstStartDialog
    from ui.main_window import MainWindow
    from ui.settings import UiSettings
    from ui.widgets.prompts import show_error

    assert isinstance(settings, UiSettings)
    existed = paths.database.exists()
    if demo_if_empty and not existed:
        # Nothing of the user's yet: show the demo without creating their (empty) data file.
        try:
            return MainWindow(open_demo(paths), settings, demo=True, real_paths=paths)
        except AppError as exc:
            show_error(None, msg.describe(exc))
            return None
    services = open_or_recover(paths)
    if services is None or not unlock_or_quit(services):
        return None
    demo = False
    if services.branch.is_empty():
        choice = "demo" if demo_if_empty else None
        if choice is None:
            dialog = FirstStartDialog(services)
            if not dialog.exec():
                services.close()
                return None
            choice = dialog.choice
        if choice == "demo":
            services.close()
            if not existed:
                discard_unused_file(paths.database)
            try:
                services = open_demo(paths)
            except AppError as exc:
                show_error(None, msg.describe(exc))
                return None
            demo = True
    return MainWindow(services, settings, demo=demo, real_paths=paths)


def discard_unused_file(database: Path) -> None:
    """Remove a data file this start created and left empty (the user chose the demo instead).

    Only called for a file that did not exist before this start and holds no branch: nothing of the user's.
    """
    for suffix in ("", "-wal", "-shm", "-journal"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def open_real_branch(paths: AppPaths, settings: object, parent: object = None) -> object | None:
    """From the demo branch to the user's own: set it up if it is still empty, then a window over it."""
    from PySide6.QtWidgets import QWidget

    from ui.dialogs.first_start_dialog import FirstStartDialog
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    assert isinstance(settings, UiSettings)
    owner = parent if isinstance(parent, QWidget) else None
    services = open_or_recover(paths, owner)
    if services is None or not unlock_or_quit(services, owner):
        return None
    if services.branch.is_empty():
        dialog = FirstStartDialog(services, allow_demo=False, parent=owner)
        if not dialog.exec():
            services.close()
            return None
    return MainWindow(services, settings, demo=False, real_paths=paths)
