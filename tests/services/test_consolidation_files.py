"""Consolidation over a generated set of branch files: good, damaged, tampered, duplicated, foreign and hostile."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psutil
import pytest
from openpyxl import load_workbook

from app.bootstrap import Services
from app.cli.main import main
from app.domain import labels, manifest, periods, xlsx_text
from app.domain.errors import ExportError
from app.domain.report import PeriodReport
from app.services.consolidation import ConsolidationService
from tests.exporters import xlsx_samples

NOW = datetime(2026, 12, 1, 8, 0)


@dataclass
class BranchSet:
    root: Path
    good: list[Path]
    expected: dict[str, str]  # file name -> expected status code ("" accepted)
    report: PeriodReport


@pytest.fixture
def q3(demo: Services) -> PeriodReport:
    return demo.reports.period_report(periods.quarter(2026, 3))


@pytest.fixture
def branch_set(demo: Services, q3: PeriodReport, tmp_path: Path) -> BranchSet:
    root = tmp_path / "usb"
    good = [
        xlsx_samples.branch_file(q3, root / f"chi-bo-{i}.xlsx", code=f"cb{i}", name=name)
        for i, name in enumerate(["CHI BỘ TRƯỜNG A", "CHI BỘ ĐỘI THUẾ", "CHI BỘ BỆNH VIỆN", "CHI BỘ ÂM NHẠC"])
    ]
    expected = {p.name: "" for p in good}
    # The same branch twice: an older file in a sub-folder, the newer one later in the listing.
    xlsx_samples.branch_file(
        q3, root / "cu" / "dup-old.xlsx", code="cb9", name="CHI BỘ XÃ", made=datetime(2026, 10, 1, 8, 0)
    )
    xlsx_samples.branch_file(
        q3, root / "moi" / "dup-new.xlsx", code="cb9", name="CHI BỘ XÃ", made=datetime(2026, 10, 5, 8, 0)
    )
    expected |= {"dup-old.xlsx": "summary_superseded", "dup-new.xlsx": ""}
    q2 = demo.reports.period_report(periods.quarter(2026, 2))
    xlsx_samples.branch_file(q2, root / "foreign.xlsx", code="cb7", name="CHI BỘ QUÝ TRƯỚC")
    expected["foreign.xlsx"] = "summary_wrong_period"
    xlsx_samples.truncated(good[0], root / "damaged.xlsx", 0.7)
    expected["damaged.xlsx"] = "xlsx_not_xlsx"
    _, _, sheet, cell = xlsx_samples.hidden_figure_row(good[1], "members_total")
    xlsx_samples.edit_cells(good[1], root / "tampered.xlsx", {(sheet, cell): 999})
    expected["tampered.xlsx"] = "summary_tampered"
    row, _, sheet, cell = xlsx_samples.hidden_figure_row(good[2], "members_total")
    xlsx_samples.edit_cells(good[2], root / "both-edited.xlsx", {(sheet, cell): 999, ("_sochibo", f"C{row}"): 999})
    expected["both-edited.xlsx"] = "summary_hidden_damaged"
    xlsx_samples.member_list(
        root / "danh-sach.xlsx",
        [[1, "Lê Văn An", "01/01/1980", "01/01/2005"]],
        ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng"],
    )
    expected["danh-sach.xlsx"] = "summary_not_ours"
    xlsx_samples.entity_bomb(good[3], root / "bomb.xlsx")
    expected["bomb.xlsx"] = "xlsx_entities"
    xlsx_samples.zip_bomb(good[3], root / "zipbomb.xlsx", megabytes=55)
    expected["zipbomb.xlsx"] = "xlsx_too_large"
    xlsx_samples.docx_file(root / "bien-ban.docx").rename(root / "word.xlsx")
    expected["word.xlsx"] = "xlsx_is_word"
    (root / "~$chi-bo-0.xlsx").write_bytes(b"owner file of Excel")  # skipped silently
    return BranchSet(root, good, expected, q3)


def _by_name(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {Path(o.path).name: (o.code if o.status != "accepted" else "") for o in result.outcomes}


def test_every_file_gets_its_fate(branch_set: BranchSet) -> None:
    service = ConsolidationService(now=lambda: NOW)
    result = service.run([branch_set.root], period=periods.quarter(2026, 3))
    assert _by_name(result) == branch_set.expected
    assert [b.branch_name for b in result.branches] == [
        "CHI BỘ ÂM NHẠC", "CHI BỘ BỆNH VIỆN", "CHI BỘ ĐỘI THUẾ", "CHI BỘ TRƯỜNG A", "CHI BỘ XÃ",
    ]  # fmt: skip
    superseded = next(o for o in result.outcomes if o.status == "superseded")
    assert superseded.superseded_by.endswith("dup-new.xlsx") and "dup-new.xlsx" in superseded.reason
    tampered = next(o for o in result.outcomes if o.path.endswith("tampered.xlsx"))
    assert "999" in tampered.reason and labels.FIGURE_LABEL["members_total"] in tampered.reason
    foreign = next(o for o in result.outcomes if o.path.endswith("foreign.xlsx"))
    assert "quý II năm 2026" in foreign.reason and "quý III năm 2026" in foreign.reason
    assert not [f for f in psutil.Process().open_files() if f.path.startswith(str(branch_set.root))]


def test_output_workbook_and_receipts(branch_set: BranchSet, tmp_path: Path) -> None:
    service = ConsolidationService(now=lambda: NOW)
    result = service.run([branch_set.root], period=periods.quarter(2026, 3))
    files = service.write(result, tmp_path / "out" / "tong-hop-quy-3")
    assert files.workbook.name == "tong-hop-quy-3.xlsx"
    wb = load_workbook(files.workbook)
    ws = wb[xlsx_text.XLSX_SHEET["branches"]]
    rows = [r for r in ws.iter_rows(values_only=True) if r and isinstance(r[0], int)]
    assert [r[1] for r in rows] == [b.branch_name for b in result.branches]
    header = next(r for r in ws.iter_rows(values_only=True) if r and r[0] == "STT")
    assert header[3:6] == ("Thường kỳ T7/2026", "Thường kỳ T8/2026", "Thường kỳ T9/2026")
    figures = branch_set.report.key_figures()
    assert rows[0][2] == figures["members_total"] and rows[0][3] == figures["meetings_2026-07"]
    totals = next(
        r
        for r in ws.iter_rows(values_only=True)
        if r and isinstance(r[1], str) and r[1].startswith(xlsx_text.XLSX_TOTAL)
    )
    assert totals[2] == 5 * figures["members_total"]
    pct_col = header.index(xlsx_text.XLSX_COLUMN["attendance_pct"])
    assert totals[pct_col] == pytest.approx(figures["attendance_present"] / figures["attendance_base"], abs=1e-3)
    total_row = next(c.row for c in ws["B"] if isinstance(c.value, str) and c.value.startswith(xlsx_text.XLSX_TOTAL))
    assert ws.cell(total_row, pct_col + 1).number_format == "0.0%"
    rejected = [
        r for r in wb[xlsx_text.XLSX_SHEET["rejected"]].iter_rows(values_only=True) if r and isinstance(r[0], int)
    ]
    assert len(rejected) == sum(1 for code in branch_set.expected.values() if code)
    assert all(r[2] for r in rejected)
    receipt = files.receipt_text.read_text(encoding="utf-8")
    assert receipt.startswith("BIÊN NHẬN TỔNG HỢP SỐ LIỆU CÁC CHI BỘ — quý III năm 2026")
    assert "Đã tổng hợp 5 chi bộ; 8 tệp bị từ chối; 1 tệp là bản cũ" in receipt
    for name in branch_set.expected:
        assert name in receipt
    data = json.loads(files.receipt_json.read_text(encoding="utf-8"))
    assert {Path(f["path"]).name: f["code"] for f in data["files"]} == {n: c for n, c in branch_set.expected.items()}
    assert data["totals"]["members_total"] == 5 * figures["members_total"]


def test_without_a_period_the_first_valid_file_decides(branch_set: BranchSet) -> None:
    service = ConsolidationService(now=lambda: NOW)
    result = service.run([branch_set.root / "foreign.xlsx", branch_set.root])
    assert result.period_key == "2026-Q2"
    assert [b.branch_name for b in result.branches] == ["CHI BỘ QUÝ TRƯỚC"]
    assert sum(1 for o in result.outcomes if o.code == "summary_wrong_period") == 6


def test_a_file_resaved_without_changes_is_still_accepted(branch_set: BranchSet, tmp_path: Path) -> None:
    copy = tmp_path / "resaved.xlsx"
    load_workbook(branch_set.good[0]).save(copy)
    result = ConsolidationService(now=lambda: NOW).run([copy])
    assert [o.status for o in result.outcomes] == ["accepted"]


def test_manifest_is_checked_when_present(branch_set: BranchSet, tmp_path: Path) -> None:
    package = tmp_path / "goi"
    package.mkdir()
    target = package / "tong-hop.xlsx"
    target.write_bytes(branch_set.good[0].read_bytes())
    data = target.read_bytes()
    entry = manifest.ManifestEntry("tong-hop.xlsx", len(data), manifest.sha256_hex(data))
    (package / manifest.FILE_NAME).write_text(manifest.build({}, [entry]), encoding="utf-8")
    service = ConsolidationService(now=lambda: NOW)
    assert [o.status for o in service.run([package]).outcomes] == ["accepted"]
    wrong = manifest.ManifestEntry("tong-hop.xlsx", len(data), "0" * 64)
    (package / manifest.FILE_NAME).write_text(manifest.build({}, [wrong]), encoding="utf-8")
    assert [o.code for o in service.run([package]).outcomes] == ["summary_manifest_mismatch"]
    (package / manifest.FILE_NAME).write_text("{ không phải JSON", encoding="utf-8")
    assert [o.code for o in service.run([package]).outcomes] == ["summary_manifest_invalid"]


def test_nothing_to_read_and_nothing_valid(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    service = ConsolidationService(now=lambda: NOW)
    with pytest.raises(ExportError) as caught:
        service.run([tmp_path / "empty"])
    assert caught.value.code == "consolidate_no_input"
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    result = service.run([tmp_path / "bad.xlsx"])
    assert result.branches == [] and result.outcomes[0].code == "xlsx_not_xlsx"
    with pytest.raises(ExportError) as caught:
        service.write(result, tmp_path / "out.xlsx")
    assert caught.value.code == "consolidate_nothing"
    assert not (tmp_path / "out.xlsx").exists()


def test_unexpected_failure_of_one_file_does_not_stop_the_others(
    branch_set: BranchSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import consolidation

    real = consolidation.read_branch_summary

    def flaky(path: Path, **kw):  # type: ignore[no-untyped-def]
        if path.name == "chi-bo-1.xlsx":
            raise RuntimeError("bug")
        return real(path, **kw)

    monkeypatch.setattr(consolidation, "read_branch_summary", flaky)
    result = ConsolidationService(now=lambda: NOW).run(branch_set.good)
    assert [o.code for o in result.outcomes] == ["", "summary_unexpected", "", ""]
    assert len(result.branches) == 3


def test_progress_and_cancel(branch_set: BranchSet) -> None:
    seen: list[tuple[int, int]] = []
    service = ConsolidationService(now=lambda: NOW)
    service.run(branch_set.good, progress=lambda done, total, _: seen.append((done, total)))
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    with pytest.raises(ExportError) as caught:
        service.run(branch_set.good, cancelled=lambda: True)
    assert caught.value.code == "consolidate_cancelled"


def test_cli_consolidate(branch_set: BranchSet, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tong-hop.xlsx"
    args = ["consolidate", str(branch_set.root), "--out", str(out), "--year", "2026", "--quarter", "3"]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "Đã tổng hợp 5 chi bộ" in text and "[Bị từ chối]" in text and "[Bản cũ, không dùng]" in text
    assert out.exists() and (tmp_path / "tong-hop-bien-nhan.txt").exists()
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["accepted"] == 5 and data["superseded"] == 1 and len(data["files"]) == len(branch_set.expected)


def test_cli_consolidate_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    assert main(["consolidate", str(tmp_path / "in"), "--out", str(tmp_path / "o.xlsx")]) == 1
    assert "Không tìm thấy tệp .xlsx nào" in capsys.readouterr().err
    (tmp_path / "in" / "x.xlsx").write_bytes(b"")
    assert main(["consolidate", str(tmp_path / "in"), "--out", str(tmp_path / "o.xlsx")]) == 1
    captured = capsys.readouterr()
    assert "[Bị từ chối]" in captured.out and "Không có tệp hợp lệ nào" in captured.err
    assert not (tmp_path / "o.xlsx").exists()
    assert main(["consolidate", str(tmp_path / "in"), "--out", str(tmp_path / "o.xlsx"), "--quarter", "2"]) == 1
    assert "Hãy chọn kỳ" in capsys.readouterr().err
