"""Member import against its floor: openpyxl reading the same list read-only (target ratio ≤ 3).

1. member_import_5000: ``MemberImportService.run`` on an honest 5,000-row list (--quick 1,000) into an empty
   branch database — reading, checking every row, the backup before writing, one transaction — against
   openpyxl opening the file read-only and iterating its values. The read alone is printed apart.
2. member_import_declared_huge: a few-KB file declaring A1:XFD1048576 with one member on the last row
   (absolute seconds; the old reader walked all 17 billion declared cells).

Run alone: `python bench/bench_import.py [--quick]`.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._common import peak_rss_mb, result  # noqa: E402

TARGET = 3.0
NOW = datetime(2026, 11, 22, 9, 30)
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ đảng viên",
          "Dân tộc", "Quê quán"]  # fmt: skip


def _best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def write_list(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    rng = random.Random(2026)
    family, middle, given = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"], ["Văn", "Thị", "Hữu", "Minh"], ["An", "Bình"]
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for i in range(1, rows + 1):
        born = date(1950 + rng.randrange(50), 1 + rng.randrange(12), 1 + rng.randrange(28))
        joined = date(born.year + 20 + rng.randrange(5), 1 + rng.randrange(12), 1 + rng.randrange(28))
        name = f"{rng.choice(family)} {rng.choice(middle)} {rng.choice(given)} {i}"
        ws.append([i, name, born, rng.choice(["Nam", "Nữ"]), joined, date(joined.year + 1, joined.month, joined.day),
                   f"{10_000_000 + i:08d}", "Kinh", "Hà Nội"])  # fmt: skip
    wb.save(path)
    return path


def _floor(path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        for _row in wb.active.iter_rows(values_only=True):
            pass
    finally:
        wb.close()


def _ours(path: Path, folder: Path) -> int:
    from app.bootstrap import open_services
    from app.config import AppPaths

    for old in folder.glob("cb*"):
        old.unlink()
    s = open_services(AppPaths.for_database(folder / "cb.sqlite3"), now=lambda: NOW, backup_on_start=False)
    try:
        report = s.importer.run(path)
        assert report.applied and not report.problems, report.problems[:3]
        return len(report.added)
    finally:
        s.close()


def bench_honest(quick: bool) -> dict[str, Any]:
    from exporters.member_sheet import read_member_sheet

    rows = 1000 if quick else 5000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_list(folder / "danh-sach.xlsx", rows)
        repeat = 3
        floor = _best(lambda: _floor(path), repeat)
        read = _best(lambda: read_member_sheet(path), repeat)
        ours = _best(lambda: _ours(path, folder), repeat)
    return result(
        f"member_import_{rows}",
        target=TARGET,
        ratio=ours / floor,
        detail=f"{rows} rows: import {ours:.2f} s (of which reading {read:.2f} s) vs openpyxl read-only {floor:.2f} s",
        peak_mb=round(peak_rss_mb(), 1),
    )


def bench_declared_huge() -> dict[str, Any]:
    from openpyxl import Workbook

    from exporters.member_sheet import read_member_sheet

    with tempfile.TemporaryDirectory() as tmp:
        plain, hostile = Path(tmp) / "plain.xlsx", Path(tmp) / "huge.xlsx"
        wb = Workbook()
        wb.active.append(HEADER[:5])
        for column, value in enumerate([1, "Trần Văn Cuối", "05/02/1975", "Nam", "03/04/2000"], start=1):
            wb.active.cell(row=1_048_576, column=column, value=value)
        wb.save(plain)
        with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename.startswith("xl/worksheets/sheet"):
                    data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', data)
                zout.writestr(info.filename, data)
        seconds = _best(lambda: read_member_sheet(hostile), 3)
        size = hostile.stat().st_size
    return result(
        "member_import_declared_huge",
        target=1.0,
        value=seconds,
        unit="s",
        detail=f"{size} bytes declaring 1,048,576 x 16,384 cells, one member on the last row: read in {seconds:.3f} s",
        peak_mb=round(peak_rss_mb(), 1),
    )


def run(quick: bool = False) -> list[dict[str, Any]]:
    results = [bench_honest(quick), bench_declared_huge()]
    for r in results:
        figure = f"ratio={r['ratio']}" if "ratio" in r else f"value={r['value']}"
        print(f"{r['name']} {figure} target={r['target']} {'ok' if r['ok'] else 'over'} peak_mb={r['peak_mb']}")
        print(f"  {r['detail']}")
    return results


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])
