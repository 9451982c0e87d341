"""The self-test of an installed build, run in-process and through the CLI (no Qt, no bundle needed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import selftest
from app.cli.main import main as cli_main

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_and_reports_each_step(tmp_path: Path) -> None:
    report = tmp_path / "nested" / "report.txt"
    assert selftest.run_self_test(report) == 0
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "ok"
    text = "\n".join(lines)
    steps = ("chi bộ mẫu", "đã ghi, thông qua", "tìm kiếm: ", "báo cáo năm", "kiểm tra quy định", "Word: biên bản",
             "Excel: tổng hợp quý", "gói USB", "tổng hợp cấp trên: 1 chi bộ")  # fmt: skip
    for step in steps:
        assert step in text


def test_a_failing_step_is_reported_with_its_traceback_and_exit_code_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: selftest.SelfTest) -> str:
        raise selftest.SelfTestError("cố ý hỏng để kiểm tra báo cáo")

    monkeypatch.setattr(selftest.SelfTest, "search", broken)
    report = tmp_path / "report.txt"
    assert selftest.run_self_test(report) == 1
    text = report.read_text(encoding="utf-8")
    assert text.startswith("LỖI\n")
    assert "cố ý hỏng để kiểm tra báo cáo" in text
    assert "Traceback" in text


def test_an_unwritable_report_gives_exit_code_1(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert selftest.run_self_test(blocker / "report.txt") == 1  # parent is a file, not a folder


def test_cli_selftest_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "cli.txt"
    assert cli_main(["selftest", str(report)]) == 0
    assert report.read_text(encoding="utf-8").startswith("ok\n")
    assert "đạt" in capsys.readouterr().out


def test_self_test_leaves_no_temporary_folder_and_imports_no_qt(tmp_path: Path) -> None:
    # A fresh interpreter: the self-test must not pull in Qt (it runs before QApplication exists).
    code = (
        "import sys, tempfile, pathlib\n"
        "from app.selftest import run_self_test\n"
        f"rc = run_self_test(pathlib.Path({str(tmp_path / 'r.txt')!r}))\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
        "sys.exit(rc)\n"
    )
    env_tmp = tmp_path / "tmp"
    env_tmp.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "TMPDIR": str(env_tmp), "TEMP": str(env_tmp), "TMP": str(env_tmp), "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert list(env_tmp.iterdir()) == []
