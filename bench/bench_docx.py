"""A year of minutes exported in one batch (DocumentService.minutes_batch) against python-docx writing the same
content directly: same paragraphs, runs, tables and page set-up, saved to files, no layers (target ratio ≤ 1.3).

The floor is measured in the same run on the same machine: the content is read back from our own files first
(untimed), then written again by a plain python-docx loop (TECH-NOTES §3.2 style: add_row().cells, no
table.cell()). Ours includes reading the meetings from SQLite, the layout, the atomic writes and fsync.
Run alone: `python bench/bench_docx.py [--quick] [-v]`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NAME = "docx_year_minutes"
TARGET = 1.3
NOW = datetime(2026, 11, 22, 9, 30)
YEAR = 2026


@dataclass
class Content:
    """One document's content as the floor writes it: blocks in order, each a paragraph or a table."""

    blocks: list[tuple[str, Any]]  # ("p", (alignment, [(text, bold, italic, size_pt)])) | ("t", (widths, rows))


def _extract(path: Path) -> Content:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = docx.Document(str(path))
    blocks: list[tuple[str, Any]] = []
    for el in doc.element.body:
        if el.tag == qn("w:p"):
            p = Paragraph(el, doc)
            runs = [(r.text, bool(r.bold), bool(r.italic), r.font.size.pt if r.font.size else None) for r in p.runs]
            blocks.append(("p", (p.alignment, runs)))
        elif el.tag == qn("w:tbl"):
            t = Table(el, doc)
            widths = [c.width for c in t.columns]
            rows = [[c.text for c in row.cells] for row in t.rows]
            blocks.append(("t", (widths, rows)))
    return Content(blocks)


def _floor_write(content: Content, target: Path) -> None:
    """What a developer would write with python-docx alone, for the same content."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Times New Roman")
    for kind, block in content.blocks:
        if kind == "p":
            alignment, runs = block
            p = doc.add_paragraph()
            p.alignment = alignment
            for text, bold, italic, size in runs:
                run = p.add_run(text)
                if bold:
                    run.bold = True
                if italic:
                    run.italic = True
                if size:
                    run.font.size = Pt(size)
        else:
            widths, rows = block
            table = doc.add_table(rows=0, cols=len(widths))
            table.autofit = False
            for column, width in zip(table.columns, widths, strict=True):
                column.width = width
            for row in rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
    doc.save(str(target))


def statistics_median(values: list[float]) -> float:
    import statistics

    return statistics.median(values)


def run(quick: bool = False) -> dict[str, Any]:
    from app.bootstrap import open_services
    from app.config import AppPaths
    from app.domain import periods

    repeat = 3 if quick else 9
    with tempfile.TemporaryDirectory(prefix="sochibo-bench-docx-") as tmp:
        root = Path(tmp)
        services = open_services(AppPaths.under(root / "data"), now=lambda: NOW, lock=False, backup_on_start=False)
        try:
            services.demo.fill(members=24, years=1 if quick else 2)
            period = periods.year(YEAR)
            started = time.perf_counter()
            results = services.documents.minutes_batch(period, root / "first")
            first_run = time.perf_counter() - started
            contents = [_extract(r.path) for r in results]  # untimed: the floor's input

            ours, floor = [], []
            for i in range(repeat):
                started = time.perf_counter()
                services.documents.minutes_batch(period, root / f"ours-{i}")
                ours.append(time.perf_counter() - started)
                folder = root / f"floor-{i}"
                folder.mkdir()
                started = time.perf_counter()
                for n, content in enumerate(contents):
                    _floor_write(content, folder / f"{n:03d}.docx")
                floor.append(time.perf_counter() - started)
        finally:
            services.close()
    # Best of N for both: on a shared 2-core machine the noise (other processes, fsync waits) only ever adds.
    ours_s, floor_s = min(ours), min(floor)
    ratio = ours_s / floor_s
    per_doc = 1000 * ours_s / len(results)
    return {
        "name": NAME,
        "ratio": round(ratio, 3),
        "target": TARGET,
        "ok": ratio <= TARGET,
        "unit": "",
        "documents": len(results),
        "ours_s": round(ours_s, 3),
        "floor_s": round(floor_s, 3),
        "ours_median_s": round(statistics_median(ours), 3),
        "first_run_s": round(first_run, 3),
        "ms_per_document": round(per_doc, 1),
        "detail": f"{len(results)} biên bản: {ours_s:.2f} s (mỗi tệp {per_doc:.0f} ms; lần đầu {first_run:.2f} s), "
        f"python-docx trực tiếp {floor_s:.2f} s",
    }


def main() -> int:
    out = run(quick="--quick" in sys.argv[1:])
    print(f"{out['name']} ratio={out['ratio']} target={out['target']} {'ok' if out['ok'] else 'over'}")
    if "-v" in sys.argv[1:]:
        print(f"  {out['detail']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
