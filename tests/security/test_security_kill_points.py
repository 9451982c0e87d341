"""Kill points (SIGKILL) while the password is being set and while an encrypted USB backup is written.

Setting the password leaves the file with every CCCD and phone in the clear and no password, or all of
them encrypted under the new password; the wipe of old plaintext (free pages, WAL, older backups) is
finished at the next opening. An encrypted copy on the stick is complete and opens with its password,
or is a hidden temp file that is no backup.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.config import AppPaths
from app.domain.encrypted_backup import decrypt_backup
from data.backup import check_backup, table_counts
from data.migrations import LATEST_VERSION
from exporters.atomic import TEMP_PREFIX
from tests.safety.fault_child import NOW
from tests.safety.safety_helpers import integrity
from tests.safety.test_kill_points import run_to_done, shoot, spread
from tests.security.helpers import PASSWORD, leaks, private_values

pytestmark = pytest.mark.slow
KILLS_SET_PASSWORD, KILLS_ENCRYPTED_USB = 8, 5


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, tuple[str, str]]]:
    """A 300-member branch with two automatic backups beside it, and its members' CCCD and phone."""
    paths = AppPaths.under(tmp_path_factory.mktemp("branch"))
    s = open_services(paths, now=lambda: NOW)
    s.demo.fill(members=300, years=3)
    s.backups.snapshot("thu-cong")
    s.backups.snapshot("truoc-nhap")
    values = {m.id: (m.cccd, m.phone) for m in s.members.list(include_former=True)}
    s.close()
    return paths.database, values


def _copy(database: Path, folder: Path) -> AppPaths:
    shutil.copytree(database.parent, folder)
    return AppPaths.for_database(folder / database.name)


def _stored(database: Path) -> tuple[bool, list[tuple[str, str]]]:
    with closing(sqlite3.connect(database)) as conn:
        has_row = conn.execute("SELECT count(*) FROM security").fetchone()[0] == 1
        return has_row, conn.execute("SELECT cccd, phone FROM member ORDER BY id").fetchall()


def test_set_password_killed_anywhere_is_all_or_nothing(branch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, values = branch
    timing = _copy(database, tmp_path / "timing")
    # x1.5: the kill runs share 2 cores with other work; the last kill points must still land in the wipe.
    span = run_to_done(["setpw", str(timing.database), PASSWORD]) * 1.5
    outcomes = {"none": 0, "all": 0}
    for n, delay in enumerate(spread(KILLS_SET_PASSWORD, span)):
        paths = _copy(database, tmp_path / f"kill-{n}")
        shoot(["setpw", str(paths.database), PASSWORD], delay)
        assert integrity(paths.database) == "ok"
        has_row, rows = _stored(paths.database)
        clear = [(c, p) for c, p in rows if not c.startswith("enc1:") and not p.startswith("enc1:")]
        s = open_services(paths, now=lambda: NOW, backup_on_start=False)
        try:
            if not has_row:
                assert len(clear) == len(rows), "a killed set-password left some numbers encrypted without a key"
                assert {m.id: (m.cccd, m.phone) for m in s.members.list(include_former=True)} == values
                outcomes["none"] += 1
                continue
            assert all(c.startswith("enc1:") or not c for c, _ in rows), "a mixture of clear and encrypted rows"
            s.security.unlock(PASSWORD)  # finishes the wipe the kill interrupted
            assert {m.id: (m.cccd, m.phone) for m in s.members.list(include_former=True)} == values
            secrets = private_values(s)
            assert s.security.status().fields_encrypted and not s.security.status().purge_pending
        finally:
            s.close()
        files = [paths.database, *paths.backups.glob("*.sqlite3")]
        assert leaks(secrets, files) == []
        for backup in paths.backups.glob("*.sqlite3"):
            check_backup(backup, latest_version=LATEST_VERSION)
        outcomes["all"] += 1
    assert outcomes["none"] >= 1 and outcomes["all"] >= 1, outcomes


def test_encrypted_usb_backup_killed_anywhere_leaves_only_complete_copies(branch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, _ = branch
    paths = _copy(database, tmp_path / "db")
    with closing(sqlite3.connect(paths.database)) as conn:
        expected = table_counts(conn)
    usb = tmp_path / "usb"
    usb.mkdir()
    timing = tmp_path / "timing-usb"
    s = open_services(paths, now=lambda: NOW, backup_on_start=False)
    started = time.perf_counter()
    s.backups.backup_to(timing, password="usb-pass")
    span = (time.perf_counter() - started) * 4
    s.close()
    complete = 0
    for delay in spread(KILLS_ENCRYPTED_USB, span):
        shoot(["usbenc", str(paths.database), str(usb), "usb-pass"], delay)
        assert integrity(paths.database) == "ok"
        for copy in (p for p in usb.iterdir() if not p.name.startswith(TEMP_PREFIX)):
            assert copy.name.endswith(".mahoa")
            _, plain = decrypt_backup(copy.read_bytes(), "usb-pass")
            inner = tmp_path / "inner.sqlite3"
            inner.write_bytes(plain)
            check_backup(inner, latest_version=LATEST_VERSION, expected_counts=expected)
            inner.unlink()
            copy.unlink()
            complete += 1
        assert all(p.name.startswith(TEMP_PREFIX) for p in usb.iterdir())
    assert complete >= 1
