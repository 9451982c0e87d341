"""bench/run.py's verdict lines (the format CI logs and bench/README.md rely on); no benchmark is run here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ratio_and_absolute_lines(runner: ModuleType) -> None:
    assert runner.summary_line({"name": "startup", "ratio": 1.234, "target": 1.5}) == "startup ratio=1.23 target=1.5 ok"
    line = runner.summary_line({"name": "search_top20", "value": 120.0, "target": 100.0, "unit": "ms"})
    assert line == "search_top20 value=120.0ms target=100.0ms over"
    assert runner.verdict({"name": "x", "ratio": 2.0, "target": 1.3, "ok": True}) == "ok"  # the benchmark's own say


def test_consolidation_memory_uses_the_larger_peak(runner: ModuleType) -> None:
    lines = runner.memory_lines({"name": "xlsx_consolidate_300", "peak_mb": 3.0, "process_peak_mb": 160.5})
    assert lines == ["xlsx_consolidate_300_peak value=160.5MB target=150MB over"]
    assert runner.memory_lines({"name": "startup", "peak_mb": 999}) == []


def test_a_missing_benchmark_is_skipped_with_a_line(
    runner: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(runner, "BENCHMARKS", {"bench_not_written_yet": "something later"})
    assert runner.main([]) == 0
    out = capsys.readouterr().out
    assert "bench_not_written_yet: SKIPPED" in out
    assert out.rstrip().endswith("bench_not_written_yet SKIPPED (not written yet)")
