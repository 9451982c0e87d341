"""One running copy per database: a second opener is refused; a dead holder never blocks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.cli.main import main
from app.config import AppPaths
from app.domain.error_text import ERROR, describe
from app.domain.errors import StorageError
from data.lock import DatabaseLock, lock_path

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys, time
    from app.bootstrap import open_services
    from app.config import AppPaths
    s = open_services(AppPaths.for_database(__import__("pathlib").Path(sys.argv[1])))
    print("ready", flush=True)
    time.sleep(60)
    """
)


def _holder(database: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(database)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def test_a_second_open_in_the_same_process_is_refused_until_the_first_closes(paths: AppPaths) -> None:
    first = open_services(paths)
    try:
        with pytest.raises(StorageError) as caught:
            open_services(paths)
        assert caught.value.code == "database_locked"
        assert describe(caught.value) == ERROR["database_locked"]
    finally:
        first.close()
    open_services(paths).close()


def test_another_process_is_refused_and_a_killed_holder_leaves_no_obstacle(paths: AppPaths, capsys) -> None:
    open_services(paths).close()  # create the database
    holder = _holder(paths.database)
    try:
        with pytest.raises(StorageError) as caught:
            open_services(paths)
        assert caught.value.code == "database_locked"
        assert main(["--db", str(paths.database), "members", "list"]) == 1
        assert "đang mở tệp dữ liệu này" in capsys.readouterr().err
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash or a power cut: no chance to clean up
        holder.wait(timeout=10)
    assert lock_path(paths.database).exists()  # the stale file is still there ...
    s = open_services(paths)  # ... and does not block
    s.close()


def test_a_failed_open_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"PK\x03\x04 not a database" * 40)
    paths = AppPaths.for_database(path)
    for _ in range(2):  # the second attempt gets the same answer, not "already open"
        with pytest.raises(StorageError) as caught:
            open_services(paths)
        assert caught.value.code == "not_a_database"
    with DatabaseLock(path) as lock:
        assert lock.held


def test_the_lock_file_names_its_holder_and_release_is_idempotent(tmp_path: Path) -> None:
    lock = DatabaseLock(tmp_path / "a.sqlite3").acquire()
    assert str(os.getpid()) in lock.path.read_bytes().decode(errors="replace")
    lock.release()
    lock.release()
    assert not lock.held


def test_opening_without_the_lock_is_possible_for_tools(paths: AppPaths) -> None:
    held = open_services(paths)
    try:
        unlocked = open_services(paths, lock=False, backup_on_start=False)
        unlocked.close()
    finally:
        held.close()
