"""v3 -> v4 (m0004_security): a file saved by the previous release upgrades, keeps its members' numbers
in the clear (no password yet), and can then take a password."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from app.bootstrap import open_services
from app.config import AppPaths
from data.migrations import LATEST_VERSION
from data.migrations import m0004_security as step
from tests.conftest import NOW

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def test_upgrade_from_the_previous_version_adds_the_security_table_and_digest(tmp_path: Path) -> None:
    previous = step.VERSION - 1
    target = tmp_path / "data" / "sochibo.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / f"sochibo_v{previous}.sqlite3", target)
    with sqlite3.connect(target) as old:
        before = old.execute("SELECT id, full_name, cccd, phone FROM member ORDER BY id").fetchall()
    s = open_services(AppPaths.for_database(target), now=lambda: NOW)
    try:
        assert s.ctx.db.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        status = s.security.status()
        assert not status.password_set and status.unlocked
        assert [(m.id, m.full_name, m.cccd, m.phone) for m in sorted(s.members.all(), key=lambda m: m.id)] == before
        plan = s.security.plan("mat khau 2026", "mat khau 2026")
        s.security.set_password(plan)
        assert s.security.status().fields_encrypted
    finally:
        s.close()
    assert any(f"v{previous}-truoc-nang-cap" in p.name for p in (tmp_path / "data" / "sao-luu").iterdir())
    with sqlite3.connect(target) as new:
        columns = {r[1] for r in new.execute("PRAGMA table_info(member)")}
        assert "cccd_digest" in columns
        assert new.execute("SELECT count(*) FROM security").fetchone()[0] == 1
