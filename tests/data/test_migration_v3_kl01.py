"""v2 -> v3 (KL 01 tables): a file the v2 build really wrote upgrades, keeps everything, is backed up first,
and takes plans, reports, models and awards afterwards; a failure in the step leaves v2 as it was."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.config import AppPaths
from app.domain.kl01 import RecognitionKind, ReviewResult, ReviewStage
from data.db import Database
from data.migrations import MIGRATIONS, m0003_kl01, migrate, schema_version

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOW = datetime(2026, 11, 22, 9, 30)


def _v2(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "sochibo.sqlite3"
    target.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "sochibo_v2.sqlite3", target)
    return target


def test_upgrade_from_v2_keeps_the_records_and_adds_the_kl01_tables(tmp_path: Path) -> None:
    path = _v2(tmp_path)
    s = open_services(AppPaths.for_database(path), now=lambda: NOW)
    try:
        assert schema_version(s.ctx.db) >= m0003_kl01.VERSION
        assert sorted(m.full_name for m in s.members.all()) == ["Lê Đức Thọ", "Nguyễn Văn An", "Trần Thị Ánh"]
        assert s.meetings.get(1).opinions[0].speaker_name == "Trần Thị Ánh"
        assert s.kl01.year(2026).plans == {}  # nothing invented by the upgrade
        plan = s.kl01.set_plan(2, 2026, ["Đi họp đúng giờ"], signed_on=date(2026, 2, 1))
        s.kl01.review(2, 2026, ReviewStage.YEAR_END, ReviewResult.DONE)
        s.kl01.add_recognition(2026, RecognitionKind.MODEL, "Tủ sách Lời Bác dạy")
        s.kl01.add_award(2026, "Giấy khen", "Đảng ủy phường", date(2026, 5, 19), member_id=2)
        record = s.kl01.year(2026)
        assert record.plans[2].id == plan.id and record.plans[2].year_end is ReviewResult.DONE
        assert [a.member_name for a in record.awards] == ["Trần Thị Ánh"]
    finally:
        s.close()
    backups = list((tmp_path / "data" / "sao-luu").glob("*.sqlite3"))
    assert len(backups) == 1 and "v2" in backups[0].name
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 2
        tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "kl01_plan" not in tables


def test_a_failed_v3_step_leaves_the_v2_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database.open(_v2(tmp_path))
    step = MIGRATIONS.index(m0003_kl01)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute(m0003_kl01.STATEMENTS[0])
        raise sqlite3.OperationalError("simulated failure in the middle of v3")

    monkeypatch.setattr(MIGRATIONS[step], "upgrade", broken)
    with pytest.raises(sqlite3.OperationalError):
        migrate(db)
    assert schema_version(db) == 2
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "kl01_plan" not in tables
    db.close()
