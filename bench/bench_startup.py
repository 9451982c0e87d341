"""Start-up: launch to main window shown on the large demo branch, against a bare PySide6 window (target ≤ 1.5×).

Both are fresh processes in the same environment (offscreen Qt, warm page cache), timed from spawn to
exit; each quits from the event loop right after its window is shown (the app through
SOCHIBO_BENCH_EXIT_ON_SHOWN=1 in ui/main.py). Runs alternate so that machine noise hits both alike.
Run alone: `python bench/bench_startup.py [--quick] [--repeat=N]` (5 runs with --quick, 9 without).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import ROOT, copy_db, demo_db, demo_size, result

TARGET = 1.5
BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def _env(home: Path) -> dict[str, str]:
    # A private home: the window's QSettings and the platform data folder must not touch the user's.
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "SOCHIBO_BENCH_EXIT_ON_SHOWN": "1", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"), "APPDATA": str(home), "LOCALAPPDATA": str(home),
            "PYTHONPATH": str(ROOT),
            # An installed program starts from compiled bytecode: let the source tree's be cached (under out/)
            # even where the environment forbids writing .pyc files, or every start compiles ~80 modules.
            "PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(ROOT / "out" / "bench-cache" / "pycache")}  # fmt: skip


def timed(command: list[str], env: dict[str, str], timeout: float = 120) -> tuple[float, float | None]:
    """(milliseconds from spawn to exit, peak RSS in MB or None where wait4 is missing)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        peak = None
        try:
            if hasattr(os, "wait4"):
                deadline = time.monotonic() + timeout
                while True:  # wait4 has no timeout: poll without reaping, then reap with its rusage
                    pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                    if pid:
                        break
                    if time.monotonic() > deadline:
                        raise subprocess.TimeoutExpired(command, timeout)
                    time.sleep(0.002)
                elapsed = (time.perf_counter() - started) * 1000
                process.returncode = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss / 1024
            else:  # pragma: no cover - Windows
                process.wait(timeout)
                elapsed = (time.perf_counter() - started) * 1000
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise RuntimeError(f"{command[0]} did not quit within {timeout:.0f} s (window never shown?)") from None
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(
                f"{command} exited {process.returncode}: {errors.read().decode(errors='replace')[-2000:]}"
            )
    return elapsed, peak


def run(quick: bool = False, repeat: int | None = None) -> dict[str, Any]:
    size = demo_size(quick)
    source, built = demo_db(**size)
    repeat = repeat or (5 if quick else 9)
    with tempfile.TemporaryDirectory(prefix="sochibo-bench-start-") as tmp:
        home = Path(tmp)
        database = copy_db(source, home / "db")
        env = _env(home)
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        app_cmd = [sys.executable, "-m", "ui", "--db", str(database)]
        frozen = ROOT / "dist" / "SoChiBo" / ("SoChiBo.exe" if os.name == "nt" else "SoChiBo")
        commands = {"bare": bare_cmd, "app": app_cmd}
        if frozen.exists():
            commands["frozen"] = [str(frozen), "--db", str(database)]
        for name, command in list(commands.items()):  # warm-up: page cache, .pyc files, the first backup
            try:
                timed(command, env, timeout=20 if name == "frozen" else 120)
            except RuntimeError as error:
                if name != "frozen":
                    raise
                print(f"  (frozen bundle skipped: {error}; rebuild it with pyinstaller build.spec)", file=sys.stderr)
                del commands[name]
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, float] = {}
        for _ in range(repeat):
            for name, command in commands.items():
                ms, peak = timed(command, env)
                times[name].append(ms)
                if peak is not None:
                    peaks[name] = max(peaks.get(name, 0.0), peak)
    med = {name: statistics.median(values) for name, values in times.items()}
    ratio = med["app"] / med["bare"]
    detail = (
        f"{size['members']:,} members, {size['years']} years"
        + (f" (demo built in {built:.0f} s)" if built is not None else " (cached demo)")
        + f"; median of {repeat}: app {med['app']:.0f} ms, bare window {med['bare']:.0f} ms"
        + (f", frozen bundle {med['frozen']:.0f} ms" if "frozen" in med else "")
        + (f"; peak RSS app {peaks['app']:.0f} MB, bare {peaks['bare']:.0f} MB" if peaks else "")
    )
    return result("startup", ratio=ratio, target=TARGET, detail=detail, peak_mb=peaks.get("app"))


if __name__ == "__main__":
    times = next((int(arg.split("=", 1)[1]) for arg in sys.argv if arg.startswith("--repeat=")), None)
    print(run("--quick" in sys.argv, times))
