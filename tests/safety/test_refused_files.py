"""Files that must never become a new branch or be touched: an emptied or cut-short database, a foreign file.

Issue #16 findings 1 and 4: a 0-byte ``sochibo.sqlite3`` with good backups beside it was silently
recreated as an empty branch; a foreign SQLite file was refused only after its header had been
switched to WAL. Both are checked here on real files, byte for byte.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.cli.main import main
from app.config import AppPaths
from app.domain.errors import StorageError


def run(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _branch_with_backups(paths: AppPaths, count: int = 3) -> list[Path]:
    """A demo branch with *count* verified backups taken on three different days (newest last)."""
    taken = []
    for day in range(count):
        s = open_services(paths, now=lambda day=day: datetime(2026, 11, 20 + day, 9, 0), backup_on_start=False)
        try:
            if day == 0:
                s.demo.fill(members=10, years=1)
            taken.append(s.backups.snapshot("thu-cong"))
        finally:
            s.close()
    return taken


def _stat(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_an_emptied_database_is_refused_in_the_cli_and_names_the_newest_backup(capsys, paths: AppPaths) -> None:
    backups = _branch_with_backups(paths)
    paths.database.write_bytes(b"")  # what a crash or a bad copy leaves
    for side in ("-wal", "-shm"):
        Path(f"{paths.database}{side}").unlink(missing_ok=True)
    code, out, err = run(capsys, paths.database, "members", "list")
    assert code == 1 and out == ""
    assert "bị hỏng" in err and "tệp rỗng" in err
    assert str(backups[-1]) in err and "restore" in err  # the newest good backup and how to restore it
    assert paths.database.read_bytes() == b""  # never rewritten as a new database
    assert not Path(f"{paths.database}-wal").exists()
    # ... and the named command does bring the members back, keeping the emptied file aside.
    code, out, err = run(capsys, paths.database, "restore", str(backups[-1]))
    assert code == 0, err
    code, out, _ = run(capsys, paths.database, "members", "list")
    assert code == 0 and "Tổng số: 10 đồng chí" in out
    assert [p.stat().st_size for p in paths.backups.glob("*.tep-hong")] == [0]


def test_a_database_cut_short_is_refused_and_unchanged(capsys, paths: AppPaths) -> None:
    backups = _branch_with_backups(paths, count=1)
    whole = paths.database.read_bytes()
    assert len(whole) > 3 * 4096
    for cut in (50, 4096 * 2):  # inside the header; inside the pages
        paths.database.write_bytes(whole[:cut])
        before = _stat(paths.database)
        code, _, err = run(capsys, paths.database, "members", "list")
        assert code == 1 and "bị cắt cụt" in err and str(backups[0]) in err, err
        assert _stat(paths.database) == before


def test_an_emptied_database_without_backups_is_not_silently_replaced(capsys, paths: AppPaths) -> None:
    paths.database.parent.mkdir(parents=True)
    paths.database.write_bytes(b"")
    code, _, err = run(capsys, paths.database, "demo")
    assert code == 1 and "tệp rỗng" in err and "Không tìm thấy bản sao lưu" in err
    assert paths.database.read_bytes() == b""


def test_the_window_offers_the_backup_for_an_emptied_database(qtbot, paths: AppPaths, monkeypatch) -> None:
    import ui.widgets.prompts as prompts
    from ui.launcher import open_or_recover

    _branch_with_backups(paths)
    paths.database.write_bytes(b"")
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_yes_no", lambda parent, text, **kw: asked.append(text) or False)
    assert open_or_recover(paths) is None  # declined: nothing touched
    assert paths.database.read_bytes() == b"" and "10 đảng viên" in asked[0] and "tệp rỗng" in asked[0]
    monkeypatch.setattr(prompts, "ask_yes_no", lambda parent, text, **kw: True)
    monkeypatch.setattr(prompts, "show_info", lambda parent, text, title="": None)
    services = open_or_recover(paths)
    assert services is not None
    try:
        assert len(services.members.all()) == 10
    finally:
        services.close()


def test_the_window_starts_a_new_branch_only_when_asked(qtbot, paths: AppPaths, monkeypatch) -> None:
    import ui.widgets.prompts as prompts
    from ui.launcher import open_or_recover

    paths.database.parent.mkdir(parents=True)
    paths.database.write_bytes(b"")
    answers = iter([False, True])
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(prompts, "ask_yes_no", lambda parent, text, **kw: asked.append(kw["yes"]) or next(answers))
    monkeypatch.setattr(prompts, "show_info", lambda parent, text, title="": told.append(text))
    assert open_or_recover(paths) is None and paths.database.read_bytes() == b""
    services = open_or_recover(paths)
    assert services is not None
    services.close()
    assert asked == ["Bắt đầu chi bộ mới"] * 2
    (aside,) = paths.backups.glob("*.tep-hong")
    assert aside.read_bytes() == b"" and str(aside) in told[0]  # kept, not deleted


def _foreign(path: Path, *, wal: bool = False, app_id: int = 0) -> Path:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    if app_id:
        conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.executemany("INSERT INTO contacts VALUES (?, ?)", [("An", "0901"), ("Bình", "0902")])
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["rollback", "wal", "other_app_id", "user_version_only"])
def test_a_foreign_sqlite_file_is_refused_byte_for_byte_unchanged(capsys, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "danh-ba.sqlite3"
    _foreign(path, wal=kind == "wal", app_id=0x41424344 if kind == "other_app_id" else 0)
    if kind == "user_version_only":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 2")  # looks like one of our versions, but no application id
        conn.close()
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    before = _stat(path)
    for args in (
        ["members", "list"],
        ["demo"],
        ["backup"],
        ["members", "add", "--name", "A B", "--born", "01/01/1980", "--joined", "01/01/2010"],
    ):
        code, _, err = run(capsys, path, *args)
        assert code == 1 and "không phải là dữ liệu Sổ Chi bộ" in err, err
        assert _stat(path) == before, args
    with pytest.raises(StorageError) as caught:
        open_services(AppPaths.for_database(path))
    assert caught.value.code == "not_a_database"
    assert _stat(path) == before
    assert not Path(f"{path}-wal").exists() or kind == "wal"
    assert not Path(f"{path}.lock").exists()  # nothing created beside it either


def test_a_blank_sqlite_file_and_a_missing_file_become_a_new_branch(tmp_path: Path) -> None:
    blank = tmp_path / "trong.sqlite3"
    sqlite3.connect(blank).execute("PRAGMA user_version = 0").connection.close()  # a file with no tables
    for path in (blank, tmp_path / "moi" / "sochibo.sqlite3"):
        s = open_services(AppPaths.for_database(path), backup_on_start=False)
        try:
            assert s.branch.is_empty() and s.ctx.db.application_id() != 0
        finally:
            s.close()
