"""`export minutes / resolution / report`: files written, blank fields printed, and the error paths (exit 1, one
Vietnamese sentence on stderr, the old file intact, the database unchanged)."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path

import pytest

from app.cli.main import main
from tests.conftest import db_fingerprint
from tests.exporters.docx_read import open_docx, texts


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli-export") / "demo.sqlite3"
    assert main(["--db", str(db), "demo", "--members", "14", "--years", "1", "--seed", "5"]) == 0
    return db


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for each test (some tests add meetings or numbers)."""
    import sqlite3

    copy = tmp_path / "db.sqlite3"
    src, dst = sqlite3.connect(demo_db), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    return copy


def run(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def meetings(capsys, db: Path) -> list[dict]:
    code, out, err = run(capsys, db, "meetings", "list", "--json")
    assert code == 0, err
    return json.loads(out)


def test_export_one_minutes_file(capsys, db: Path, tmp_path: Path) -> None:
    m = next(x for x in meetings(capsys, db) if x["kind"] == "thuong_ky" and x["status"] == "adopted")
    target = tmp_path / "bb.docx"
    code, out, err = run(capsys, db, "export", "minutes", str(m["id"]), "--out", str(target))
    assert code == 0, err
    assert out.splitlines() == [f"Đã ghi biên bản: {target}", "Không có mục nào để trống."]
    doc = open_docx(target)
    assert f"+ Có mặt: {m['present']}/{m['base']} đồng chí phải dự" in "\n".join(texts(doc))


def test_blank_fields_are_listed(capsys, db: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, db, "meetings", "add", "--kind", "thuong_ky", "--date", "19/11/2026")
    assert code == 0, err
    meeting_id = out.split()[0]
    code, out, err = run(capsys, db, "export", "minutes", meeting_id, "--out", str(tmp_path / "x"), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["path"] == str(tmp_path / "x.docx")
    assert data["blank_fields"][:2] == ["start", "recorder"] and data["blank_fields"][-1] == "end"
    code, out, err = run(capsys, db, "export", "minutes", meeting_id, "--out", str(tmp_path / "x"))
    assert "Các mục để trống cần điền tay: Giờ bắt đầu, Thư ký," in out and out.rstrip().endswith("Giờ kết thúc.")


def test_batch_for_a_quarter(capsys, db: Path, tmp_path: Path) -> None:
    year = int(meetings(capsys, db)[0]["date"][:4])
    in_q1 = [m for m in meetings(capsys, db) if m["date"][:7] in (f"{year}-01", f"{year}-02", f"{year}-03")]
    code, out, err = run(capsys, db, "export", "minutes", "--year", str(year), "--quarter", "1", "--to", str(tmp_path))
    assert code == 0, err
    files = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert len(files) == len(in_q1) and files == [line.split(" ")[0] for line in out.splitlines()[:-1]]
    assert out.splitlines()[-1] == f"Đã ghi {len(in_q1)} biên bản của quý I năm {year} vào thư mục {tmp_path}."


def test_resolution_and_report_with_numbers(capsys, db: Path, tmp_path: Path) -> None:
    m = meetings(capsys, db)[0]
    code, out, err = run(capsys, db, "export", "resolution", str(m["id"]), "--out", str(tmp_path / "nq.docx"),
                         "--number")  # fmt: skip
    assert code == 0, err
    assert "Số văn bản: 01-NQ/CB" in out
    year = m["date"][:4]
    code, out, err = run(capsys, db, "export", "report", "--year", year, "--half", "1",
                         "--out", str(tmp_path / "bc.docx"), "--number", "4")  # fmt: skip
    assert code == 0, err
    assert "Số văn bản: 04-BC/CB" in out
    assert f"Kết quả sinh hoạt chi bộ và công tác đảng viên 6 tháng đầu năm {year}" in texts(
        open_docx(tmp_path / "bc.docx")
    )


def test_target_is_a_folder(capsys, db: Path, tmp_path: Path) -> None:
    m = meetings(capsys, db)[0]
    folder = tmp_path / "out"
    folder.mkdir()
    before = db_fingerprint(db)
    code, out, err = run(capsys, db, "export", "minutes", str(m["id"]), "--out", str(folder))
    assert code == 1 and out == ""
    assert err.strip() == (
        f"\u201c{folder}\u201d là một thư mục. Hãy ghi rõ tên tệp cần tạo, ví dụ {folder / 'bien-ban.docx'}."
    )
    assert list(folder.iterdir()) == []
    assert db_fingerprint(db) == before


def test_file_open_in_word_keeps_the_old_file(capsys, db: Path, tmp_path: Path, monkeypatch) -> None:
    m = meetings(capsys, db)[0]
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "bb.docx"
    target.write_bytes(b"old minutes, still open in Word")
    before = db_fingerprint(db)
    monkeypatch.setattr("exporters.atomic.RETRY_DELAY", 0.0)

    def held_open(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", held_open)
    code, out, err = run(capsys, db, "export", "minutes", str(m["id"]), "--out", str(target), "--number")
    assert code == 1
    assert "đang được mở trong chương trình khác (Word/Excel)" in err and "Tệp cũ vẫn được giữ nguyên" in err
    assert target.read_bytes() == b"old minutes, still open in Word"
    assert sorted(p.name for p in target.parent.iterdir()) == ["bb.docx"]  # no temp file left behind
    monkeypatch.undo()
    # the number was taken before the write (it belongs to the minutes, not to the file) and is kept
    assert db_fingerprint(db) != before
    code, out, err = run(capsys, db, "export", "minutes", str(m["id"]), "--out", str(target), "--number")
    assert code == 0 and "Số văn bản: 01-BB/CB" in out


def test_read_only_folder(capsys, db: Path, tmp_path: Path, monkeypatch) -> None:
    m = meetings(capsys, db)[0]

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    code, out, err = run(capsys, db, "export", "report", "--year", m["date"][:4], "--out", str(tmp_path / "bc.docx"),
                         "--number")  # fmt: skip
    assert code == 1
    assert "thư mục chỉ đọc hoặc không có quyền" in err
    assert not (tmp_path / "bc.docx").exists()
    monkeypatch.undo()
    code, out, err = run(capsys, db, "export", "report", "--year", m["date"][:4], "--out", str(tmp_path / "bc.docx"),
                         "--number")  # fmt: skip
    assert "Số văn bản: 01-BC/CB" in out  # the failed attempt did not use up a number


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["export", "minutes"], "Hãy ghi một trong hai cách"),
        (["export", "minutes", "1"], "Hãy ghi một trong hai cách"),
        (["export", "minutes", "--year", "2026"], "Hãy ghi một trong hai cách"),
        (["export", "minutes", "--year", "2026", "--to", "x", "--number"], "Không đánh số hàng loạt"),
        (["export", "minutes", "--year", "1999", "--to", "x"], "Không có cuộc sinh hoạt nào trong năm 1999"),
        (["export", "minutes", "9999", "--out", "x.docx"], "Không tìm thấy"),
        (["export", "resolution", "1", "--out", "nq.pdf"], "phải có đuôi .docx"),
    ],
)
def test_wrong_input_exits_1_in_vietnamese(capsys, db: Path, tmp_path: Path, monkeypatch, args, words) -> None:
    monkeypatch.chdir(tmp_path)
    before = db_fingerprint(db)
    code, out, err = run(capsys, db, *args)
    assert code == 1 and words in err and out == ""
    assert db_fingerprint(db) == before
    assert not list(tmp_path.glob("*.docx"))


def test_report_quarter_and_half_are_exclusive(capsys, db: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db), "export", "report", "--year", "2026", "--quarter", "1", "--half", "1",
              "--out", str(tmp_path / "x.docx")])  # fmt: skip
    assert info.value.code == 2
