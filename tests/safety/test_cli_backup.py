"""CLI: backup, backup --to DIR, backup list [--json], restore FILE [--check]; exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.conftest import db_fingerprint
from tests.safety.safety_helpers import counts, damage


def run(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "chi-bo.sqlite3"
    assert run(capsys, path, "demo", "--members", "12", "--years", "1")[0] == 0
    return path


def test_backup_list_and_backup_to_a_folder(capsys, db: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, db, "backup")
    assert code == 0, err
    assert out.startswith("Đã sao lưu và đọc lại để kiểm tra") and "12 đảng viên" in out
    usb = tmp_path / "usb"
    code, out, err = run(capsys, db, "backup", "--to", str(usb), "--no-encrypt")
    assert code == 0, err
    (copy,) = usb.iterdir()
    assert str(copy) in out and counts(copy) == counts(db)
    code, out, _ = run(capsys, db, "backup", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["label"] for r in rows] == ["usb", "thu-cong"]
    assert set(rows[0]) == {"path", "at", "label", "reason", "size"}
    code, out, _ = run(capsys, db, "backup", "list")
    assert "Sao lưu theo yêu cầu" in out and "Thời điểm" in out


def test_restore_brings_back_the_backup_and_keeps_the_state_before(capsys, db: Path) -> None:
    run(capsys, db, "backup")
    (saved,) = json.loads(run(capsys, db, "backup", "list", "--json")[1])
    before = counts(db)
    assert (
        run(capsys, db, "members", "add", "--name", "Lê Văn Mới", "--born", "01/01/1980", "--joined", "01/01/2010")[0]
        == 0
    )
    code, out, err = run(capsys, db, "restore", saved["path"])
    assert code == 0, err
    assert "Đã khôi phục dữ liệu" in out and "hợp lệ" in out
    assert counts(db) == before
    kept = [r for r in json.loads(run(capsys, db, "backup", "list", "--json")[1]) if r["label"] == "truoc-khoi-phuc"]
    assert len(kept) == 1 and counts(Path(kept[0]["path"]))["member"] == before["member"] + 1


def test_restore_refuses_a_wrong_file_and_changes_nothing(capsys, db: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "danh-sach.xlsx"
    wrong.write_bytes(b"PK\x03\x04" + bytes(3000))
    before = db_fingerprint(db)
    for args in (("restore", str(wrong)), ("restore", "--check", str(wrong)), ("restore", str(tmp_path / "x"))):
        code, out, err = run(capsys, db, *args)
        assert code == 1 and out == ""
        assert err.startswith(("Tệp", "Không tìm thấy")), err
    assert db_fingerprint(db) == before


def test_a_damaged_database_can_be_listed_and_restored_from_the_command_line(capsys, db: Path) -> None:
    run(capsys, db, "backup")
    (saved,) = json.loads(run(capsys, db, "backup", "list", "--json")[1])
    damage(db)
    code, _, err = run(capsys, db, "members", "list")
    assert code == 1 and "bị hỏng" in err
    assert f"Bản sao lưu tốt gần nhất: {saved['path']}" in err  # the CLI says which backup to restore
    code, out, _ = run(capsys, db, "backup", "list")  # works without opening the damaged file
    assert code == 0 and Path(saved["path"]).name in out
    code, out, err = run(capsys, db, "restore", saved["path"])
    assert code == 0, err
    assert ".tep-hong" in out  # where the damaged file was kept
    assert run(capsys, db, "members", "list")[0] == 0
