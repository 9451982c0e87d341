"""Schema migrations: contiguous versions, upgrade of a real v1 file, rollback, refusal of foreign/newer files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.config import AppPaths
from app.domain.errors import StorageError
from data import migrations
from data.db import APPLICATION_ID, Database
from data.migrations import LATEST_VERSION, MIGRATIONS, DatabaseTooNewError, migrate, schema_version

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _fixture(tmp_path: Path, version: int) -> Path:
    target = tmp_path / "data" / "sochibo.sqlite3"
    target.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / f"sochibo_v{version}.sqlite3", target)
    return target


def test_versions_are_contiguous() -> None:
    assert [m.VERSION for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_every_released_version_but_the_latest_has_a_fixture_file() -> None:
    """Picard's meta-test: an upgrade step without a file of the version before it is untested."""
    for step in MIGRATIONS[1:]:
        assert (FIXTURES / f"sochibo_v{step.VERSION - 1}.sqlite3").exists(), f"missing fixture for v{step.VERSION - 1}"


def test_upgrade_from_v1_keeps_everything_backs_up_and_indexes(tmp_path: Path) -> None:
    db_path = _fixture(tmp_path, 1)
    services = open_services(AppPaths.for_database(db_path))
    try:
        assert schema_version(services.ctx.db) == LATEST_VERSION
        names = [m.full_name for m in services.members.all()]
        assert sorted(names) == ["Lê Đức Thọ", "Nguyễn Văn An", "Trần Thị Ánh"]
        meeting = services.meetings.get(1)
        assert meeting.opinions[0].speaker_name == "Trần Thị Ánh"
        assert {a.code.value for a in meeting.attendance} == {"mien_sh", "co_mat", "vang_khong_ly_do"}
        assert meeting.content_hash == ""  # v1 had no seal; drafts stay unsealed
        assert services.branch.profile().branch_name == "CHI BỘ KHU PHỐ 3"
        # v2 added the search index: the upgrade filled it from what v1 held.
        hits = services.search.search("dan van khu pho")
        assert [(h.kind, h.id) for h in hits] == [("meeting", 1)]
        assert services.topics.list(2025)[0].assignees[0].name == "Trần Thị Ánh"
    finally:
        services.close()
    backups = list((tmp_path / "data" / "sao-luu").glob("*.sqlite3"))
    assert len(backups) == 1 and "v1" in backups[0].name
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT count(*) FROM member").fetchone()[0] == 3


def test_failed_step_rolls_back_to_the_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database.open(_fixture(tmp_path, 1))

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("simulated failure in the middle of a migration")

    monkeypatch.setattr(MIGRATIONS[1], "upgrade", broken)
    with pytest.raises(sqlite3.OperationalError):
        migrate(db)
    assert schema_version(db) == 1
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables and "change_log" not in tables
    assert db.conn.execute("SELECT count(*) FROM member").fetchone()[0] == 3
    db.close()


def test_refuses_a_file_from_a_newer_release_and_leaves_it_untouched(tmp_path: Path) -> None:
    path = tmp_path / "data" / "sochibo.sqlite3"
    s = open_services(AppPaths.for_database(path))
    s.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_services(AppPaths.for_database(path))
    assert caught.value.code == "database_too_new"
    assert path.read_bytes() == before
    db = Database.open(path)
    with pytest.raises(DatabaseTooNewError):
        migrations.migrate(db)
    db.close()


def test_refuses_a_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as caught:
        open_services(AppPaths.for_database(path))
    assert caught.value.code == "not_a_database"
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["contacts"]
    conn.close()


def test_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 50)
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_services(AppPaths.for_database(path))
    assert caught.value.code == "not_a_database"
    assert path.read_bytes() == before


def test_new_database_is_marked_as_ours(services) -> None:
    assert services.ctx.db.application_id() == APPLICATION_ID
    assert schema_version(services.ctx.db) == LATEST_VERSION
    pragmas = services.ctx.db.conn
    assert pragmas.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert pragmas.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert pragmas.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_upgrade_from_v4_adds_edit_versions_and_starts_the_record_with_the_first_meeting(tmp_path: Path) -> None:
    db_path = _fixture(tmp_path, 4)
    services = open_services(AppPaths.for_database(db_path))
    try:
        assert schema_version(services.ctx.db) == LATEST_VERSION
        members = services.members.all()
        assert len(members) == 3 and {m.version for m in members} == {1}
        assert services.meetings.get(1).version == 1
        # The v4 file's first meeting was on 05/03/2025: its record starts with that month, not 1985.
        assert services.branch.profile().record_start.isoformat() == "2025-03-01"
        assert services.branch.profile().branch_name == "CHI BỘ KHU PHỐ 3"
    finally:
        services.close()
    backups = list((tmp_path / "data" / "sao-luu").glob("*.sqlite3"))
    assert len(backups) == 1 and "v4" in backups[0].name
