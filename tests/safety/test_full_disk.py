"""Every writing command on a tiny, full file system: one Vietnamese sentence, exit code 1, nothing changed.

Issue #16 finding 3: ``demo`` on a full disk ended in ``sqlite3.OperationalError: database or disk is
full``. A real tmpfs of a few megabytes is mounted (we need root for that; elsewhere the test is
skipped) and filled to the last byte, or to a little slack so that the command gets past opening
and fails in the middle of its work.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.main import main
from tests.conftest import db_fingerprint
from tests.safety.hostile_files import good_member_list

#: The sentences a storage failure may end in (database writes; file writes through exporters/atomic.py).
#: Commands whose refusal must leave the database exactly as it was (exports never change it anyway).
WRITES_THE_DATABASE = (
    "members add", "meetings add", "meetings adopt", "topics assign", "members import", "restore",
    "plans set", "models add", "learning add", "awards add",
)  # fmt: skip
STORAGE_SENTENCES = ("đã đầy nên việc vừa làm chưa được lưu", "Không đủ chỗ trống để ghi")


def _mount(point: Path, size: str) -> None:
    point.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
            check=True,
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot mount a tiny tmpfs here (needs root): {exc}")


@pytest.fixture
def tiny(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "tiny"
    _mount(point, "6m")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=20)


def fill(folder: Path, slack: int = 0) -> Path:
    """Fill the file system of *folder* to the last block, then give back *slack* bytes."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        for chunk in (1 << 16, 1 << 12, 1 << 9):
            block = b"\0" * chunk
            while True:
                try:
                    if os.write(fd, block) < chunk:
                        break
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    finally:
        os.close(fd)
    if slack:
        os.truncate(filler, max(0, filler.stat().st_size - slack))
    return filler


def run(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])  # a traceback here fails the test: it must never escape
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def outside(tmp_path: Path, capsys) -> dict[str, Path]:
    """Inputs kept on the ordinary disk: a member list, a branch's Excel summary, a backup to restore."""
    source = tmp_path / "nguon"
    source.mkdir()
    (source / "danh-sach.xlsx").write_bytes(good_member_list())
    other = source / "chi-bo-khac.sqlite3"
    assert run(capsys, other, "demo", "--members", "6", "--years", "1")[0] == 0
    summary = source / "tong-hop" / "chi-bo-khac.xlsx"
    summary.parent.mkdir()
    assert run(capsys, other, "export", "summary", "--year", "2026", "--quarter", "3", "--out", str(summary))[0] == 0
    return {"list": source / "danh-sach.xlsx", "summary_dir": summary.parent, "backup": other}


def _commands(db: Path, tiny: Path, outside: dict[str, Path], draft: int) -> dict[str, list[str]]:
    out = tiny / "ra"
    return {
        "members add": ["members", "add", "--name", "Lê Văn Mới", "--born", "01/01/1980", "--joined", "01/01/2010"],
        "meetings add": ["meetings", "add", "--kind", "thuong_ky", "--date", "05/11/2026", "--content", "x" * 20000],
        "meetings adopt": ["meetings", "adopt", str(draft)],
        "topics assign": [
            "topics",
            "assign",
            "--year",
            "2027",
            "--quarter",
            "2",
            "--title",
            "Chủ đề",
            "--members",
            "1",
        ],
        "members import": ["members", "import", str(outside["list"])],
        "members export": ["members", "export", str(tiny / "danh-sach.xlsx")],
        "backup": ["backup"],
        "backup --to": ["backup", "--to", str(out), "--no-encrypt"],
        "restore": ["restore", str(outside["backup"])],
        "export minutes": ["export", "minutes", str(draft), "--out", str(tiny / "bien-ban.docx")],
        "export resolution": ["export", "resolution", str(draft), "--out", str(tiny / "nghi-quyet.docx")],
        "export report": ["export", "report", "--year", "2026", "--half", "1", "--out", str(tiny / "bao-cao.docx")],
        "export summary": ["export", "summary", "--year", "2026", "--quarter", "3", "--out", str(tiny / "th.xlsx")],
        "export package": ["export", "package", "--year", "2026", "--quarter", "3", "--to", str(out)],
        "consolidate": ["consolidate", str(outside["summary_dir"]), "--out", str(tiny / "tong-hop.xlsx")],
        "plans set": [
            "plans",
            "set",
            "1",
            "--year",
            "2026",
            "--commitments",
            "Học tập; làm theo",
            "--signed",
            "05/01/2026",
        ],
        "models add": ["models", "add", "--year", "2026", "--title", "Mô hình dân vận khéo", "--kind", "model"],
        "learning add": [
            "learning",
            "add",
            "1",
            "--year",
            "2026",
            "--submitted",
            "05/11/2026",
            "--file",
            str(outside["list"]),
        ],
        "awards add": [
            "awards",
            "add",
            "--year",
            "2026",
            "--form",
            "Giấy khen",
            "--level",
            "Đảng ủy xã",
            "--date",
            "05/11/2026",
            "--member",
            "1",
        ],
    }


