"""The launcher: from a data file to services a window may show (recovery, password, first start, the demo).

Used by the entry point (ui/main.py) and by the window (leaving the demo, damage found after start-up).
It never builds the main window itself, so nothing here imports ui.main_window or ui.main: no circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.bootstrap import Services, open_services
from app.config import AppPaths
from app.domain import notices
from app.domain.errors import AppError, StorageError
from ui.widgets import prompts

DEMO_FILE_NAME = "demo.sqlite3"
#: StorageError codes for which the newest good backup is offered instead of giving up.
DAMAGED_CODES = ("database_damaged", "not_a_database")


@dataclass(frozen=True)
class Launch:
    """What a window is built over: the services, and whether they hold the demo branch."""

    services: Services
    demo: bool


def _sentence(error: AppError) -> str:
    from app.domain import error_text  # it names the domain's labels: imported only when a start goes wrong

    return error_text.describe(error)


def demo_paths(real: AppPaths) -> AppPaths:
    """The demo branch lives in its own file beside the user's database, never inside it."""
    return AppPaths.for_database(real.database.with_name(DEMO_FILE_NAME))


def open_demo(real: AppPaths) -> Services:
    """Open (filling on first use) the demo branch file."""
    services = open_services(demo_paths(real))
    if services.branch.is_empty():
        services.demo.fill()
    return services


def open_or_recover(paths: AppPaths, parent: QWidget | None = None) -> Services | None:
    """open_services, and when the file is damaged, offer the newest good backup instead of giving up.

    After a clean close the file's quick_check is left to the window (MainWindow starts it once shown and
    offers the same restore if it finds damage); after an unclean close it runs here, before any window.
    The damaged file is never written to; restoring keeps it aside in the backup folder.
    Returns None when the file cannot be used (the reason was already shown).
    """
    try:
        return open_services(paths, defer_check=True)
    except StorageError as exc:
        if exc.code not in DAMAGED_CODES:
            prompts.show_error(parent, _sentence(exc))
            return None
        return recover_damaged(paths, exc, parent)


def recover_damaged(paths: AppPaths, error: StorageError, parent: QWidget | None = None) -> Services | None:
    """The restore offer for a damaged file (*error*): the newest good backup, or a new branch, or quit.

    The file must be closed by the caller first. An emptied, cut-short or overwritten file is damaged too:
    never replaced by a new branch unasked. Returns the services over the restored (or new) file, or None.
    """
    from app.services.backups import check_file, newest_good_backup, restore_damaged, set_aside_damaged

    damaged, code = _sentence(error), error.code
    good = newest_good_backup(paths)
    if good is None:
        if code != "database_damaged":  # another program's file: not ours to move
            prompts.show_error(parent, damaged)
            return None
        question = (
            damaged + "\n\n" + notices.DAMAGED_NO_BACKUP.format(folder=paths.backups) + " " + notices.DAMAGED_START_NEW
        )
        if not prompts.ask_yes_no(parent, question, yes="Bắt đầu chi bộ mới", no="Thoát"):
            return None
        try:
            aside = set_aside_damaged(paths)
            services = open_services(paths)
        except AppError as exc:
            prompts.show_error(parent, _sentence(exc))
            return None
        prompts.show_info(parent, notices.DAMAGED_SET_ASIDE.format(path=aside))
        return services
    counts = check_file(paths, good.path).counts
    question = notices.DAMAGED_OFFER_WINDOW.format(
        at=good.at.strftime("%H:%M ngày %d/%m/%Y"), members=counts.get("member", 0), meetings=counts.get("meeting", 0)
    )
    if not prompts.ask_yes_no(parent, damaged + "\n\n" + question, yes="Khôi phục", no="Thoát"):
        return None
    try:
        result = restore_damaged(paths, good.path)
        services = open_services(paths)
    except AppError as exc:
        prompts.show_error(parent, _sentence(exc))
        return None
    prompts.show_info(parent, notices.RESTORE_DONE.format(path=good.path, previous=result.previous))
    return services


def unlock_or_quit(services: Services, parent: QWidget | None = None) -> bool:
    """With a program password, ask for it (or the recovery code) before any screen; False = the user quit."""
    if not services.security.locked:
        return True
    from ui.dialogs.unlock_dialog import UnlockDialog

    if UnlockDialog(services, parent).exec():
        return True
    services.close()
    return False


def first_launch(paths: AppPaths, *, demo_if_empty: bool = False, parent: QWidget | None = None) -> Launch | None:
    """Open the database (or the demo branch) and run the first-start setup if needed.

    Its questions are asked over *parent* (the opening window). Returns None when the user gave up or
    the file cannot be used (the reason was already shown).
    """
    existed = paths.database.exists()
    if demo_if_empty and not existed:
        # Nothing of the user's yet: show the demo without creating their (empty) data file.
        return _demo_launch(paths, parent)
    services = open_or_recover(paths, parent)
    if services is None or not unlock_or_quit(services, parent):
        return None
    if not services.branch.is_empty():
        return Launch(services, demo=False)
    if not demo_if_empty:
        from ui.dialogs.first_start_dialog import FirstStartDialog

        dialog = FirstStartDialog(services, parent=parent)
        if not dialog.exec():
            services.close()
            return None
        if dialog.choice != "demo":
            return Launch(services, demo=False)
    services.close()
    if not existed:
        discard_unused_file(paths.database)
    return _demo_launch(paths, parent)


def _demo_launch(paths: AppPaths, parent: QWidget | None = None) -> Launch | None:
    try:
        return Launch(open_demo(paths), demo=True)
    except AppError as exc:
        prompts.show_error(parent, _sentence(exc))
        return None


def real_branch(paths: AppPaths, parent: QWidget | None = None) -> Services | None:
    """From the demo branch to the user's own: open it (set it up if still empty); None = not now."""
    from ui.dialogs.first_start_dialog import FirstStartDialog

    services = open_or_recover(paths, parent)
    if services is None or not unlock_or_quit(services, parent):
        return None
    if services.branch.is_empty():
        dialog = FirstStartDialog(services, allow_demo=False, parent=parent)
        if not dialog.exec():
            services.close()
            return None
    return services


def discard_unused_file(database: Path) -> None:
    """Remove a data file this start created and left empty (the user chose the demo instead).

    Only called for a file that did not exist before this start and holds no branch: nothing of the user's.
    """
    for suffix in ("", "-wal", "-shm", "-journal"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
