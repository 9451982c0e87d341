"""Shared helpers for the benchmarks: repository paths, cached demo databases, timing and memory figures.

Benchmarks never run in the test suite (STYLE.md: tests never assert timings); `bench/run.py` runs them.
Each `run(quick)` returns result dicts: name, ratio or value (+ unit), target, peak_mb, detail.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE = ROOT / "out" / "bench-cache"
#: The benchmarks' clock: the demo branch must not drift with the calendar between cached runs.
BENCH_NOW = datetime(2026, 11, 22, 9, 30)

#: Sizes of the demo branch: the issue's large branch, and the --quick one.
LARGE = {"members": 5000, "years": 20}
QUICK = {"members": 1000, "years": 3}


def demo_size(quick: bool) -> dict[str, int]:
    return dict(QUICK if quick else LARGE)


def code_key(*relative: str) -> str:
    """A short digest of the source files that shape a generated database: change them, regenerate it."""
    digest = hashlib.sha256()
    for rel in relative:
        for path in sorted((ROOT / rel).rglob("*.py")) if (ROOT / rel).is_dir() else [ROOT / rel]:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def cached_file(name: str, key: str, build: Callable[[Path], None]) -> tuple[Path, float | None]:
    """out/bench-cache/<name>-<key>.sqlite3, built by *build(path)* when missing; (path, build seconds or None)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / f"{name}-{key}.sqlite3"
    if target.exists():
        return target, None
    partial = CACHE / f"{name}-{key}.partial"
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir()
    started = time.perf_counter()
    build(partial / "db.sqlite3")
    seconds = time.perf_counter() - started
    os.replace(partial / "db.sqlite3", target)
    shutil.rmtree(partial, ignore_errors=True)
    return target, seconds


def demo_db(members: int, years: int) -> tuple[Path, float | None]:
    """A demo branch of the given size (DemoService.fill), cached by size and by the code that generates it.

    Built in a child process: a benchmark forked after a 500 MB build would report that as its own peak.
    """
    key = f"m{members}-y{years}-{code_key('app/services/demo.py', 'data', 'app/domain/membership.py', 'app/domain/meeting_record.py')}"

    def build(path: Path) -> None:
        subprocess.run(
            [sys.executable, str(Path(__file__)), "demo", str(members), str(years), str(path)], cwd=ROOT, check=True
        )

    return cached_file("demo", key, build)


def _build_demo(members: int, years: int, path: Path) -> None:
    from app.bootstrap import open_services
    from app.config import AppPaths

    services = open_services(AppPaths.for_database(path), now=lambda: BENCH_NOW, backup_on_start=False)
    try:
        services.demo.fill(members=members, years=years)
        services.ctx.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        services.close()


def copy_db(source: Path, folder: Path) -> Path:
    """A private copy to run against: opening a database may migrate it or write settings and backups."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "sochibo.sqlite3"
    shutil.copyfile(source, target)
    return target


def median_ms(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux/macOS via resource, Windows via psutil)."""
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    except ImportError:  # Windows
        import psutil

        return psutil.Process().memory_info().peak_wset / (1024 * 1024)


def result(name: str, *, target: float, ratio: float | None = None, value: float | None = None, unit: str = "",
           detail: str = "", **extra: Any) -> dict[str, Any]:  # fmt: skip
    """One benchmark line: a ratio against a floor measured in the same run, or an absolute value."""
    measured = ratio if ratio is not None else value
    assert measured is not None
    out = {"name": name, "target": target, "unit": unit, "detail": detail, "ok": measured <= target, **extra}
    out["ratio" if ratio is not None else "value"] = round(measured, 3)
    return out


if __name__ == "__main__" and sys.argv[1:2] == ["demo"]:  # the child process of demo_db()
    _build_demo(int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
