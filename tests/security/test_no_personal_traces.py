"""Nothing personal beyond the screen: crash logs mask long numbers, the search index never holds CCCD or
phone, CLI secrets come only from standard input, and wrong input gets one Vietnamese line."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from app.bootstrap import Services
from app.cli.main import main
from app.domain.redaction import redact_numbers
from tests.conftest import db_fingerprint
from tests.security.helpers import private_values


def test_long_numbers_are_masked_in_crash_logs(tmp_path: Path, monkeypatch) -> None:
    from ui import errors

    assert redact_numbers("CCCD 012345678901, ĐT 0912 345 678, +84912345678") == (
        "CCCD [số đã ẩn], ĐT [số đã ẩn], [số đã ẩn]"
    )
    assert (
        redact_numbers('File "x.py", line 1234, in save; member id 57')
        == 'File "x.py", line 1234, in save; member id 57'
    )
    errors.set_log_folder(tmp_path)
    try:
        raise ValueError("could not store 012345678901 for 0912345678")
    except ValueError as exc:
        errors.log_exception(exc)
    text = (tmp_path / errors.CRASH_LOG_NAME).read_text(encoding="utf-8")
    assert "ValueError" in text and "012345678901" not in text and "0912345678" not in text


def test_search_index_and_change_log_hold_no_cccd_or_phone(demo: Services) -> None:
    values = private_values(demo)
    with sqlite3.connect(demo.paths.database) as conn:
        rows = [
            str(r) for table in ("search_index", "change_log", "draft") for r in conn.execute(f"SELECT * FROM {table}")
        ]
    blob = "\n".join(rows).encode()
    assert [v for v, forms in values.items() if any(f in blob for f in forms)] == []


def run(capsys, monkeypatch, db: Path, stdin: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "chi-bo.sqlite3"
    assert main(["--db", str(path), "demo", "--members", "12", "--years", "1"]) == 0
    capsys.readouterr()
    return path


def test_cli_sets_the_password_from_stdin_and_reports_status(capsys, monkeypatch, db: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, monkeypatch, db, "", "security", "status", "--json")
    assert code == 0 and json.loads(out) == {"password_set": False, "fields_encrypted": False, "unlocked": True,
                                             "idle_minutes": 10}  # fmt: skip
    code, _, err = run(capsys, monkeypatch, db, "ngan\n", "security", "set-password", "--password-stdin")
    assert code == 1 and "ít nhất 8 ký tự" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, monkeypatch, db, "", "security", "set-password", "--password-stdin")
    assert code == 1 and "stdin" in err
    sheet = tmp_path / "to.docx"
    code, out, err = run(capsys, monkeypatch, db, "mat khau 2026\n", "security", "set-password", "--password-stdin",
                         "--sheet", str(sheet))  # fmt: skip
    assert code == 0, err
    recovery = out.strip().splitlines()[-1].rsplit(": ", 1)[1]
    assert "12 đảng viên" in out and sheet.exists()
    code, out, _ = run(capsys, monkeypatch, db, "", "security", "status", "--json")
    status = json.loads(out)
    assert status["password_set"] and status["fields_encrypted"] and not status["unlocked"]
    code, out, _ = run(capsys, monkeypatch, db, "", "security", "status")
    assert "Đã đặt mật khẩu chương trình." in out
    assert run(capsys, monkeypatch, db, "sai mat khau\n", "--unlock-stdin", "members", "list")[0] == 1
    code, _, err = run(capsys, monkeypatch, db, f"{recovery}\nmat khau moi 1\n", "security", "recover", "--stdin")
    assert code == 0, err
    assert run(capsys, monkeypatch, db, "mat khau moi 1\n", "--unlock-stdin", "members", "list")[0] == 0


def test_cli_usb_backup_needs_a_password_or_a_knowing_no_encrypt(capsys, monkeypatch, db: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    code, _, err = run(capsys, monkeypatch, db, "", "backup", "--to", str(usb))
    assert code == 1 and "mã hóa" in err and not usb.exists()
    code, out, err = run(capsys, monkeypatch, db, "mat khau usb\n", "backup", "--to", str(usb), "--password-stdin")
    assert code == 0, err
    (copy,) = usb.iterdir()
    before = db_fingerprint(db)
    code, out, err = run(capsys, monkeypatch, db, "", "restore", str(copy), "--check")
    assert code == 0 and "đã mã hóa" in out and "12 đảng viên" in out  # the header is readable without it
    for stdin, args in (("", ()), ("sai\n", ("--password-stdin",))):
        code, _, err = run(capsys, monkeypatch, db, stdin, "restore", str(copy), *args)
        assert code == 1 and "mật khẩu" in err.lower()
        assert db_fingerprint(db) == before
    code, out, err = run(capsys, monkeypatch, db, "mat khau usb\n", "restore", str(copy), "--password-stdin")
    assert code == 0 and "Đã khôi phục" in out, err
    code, _, err = run(capsys, monkeypatch, db, "", "backup", "--to", str(tmp_path / "plain"), "--no-encrypt")
    assert code == 0 and "KHÔNG được mã hóa" in err