def _a_draft_meeting(capsys, db: Path) -> int:
    code, out, _ = run(capsys, db, "meetings", "list", "--json")
    drafts = [m["id"] for m in json.loads(out) if m.get("status") == "draft"]
    if drafts:
        return drafts[0]
    code, out, err = run(capsys, db, "meetings", "add", "--kind", "thuong_ky", "--date", "05/11/2026", "--json")
    assert code == 0, err
    return int(json.loads(out)["id"])


@pytest.mark.parametrize("slack", [0, 48 * 1024], ids=["no-byte-left", "a-little-left"])
def test_every_writing_command_on_a_full_disk_says_one_sentence(capsys, tiny, outside, slack) -> None:
    db = tiny / "sochibo.sqlite3"
    assert run(capsys, db, "demo", "--members", "8", "--years", "1")[0] == 0
    draft = _a_draft_meeting(capsys, db)
    commands = _commands(db, tiny, outside, draft)
    failures = []
    for name, args in commands.items():
        before = db_fingerprint(db)
        filler = fill(tiny, slack)
        code, _, err = run(capsys, db, *args)
        filler.unlink()
        if code == 0 and slack:
            continue  # it fitted in the slack: fine, as long as it said nothing alarming
        if code != 1 or not any(s in err for s in STORAGE_SENTENCES) or "Traceback" in err:
            failures.append(f"{name}: exit {code}, stderr {err!r}")
        elif name in WRITES_THE_DATABASE and db_fingerprint(db) != before:
            failures.append(f"{name}: the database changed")  # a refused write leaves it as it was
        for leftover in tiny.iterdir():
            assert not leftover.name.endswith((".tmp", ".part")), f"{name} left {leftover.name}"
    assert not failures, "\n".join(failures)


def test_demo_on_a_full_disk_is_refused_in_one_sentence(capsys, tiny) -> None:
    """The case of the issue: a new, empty database and ``demo`` with no room left for its rows."""
    db = tiny / "sochibo.sqlite3"
    assert run(capsys, db, "members", "list")[0] == 0  # a new, empty branch
    for slack in (0, 96 * 1024):
        filler = fill(tiny, slack)
        code, out, err = run(capsys, db, "demo")
        filler.unlink()
        assert code == 1 and out == "" and "đã đầy nên việc vừa làm chưa được lưu" in err, err
        assert str(db) in err
        code, out, _ = run(capsys, db, "members", "list")
        assert code == 0 and "Tổng số: 0 đồng chí" in out  # nothing half-written
    assert shutil.disk_usage(tiny).free > 0


def test_the_window_says_the_same_sentence_for_a_full_disk(qtbot, tiny) -> None:
    """A window action that writes (here: saving a member through the service, as the dialog does) and
    any raw storage failure that escapes a service both end in the storage sentence, not "unexpected"."""
    import sqlite3

    from app.bootstrap import open_services
    from app.config import AppPaths
    from app.domain.errors import StorageError
    from app.services.members import member_from_fields
    from ui.errors import plain_message, set_log_folder

    paths = AppPaths.for_database(tiny / "sochibo.sqlite3")
    s = open_services(paths, backup_on_start=False)
    set_log_folder(tiny, paths.database)
    try:
        filler = fill(tiny, 0)
        fields = {"full_name": "Lê Văn Mới", "date_of_birth": "01/01/1980", "joined_on": "01/01/2010"}
        with pytest.raises(StorageError) as caught:
            for n in range(200):  # the first inserts may fit in pages SQLite already has
                s.members.add(member_from_fields({**fields, "full_name": f"Lê Văn Mới {n}"}))
        assert "đã đầy nên việc vừa làm chưa được lưu" in plain_message(caught.value)
        raw = sqlite3.OperationalError("database or disk is full")
        assert "đã đầy" in plain_message(raw) and str(paths.database) in plain_message(raw)
        assert "đã đầy" in plain_message(OSError(errno.ENOSPC, "No space left on device", str(tiny / "x.docx")))
        filler.unlink()
    finally:
        s.close()


def test_a_read_only_disk_says_so_for_every_command(capsys, tiny, outside) -> None:
    """The database on a medium mounted read-only (a locked SD card, a CD copy): one sentence, never a traceback."""
    db = tiny / "sochibo.sqlite3"
    assert run(capsys, db, "demo", "--members", "6", "--years", "1")[0] == 0
    draft = _a_draft_meeting(capsys, db)
    before = db.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny)], check=True, capture_output=True, timeout=20)
    try:
        failures = []
        for name, args in {"members list": ["members", "list"], **_commands(db, tiny, outside, draft)}.items():
            if name == "consolidate":
                continue  # needs no database: its output on the read-only disk is covered by the export checks
            code, _, err = run(capsys, db, *args)
            if code != 1 or "Traceback" in err or not ("chỉ đọc" in err or "Không ghi được" in err):
                failures.append(f"{name}: exit {code}, stderr {err!r}")
        assert not failures, "\n".join(failures)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny)], capture_output=True, timeout=20)
    assert db.read_bytes() == before
