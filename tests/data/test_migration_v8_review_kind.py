"""m0008: the meeting table rebuilt with the yearly review kind; a real v7 file upgraded, every row kept."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.bootstrap import open_services
from app.config import AppPaths
from app.domain.meeting_record import MeetingKind
from data.db import Database
from data.migrations import MIGRATIONS, migrate, schema_version

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: every table whose rows hang on a meeting (a CASCADE or SET NULL would have emptied them had the
#: rebuild run with foreign keys on)
CHILDREN = ("attendance", "opinion", "vote", "task", "correction", "topic_assignment")


def _v7_with_children(tmp_path: Path) -> Path:
    """The checked-in v7 file, plus a vote, a task, an addendum and a topic tied to its meeting (v7 SQL)."""
    target = tmp_path / "data" / "sochibo.sqlite3"
    target.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "sochibo_v7.sqlite3", target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    conn.execute("INSERT INTO vote (meeting_id, position, item, votes_for) VALUES (1, 0, 'Thông qua nghị quyết', 2)")
    conn.execute("INSERT INTO task (meeting_id, position, text, assignee_id) VALUES (1, 0, 'Thăm hộ nghèo', 2)")
    conn.execute(
        "INSERT INTO correction (meeting_id, on_date, reason, text) VALUES (1, '2025-03-10', 'Sai tên', 'Sửa')"
    )
    conn.execute("UPDATE topic_assignment SET meeting_id = 1 WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError):  # what v7 refuses and v8 must take
        conn.execute("INSERT INTO meeting (kind, on_date) VALUES ('kiem_diem', '2025-12-10')")
    conn.close()
    return target


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in ("meeting", *CHILDREN)}
    finally:
        conn.close()


def test_upgrade_from_v7_keeps_every_meeting_and_child_row_and_takes_a_review_meeting(tmp_path: Path) -> None:
    db_path = _v7_with_children(tmp_path)
    before = _snapshot(db_path)
    assert all(before[t] for t in ("meeting", *CHILDREN))  # something of each to lose
    assert before["topic_assignment"][0][-3] == 1  # meeting_id: ON DELETE SET NULL would clear it

    services = open_services(AppPaths.for_database(db_path))
    try:
        conn = services.ctx.db.conn
        assert schema_version(services.ctx.db) == 8
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # back on after the rebuild
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'meeting'")}
        assert "meeting_date" in indexes
        old = services.meetings.get(1)
        assert old.kind is MeetingKind.REGULAR and len(old.attendance) == 3 and old.votes[0].votes_for == 2
        assert old.corrections[0].reason == "Sai tên" and old.tasks[0].text == "Thăm hộ nghèo"
        after = _snapshot(db_path)
        for table in ("meeting", *CHILDREN):
            assert after[table] == before[table], table  # the same rows, ids and values

        draft = services.meetings.prepare(MeetingKind.YEARLY_REVIEW, date(2025, 12, 10))
        stored = services.meetings.create(draft)
        assert services.meetings.get(stored.id).kind is MeetingKind.YEARLY_REVIEW
        assert stored.agenda == services.ratings.review_agenda(2025) and "năm 2025" in stored.agenda[1]
    finally:
        services.close()


def test_a_rebuild_leaving_a_dangling_row_is_rolled_back_with_foreign_keys_on_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(_v7_with_children(tmp_path))

    def careless(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM meeting")  # no cascade with foreign keys off: the children now dangle

    step = SimpleNamespace(__name__="m_careless", VERSION=8, FOREIGN_KEYS_OFF=True, upgrade=careless)
    monkeypatch.setattr("data.migrations.MIGRATIONS", (*MIGRATIONS[:7], step))
    with pytest.raises(sqlite3.IntegrityError, match="foreign_key_check"):
        migrate(db)
    assert schema_version(db) == 7
    assert db.conn.execute("SELECT count(*) FROM meeting").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()
