"""`members import` / `members export` / `export summary` on the command line: exit codes, Vietnamese, no change on error."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main
from tests.conftest import db_fingerprint
from tests.exporters import xlsx_samples

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Số thẻ"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "sochibo.sqlite3"
    assert (
        main(
            [
                "--db",
                str(path),
                "members",
                "add",
                "--name",
                "Ngô Văn Cũ",
                "--born",
                "01/01/1970",
                "--joined",
                "01/01/2000",
            ]
        )
        == 0
    )
    return path


def _run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_import_then_list(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [[1, "Hồ Văn Mới", "02/02/1985", "02/02/2010", "44444444"]]
    path = xlsx_samples.member_list(tmp_path / "ds.xlsx", rows, HEADER)
    capsys.readouterr()
    assert _run(db, "members", "import", str(path)) == 0
    out = capsys.readouterr().out
    assert "Thêm mới 1 đồng chí, cập nhật 0 đồng chí, giữ nguyên 0 đồng chí." in out
    assert _run(db, "members", "list") == 0
    assert "Hồ Văn Mới" in capsys.readouterr().out


def test_dry_run_shows_and_changes_nothing(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [[1, "Hồ Văn Mới", "02/02/1985", "02/02/2010", "44444444"]]
    path = xlsx_samples.member_list(tmp_path / "ds.xlsx", rows, HEADER)
    before = db_fingerprint(db)
    capsys.readouterr()
    assert _run(db, "members", "import", str(path), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Sẽ thêm mới:" in out and "Dòng 4: Hồ Văn Mới, sinh 02/02/1985" in out and "Chạy thử" in out
    assert db_fingerprint(db) == before


def test_bad_rows_exit_1_with_every_row_listed(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [[1, "Hồ Văn Mới", "31/02/1985", "02/02/2010", None], [2, "Lê Thị Hai", "01/01/1990", None, None]]
    path = xlsx_samples.member_list(tmp_path / "ds.xlsx", rows, HEADER)
    before = db_fingerprint(db)
    capsys.readouterr()
    assert _run(db, "members", "import", str(path)) == 1
    captured = capsys.readouterr()
    assert "Dòng 4: Ngày sinh: ngày không có thật" in captured.out
    assert "Dòng 5: Ngày vào Đảng: chưa nhập" in captured.out
    assert "Không nhập đảng viên nào: 2 dòng có lỗi" in captured.err
    assert db_fingerprint(db) == before


def test_bad_rows_as_json(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    path = xlsx_samples.member_list(tmp_path / "ds.xlsx", [[1, "Hồ Văn Mới", "x", "02/02/2010", None]], HEADER)
    capsys.readouterr()
    assert _run(db, "members", "import", str(path), "--json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == [
        {"row": 4, "field": "date_of_birth", "code": "format", "message": data["errors"][0]["message"]}
    ]
    assert data["applied"] is False


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("docx", "là tài liệu Word"),
        ("xls", "tệp Excel đời cũ (.xls)"),
        ("truncated", "không phải tệp Excel .xlsx hợp lệ"),
        ("no_header", "Không tìm thấy dòng tiêu đề"),
        ("missing", "Không tìm thấy tệp"),
    ],
)
def test_file_problems_exit_1(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, words: str
) -> None:
    path = tmp_path / "ds.xlsx"
    if kind == "docx":
        xlsx_samples.docx_file(tmp_path / "x.docx").rename(path)
    elif kind == "xls":
        xlsx_samples.xls_file(path)
    elif kind == "truncated":
        xlsx_samples.member_list(tmp_path / "full.xlsx", [[1, "A B", "01/01/1980", "01/01/2005", None]], HEADER)
        xlsx_samples.truncated(tmp_path / "full.xlsx", path, 0.5)
    elif kind == "no_header":
        xlsx_samples.member_list(path, [[1, "Lê Văn An", "01/01/1980", "01/01/2005", None]], None)
    before = db_fingerprint(db)
    capsys.readouterr()
    assert _run(db, "members", "import", str(path)) == 1
    err = capsys.readouterr().err
    assert words in err and str(path) in err
    assert db_fingerprint(db) == before


def test_members_export_writes_a_roster(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ds-xuat"
    assert _run(db, "members", "export", str(out)) == 0
    wb = load_workbook(tmp_path / "ds-xuat.xlsx", read_only=True)
    names = [r[1] for r in wb.worksheets[0].iter_rows(values_only=True) if len(r) > 1]
    wb.close()
    assert "Ngô Văn Cũ" in names
    assert "Đã ghi danh sách đảng viên" in capsys.readouterr().out


def test_export_summary_refuses_a_branch_without_name_and_bad_names(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db_fingerprint(db)
    capsys.readouterr()
    assert _run(db, "export", "summary", "--year", "2026", "--quarter", "3", "--out", str(tmp_path / "t.xlsx")) == 1
    assert "Chưa nhập tên chi bộ" in capsys.readouterr().err
    assert db_fingerprint(db) == before
    assert not (tmp_path / "t.xlsx").exists()
    assert _run(db, "export", "summary", "--year", "2026", "--out", str(tmp_path / "t.xlsx")) == 1
    assert "Hãy chọn kỳ" in capsys.readouterr().err


def test_export_summary_of_the_demo_branch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    assert _run(db, "export", "summary", "--year", "2026", "--half", "2", "--out", str(tmp_path / "t.docx")) == 1
    assert "phải có đuôi .xlsx" in capsys.readouterr().err
    assert (
        _run(
            db, "export", "summary", "--from", "01/03/2026", "--until", "15/05/2026", "--out", str(tmp_path / "t.xlsx")
        )
        == 0
    )
    assert "Đã ghi bảng tổng hợp từ 01/03/2026 đến 15/05/2026" in capsys.readouterr().out
    wb = load_workbook(tmp_path / "t.xlsx", read_only=True)
    meta = {r[1]: r[2] for r in wb["_sochibo"].iter_rows(values_only=True) if r[0] == "meta"}
    wb.close()
    assert meta["period_key"] == "2026-03-01_2026-05-15"
