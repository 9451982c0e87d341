"""`dues basis / exempt / pay / sent / list / history` and `export dues`: JSON keys, amounts with the Vietnamese
thousands separator, exit code 1 with one Vietnamese sentence and an unchanged database on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main
from tests.conftest import db_fingerprint


def run(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "cb.sqlite3"
    for name, joined in (
        ("Trần Thị Ánh", "03/04/2000"),
        ("Lê Văn Bình", "03/04/1970"),
        ("Ngô Minh Châu", "01/06/2010"),
    ):
        code, _, err = run(capsys, path, "members", "add", "--name", name, "--born", "05/02/1950", "--joined", joined)
        assert code == 0, err
    return path


def test_basis_pay_list_json_and_text(capsys, db: Path) -> None:
    code, out, err = run(capsys, db, "dues", "basis", "1", "--from", "02/2026", "--base", "8.500.000")
    assert code == 0, err
    assert "85.000 đồng" in out and "8.500.000" in out
    code, out, _ = run(
        capsys, db, "dues", "basis", "3", "--from", "02/2026", "--base", "6000000", "--kind", "pension", "--json"
    )
    assert json.loads(out)["due"] == 30_000
    code, out, _ = run(
        capsys,
        db,
        "dues",
        "pay",
        "1",
        "--month",
        "09/2026-11/2026",
        "--amount",
        "255.000",
        "--on",
        "05/09/2026",
        "--json",
    )
    assert code == 0 and [m["amount"] for m in json.loads(out)["months"]] == [85_000, 85_000, 85_000]
    code, out, err = run(capsys, db, "dues", "list", "--month", "10/2026", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [set(r) >= {"member_id", "full_name", "due", "paid", "status"} for r in rows] == [True] * 3
    by_id = {r["member_id"]: r for r in rows}
    assert (by_id[1]["due"], by_id[1]["paid"], by_id[1]["status"]) == (85_000, 85_000, "paid")
    assert by_id[2]["status"] == "exempt"  # 56 years of Party age
    assert (by_id[3]["due"], by_id[3]["paid"], by_id[3]["status"]) == (30_000, 0, "unpaid")
    code, out, _ = run(capsys, db, "dues", "list", "--month", "10/2026")
    assert "Tháng 10/2026: 1/2 đồng chí đã nộp; phải thu 115.000 đồng, đã thu 85.000 đồng" in out
    code, out, _ = run(capsys, db, "dues", "history", "1", "--json")
    history = {h["month"]: h for h in json.loads(out)}  # newest first, up to this month (the real clock)
    assert [k for k in history if "2026-09" <= k <= "2026-11"] == ["2026-11", "2026-10", "2026-09"]
    assert history["2026-11"]["paid"] == 85_000 and history["2026-08"]["status"] == "unpaid"


def test_exempt_and_check(capsys, db: Path) -> None:
    assert run(capsys, db, "branch", "record-start", "01/01/2026")[0] == 0  # the file was set up today
    run(capsys, db, "dues", "basis", "3", "--from", "02/2026", "--base", "6000000", "--kind", "pension")
    code, out, err = run(
        capsys, db, "dues", "exempt", "3", "--from", "08/2026", "--until", "10/2026", "--reason", "Hộ nghèo"
    )
    assert code == 0, err and "Hộ nghèo" in out
    code, out, _ = run(capsys, db, "dues", "list", "--month", "09/2026", "--json")
    assert next(r for r in json.loads(out) if r["member_id"] == 3)["status"] == "exempt"
    code, out, _ = run(capsys, db, "check", "--year", "2026", "--json")
    rules = {(f["rule"], f["member_id"]) for f in json.loads(out)}
    assert ("dues_basis_missing", 1) in rules and ("dues_unpaid", 3) in rules  # Feb–Jul unpaid, Aug–Oct exempt
    run(capsys, db, "branch", "record-start", "01/11/2026")
    code, out, _ = run(capsys, db, "check", "--year", "2026", "--json")
    assert ("dues_unpaid", 3) not in {(f["rule"], f["member_id"]) for f in json.loads(out)}  # not before the start


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("dues", "basis", "1", "--from", "13/2026", "--base", "1000"), "Từ tháng: không đúng dạng tháng"),
        (("dues", "basis", "1", "--from", "02/2026"), "thu nhập làm căn cứ (--base) hoặc mức cố định (--fixed)"),
        (("dues", "basis", "9", "--from", "02/2026", "--base", "1000"), "Đảng viên: có mã đảng viên không có"),
        (("dues", "pay", "1", "--month", "10/2026", "--amount", "85,5"), "Số tiền: chỉ gồm chữ số"),
        (("dues", "pay", "1", "--month", "10/2026-08/2026", "--amount", "1000"), "tháng cuối sớm hơn tháng đầu"),
        (
            (
                "dues",
                "exempt",
                "1",
                "--from",
                "10/2026",
                "--reason",
                "x",
                "--kind",
                "reduce",
                "--pct",
                "40",
                "--until",
                "11/2026",
            ),
            "chỉ được giảm 30%, 50% hoặc 70%",
        ),
    ],
)
def test_bad_input_exits_1_with_one_sentence_and_changes_nothing(capsys, db: Path, args: tuple, sentence: str) -> None:
    before = db_fingerprint(db)
    code, out, err = run(capsys, db, *args)
    assert code == 1 and out == ""
    assert sentence in err and err.count("\n") == 1, err
    assert db_fingerprint(db) == before


def test_export_dues_book_and_sheet(capsys, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "demo", "--members", "14", "--years", "1", "--seed", "5"]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, db, "export", "dues", "--year", "2026", "--out", str(tmp_path / "so"))
    assert code == 0, err
    assert out.startswith("Đã ghi sổ thu, nộp đảng phí năm 2026:")
    wb = load_workbook(tmp_path / "so.xlsx")
    assert wb.sheetnames == ["Sổ đảng phí 2026", "Tổng hợp 2026"]
    code, out, err = run(
        capsys, db, "export", "dues", "--month", "10/2026", "--out", str(tmp_path / "ke.xlsx"), "--json"
    )
    assert code == 0, err and Path(json.loads(out)["path"]).exists()
    code, _, err = run(capsys, db, "export", "dues", "--year", "2026", "--out", str(tmp_path / "so.docx"))
    assert code == 1 and ".xlsx" in err
