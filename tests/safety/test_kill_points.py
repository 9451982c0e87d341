"""Fault injection: a process killed (SIGKILL / TerminateProcess) at spread-out moments of a large
transaction (the member import of a 2,000-row list, and a demo fill), an export, a backup, a USB backup
and a restore. Afterwards the database passes
integrity_check and holds all of the operation or none of it; files hold the old or the new content.

Kill points per operation are fixed below (39 in all); each run takes a few seconds on 2 cores.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.config import AppPaths
from app.services import backups as backup_service
from data import backup as store
from data.migrations import LATEST_VERSION
from exporters.atomic import TEMP_PREFIX, atomic_write_bytes
from tests.safety.fault_child import NOW
from tests.safety.hostile_files import large_member_list
from tests.safety.safety_helpers import counts, integrity

ROOT = Path(__file__).resolve().parents[2]
KILLS_IMPORT, KILLS_FILL, KILLS_EXPORT, KILLS_BACKUP, KILLS_USB, KILLS_RESTORE = 8, 6, 8, 6, 5, 6
IMPORT_ROWS = 2000
BIG = {"members": 300, "years": 10}  # ~4 MB of WAL written in one transaction


def shoot(args: list[str], delay: float) -> str:
    """Start the child, wait for "go", kill it *delay* seconds later. Returns what it printed after "go"."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.safety.fault_child", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if first != "go\n":
        proc.kill()
        _, err = proc.communicate(timeout=10)
        raise AssertionError(f"child did not start: {first!r} {err}")
    time.sleep(delay)
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no cleanup code runs
    rest, _ = proc.communicate(timeout=20)
    return rest


def spread(n: int, span: float) -> Iterator[float]:
    """Delays covering [0, span] evenly, jittered: kill points early, middle and late in the operation."""
    rng = random.Random(2026 + n)
    for i in range(n):
        yield span * (i + rng.uniform(0.1, 0.9)) / n


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, fully set-up database (copied for each kill point: no re-creation cost)."""
    paths = AppPaths.under(tmp_path_factory.mktemp("template"))
    open_services(paths, now=lambda: NOW).close()
    return paths.database


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A large branch database (300 members, 10 years), checkpointed into one file."""
    paths = AppPaths.under(tmp_path_factory.mktemp("big"))
    s = open_services(paths, now=lambda: NOW)
    s.demo.fill(**BIG)
    s.close()
    return paths.database


