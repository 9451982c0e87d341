"""The year's ratings travel in the summary workbook and the upper committee's consolidation counts them."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from app.domain import periods
from app.services.consolidation import ConsolidationService
from exporters.summary_reader import read_branch_summary
from tests.conftest import NOW
from tests.exporters import xlsx_samples

LAST = NOW.year - 1


def test_a_year_summary_carries_the_ratings_and_a_quarter_summary_does_not(demo, tmp_path: Path) -> None:
    year = demo.reports.period_report(periods.year(LAST))
    figures = year.key_figures()
    counts = demo.ratings.level_counts(LAST)
    assert figures["ratings_xuat_sac"] == counts["xuat_sac"] == 3
    assert figures["ratings_tot"] == counts["tot"]
    assert figures["branch_rating_tot"] == 1 and figures["branch_rating_xuat_sac"] == 0
    assert "ratings_tot" not in demo.reports.period_report(periods.quarter(LAST, 3)).key_figures()
    path = demo.summary.export(periods.year(LAST), tmp_path / "tong-hop.xlsx")
    read = read_branch_summary(path)  # visible cells and the hidden sheet agree, digest intact
    assert read.figures["ratings_xuat_sac"] == 3
    labels = [c.value for row in load_workbook(path).worksheets[0].iter_rows() for c in row if isinstance(c.value, str)]
    assert "Đảng viên hoàn thành xuất sắc nhiệm vụ" in labels


def test_consolidation_counts_levels_across_branches(demo, tmp_path: Path) -> None:
    year = demo.reports.period_report(periods.year(LAST))
    other = replace(year, extra_figures={**year.extra_figures, "branch_rating_tot": 0, "branch_rating_xuat_sac": 1,
                                         "ratings_xuat_sac": 1, "ratings_tot": 9})  # fmt: skip
    root = tmp_path / "usb"
    xlsx_samples.branch_file(year, root / "a.xlsx", code="cb-a", name="CHI BỘ A")
    xlsx_samples.branch_file(other, root / "b.xlsx", code="cb-b", name="CHI BỘ B")
    service = ConsolidationService(now=lambda: datetime(NOW.year, 1, 20, 8, 0))
    result = service.run([root], period=periods.year(LAST))
    assert len(result.branches) == 2
    totals = result.totals()
    assert totals["ratings_xuat_sac"] == 3 + 1
    assert totals["ratings_tot"] == year.extra_figures["ratings_tot"] + 9
    assert totals["branch_rating_tot"] == 1 and totals["branch_rating_xuat_sac"] == 1
    files = service.write(result, tmp_path / "tong-hop-cac-chi-bo.xlsx")
    ws = load_workbook(files.workbook).worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(r for r in rows if "ĐV HTXSNV" in r)
    col = header.index("ĐV HTXSNV")
    total = next(r for r in rows if isinstance(r[1], str) and r[1].startswith("Tổng cộng"))
    assert total[col] == 4 and total[header.index("Chi bộ HTXSNV")] == 1
