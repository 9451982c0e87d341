"""Run every benchmark, each in its own process, and end with one line per figure against its target.

    python bench/run.py [--quick] [--only NAME[,NAME]] [--json FILE]

--quick uses smaller data (1,000 members, 3 years; 10,000 search texts; 60 branch files) and finishes in
under two minutes once the demo databases are cached under out/bench-cache/. Each benchmark runs in a fresh
interpreter so that its peak memory is its own and no import warms the next one. The last lines read
`NAME ratio=X target=Y ok|over` (side-by-side ratios) or `NAME value=X target=Y ok|over` (absolute).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: module -> what it measures; run() returns a result dict or a list of them (see _common.result).
BENCHMARKS = {
    "bench_startup": "start-up to main window vs a bare PySide6 window",
    "bench_members_filter": "members table filter per keystroke (5,000 members)",
    "bench_search": "search top 20 with snippets (50,000 meeting texts)",
    "bench_docx": "Word: a year of minutes vs python-docx directly",
    "bench_xlsx": "Excel: year summary and consolidation of 300 files vs raw openpyxl",
    "bench_import": "member import of 5,000 rows vs openpyxl read-only; a sheet declaring 17 billion cells",
}
#: Peak-memory targets checked on top of the timing (MB), by result-name prefix.
MEMORY_TARGETS = {"xlsx_consolidate": 150.0}


def run_one(module: str, quick: bool) -> tuple[list[dict[str, Any]], float, str]:
    """(results, seconds, error text) of one benchmark module, run in a child interpreter."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    code = (
        "import json, sys\n"
        f"sys.path[:0] = [{str(HERE)!r}, {str(HERE.parent)!r}]\n"
        f"from {module} import run\n"
        f"res = run({quick!r})\n"
        "res = res if isinstance(res, list) else [res]\n"
        "import _common\n"
        "for r in res:\n"
        "    r.setdefault('process_peak_mb', round(_common.peak_rss_mb(), 1))\n"
        f"open({str(out)!r}, 'w', encoding='utf-8').write(json.dumps(res, ensure_ascii=False, default=str))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", code], cwd=HERE.parent, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    try:
        if child.returncode != 0:
            return [], seconds, (child.stderr.strip() or child.stdout.strip())[-3000:]
        return json.loads(out.read_text(encoding="utf-8")), seconds, ""
    finally:
        out.unlink(missing_ok=True)


def verdict(r: dict[str, Any]) -> str:
    measured = r.get("ratio", r.get("value"))
    ok = r.get("ok", measured is not None and measured <= r["target"])
    return "ok" if ok else "over"


def summary_line(r: dict[str, Any]) -> str:
    if "ratio" in r:
        return f"{r['name']} ratio={r['ratio']:.2f} target={r['target']} {verdict(r)}"
    unit = r.get("unit", "")
    return f"{r['name']} value={r['value']:.1f}{unit} target={r['target']}{unit} {verdict(r)}"


def memory_lines(r: dict[str, Any]) -> list[str]:
    lines = []
    for prefix, target in MEMORY_TARGETS.items():
        if r["name"].startswith(prefix):
            # The larger of the benchmark's own figure and its process's peak RSS (which also counts the
            # interpreter, the libraries and any benchmark run before it in that process): never flattering.
            peak = max(float(r.get("peak_mb") or 0), float(r.get("process_peak_mb") or 0))
            lines.append(
                f"{r['name']}_peak value={peak:.1f}MB target={target:.0f}MB {'ok' if peak <= target else 'over'}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller data, under two minutes")
    parser.add_argument("--only", default="", help="comma-separated module names, e.g. bench_search")
    parser.add_argument("--json", type=Path, help="also write every result to this file")
    args = parser.parse_args(argv)
    chosen = [m for m in BENCHMARKS if not args.only or m in args.only.split(",")]
    started = time.perf_counter()
    print(f"Sổ Chi bộ benchmarks{' (--quick)' if args.quick else ''}: {datetime.now():%Y-%m-%d %H:%M}, "
          f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs")  # fmt: skip
    results: list[dict[str, Any]] = []
    missing: list[str] = []
    for module in chosen:
        if importlib.util.find_spec(module) is None and not (HERE / f"{module}.py").exists():
            missing.append(module)
            print(f"\n{module}: SKIPPED — bench/{module}.py does not exist yet ({BENCHMARKS[module]})")
            continue
        print(f"\n{module}: {BENCHMARKS[module]} …", flush=True)
        found, seconds, error = run_one(module, args.quick)
        if error:
            print(f"  FAILED after {seconds:.0f} s:\n    " + error.replace("\n", "\n    "))
            results.append({"name": module, "error": error})
            continue
        for r in found:
            print(f"  {summary_line(r)}  (peak {r.get('process_peak_mb', '?')} MB RSS)")
            for line in str(r.get("detail", "")).splitlines():
                print(f"    {line.strip()}")
        print(f"  ({seconds:.0f} s)")
        results.extend(found)
    print(f"\nAll done in {time.perf_counter() - started:.0f} s.\n")
    for r in results:
        if "error" in r:
            print(f"{r['name']} FAILED")
            continue
        print(summary_line(r))
        for line in memory_lines(r):
            print(line)
    for module in missing:
        print(f"{module} SKIPPED (not written yet)")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return 1 if any("error" in r for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
