"""The KL 01 commands (plans, learning, models, awards): JSON keys as the issue names them, wrong input
refused with one Vietnamese line and the database unchanged, findings in `check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.conftest import db_fingerprint


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


def run(capsys, db: Path, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, db: Path, *args: str):  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def add_member(capsys, db: Path, name: str, joined: str = "01/01/1995") -> int:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, db, "members", "add", "--name", name, "--born", "01/01/1970", "--joined", joined,
                         "--official", "01/01/1996")  # fmt: skip
    assert code == 0, err
    return int(out.splitlines()[0])


def test_plans_set_review_list_with_the_named_json_keys(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    a = add_member(capsys, db, "Trần Thị Ánh")
    b = add_member(capsys, db, "Nguyễn Văn An")
    saved = run_json(capsys, db, "plans", "set", str(a), "--year", "2025", "--commitments",
                     "Đi họp đúng giờ; Tiết kiệm điện, nước ;", "--breakthrough", "Chuyển đổi số", "--signed",
                     "15/02/2025")  # fmt: skip
    assert saved["commitments"] == ["Đi họp đúng giờ", "Tiết kiệm điện, nước"]
    run_json(capsys, db, "plans", "review", str(a), "--year", "2025", "--midyear", "--result", "partly")
    run_json(capsys, db, "plans", "review", str(a), "--year", "2025", "--year-end", "--result", "done",
             "--note", "Đã khắc phục")  # fmt: skip
    rows = run_json(capsys, db, "plans", "list", "--year", "2025")
    assert [r["member_id"] for r in rows] == [b, a]  # An before Ánh
    for r in rows:
        assert {"member_id", "full_name", "signed_on", "midyear", "year_end"} <= set(r)
    mine = next(r for r in rows if r["member_id"] == a)
    assert (mine["full_name"], mine["signed_on"], mine["midyear"], mine["year_end"]) == (
        "Trần Thị Ánh", "2025-02-15", "partly", "done",
    )  # fmt: skip
    other = next(r for r in rows if r["member_id"] == b)
    assert (other["signed_on"], other["midyear"], other["year_end"], other["state"]) == (None, None, None, "missing")
    # the member without a plan is a finding once the deadline has passed; the one with a plan is not
    assert run(capsys, db, "branch", "record-start", "01/01/2025")[0] == 0  # 2025's history is kept here too
    findings = run_json(capsys, db, "check", "--year", "2025")
    missing = [f for f in findings if f["rule"] == "plan_missing"]
    assert [f["member_id"] for f in missing] == [b]
    assert "Nguyễn Văn An" in missing[0]["message"] and "31/03/2025" in missing[0]["message"]


def test_review_of_one_commitment_and_plain_output(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    a = add_member(capsys, db, "Lê Văn Tám")
    assert run(capsys, db, "plans", "set", str(a), "--year", "2025", "--commitments", "Một;Hai", "--signed",
               "01/03/2025")[0] == 0  # fmt: skip
    code, out, _ = run(capsys, db, "plans", "review", str(a), "--year", "2025", "--year-end", "--result",
                       "not_done", "--item", "2")  # fmt: skip
    assert code == 0 and "Chưa hoàn thành" in out
    code, out, _ = run(capsys, db, "plans", "list", "--year", "2025")
    assert code == 0 and "Lê Văn Tám" in out and "Đã ký" in out


def test_learning_add_copies_the_file_into_the_data_folder(capsys, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = add_member(capsys, db, "Trần Thị Ánh")
    paper = tmp_path / "Bài thu hoạch của tôi.docx"
    paper.write_bytes(b"PK\x03\x04 not really a docx, only bytes to keep")
    got = run_json(capsys, db, "learning", "add", str(a), "--year", "2025", "--submitted", "20/04/2025",
                   "--file", str(paper))  # fmt: skip
    kept = db.parent / "bai-thu-hoach" / got["file"]
    assert kept.read_bytes() == paper.read_bytes()
    assert got["file"].startswith("2025/") and " " not in got["file"]
    listed = run_json(capsys, db, "learning", "list", "--year", "2025")
    assert [(r["member_id"], r["submitted_on"]) for r in listed] == [(a, "2025-04-20")]


def test_models_and_awards_add_and_list(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    a = add_member(capsys, db, "Trần Thị Ánh")
    model = run_json(capsys, db, "models", "add", "--year", "2025", "--title", "Tủ sách Lời Bác dạy", "--kind",
                     "model", "--note", "Mỗi tháng một câu chuyện")  # fmt: skip
    run_json(capsys, db, "models", "add", "--year", "2025", "--title", "Gương mẫu", "--kind", "exemplar",
             "--member", str(a))  # fmt: skip
    models = run_json(capsys, db, "models", "list", "--year", "2025")
    by_kind = {m["kind"]: m for m in models}
    assert set(by_kind) == {"model", "exemplar"} and len(models) == 2
    assert (by_kind["model"]["id"], by_kind["model"]["member_id"], by_kind["model"]["note"]) == (
        model["id"], None, "Mỗi tháng một câu chuyện",
    )  # fmt: skip
    assert (by_kind["exemplar"]["member_id"], by_kind["exemplar"]["member_name"]) == (a, "Trần Thị Ánh")
    run_json(capsys, db, "awards", "add", "--year", "2025", "--form", "Giấy khen", "--level", "Đảng ủy phường",
             "--date", "19/05/2025", "--member", str(a), "--decision", "12-QĐ/ĐU")  # fmt: skip
    run_json(capsys, db, "awards", "add", "--year", "2025", "--form", "Bằng khen", "--level", "Tỉnh ủy",
             "--date", "02/09/2025", "--branch")  # fmt: skip
    awards = run_json(capsys, db, "awards", "list", "--year", "2025")
    assert [(x["form"], x["member_id"], x["branch"], x["date"]) for x in awards] == [
        ("Giấy khen", a, False, "2025-05-19"),
        ("Bằng khen", None, True, "2025-09-02"),
    ]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["plans", "set", "{a}", "--year", "2025", "--commitments", " ; "], "Nội dung cam kết: chưa nhập"),
        (["plans", "set", "{a}", "--year", "2025", "--commitments", "x", "--signed", "31/02/2025"], "Ngày ký"),
        (["plans", "set", "999", "--year", "2025", "--commitments", "x"], "Đảng viên"),
        (["plans", "review", "{a}", "--year", "2025", "--midyear", "--result", "done"], "chưa có kế hoạch"),
        (
            ["learning", "add", "{a}", "--year", "2025", "--submitted", "01/05/2025", "--file", "/nope/x.docx"],
            "không tìm thấy tệp",
        ),
        (
            [
                "awards",
                "add",
                "--year",
                "2025",
                "--form",
                "Giấy khen",
                "--level",
                "X",
                "--date",
                "01/01/2024",
                "--branch",
            ],
            "không thuộc năm",
        ),
        (["models", "add", "--year", "2025", "--title", "  ", "--kind", "model"], "Tên mô hình"),
        (["plans", "deadlines", "--plan", "31/02"], "Hạn kế hoạch cá nhân"),
    ],
)
def test_wrong_input_exits_1_with_a_sentence_and_changes_nothing(capsys, db: Path, args, words) -> None:  # type: ignore[no-untyped-def]
    a = add_member(capsys, db, "Trần Thị Ánh")
    before = db_fingerprint(db)
    code, out, err = run(capsys, db, *[x.format(a=a) for x in args])
    assert code == 1 and out == ""
    assert words in err and "Traceback" not in err
    assert db_fingerprint(db) == before


def test_awards_need_a_member_or_the_branch(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as stop:
        main(
            ["--db", str(db), "awards", "add", "--year", "2025", "--form", "G", "--level", "L", "--date", "01/05/2025"]
        )
    assert stop.value.code == 2
    assert "--member" in capsys.readouterr().err


def test_deadlines_can_be_moved_and_move_the_finding(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    b = add_member(capsys, db, "Nguyễn Văn An")
    got = run_json(capsys, db, "plans", "deadlines", "--plan", "15/4", "--review", "20/12")
    assert got == {"plan_deadline": "15/04", "review_deadline": "20/12"}
    assert run(capsys, db, "branch", "record-start", "01/01/2025")[0] == 0  # 2025's history is kept here too
    findings = run_json(capsys, db, "check", "--year", "2025")
    assert any(f["rule"] == "plan_missing" and f["member_id"] == b and "15/04/2025" in f["message"] for f in findings)
    assert run_json(capsys, db, "plans", "deadlines", "--plan", "")["plan_deadline"] == "31/03"


def test_models_and_awards_delete(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    add_member(capsys, db, "Trần Thị Ánh")
    model = run_json(capsys, db, "models", "add", "--year", "2025", "--title", "Mô hình nhầm", "--kind", "model")
    award = run_json(capsys, db, "awards", "add", "--year", "2025", "--form", "Giấy khen", "--level", "X",
                     "--date", "01/05/2025", "--branch")  # fmt: skip
    assert run(capsys, db, "models", "delete", str(model["id"]))[0] == 0
    assert run(capsys, db, "awards", "delete", str(award["id"]))[0] == 0
    assert run_json(capsys, db, "models", "list", "--year", "2025") == []
    assert run_json(capsys, db, "awards", "list", "--year", "2025") == []
    before = db_fingerprint(db)
    code, _, err = run(capsys, db, "awards", "delete", str(award["id"]))
    assert code == 1 and "Không tìm thấy" in err and db_fingerprint(db) == before
