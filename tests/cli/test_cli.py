"""Every core CLI command, its JSON keys, and its error paths (exit 1, Vietnamese message, database unchanged)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from tests.conftest import db_fingerprint

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


def run(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, db: Path, *args: str):
    code, out, err = run(capsys, db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def add_member(capsys, db, name, born="01/01/1970", joined="01/01/1995", *extra) -> int:
    code, out, err = run(capsys, db, "members", "add", "--name", name, "--born", born, "--joined", joined, *extra)
    assert code == 0, err
    return int(out.splitlines()[0])


def test_members_add_and_list(capsys, db) -> None:
    a = add_member(
        capsys,
        db,
        "Trần Thị Ánh",
        "05/02/1975",
        "03/04/2000",
        "--official",
        "03/04/2001",
        "--card",
        "12345678",
        "--gender",
        "Nữ",
    )
    b = add_member(capsys, db, "Nguyễn Văn An")
    rows = run_json(capsys, db, "members", "list")
    assert [r["id"] for r in rows] == [b, a]  # An before Ánh
    first = next(r for r in rows if r["id"] == a)
    assert set(first) >= {"id", "full_name", "date_of_birth", "status", "party_card_no", "joined_on", "official_on"}
    assert (first["date_of_birth"], first["status"], first["party_card_no"]) == ("1975-02-05", "chinh_thuc", "12345678")
    assert next(r for r in rows if r["id"] == b)["status"] == "du_bi"
    assert [r["id"] for r in run_json(capsys, db, "members", "list", "--search", "anh")] == [a]
    code, out, _ = run(capsys, db, "members", "list")
    assert code == 0 and "Trần Thị Ánh" in out and "05/02/1975" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--born", "31/02/1980"], "Ngày sinh: ngày không có thật"),
        (["--born", "1980"], "Ngày sinh: không đúng dạng ngày"),
        (["--card", "12345678"], "Số thẻ đảng viên: đã có đảng viên khác"),
        (["--cccd", "123"], "Số CCCD: phải có đúng 12 chữ số"),
    ],
)
def test_members_add_rejects_bad_input_and_changes_nothing(capsys, db, args, words) -> None:
    add_member(capsys, db, "Lê Văn Bình", "01/01/1970", "01/01/1995", "--card", "12345678")
    before = db_fingerprint(db)
    base = {"--born": "01/01/1975", "--joined": "01/01/2000"}
    argv = ["members", "add", "--name", "Phạm Thị Cúc"]
    overrides = dict(zip(args[::2], args[1::2], strict=True))
    for key in ("--born", "--joined"):
        argv += [key, overrides.pop(key, base[key])]
    for key, value in overrides.items():
        argv += [key, value]
    code, out, err = run(capsys, db, *argv)
    assert code == 1 and out == ""
    assert words in err and "Traceback" not in err
    assert db_fingerprint(db) == before


def test_usage_errors_exit_2_in_vietnamese(capsys, db) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(db), "members", "add", "--name", "X"])
    assert caught.value.code == 2
    assert "thiếu tham số bắt buộc" in capsys.readouterr().err


def test_meetings_add_list_and_adopt(capsys, db) -> None:
    a = add_member(capsys, db, "Nguyễn Văn An", "01/01/1970", "01/01/1995", "--official", "01/01/1996")
    b = add_member(capsys, db, "Trần Văn Bình", "01/01/1971", "01/01/1995", "--official", "01/01/1996")
    c = add_member(capsys, db, "Lê Văn Cường", "01/01/1972", "01/01/1995", "--official", "01/01/1996")
    code, out, err = run(capsys, db, "meetings", "add", "--kind", "thuong_ky", "--date", "5/3/2026", "--start", "14:00",
                         "--end", "15:45", "--excused", f"{b}:Ốm", "--unexcused", str(c), "--content", "Bàn việc khu phố")  # fmt: skip
    assert code == 0, err
    meeting_id = int(out.strip())
    rows = run_json(capsys, db, "meetings", "list", "--year", "2026")
    assert rows == [
        {"id": meeting_id, "kind": "thuong_ky", "date": "2026-03-05", "present": 1, "base": 3, "status": "draft",
         "start": "14:00:00", "end": "15:45:00", "title": "", "attendance_pct": 33.3}
    ]  # fmt: skip
    code, out, _ = run(capsys, db, "meetings", "adopt", str(meeting_id))
    assert code == 0 and "Đã thông qua" in out
    assert run_json(capsys, db, "meetings", "list")[0]["status"] == "adopted"
    assert a  # present


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--date", "30/02/2026"], "Ngày sinh hoạt: ngày không có thật"),
        (["--date", "05/03/2026", "--excused", "99"], "không có trong danh sách"),
        (["--date", "05/03/2026", "--excused", "1", "--unexcused", "1"], "vừa vắng có lý do vừa vắng không lý do"),
        (["--date", "05/03/2026", "--start", "25:00"], "Giờ bắt đầu"),
        (["--date", "05/03/2026", "--start", "16:00", "--end", "14:00"], "giờ kết thúc sớm hơn giờ bắt đầu"),
        (["--date", "05/03/2026", "--unexcused", "x,y"], "--unexcused: cần danh sách mã số"),
    ],
)
def test_meetings_add_rejects_bad_input_and_changes_nothing(capsys, db, extra, words) -> None:
    add_member(capsys, db, "Nguyễn Văn An")
    before = db_fingerprint(db)
    code, out, err = run(capsys, db, "meetings", "add", "--kind", "thuong_ky", *extra)
    assert code == 1, (out, err)
    assert words in err
    assert db_fingerprint(db) == before


def test_topics_assign_and_list(capsys, db) -> None:
    a = add_member(capsys, db, "Nguyễn Văn An")
    b = add_member(capsys, db, "Trần Văn Bình", "01/01/1971")
    created = run_json(capsys, db, "topics", "assign", "--year", "2026", "--quarter", "4", "--title",
                       "Học tập và làm theo Bác", "--members", f"{b},{a}", "--due", "30/11/2026")  # fmt: skip
    rows = run_json(capsys, db, "topics", "list", "--year", "2026")
    assert rows[0]["id"] == created["id"] and rows[0]["quarter"] == 4
    assert rows[0]["assignees"][0] == {"id": b, "name": "Trần Văn Bình", "lead": True}
    assert rows[0]["draft_due"] == "2026-11-30"
    before = db_fingerprint(db)
    code, _, err = run(
        capsys, db, "topics", "assign", "--year", "2026", "--quarter", "5", "--title", "X", "--members", str(a)
    )
    assert code == 1 and "Quý: quý phải từ 1 đến 4" in err
    assert db_fingerprint(db) == before


def test_demo_check_and_search(capsys, db) -> None:
    code, out, err = run(capsys, db, "demo", "--members", "20", "--years", "1", "--seed", "3")
    assert code == 0 and "Đã tạo chi bộ mẫu" in out, err
    findings = run_json(capsys, db, "check", "--year", "2026")
    assert findings and all(
        {"rule", "severity", "message", "member_id", "meeting_id", "period"} <= set(f) for f in findings
    )
    hits = run_json(capsys, db, "search", "dang")
    assert hits and all({"kind", "id", "title", "snippet"} <= set(h) for h in hits)
    before = db_fingerprint(db)
    code, _, err = run(capsys, db, "demo")
    assert code == 1 and "đã có dữ liệu" in err
    assert db_fingerprint(db) == before


def test_cli_imports_no_qt_and_speaks_utf8(tmp_path: Path) -> None:
    script = (
        "import sys, runpy; sys.argv = ['app', '--db', sys.argv[1], 'members', 'list', '--json'];\n"
        "try:\n    runpy.run_module('app', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
        "assert 'openpyxl' not in sys.modules and 'docx' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "x.sqlite3")], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_database_option_and_environment(tmp_path: Path, monkeypatch, capsys) -> None:
    env_db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("SOCHIBO_DB", str(env_db))
    assert main(["members", "list", "--json"]) == 0
    assert env_db.exists()
    capsys.readouterr()
    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "members", "list", "--json"]) == 0
    assert other.exists()


def test_a_file_that_is_not_ours_is_refused_with_a_message(tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("không phải cơ sở dữ liệu " * 100, encoding="utf-8")
    code, _, err = run(capsys, bogus, "members", "list")
    assert code == 1 and "không phải là dữ liệu Sổ Chi bộ" in err
    assert bogus.read_text(encoding="utf-8").startswith("không phải")


def test_check_on_a_branch_set_up_today_reports_nothing_for_months_before_it(capsys, db) -> None:
    """The file is set up when the command line creates it: its record starts this month."""
    from datetime import date

    add_member(capsys, db, "Trần Thị Ánh", "20/01/1975", "01/09/1997", "--official", "01/09/1998")
    today = date.today()
    start = run_json(capsys, db, "branch", "record-start")
    assert start == {"record_start": today.replace(day=1).isoformat()}
    findings = run_json(capsys, db, "check", "--year", str(today.year))
    before = [f for f in findings if f["period"] and f["period"] < today.strftime("%Y-%m")]
    assert before == [] and not [f for f in findings if f["rule"] == "monthly_meeting_missing"]


def test_branch_record_start_moves_earlier_and_refuses_bad_dates(capsys, db) -> None:
    from datetime import date

    add_member(capsys, db, "Trần Thị Ánh", "20/01/1975", "01/09/1997", "--official", "01/09/1998")
    year = date.today().year - 1
    code, out, err = run(capsys, db, "branch", "record-start", f"01/01/{year}")
    assert code == 0 and f"01/01/{year}" in out
    findings = run_json(capsys, db, "check", "--year", str(year))
    assert len([f for f in findings if f["rule"] == "monthly_meeting_missing"]) == 12
    before = db_fingerprint(db)
    code, _, err = run(capsys, db, "branch", "record-start", "31/02/2025")
    assert code == 1 and "Ngày bắt đầu ghi sổ" in err and "ngày không có thật" in err
    code, _, err = run(capsys, db, "branch", "record-start", f"01/01/{date.today().year + 1}")
    assert code == 1 and "tương lai" in err
    assert db_fingerprint(db) == before