def fresh_copy(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def assert_healthy(database: Path) -> None:
    assert integrity(database) == "ok"
    s = open_services(AppPaths.for_database(database), now=lambda: NOW, backup_on_start=False)
    s.close()  # opens: quick_check passes and no lock is left behind by the dead process


def run_to_done(args: list[str]) -> float:
    """Run the child's operation to the end; returns its duration (from "go" to "done")."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.safety.fault_child", *args], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "go\n"
    started = time.perf_counter()
    assert proc.stdout.readline() == "done\n"
    duration = time.perf_counter() - started
    proc.kill()
    proc.communicate(timeout=20)
    return duration


def one_backup_takes(database: Path) -> float:
    s = open_services(AppPaths.for_database(database), now=lambda: NOW, backup_on_start=False)
    try:
        started = time.perf_counter()
        path = s.backups.snapshot("do-thoi-gian")
        took = time.perf_counter() - started
        path.unlink()
        return took
    finally:
        s.close()


def assert_every_listed_backup_is_complete(paths: AppPaths, expected: dict[str, int]) -> int:
    """Every file named as a backup passes every check and holds everything; returns how many, then clears them."""
    found = backup_service.list_backups(paths)
    for info in found:
        store.check_backup(info.path, latest_version=LATEST_VERSION, expected_counts=expected)
        info.path.unlink()
    return len(found)


def table_counts(database: Path) -> dict[str, int]:
    with closing(store.open_readonly(database)) as conn:
        return store.table_counts(conn)


def test_large_transaction_killed_anywhere_is_all_or_nothing(template: Path, big: Path, tmp_path: Path) -> None:
    empty, full = counts(template), counts(big)
    args = ["fill", "", str(BIG["members"]), str(BIG["years"])]
    db = fresh_copy(template, tmp_path / "timed")
    duration = run_to_done([*args[:1], str(db), *args[2:]])
    assert counts(db) == full
    outcomes: Counter[str] = Counter()
    for i, delay in enumerate(spread(KILLS_FILL, duration * 1.15)):
        db = fresh_copy(template, tmp_path / f"kill{i}")
        shoot([*args[:1], str(db), *args[2:]], delay)
        assert_healthy(db)
        found = counts(db)
        assert found in (empty, full), f"kill at {delay:.3f}s left a partial import: {found}"
        outcomes["all" if found == full else "none"] += 1
    assert outcomes["none"] >= 1  # the kill points really landed inside the transaction


def test_member_import_killed_anywhere_is_all_or_nothing(template: Path, tmp_path: Path) -> None:
    source = tmp_path / "danh-sach.xlsx"
    source.write_bytes(large_member_list(IMPORT_ROWS))
    empty = counts(template)
    db = fresh_copy(template, tmp_path / "timed")
    duration = run_to_done(["import", str(db), str(source)])
    full = counts(db)
    assert full["member"] == empty["member"] + IMPORT_ROWS
    outcomes: Counter[str] = Counter()
    for i, delay in enumerate(spread(KILLS_IMPORT, duration * 1.15)):
        db = fresh_copy(template, tmp_path / f"kill{i}")
        shoot(["import", str(db), str(source)], delay)
        assert_healthy(db)
        found = counts(db)
        assert found in (empty, full), f"kill at {delay:.3f}s left a partial import: {found}"
        outcomes["all" if found == full else "none"] += 1
        for info in backup_service.list_backups(AppPaths.for_database(db)):  # the backup taken first is whole
            assert store.check_backup(info.path, latest_version=LATEST_VERSION).counts["member"] == empty["member"]
    assert outcomes["none"] >= 1


def test_export_killed_anywhere_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    size = 12_000_000
    old, a, b = (bytes([n]) * size for n in (1, 2, 3))
    blob_a, blob_b = tmp_path / "a.bin", tmp_path / "b.bin"
    blob_a.write_bytes(a)
    blob_b.write_bytes(b + b"tail")
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "bao-cao.xlsx"
    target.write_bytes(old)
    started = time.perf_counter()
    atomic_write_bytes(folder / "timing.xlsx", a)
    one_write = time.perf_counter() - started
    (folder / "timing.xlsx").unlink()
    allowed = {old, a, b + b"tail"}
    for kills, delay in enumerate(spread(KILLS_EXPORT, one_write * 3), start=1):
        shoot(["export", str(target), str(blob_a), str(blob_b)], delay)
        assert target.read_bytes() in allowed
        strays = [p for p in folder.iterdir() if p != target]
        assert all(p.name.startswith(TEMP_PREFIX) for p in strays), strays  # hidden temp files at most
        assert len(strays) <= kills  # one per killed write, at most
    # Leftovers are ignored, then removed by the next write once they are stale.
    for leftover in folder.glob(f"{TEMP_PREFIX}*"):
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    atomic_write_bytes(target, b"final")
    assert [p.name for p in folder.iterdir()] == [target.name]
    assert target.read_bytes() == b"final"


def test_backup_killed_anywhere_leaves_the_database_untouched_and_no_false_backup(big: Path, tmp_path: Path) -> None:
    db = fresh_copy(big, tmp_path / "db")
    paths = AppPaths.for_database(db)
    expected = table_counts(db)
    span = one_backup_takes(db) * 3
    complete = 0
    for delay in spread(KILLS_BACKUP, span):
        shoot(["backup", str(db)], delay)
        assert_healthy(db)
        assert table_counts(db) == expected
        complete += assert_every_listed_backup_is_complete(paths, expected)
    assert complete >= 1
    s = open_services(paths, now=lambda: NOW, backup_on_start=False)
    try:
        s.backups.snapshot("thu-cong")  # cleans the half-written ones a kill left behind
    finally:
        s.close()
    assert not [p for p in paths.backups.iterdir() if ".part" in p.name]


def test_usb_backup_killed_anywhere_leaves_only_complete_copies(big: Path, tmp_path: Path) -> None:
    db = fresh_copy(big, tmp_path / "db")
    paths = AppPaths.for_database(db)
    expected = table_counts(db)
    usb = tmp_path / "usb"
    usb.mkdir()
    span = one_backup_takes(db) * 8  # a local snapshot, the copy, and reading the copy back
    complete = 0
    for delay in spread(KILLS_USB, span):
        shoot(["usb", str(db), str(usb)], delay)
        assert_healthy(db)
        assert table_counts(db) == expected
        # pathlib's glob also matches dot-files: the hidden half-written temp copy is not a backup.
        for copy in (p for p in usb.glob("*.sqlite3") if not p.name.startswith(TEMP_PREFIX)):
            store.check_backup(copy, latest_version=LATEST_VERSION, expected_counts=expected)
            copy.unlink()
            complete += 1
        assert all(p.name.startswith(TEMP_PREFIX) for p in usb.iterdir())
        assert_every_listed_backup_is_complete(paths, expected)
    assert complete >= 1


def test_restore_killed_anywhere_leaves_one_whole_database(big: Path, tmp_path: Path) -> None:
    db = fresh_copy(big, tmp_path / "db")
    paths = AppPaths.for_database(db)
    small_paths = AppPaths.under(tmp_path / "small")
    s = open_services(small_paths, now=lambda: NOW)
    s.demo.fill(members=30, years=2)
    s.close()
    backup_a = store_copy(db, tmp_path / "a.sqlite3")
    backup_b = store_copy(small_paths.database, tmp_path / "b.sqlite3")
    allowed = [table_counts(backup_a), table_counts(backup_b)]
    assert allowed[0] != allowed[1]
    span = one_backup_takes(db) * 8
    seen: Counter[int] = Counter()
    for delay in spread(KILLS_RESTORE, span):
        shoot(["restore", str(db), str(backup_b), str(backup_a)], delay)
        assert_healthy(db)
        now_holds = table_counts(db)
        assert now_holds in allowed, "a killed restore left a mixture"
        seen[allowed.index(now_holds)] += 1
        for info in backup_service.list_backups(paths):  # the "before restore" copies are whole too
            assert store.check_backup(info.path, latest_version=LATEST_VERSION).counts in allowed
            info.path.unlink()
    assert sum(seen.values()) == KILLS_RESTORE


def store_copy(database: Path, target: Path) -> Path:
    with closing(store.open_readonly(database)) as conn:
        return store.backup_to(conn, target)
