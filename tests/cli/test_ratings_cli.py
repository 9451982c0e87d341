"""`ratings set|list|branch|history|deadline` and `check`: JSON keys, exit codes, an unchanged database on errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.conftest import db_fingerprint


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


def run(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys, db: Path, name: str, joined: str = "01/01/1995") -> int:
    code, out, err = run(capsys, db, "members", "add", "--name", name, "--born", "01/01/1970", "--joined", joined)
    assert code == 0, err
    return int(out.splitlines()[0])


def test_set_list_branch_and_history(capsys, db: Path) -> None:
    a = add(capsys, db, "Nguyễn Văn An")
    b = add(capsys, db, "Trần Thị Ánh")
    code, out, err = run(capsys, db, "ratings", "set", str(a), "--year", "2025", "--self", "xuat_sac", "--proposed",
                         "tot", "--score", "88", "--form", "2C", "--votes", "9/10")  # fmt: skip
    assert code == 0, err and "Nguyễn Văn An" in out
    code, _, err = run(capsys, db, "ratings", "set", str(a), "--year", "2025", "--final", "tot", "--decision",
                       "Quyết định số 12-QĐ/ĐU ngày 20/01/2026")  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, db, "ratings", "list", "--year", "2025", "--json")
    rows = {r["member_id"]: r for r in json.loads(out)}
    assert set(rows) == {a, b}
    assert {"member_id", "full_name", "self", "proposed", "final"} <= set(rows[a])
    assert (rows[a]["self"], rows[a]["proposed"], rows[a]["final"], rows[a]["score"]) == ("xuat_sac", "tot", "tot", 88)
    assert rows[a]["decision"].startswith("Quyết định số 12") and rows[a]["votes_for"] == 9
    assert (rows[b]["full_name"], rows[b]["self"], rows[b]["proposed"], rows[b]["final"]) == (
        "Trần Thị Ánh", None, None, None,
    )  # fmt: skip
    code, out, _ = run(capsys, db, "ratings", "list", "--year", "2025")
    assert code == 0 and "HTTNV" in out and "Tỷ lệ" in out
    code, out, _ = run(
        capsys, db, "ratings", "branch", "--year", "2025", "--self", "tot", "--final", "xuat_sac", "--json"
    )
    assert code == 0 and json.loads(out)["self"] == "tot" and json.loads(out)["final"] == "xuat_sac"
    code, out, _ = run(capsys, db, "ratings", "branch", "--year", "2025")
    assert "Hoàn thành tốt nhiệm vụ" in out and "Hoàn thành xuất sắc nhiệm vụ" in out
    code, out, _ = run(capsys, db, "ratings", "history", str(a), "--json")
    assert json.loads(out) == [{"year": 2025, "self": "xuat_sac", "proposed": "tot", "final": "tot", "score": 88.0,
                                "decision": "Quyết định số 12-QĐ/ĐU ngày 20/01/2026"}]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--self", "gioi"], "xuat_sac"),
        (["--final", "XS"], "không hợp lệ"),
        (["--score", "120"], "từ 0 đến 100"),
        (["--votes", "nhiều"], "phiếu"),
        (["--form", "9Z"], "Mẫu kiểm điểm"),
    ],
)
def test_bad_input_exits_1_with_one_vietnamese_line_and_changes_nothing(capsys, db: Path, args, words) -> None:
    a = add(capsys, db, "Nguyễn Văn An")
    before = db_fingerprint(db)
    code, _, err = run(capsys, db, "ratings", "set", str(a), "--year", "2025", *args)
    assert code == 1 and words in err and len(err.strip().splitlines()) == 1
    assert db_fingerprint(db) == before


def test_unknown_member_and_deadline(capsys, db: Path) -> None:
    add(capsys, db, "Nguyễn Văn An")
    code, _, err = run(capsys, db, "ratings", "set", "77", "--year", "2025", "--self", "tot")
    assert code == 1 and "mã 77" in err
    code, out, _ = run(capsys, db, "ratings", "deadline")
    assert code == 0 and "15 tháng 12" in out
    code, out, _ = run(capsys, db, "ratings", "deadline", "20/12")
    assert code == 0 and "20 tháng 12" in out
    code, _, err = run(capsys, db, "ratings", "deadline", "40/12")
    assert code == 1 and "không hợp lệ" in err


def test_check_reports_the_quota_and_the_conflict_of_a_year(capsys, db: Path) -> None:
    ids = [add(capsys, db, f"Đảng Viên {name}") for name in ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan")]
    for i in ids[1:5]:
        run(capsys, db, "ratings", "set", str(i), "--year", "2025", "--proposed", "tot")
    for i in (ids[0], ids[5]):  # 2 > 20 % of the 5 at the second level
        run(capsys, db, "ratings", "set", str(i), "--year", "2025", "--proposed", "xuat_sac")
    code, _, err = run(capsys, db, "ratings", "set", str(ids[6]), "--year", "2025", "--proposed", "tot",
                       "--discipline", "Cảnh cáo")  # fmt: skip
    assert code == 0, err
    assert run(capsys, db, "branch", "record-start", "01/01/2025")[0] == 0  # the record covers 2025
    code, out, _ = run(capsys, db, "check", "--year", "2025", "--json")
    rules = {f["rule"] for f in json.loads(out)}
    assert {"rating_quota_exceeded", "rating_conflict", "rating_missing"} <= rules  # the branch has not rated itself
    conflict = next(f for f in json.loads(out) if f["rule"] == "rating_conflict")
    assert conflict["member_id"] == ids[6] and "Cảnh cáo" in conflict["message"]


def test_a_review_meeting_added_by_kind_gives_the_review_minutes_and_ends_the_finding(
    capsys, db: Path, tmp_path: Path
) -> None:
    from tests.exporters.docx_read import full_text, open_docx

    a = add(capsys, db, "Nguyễn Văn An")
    b = add(capsys, db, "Trần Thị Ánh")
    assert run(capsys, db, "branch", "record-start", "01/01/2025")[0] == 0  # the record covers 2025
    run(capsys, db, "ratings", "set", str(a), "--year", "2025", "--self", "tot", "--proposed", "tot", "--votes", "1/1")
    code, out, _ = run(capsys, db, "check", "--year", "2025", "--json")
    [late] = [f for f in json.loads(out) if f["rule"] == "review_meeting_missing"]
    assert "15/12/2025" in late["message"] and "43-HD/BTCTW" in late["message"]
    code, out, err = run(capsys, db, "meetings", "add", "--kind", "kiem_diem", "--date", "09/12/2025", "--start",
                         "08:00", "--end", "10:30", "--excused", f"{b}:Ốm", "--json")  # fmt: skip
    assert code == 0, err
    meeting = json.loads(out)
    assert (meeting["present"], meeting["base"]) == (1, 2)
    code, out, _ = run(capsys, db, "meetings", "list", "--year", "2025", "--json")
    assert [m["kind"] for m in json.loads(out)] == ["kiem_diem"]
    code, out, _ = run(capsys, db, "check", "--year", "2025", "--json")
    assert "review_meeting_missing" not in {f["rule"] for f in json.loads(out)}
    code, _, err = run(capsys, db, "ratings", "export", "minutes", "--year", "2025", "--out", str(tmp_path / "a.docx"))
    assert code == 0, err
    text = full_text(open_docx(tmp_path / "a.docx"))
    assert "ngày 09/12/2025" in text and "+ Có mặt: 1/2 đồng chí phải dự" in text and "Trần Thị Ánh – Ốm" in text
    assert "1/1" in text  # the vote of the rated member
    code, _, err = run(capsys, db, "export", "minutes", str(meeting["id"]), "--out", str(tmp_path / "b.docx"))
    assert code == 0, err
    assert full_text(open_docx(tmp_path / "b.docx")) == text
