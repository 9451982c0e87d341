"""Start-up on the large demo branch, against a bare PySide6 window (target ≤ 1.5× for the first window).

Two moments of the app: its first window on screen (the opening window, painted before the data file is
opened: SOCHIBO_BENCH_EXIT_ON_SHOWN=opening), which is the ratio judged, and the main window shown over
the branch with its first screen built (SOCHIBO_BENCH_EXIT_ON_SHOWN=1), reported beside it. All are fresh
processes in the same environment (offscreen Qt, warm page cache), timed from spawn to the "shown" line each
prints from its event loop right after its window is shown (then it quits). Runs alternate so that machine
noise hits them alike.
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
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 800)
window.show()
def shown():
    print(f"shown {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""


def _env(home: Path) -> dict[str, str]:
    # A private home: the window's QSettings and the platform data folder must not touch the user's.
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"), "APPDATA": str(home), "LOCALAPPDATA": str(home),
            "PYTHONPATH": str(ROOT),
            # An installed program starts from compiled bytecode: let the source tree's be cached (under out/)
            # even where the environment forbids writing .pyc files, or every start compiles ~80 modules.
            "PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(ROOT / "out" / "bench-cache" / "pycache")}  # fmt: skip


def timed(command: list[str], env: dict[str, str], timeout: float = 120) -> tuple[float, float | None]:
    """(milliseconds from spawn to the window shown, peak RSS in MB or None where wait4 is missing).

    Shown = the child's "shown <epoch seconds>" line, printed from its event loop once the window is up
    (ui/main.py, and BARE_WINDOW): the tear-down of a process that quits at once is not part of appearing.
    A child that prints none (a windowed bundle has no stdout) is timed to its exit.
    """
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        spawned = time.time()
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=errors)
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
        out.seek(0)
        stamps = [
            line.split()[1] for line in out.read().decode(errors="replace").splitlines() if line.startswith("shown ")
        ]
    return ((float(stamps[-1]) - spawned) * 1000 if stamps else elapsed), peak


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
        commands = {"bare": (bare_cmd, env), "app": (app_cmd, {**env, "SOCHIBO_BENCH_EXIT_ON_SHOWN": "opening"}),
                    "main": (app_cmd, {**env, "SOCHIBO_BENCH_EXIT_ON_SHOWN": "1"})}  # fmt: skip
        if frozen.exists():
            commands["frozen"] = ([str(frozen), "--db", str(database)], {**env, "SOCHIBO_BENCH_EXIT_ON_SHOWN": "1"})
        for name, (command, environ) in list(commands.items()):  # warm-up: page cache, .pyc files, the first backup
            try:
                timed(command, environ, timeout=20 if name == "frozen" else 120)
            except RuntimeError as error:
                if name != "frozen":
                    raise
                print(f"  (frozen bundle skipped: {error}; rebuild it with pyinstaller build.spec)", file=sys.stderr)
                del commands[name]
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, float] = {}
        for _ in range(repeat):
            for name, (command, environ) in commands.items():
                ms, peak = timed(command, environ)
                times[name].append(ms)
                if peak is not None:
                    peaks[name] = max(peaks.get(name, 0.0), peak)
    med = {name: statistics.median(values) for name, values in times.items()}
    ratio = med["app"] / med["bare"]
    detail = (
        f"{size['members']:,} members, {size['years']} years"
        + (f" (demo built in {built:.0f} s)" if built is not None else " (cached demo)")
        + f"; median of {repeat}: first window {med['app']:.0f} ms, bare window {med['bare']:.0f} ms; main window"
        + f" over the branch {med['main']:.0f} ms ({med['main'] / med['bare']:.2f}×)"
        + (f", frozen bundle {med['frozen']:.0f} ms" if "frozen" in med else "")
        + (f"; peak RSS main window {peaks['main']:.0f} MB, bare {peaks['bare']:.0f} MB" if peaks else "")
    )
    return result(
        "startup", ratio=ratio, target=TARGET, detail=detail, peak_mb=peaks.get("main"),
        main_window_ratio=round(med["main"] / med["bare"], 3),
    )  # fmt: skip


if __name__ == "__main__":
    times = next((int(arg.split("=", 1)[1]) for arg in sys.argv if arg.startswith("--repeat=")), None)
    print(run("--quick" in sys.argv, times))
