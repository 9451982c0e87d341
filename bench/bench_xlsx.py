"""Excel benchmarks against plain openpyxl on the same cells (target ratio ≤ 1.3 each).

1. xlsx_year_summary: the summary workbook of a year for a large branch (5,000 members; --quick 1,000), rendered
   from its PeriodReport, against openpyxl's write-only mode appending the very same cell values (read back from
   our file, untimed) with no styles, no letterhead, no hidden sheet. Gathering the report is printed apart.
2. xlsx_consolidate_300: consolidating 300 branch files (--quick 60): every check (zip pre-check, entity scan,
   SHA-256, hidden sheet, digest, visible cells) plus the consolidated workbook, against openpyxl opening each file
   read-only and reading the same two sheets.

Peak memory: Python allocations during one run of each side (tracemalloc, separate from the timed runs), and the
process's peak RSS. Run alone: `python bench/bench_xlsx.py [--quick]`.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._common import copy_db, demo_db, peak_rss_mb, result  # noqa: E402

TARGET = 1.3
NOW = datetime(2026, 11, 22, 9, 30)


def _best(fn: Callable[[], Any], repeat: int) -> float:
    """Best of *repeat* after one warm-up: on a shared machine noise only ever adds."""
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def _traced_mb(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


# --------------------------------------------------------------------------- 1. summary of a year
def _sheet_values(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    finally:
        wb.close()


def _raw_write(sheets: list[tuple[str, list[list[Any]]]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def bench_summary(quick: bool) -> dict[str, Any]:
    from app.bootstrap import open_services
    from app.config import AppPaths
    from app.domain import periods
    from exporters.summary_xlsx import SummaryMeta, render_summary

    members = 1000 if quick else 5000
    repeat = 2 if quick else 3
    source, built = demo_db(members, 1)
    with tempfile.TemporaryDirectory(prefix="sochibo-bench-xlsx-") as tmp:
        services = open_services(
            AppPaths.for_database(copy_db(source, Path(tmp))), now=lambda: NOW, lock=False, backup_on_start=False
        )
        try:
            period = periods.year(NOW.year)
            started = time.perf_counter()
            report = services.reports.period_report(period)
            gather_s = time.perf_counter() - started
        finally:
            services.close()
    meta = SummaryMeta("bench", NOW)
    data = render_summary(report, meta)
    sheets = _sheet_values(data)  # untimed: the floor's input
    cells = sum(1 for _, rows in sheets for row in rows for v in row if v is not None)
    ours_s = _best(lambda: render_summary(report, meta), repeat)
    raw_s = _best(lambda: _raw_write(sheets), repeat)
    ours_mb = _traced_mb(lambda: render_summary(report, meta))
    raw_mb = _traced_mb(lambda: _raw_write(sheets))
    return result(
        "xlsx_year_summary",
        target=TARGET,
        ratio=ours_s / raw_s,
        peak_mb=round(ours_mb, 1),
        raw_peak_mb=round(raw_mb, 1),
        ours_s=round(ours_s, 3),
        raw_s=round(raw_s, 3),
        gather_s=round(gather_s, 3),
        cells=cells,
        detail=f"{members} đảng viên, {cells} ô, {len(data) // 1024} KB: ghi {ours_s:.2f} s (openpyxl thuần {raw_s:.2f} s); "
        f"lấy số liệu {gather_s:.2f} s; bộ nhớ Python {ours_mb:.0f} MB (thuần {raw_mb:.0f} MB)"
        + (f"; tạo dữ liệu mẫu {built:.0f} s" if built else ""),
    )


# --------------------------------------------------------------------------- 2. consolidation
def _make_branch_files(folder: Path, count: int) -> None:
    from app.bootstrap import open_services
    from app.config import AppPaths
    from app.domain import periods
    from exporters.summary_xlsx import SummaryMeta, render_summary

    services = open_services(AppPaths.under(folder / "db"), now=lambda: NOW, lock=False, backup_on_start=False)
    try:
        services.demo.fill(members=40, years=1)
        report = services.reports.period_report(periods.quarter(NOW.year, 3))
    finally:
        services.close()
    files = folder / "usb"
    files.mkdir()
    for i in range(count):
        profile = replace(report.profile, branch_code=f"cb{i:04d}", branch_name=f"CHI BỘ SỐ {i + 1}")
        data = render_summary(replace(report, profile=profile), SummaryMeta("bench", NOW))
        (files / f"chi-bo-{i:04d}.xlsx").write_bytes(data)


def _raw_read(paths: list[Path]) -> int:
    from openpyxl import load_workbook

    from exporters.summary_xlsx import HIDDEN_SHEET

    seen = 0
    for path in paths:
        with open(path, "rb") as fh:
            wb = load_workbook(fh, read_only=True, data_only=True)
            try:
                for name in (wb.sheetnames[0], HIDDEN_SHEET):
                    seen += sum(1 for _ in wb[name].iter_rows(values_only=True))
            finally:
                wb.close()
    return seen


def bench_consolidation(quick: bool) -> dict[str, Any]:
    from app.services.consolidation import ConsolidationService
    from exporters.consolidated_xlsx import render_consolidated

    count = 60 if quick else 300
    repeat = 2 if quick else 3
    with tempfile.TemporaryDirectory(prefix="sochibo-bench-cons-") as tmp:
        root = Path(tmp)
        _make_branch_files(root, count)
        folder = root / "usb"
        paths = sorted(folder.glob("*.xlsx"))
        service = ConsolidationService(now=lambda: NOW)

        def ours() -> None:
            outcome = service.run([folder])
            assert len(outcome.branches) == count, "every generated file must be accepted"
            render_consolidated(outcome, NOW)

        ours_s = _best(ours, repeat)
        raw_s = _best(lambda: _raw_read(paths), repeat)
        ours_mb = _traced_mb(ours)
        raw_mb = _traced_mb(lambda: _raw_read(paths))
    return result(
        f"xlsx_consolidate_{count}",
        target=TARGET,
        ratio=ours_s / raw_s,
        peak_mb=round(ours_mb, 1),
        raw_peak_mb=round(raw_mb, 1),
        ours_s=round(ours_s, 3),
        raw_s=round(raw_s, 3),
        files=count,
        detail=f"{count} tệp: tổng hợp {ours_s:.2f} s ({1000 * ours_s / count:.1f} ms/tệp), openpyxl thuần đọc "
        f"{raw_s:.2f} s; bộ nhớ Python {ours_mb:.0f} MB (thuần {raw_mb:.0f} MB)",
    )


def run(quick: bool = False) -> list[dict[str, Any]]:
    results = [bench_summary(quick), bench_consolidation(quick)]
    for r in results:
        print(
            f"{r['name']} ratio={r['ratio']} target={r['target']} {'ok' if r['ok'] else 'over'} peak_mb={r['peak_mb']}"
        )
        print(f"  {r['detail']}")
    print(f"  peak RSS of the process: {peak_rss_mb():.0f} MB")
    return results


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])
