"""Backups and restore through BackupService and open_services, on real database files."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.bootstrap import Services, open_services, reopen
from app.config import AppPaths
from app.domain import retention
from app.domain.backup_info import backup_name, parse_backup_name
from app.domain.error_text import describe
from app.domain.errors import ExportError, StorageError
from app.domain.membership import Member
from app.services import backups as backup_service
from data import backup as store
from data.migrations import LATEST_VERSION
from tests.conftest import NOW, db_fingerprint
from tests.safety.safety_helpers import counts, damage, integrity

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def add_member(s: Services, name: str = "Lê Văn Mới") -> Member:
    return s.members.add(Member(full_name=name, date_of_birth=date(1980, 1, 1), joined_on=date(2010, 1, 1)))


# --------------------------------------------------------------------------- automatic backups
def test_auto_backup_only_when_something_changed(services: Services) -> None:
    assert services.backups.auto_backup() is None  # nothing typed yet: nothing to protect
    services.demo.fill()
    first = services.backups.auto_backup()
    assert first is not None and first.exists()
    assert services.backups.auto_backup() is None  # unchanged since that backup
    add_member(services)
    second = services.backups.auto_backup()
    assert second is not None and second != first
    assert counts(second)["member"] == counts(first)["member"] + 1
    assert [b.path for b in services.backups.list()] == [second, first]


def test_the_change_log_tells_a_write_after_the_backup(demo: Services) -> None:
    """The start-up check reads the change log's last id and each table's last rowid, not row counts:
    an update in the middle of a table (no new row anywhere but the log) must still call for a backup."""
    first = demo.backups.auto_backup()
    assert first is not None
    assert not demo.backups.changed_since_last_backup()
    assert demo.backups.auto_backup() is None  # no write: no new backup
    member = demo.members.all()[3]
    log_before = store.content_mark(demo.ctx.db.conn)
    demo.members.update(replace(member, phone="0912 345 678"))  # same rows, one more change_log row
    assert store.content_mark(demo.ctx.db.conn) != log_before
    assert demo.backups.changed_since_last_backup()
    second = demo.backups.snapshot("sau-sua")
    assert second != first and not demo.backups.changed_since_last_backup()
    assert store.content_mark_of(second) == store.content_mark(demo.ctx.db.conn)


def test_the_mark_includes_the_schema_version(demo: Services) -> None:
    conn = demo.ctx.db.conn
    before = store.content_mark(conn)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {version + 1}")
    try:
        assert store.content_mark(conn) != before
    finally:
        conn.execute(f"PRAGMA user_version = {version}")
    assert store.content_mark(conn) == before


def test_profile_and_setting_changes_count_as_changes(demo: Services) -> None:
    demo.backups.auto_backup()
    demo.branch.set_setting("default_place", "Hội trường mới")  # not in the change log
    assert demo.backups.changed_since_last_backup()


def test_start_up_backs_up_changed_data_without_writing_to_the_database(demo: Services, paths: AppPaths) -> None:
    demo.close()
    before = db_fingerprint(paths.database)
    s = open_services(paths, now=lambda: NOW)
    try:
        assert s.startup_backup is not None and s.backup_problem is None
        check = store.check_backup(s.startup_backup, latest_version=LATEST_VERSION)
        assert check.counts == store.table_counts(s.ctx.db.conn)
    finally:
        s.close()
    assert db_fingerprint(paths.database) == before
    s = open_services(paths, now=lambda: NOW)  # nothing changed since: no second backup
    s.close()
    assert s.startup_backup is None and len(backup_service.list_backups(paths)) == 1


def test_a_failed_start_up_backup_is_reported_not_fatal(demo: Services, paths: AppPaths) -> None:
    demo.close()
    paths.backups.parent.mkdir(parents=True, exist_ok=True)
    paths.backups.write_text("a file where the folder should be")
    s = open_services(paths, now=lambda: NOW)
    try:
        assert s.backup_problem is not None and s.backup_problem.code == "backup_failed"
        assert "Không sao lưu được" in describe(s.backup_problem)
        assert s.members.list()  # the program works on
    finally:
        s.close()


def test_upgrading_an_old_file_backs_up_once_before_the_upgrade(tmp_path: Path) -> None:
    target = tmp_path / "data" / "sochibo.sqlite3"
    target.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "sochibo_v1.sqlite3", target)
    s = open_services(AppPaths.for_database(target))
    s.close()
    found = backup_service.list_backups(s.paths)
    assert [b.label for b in found] == ["v1-truoc-nang-cap"]
    assert s.startup_backup == found[0].path
    assert found[0].label_text == "Trước khi nâng cấp dữ liệu"


def test_half_written_backups_from_a_crash_are_cleaned_and_never_listed(demo: Services) -> None:
    folder = demo.backups.folder
    folder.mkdir(parents=True, exist_ok=True)
    stem = demo.paths.database.stem
    (folder / f"{stem}-20261120-101010-khoi-dong.sqlite3.part").write_bytes(b"half")
    (folder / f"{stem}-20261120-101010-khoi-dong.sqlite3.part-journal").write_bytes(b"half")
    assert demo.backups.list() == []
    demo.backups.auto_backup()
    assert sorted(p.name.endswith(".part") or "part-" in p.name for p in folder.iterdir()) == [False]


# --------------------------------------------------------------------------- thinning
def test_thinning_deletes_only_what_the_policy_drops_and_only_our_files(demo: Services) -> None:
    real = demo.backups.snapshot("thu-cong")
    folder, stem = real.parent, demo.paths.database.stem
    times = [NOW - timedelta(hours=7 * i + 1) for i in range(1, 300)]  # ~ 3 months, every 7 hours
    for at in times:
        shutil.copyfile(real, folder / backup_name(stem, at, "khoi-dong"))
    strangers = [folder / "ghi-chu.txt", folder / f"khac-{NOW:%Y%m%d-%H%M%S}-khoi-dong.sqlite3"]
    for path in strangers:
        path.write_text("not ours")
    demo.backups.thin()
    left = {parse_backup_name(stem, p.name)[0] for p in folder.iterdir() if parse_backup_name(stem, p.name)}
    assert left == retention.keep([*times, NOW], NOW)
    assert all(p.exists() for p in strangers)
    assert len(left) <= retention.DEFAULT_POLICY.ceiling


# --------------------------------------------------------------------------- backup to a folder (USB)
def test_backup_to_a_folder_is_verified_and_named_for_the_database(demo: Services, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    check = demo.backups.backup_to(usb, encrypt=False)
    assert check.path.parent == usb and check.path.exists()
    assert check.counts == store.table_counts(demo.ctx.db.conn)
    assert parse_backup_name(demo.paths.database.stem, check.path.name) is not None
    assert integrity(check.path) == "ok"
    assert [p.name for p in usb.iterdir()] == [check.path.name]  # no temp files left


def test_backup_to_a_read_only_folder_says_so_and_leaves_nothing(demo: Services, tmp_path, monkeypatch) -> None:
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(30, "Read-only file system")  # EROFS: root ignores chmod, so the OS is simulated

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as caught:
        demo.backups.backup_to(usb, encrypt=False)
    assert caught.value.code == "read_only"
    assert list(usb.iterdir()) == []


def test_a_copy_that_reads_back_wrong_is_removed(demo: Services, tmp_path, monkeypatch) -> None:
    from app.services import backups as module

    real_write = module.atomic_write_bytes

    def flaky_stick(path: Path, data: bytes) -> Path:
        return real_write(path, data[: len(data) // 2])  # the stick lost half of it

    monkeypatch.setattr(module, "atomic_write_bytes", flaky_stick)
    usb = tmp_path / "usb"
    with pytest.raises(ExportError) as caught:
        demo.backups.backup_to(usb, encrypt=False)
    assert caught.value.code == "copy_unverified"
    assert list(usb.iterdir()) == []
    assert "USB" in describe(caught.value)


# --------------------------------------------------------------------------- validation
def _foreign_sqlite(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
    return path


def _too_new(path: Path, source: Path) -> Path:
    shutil.copyfile(source, path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    return path


def test_validation_refuses_every_kind_of_wrong_file(demo: Services, tmp_path: Path) -> None:
    good = demo.backups.snapshot("thu-cong")
    damaged = tmp_path / "hong.sqlite3"
    shutil.copyfile(good, damaged)
    damage(damaged)
    docx = tmp_path / "bien-ban.sqlite3"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 5000)
    empty = tmp_path / "rong.sqlite3"
    empty.write_bytes(b"")
    cases = {
        "backup_missing": [tmp_path / "khong-co.sqlite3", tmp_path],
        "backup_not_ours": [docx, empty, _foreign_sqlite(tmp_path / "contacts.sqlite3")],
        "backup_damaged": [damaged],
        "backup_too_new": [_too_new(tmp_path / "moi.sqlite3", good)],
    }
    before = db_fingerprint(demo.paths.database)
    for code, files in cases.items():
        for file in files:
            with pytest.raises(StorageError) as caught:
                demo.backups.validate(file)
            assert caught.value.code == code, file
            assert describe(caught.value).startswith(("Tệp", "Không")), describe(caught.value)
            with pytest.raises(StorageError):
                demo.backups.restore(file)
    assert db_fingerprint(demo.paths.database) == before
    assert not list(demo.paths.database.parent.glob(".~restore-*"))  # staging copies are cleaned up
    assert demo.backups.validate(good).members == counts(good)["member"]


# --------------------------------------------------------------------------- restore
def test_restore_replaces_everything_after_keeping_the_current_state(demo: Services) -> None:
    old = demo.backups.snapshot("thu-cong")
    old_counts = counts(old)
    newcomer = add_member(demo)
    result = demo.backups.restore(old)
    assert result.previous.exists() and counts(result.previous)["member"] == old_counts["member"] + 1
    fresh = reopen(demo)
    try:
        assert counts(fresh.paths.database) == old_counts
        assert newcomer.id not in {m.id for m in fresh.members.list(include_former=True)}
        assert fresh.ctx.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert fresh.ctx.db.integrity_check() == "ok"
        assert fresh.search.search("Thanh")  # the restored search index works
    finally:
        fresh.close()


def test_restore_of_an_older_version_is_upgraded_on_reopen(services: Services) -> None:
    v1 = FIXTURES / "sochibo_v1.sqlite3"
    services.backups.restore(v1)
    fresh = reopen(services)
    try:
        assert fresh.ctx.db.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert len(fresh.members.list(include_former=True)) == counts(v1)["member"]
    finally:
        fresh.close()


def test_a_restore_that_fails_part_way_changes_nothing(demo: Services, monkeypatch) -> None:
    old = demo.backups.snapshot("thu-cong")
    add_member(demo)
    before = db_fingerprint(demo.paths.database)

    def broken(conn: sqlite3.Connection, staging: Path) -> None:
        with closing(store.open_readonly(staging)) as src:
            src.backup(conn, pages=5, progress=lambda *a: (_ for _ in ()).throw(OSError("USB pulled")))

    monkeypatch.setattr(store, "restore_into", broken)
    with pytest.raises(OSError):
        demo.backups.restore(old)
    assert db_fingerprint(demo.paths.database) == before
    assert demo.ctx.db.integrity_check() == "ok"


# --------------------------------------------------------------------------- a damaged database
def test_a_damaged_database_is_never_written_and_the_newest_good_backup_is_offered(
    demo: Services, paths: AppPaths
) -> None:
    good = demo.backups.snapshot("thu-cong")
    broken_backup = paths.backups / backup_name(paths.database.stem, NOW + timedelta(minutes=5), "khoi-dong")
    shutil.copyfile(good, broken_backup)
    damage(broken_backup)  # the newest backup is damaged too: it must be skipped
    demo.close()
    damage(paths.database)
    before = paths.database.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_services(paths, now=lambda: NOW)
    assert caught.value.code == "database_damaged"
    assert paths.database.read_bytes() == before
    offer = backup_service.newest_good_backup(paths)
    assert offer is not None and offer.path == good
    result = backup_service.restore_damaged(paths, offer.path, now=datetime(2026, 11, 22, 10, 0))
    assert result.previous.read_bytes() == before  # the damaged file is kept aside, as it was
    s = open_services(paths, now=lambda: NOW)  # the lock was released by the failed open and the restore
    try:
        assert s.ctx.db.integrity_check() == "ok"
        assert counts(paths.database) == counts(good)
    finally:
        s.close()
    assert all(b.path != result.previous for b in backup_service.list_backups(paths))


def test_restore_damaged_refuses_while_the_program_has_the_database_open(demo: Services) -> None:
    good = demo.backups.snapshot("thu-cong")
    with pytest.raises(StorageError) as caught:
        backup_service.restore_damaged(demo.paths, good)
    assert caught.value.code == "database_locked"


# --------------------------------------------------------------------------- before an import
def test_an_import_is_preceded_by_a_verified_backup(demo: Services, tmp_path: Path) -> None:
    from tests.safety.hostile_files import good_member_list

    source = tmp_path / "danh-sach.xlsx"
    source.write_bytes(good_member_list())
    assert demo.importer.run(source, dry_run=True).added
    assert demo.backups.list() == []  # a dry run writes nothing, so needs no backup
    before = counts(demo.paths.database)
    report = demo.importer.run(source)
    assert report.applied
    (snapshot,) = demo.backups.list()
    assert snapshot.label == "truoc-nhap" and snapshot.label_text == "Trước khi nhập dữ liệu"
    assert counts(snapshot.path) == before  # the state just before the import, to go back to


def test_no_import_without_a_backup(demo: Services, tmp_path: Path) -> None:
    from tests.safety.hostile_files import good_member_list

    source = tmp_path / "danh-sach.xlsx"
    source.write_bytes(good_member_list())
    demo.paths.backups.write_text("a file where the backup folder should be")
    before = db_fingerprint(demo.paths.database)
    with pytest.raises(StorageError) as caught:
        demo.importer.run(source)
    assert caught.value.code == "backup_failed"
    assert db_fingerprint(demo.paths.database) == before
