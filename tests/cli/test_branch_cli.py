"""`branch show` and `branch set`: a branch set up without the window, through the service Cài đặt uses."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from app.bootstrap import open_services
from app.cli.main import main
from app.config import AppPaths
from tests.conftest import db_fingerprint


def run(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_set_up_a_branch_from_the_command_line_and_read_it_back(capsys, tmp_path: Path) -> None:
    db = tmp_path / "cb.sqlite3"
    code, out, err = run(capsys, db, "members", "add", "--name", "Trần Thị Ánh", "--born", "05/02/1975",
                         "--joined", "03/04/2000", "--official", "03/04/2001")  # fmt: skip
    assert code == 0, err
    secretary = int(out.splitlines()[0])
    code, out, err = run(
        capsys, db, "branch", "set",
        "--name", "Chi bộ Trường THPT Vị Thanh", "--upper", "Đảng ủy phường Hòa Bình",
        "--upper2", "Đảng bộ tỉnh Hậu Giang", "--place", "Vị Thanh",
        "--term-start", "01/10/2025", "--term-end", "30/09/2030", "--secretary", str(secretary),
    )  # fmt: skip
    assert code == 0, err
    assert "Đã lưu thông tin chi bộ." in out and "Nhiệm kỳ: 01/10/2025 – 30/09/2030" in out
    assert f"Bí thư chi bộ: Trần Thị Ánh (mã {secretary})" in out

    code, out, err = run(capsys, db, "branch", "show", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["branch_name"] == "Chi bộ Trường THPT Vị Thanh"
    assert data["upper_body"] == "Đảng ủy phường Hòa Bình"  # the capitals as typed
    assert (data["upper_body_2"], data["place_name"]) == ("Đảng bộ tỉnh Hậu Giang", "Vị Thanh")
    assert (data["term_start"], data["term_end"]) == ("2025-10-01", "2030-09-30")
    assert (data["secretary_id"], data["secretary_name"]) == (secretary, "Trần Thị Ánh")
    assert data["branch_code"]

    # Only what is named changes; an empty value clears an optional line.
    code, _, err = run(capsys, db, "branch", "set", "--upper2", "")
    assert code == 0, err
    code, out, _ = run(capsys, db, "branch", "show")
    assert "Cấp trên nữa: (chưa ghi)" in out and "Tên chi bộ: Chi bộ Trường THPT Vị Thanh" in out

    # The window's service sees the same profile.
    s = open_services(AppPaths(database=db, backups=tmp_path / "bk"), now=lambda: datetime(2026, 11, 22))
    try:
        assert s.branch.profile().secretary_id == secretary and s.branch.profile().upper_body_2 == ""
    finally:
        s.close()


def test_wrong_input_says_why_and_changes_nothing(capsys, tmp_path: Path) -> None:
    db = tmp_path / "cb.sqlite3"
    assert run(capsys, db, "branch", "set", "--name", "Chi bộ Một")[0] == 0
    before = db_fingerprint(db)
    cases = [
        (["--secretary", "99"], "Bí thư chi bộ: có mã đảng viên không có trong danh sách"),
        (["--secretary", "ông Ba"], "Bí thư chi bộ: giá trị không hợp lệ"),
        (["--term-start", "31/02/2026"], "ngày không có thật"),
        (["--term-start", "01/10/2030", "--term-end", "30/09/2025"], "Nhiệm kỳ đến ngày: giá trị không hợp lệ"),
        (["--name", "  "], "Tên chi bộ: chưa nhập"),
        ([], "Chưa nêu mục nào để ghi"),
    ]
    for extra, sentence in cases:
        code, out, err = run(capsys, db, "branch", "set", *extra)
        assert code == 1, (extra, out)
        assert sentence in err and err.count("\n") == 1, (extra, err)
        assert db_fingerprint(db) == before, extra


def test_show_on_a_branch_not_set_up_yet(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, tmp_path / "new.sqlite3", "branch", "show")
    assert code == 0, err
    assert "Tên chi bộ: (chưa ghi)" in out
