"""The file's quick_check: after a clean close it runs once the window shows and the first write waits for it;
after a killed process it runs before any window. A damaged page is offered the usual restore, nothing written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.config import AppPaths
from app.domain.errors import StorageError
from data.db import CLEAN_CLOSE
from tests.conftest import NOW
from ui.main import open_window

ROOT = Path(__file__).resolve().parents[2]


def clean_close_record(path: Path) -> str | None:
    with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (CLEAN_CLOSE,)).fetchone()
    return None if row is None else str(row[0])


def damage_a_page(path: Path) -> None:
    """Overwrite the attendance table's root page with garbage, as a bad sector would (the header stays)."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the damage must hit the main file
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        root = int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'attendance'").fetchone()[0])
    with open(path, "r+b") as fh:
        fh.seek(size * (root - 1))
        fh.write(bytes((i * 37 + 11) % 256 for i in range(size)))


def checks_running() -> int:
    return sum(1 for t in threading.enumerate() if t.name == "quick_check")


@pytest.fixture
def closed_cleanly(paths: AppPaths) -> AppPaths:
    """The demo branch, a backup of it, then the program's normal close."""
    s = open_services(paths, now=lambda: NOW)
    s.demo.fill()
    s.backups.snapshot("thu-nghiem")
    s.close()
    assert clean_close_record(paths.database) == "1"
    return paths


def test_after_a_clean_close_the_check_runs_once_the_window_shows(qtbot, closed_cleanly, ui_settings, answers) -> None:
    window = open_window(closed_cleanly, ui_settings)
    assert window is not None
    qtbot.addWidget(window)
    assert window.services.health_verdict() is None and checks_running() == 0  # not before the window
    window.show()
    qtbot.waitUntil(lambda: window.services.health_verdict() == "ok")  # started by the event loop after show
    qtbot.waitUntil(lambda: not window.health_timer.isActive())  # the window heard the verdict
    assert window.isVisible() and not answers.asked
    window.close()
    assert clean_close_record(closed_cleanly.database) == "1"


def test_the_first_write_waits_for_the_check_and_marks_the_file_open(closed_cleanly) -> None:
    s = open_services(closed_cleanly, now=lambda: NOW, defer_check=True, backup_on_start=False)
    try:
        assert s.health_verdict() is None  # owed, not started: nobody showed a window
        member = s.members.all()[0]
        s.members.update(member)  # the write starts the check and waits for its verdict
        assert s.health_verdict() == "ok"
        assert clean_close_record(closed_cleanly.database) == "0"  # a crash from now on is an unclean close
    finally:
        s.close()
    assert clean_close_record(closed_cleanly.database) == "1"


def test_a_damaged_page_after_a_clean_close_refuses_the_write(closed_cleanly) -> None:
    damage_a_page(closed_cleanly.database)
    before = closed_cleanly.database.read_bytes()
    s = open_services(closed_cleanly, now=lambda: NOW, defer_check=True, backup_on_start=False)
    try:
        with pytest.raises(StorageError) as caught:
            s.branch.save_profile(s.branch.profile())
        assert caught.value.code == "database_damaged"
        assert s.health_verdict() not in (None, "ok")
    finally:
        s.close()
    assert closed_cleanly.database.read_bytes() == before  # nothing written, not even the clean close


def test_a_damaged_page_after_a_clean_close_is_offered_the_restore(qtbot, closed_cleanly, ui_settings, answers) -> None:
    damage_a_page(closed_cleanly.database)
    before = closed_cleanly.database.read_bytes()
    window = open_window(closed_cleanly, ui_settings)
    assert window is not None  # nothing checked yet: the window comes first
    qtbot.addWidget(window)
    answers.yes = False  # "Thoát"
    window.show()
    qtbot.waitUntil(lambda: bool(answers.asked))
    assert "bị hỏng" in answers.asked[0] and "Khôi phục" not in answers.infos
    qtbot.waitUntil(lambda: not window.isVisible())
    assert closed_cleanly.database.read_bytes() == before


def test_the_restore_offered_after_show_brings_the_backup_back(qtbot, closed_cleanly, ui_settings, answers) -> None:
    s = open_services(closed_cleanly, now=lambda: NOW, backup_on_start=False)
    members = len(s.members.all())
    s.close()
    damage_a_page(closed_cleanly.database)
    window = open_window(closed_cleanly, ui_settings)
    assert window is not None
    qtbot.addWidget(window)
    window.show()  # answers.yes: "Khôi phục"
    qtbot.waitUntil(lambda: any("Đã khôi phục" in text for text in answers.infos))
    assert window.isVisible() and len(window.services.members.all()) == members
    assert window.services.ctx.db.integrity_check() == "ok"
    assert list(closed_cleanly.backups.glob("*.tep-hong"))  # the damaged file is kept aside
    window.close()


def test_after_a_killed_process_the_check_runs_before_the_window(qtbot, closed_cleanly, ui_settings, answers) -> None:
    killed = (
        "import os, sys\n"
        "from app.bootstrap import open_services\n"
        "from app.config import AppPaths\n"
        "from pathlib import Path\n"
        "s = open_services(AppPaths.for_database(Path(sys.argv[1])), backup_on_start=False)\n"
        "member = s.members.all()[0]\n"
        "s.members.update(member)\n"
        "os._exit(9)\n"  # killed: no normal close
    )
    done = subprocess.run([sys.executable, "-c", killed, str(closed_cleanly.database)], cwd=ROOT, timeout=120)
    assert done.returncode == 9
    assert clean_close_record(closed_cleanly.database) == "0"
    damage_a_page(closed_cleanly.database)
    answers.yes = False
    assert open_window(closed_cleanly, ui_settings) is None  # refused before any window
    assert "bị hỏng" in answers.asked[0]


def test_the_start_up_backup_waits_for_the_verdict(qtbot, closed_cleanly, ui_settings, answers) -> None:
    s = open_services(closed_cleanly, now=lambda: NOW, backup_on_start=False)
    s.members.update(s.members.all()[0])  # a change since the newest backup: the next start backs up
    s.close()
    before = sorted(closed_cleanly.backups.glob("*.sqlite3*"))
    window = open_window(closed_cleanly, ui_settings)
    assert window is not None
    qtbot.addWidget(window)
    assert window.services.backup_owed and sorted(closed_cleanly.backups.glob("*.sqlite3*")) == before
    window.show()
    qtbot.waitUntil(lambda: window.services.startup_backup is not None, timeout=20000)
    assert window.services.backup_problem is None and not window.services.backup_owed
    assert window.services.startup_backup not in before and window.services.startup_backup.exists()
    window.close()
