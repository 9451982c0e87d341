"""The program password: CCCD and phone encrypted in the file and in every backup, the recovery code,
locked reads that never overwrite, import matching by keyed digest, and USB backups with a password."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.bootstrap import Services, open_services
from app.domain import error_text
from app.domain.errors import StorageError, ValidationError
from tests.conftest import NOW, db_fingerprint
from tests.exporters import xlsx_samples
from tests.security.helpers import PASSWORD, leaks, private_values


def _set_password(s: Services, password: str = PASSWORD) -> str:
    plan = s.security.plan(password, password)
    s.security.set_password(plan)
    return plan.recovery_code


def _reopen(s: Services) -> Services:
    paths = s.paths
    s.close()
    return open_services(paths, now=lambda: NOW, backup_on_start=False)


def test_with_a_password_no_file_holds_a_cccd_or_phone_in_any_encoding(demo: Services, tmp_path: Path) -> None:
    values = private_values(demo)
    demo.backups.snapshot("thu-cong")  # a backup taken before the password: it is resealed too
    before = leaks(values, [demo.paths.database, *demo.paths.backups.iterdir()])
    assert before, "the plain file must hold the numbers, or this test proves nothing"
    _set_password(demo)
    assert demo.security.status().fields_encrypted
    usb = tmp_path / "usb"
    demo.backups.backup_to(usb, password="mat khau usb")
    demo.backups.backup_to(usb / "plain", encrypt=False)  # even an unencrypted copy keeps the fields sealed
    demo.backups.snapshot("thu-cong")
    s = _reopen(demo)
    s.close()
    files = [s.paths.database, *s.paths.backups.iterdir(), *usb.rglob("*.*")]
    assert len(files) >= 6
    assert leaks(values, files) == []


def test_the_data_opens_with_the_password_and_a_wrong_one_changes_nothing(demo: Services) -> None:
    values = {m.id: (m.cccd, m.phone) for m in demo.members.list(include_former=True)}
    _set_password(demo)
    s = _reopen(demo)
    try:
        assert s.security.status().password_set and not s.security.status().unlocked
        locked = {m.id: (m.cccd, m.phone) for m in s.members.list(include_former=True)}
        assert set(locked.values()) == {("", "")}  # locked: the numbers read as blank, the rest is readable
        before = db_fingerprint(s.paths.database)
        with pytest.raises(StorageError) as wrong:
            s.security.unlock("mat khau sai")
        assert "Mật khẩu không đúng" in error_text.describe(wrong.value)
        assert db_fingerprint(s.paths.database) == before
        s.security.unlock(PASSWORD)
        assert {m.id: (m.cccd, m.phone) for m in s.members.list(include_former=True)} == values
    finally:
        s.close()


def test_locked_edits_keep_the_sealed_numbers_and_refuse_new_ones(demo: Services) -> None:
    first = demo.members.list()[0]
    _set_password(demo)
    s = _reopen(demo)
    try:
        member = s.members.get(first.id)
        assert member.cccd == ""
        s.members.update(_renamed(member, "Ghi chú khi đang khóa"))  # other fields still editable
        with pytest.raises(StorageError) as locked:
            s.members.update(_with_cccd(s.members.get(first.id), "012345678901"))
        assert locked.value.code == "fields_locked"
        s.security.unlock(PASSWORD)
        again = s.members.get(first.id)
        assert (again.cccd, again.phone, again.note) == (first.cccd, first.phone, "Ghi chú khi đang khóa")
    finally:
        s.close()


def _renamed(m, note: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(m, note=note)


def _with_cccd(m, cccd: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(m, cccd=cccd)


def test_the_recovery_code_opens_the_data_and_sets_a_new_password(demo: Services) -> None:
    first = demo.members.list()[0]
    code = _set_password(demo)
    s = _reopen(demo)
    try:
        with pytest.raises(StorageError) as wrong:
            s.security.recover("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "mat khau moi", "mat khau moi")
        assert wrong.value.code == "wrong_recovery_code"
        with pytest.raises(ValidationError):
            s.security.recover("ngắn", "mat khau moi", "mat khau moi")
        typed = code.lower().replace("-", " ")  # as typed back from paper: case and separators do not matter
        s.security.recover(typed, "mat khau moi", "mat khau moi")
        assert s.members.get(first.id).cccd == first.cccd
    finally:
        s.close()
    s = open_services(s.paths, now=lambda: NOW, backup_on_start=False)
    try:
        with pytest.raises(StorageError):
            s.security.unlock(PASSWORD)  # the old password no longer opens it
        s.security.unlock("mat khau moi")
        assert s.members.get(first.id).cccd == first.cccd
        s.security.change_password("mat khau moi", "mat khau thu ba", "mat khau thu ba")
    finally:
        s.close()


def test_a_new_password_is_checked_before_anything_is_written(demo: Services) -> None:
    before = db_fingerprint(demo.paths.database)
    with pytest.raises(ValidationError) as short:
        demo.security.plan("ngan", "ngan")
    assert "ít nhất 8 ký tự" in error_text.describe(short.value)
    with pytest.raises(ValidationError) as differ:
        demo.security.plan("mat khau 1", "mat khau 2")
    assert "không giống nhau" in error_text.describe(differ.value)
    assert db_fingerprint(demo.paths.database) == before
    _set_password(demo)
    with pytest.raises(StorageError):
        demo.security.plan("mat khau khac", "mat khau khac")


def test_duplicate_cccd_and_import_matching_work_through_the_keyed_digest(demo: Services, tmp_path: Path) -> None:
    from app.services.members import member_from_fields

    _set_password(demo)
    target = demo.members.list()[3]
    with pytest.raises(ValidationError) as dup:
        demo.members.add(
            member_from_fields({"full_name": "Người Trùng Số", "date_of_birth": "01/01/1980",
                                "joined_on": "01/01/2010", "cccd": target.cccd})
        )  # fmt: skip
    assert dup.value.field_errors == {"cccd": "duplicate"}
    header = ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Số CCCD", "Ghi chú"]
    sheet = xlsx_samples.member_list(
        tmp_path / "ds.xlsx",
        [[1, "Tên Gõ Khác Hẳn", date(1950, 1, 1), date(2000, 1, 1), target.cccd, "Khớp theo CCCD"]],
        header,
    )
    report = demo.importer.run(sheet)
    assert report.applied and not report.added and [r.member.id for r in report.updated] == [target.id]
    assert demo.members.get(target.id).full_name == "Tên Gõ Khác Hẳn"
    with sqlite3.connect(demo.paths.database) as raw:
        stored = raw.execute("SELECT cccd, cccd_digest FROM member WHERE id = ?", (target.id,)).fetchone()
    assert stored[0].startswith("enc1:") and len(stored[1]) == 64 and target.cccd not in stored[1]


def test_a_usb_backup_restores_with_its_password_and_refuses_a_wrong_one(demo: Services, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    check = demo.backups.backup_to(usb, password="mat khau usb")
    (copy,) = usb.iterdir()
    assert copy.name.endswith(".sqlite3.mahoa") and check.members == 24
    head = copy.read_bytes()[:1200]
    assert head.startswith(b"SOCHIBO-ENCRYPTED-BACKUP/1\n") and "Sổ Chi bộ".encode() in head
    assert b"SQLite format 3" not in copy.read_bytes()
    with pytest.raises(StorageError) as needs:
        demo.backups.backup_to(usb / "x")
    assert needs.value.code == "backup_needs_password" and not (usb / "x").exists()
    first = demo.members.list()[0]
    demo.members.update(_renamed(first, "Sửa sau khi sao lưu"))
    before = db_fingerprint(demo.paths.database)
    for wrong in (None, "mat khau sai"):
        with pytest.raises(StorageError) as refused:
            demo.backups.restore(copy, wrong)
        assert refused.value.code in ("backup_needs_password", "backup_wrong_password")
        assert db_fingerprint(demo.paths.database) == before
    tampered = tmp_path / "tampered.mahoa"
    blob = bytearray(copy.read_bytes())
    blob[blob.index(b'"members": 24') + 12] = ord("5")  # the header is authenticated with the data
    tampered.write_bytes(bytes(blob))
    with pytest.raises(StorageError):
        demo.backups.restore(tampered, "mat khau usb")
    assert db_fingerprint(demo.paths.database) == before
    demo.backups.restore(copy, "mat khau usb")
    s = _reopen(demo)
    try:
        assert s.members.get(first.id).note == first.note
    finally:
        s.close()


def test_the_recovery_sheet_is_a_word_page_with_the_code(demo: Services, tmp_path: Path) -> None:
    from docx import Document

    plan = demo.security.plan(PASSWORD, PASSWORD)
    out = demo.security.write_recovery_sheet(plan, tmp_path / "to-ma-khoi-phuc.docx")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert plan.recovery_code in text and "TỜ MÃ KHÔI PHỤC" in text and "sổ biên bản" in text
    assert demo.security.status().password_set is False  # writing the sheet sets nothing
    assert "***" in repr(plan) and plan.recovery_code not in repr(plan)


def test_exports_refuse_cccd_while_locked_instead_of_writing_blanks(demo: Services, tmp_path: Path) -> None:
    _set_password(demo)
    s = _reopen(demo)
    try:
        with pytest.raises(StorageError) as locked:
            s.summary.export_roster(tmp_path / "ds.xlsx", with_cccd=True)
        assert locked.value.code == "fields_locked" and not (tmp_path / "ds.xlsx").exists()
        s.summary.export_roster(tmp_path / "ds.xlsx")  # without the numbers it works while locked
        s.security.unlock(PASSWORD)
        s.summary.export_roster(tmp_path / "ds-cccd.xlsx", with_cccd=True)
    finally:
        s.close()
