"""The dues book on the demo branch: the Art. 8 alert, the minutes' dues paragraph and the dues book agree with the
ledger to the đồng, the collection sheet, bad input that changes nothing, the v5 -> v6 upgrade."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.bootstrap import Services, open_services
from app.config import AppPaths
from app.domain import error_text
from app.domain.dues import Channel, DuesKind, Month, ReliefKind
from app.domain.errors import ValidationError
from tests.conftest import NOW, db_fingerprint
from tests.exporters.docx_read import open_docx, texts

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def _sheet_rows(path: Path, index: int = 0) -> list[tuple]:
    wb = load_workbook(path)
    return [tuple(r) for r in wb.worksheets[index].iter_rows(values_only=True)]


def _row(rows: list[tuple], first: object, column: int = 1) -> tuple:
    return next(r for r in rows if len(r) > column and r[column] == first)


def test_demo_raises_the_dues_alert_and_shows_every_case(demo: Services) -> None:
    findings = [f for f in demo.checks.run(2026) if f.rule == "dues_unpaid"]
    assert len(findings) == 1 and findings[0].severity.value == "alert"
    assert "3 tháng trong năm 2026 (tháng 8, 9, 10)" in findings[0].message
    assert not [f for f in demo.checks.run(2026) if f.rule == "dues_basis_missing"]
    october = demo.dues.month_rows(Month(2026, 10))
    statuses = {r.status for r in october}
    assert {"paid", "unpaid", "exempt"} <= statuses
    exempt = next(r for r in october if r.status == "exempt")
    assert exempt.reason == "Đủ 50 năm tuổi Đảng"
    assert any(r.advance for r in october)  # paid July–December at once
    assert any(r.status == "late" for r in demo.dues.month_rows(Month(2026, 9)))
    assert demo.checks.year_overview(2026).findings[0].rule in ("dues_unpaid", "unexcused_absences")


def test_minutes_paragraph_and_dues_book_agree_with_the_ledger(demo: Services, tmp_path: Path) -> None:
    meeting = next(m for m in demo.meetings.list(year=2026) if m.on == date(2026, 11, 5))
    out = demo.documents.minutes(meeting.id, tmp_path / "bb.docx").path
    body = "\n".join(texts(open_docx(out)))
    line = next(t for t in body.splitlines() if t.startswith("Tình hình thu, nộp đảng phí tháng 10/2026"))
    total = int(re.search(r"tổng số tiền ([\d.]+) đồng", line).group(1).replace(".", ""))
    paid, owed = map(int, re.search(r"(\d+)/(\d+) đồng chí đã nộp", line).groups())
    totals = demo.dues.month_totals(Month(2026, 10))
    assert (total, paid, owed) == (totals.paid_total, totals.paid, totals.owed - totals.exempt)
    assert "100% đảng viên nộp đảng phí đầy đủ" not in body  # the free text is gone where the book speaks
    behind = next(r for r in demo.dues.month_rows(Month(2026, 10)) if r.status == "unpaid")
    assert f"Chưa nộp: {behind.full_name}." in line

    book = demo.dues_documents.export_book(2026, tmp_path / "so.xlsx")
    rows = _sheet_rows(book)
    header = _row(rows, "Họ và tên")
    t10 = header.index("T10")
    total_row = _row(rows, "Cộng")
    assert total_row[t10] == total  # to the đồng
    assert total_row[header.index("Cả năm")] == sum(t.paid_total for t in demo.dues.year_book(2026).totals)
    assert _row(rows, behind.full_name)[t10] == "—"
    assert _row(rows, exempt_name(demo))[t10] == "Miễn"
    summary = _sheet_rows(book, 1)
    october = _row(summary, "10/2026", 0)
    assert october[6] == totals.collected and october[7] == totals.kept and october[8] == totals.upward
    assert october[9] == totals.sent and october[10].date() == totals.sent_on
    assert any(r and r[0] and "chưa kiểm chứng" in str(r[0]) for r in summary)  # the share kept is unverified


def exempt_name(s: Services) -> str:
    return next(r.full_name for r in s.dues.month_rows(Month(2026, 10)) if r.status == "exempt")


def test_collection_sheet_reads_back(demo: Services, tmp_path: Path) -> None:
    path = demo.dues_documents.export_sheet(Month(2026, 10), tmp_path / "bang-ke")
    assert path.suffix == ".xlsx"
    rows = _sheet_rows(path)
    lines = demo.dues.month_rows(Month(2026, 10))
    body = [r for r in rows if isinstance(r[0], int)]
    assert [r[1] for r in body] == [r.full_name for r in lines]
    assert sum(r[5] or 0 for r in body) == _row(rows, "Cộng")[5] == demo.dues.month_totals(Month(2026, 10)).paid_total
    assert _row(rows, "Thu trong tháng")[5] == demo.dues.month_totals(Month(2026, 10)).collected
    assert any("T/M CHI BỘ" in (c or "") for r in rows for c in r if isinstance(c, str))


def test_bad_input_changes_nothing_and_says_so_in_vietnamese(services: Services) -> None:
    member = services.members.add(
        __import__("app.domain.membership", fromlist=["Member"]).Member(
            full_name="Trần Thị Ánh", date_of_birth=date(1975, 2, 5), joined_on=date(2000, 4, 3)
        )
    )
    services.dues.set_basis(member.id, Month(2026, 2), DuesKind.SALARY, base=8_500_000)
    before = db_fingerprint(services.paths.database)
    cases = [
        lambda: services.dues.set_basis(member.id, Month(2026, 3), DuesKind.SALARY),
        lambda: services.dues.set_basis(member.id, Month(2026, 3), DuesKind.SALARY, base=1, fixed=2),
        lambda: services.dues.set_basis(999, Month(2026, 3), DuesKind.SALARY, base=1),
        lambda: services.dues.pay(member.id, Month(2026, 3), Month(2026, 3), 0),
        lambda: services.dues.pay(member.id, Month(2026, 3), Month(2026, 3), 85_000, paid_on=date(2027, 1, 1)),
        lambda: services.dues.pay(member.id, Month(1999, 1), Month(1999, 1), 85_000),  # not on the roll then
        lambda: services.dues.add_relief(member.id, Month(2026, 3), "  "),
        lambda: services.dues.add_relief(
            member.id, Month(2026, 3), "Khó khăn", kind=ReliefKind.REDUCE, reduction_pct=40
        ),
        lambda: services.dues.add_relief(
            member.id, Month(2026, 3), "Khó khăn", kind=ReliefKind.REDUCE, reduction_pct=50
        ),
    ]
    for case in cases:
        with pytest.raises(ValidationError) as caught:
            case()
        sentence = error_text.describe(caught.value)
        assert sentence and "{" not in sentence and sentence[0].isupper(), sentence
    assert db_fingerprint(services.paths.database) == before


def test_pay_several_months_and_record_what_was_sent(services: Services) -> None:
    from app.domain.membership import Member

    m = services.members.add(
        Member(full_name="Lê Văn Bình", date_of_birth=date(1980, 1, 1), joined_on=date(2005, 1, 1))
    )
    services.dues.set_basis(m.id, Month(2026, 2), DuesKind.SALARY, base=9_000_000)
    result = services.dues.pay(m.id, Month(2026, 10), Month(2026, 12), 270_000, paid_on=date(2026, 10, 8),
                               channel=Channel.PORTAL)  # fmt: skip
    assert [a for _, a in result.split] == [90_000, 90_000, 90_000]
    december = services.dues.month_rows(Month(2026, 12))[0]
    assert december.status == "paid" and december.advance and december.channel == "portal"
    sent = services.dues.record_sent(Month(2026, 10), date(2026, 11, 12))
    totals = services.dues.month_totals(Month(2026, 10))
    assert totals.collected == 270_000 and sent.amount == totals.upward == 270_000 - totals.kept
    history = services.dues.member_history(m.id)
    assert history.months[0].month == Month(2026, 12) and len(history.receipts) == 1


def test_upgrade_from_v5_adds_an_empty_dues_book(tmp_path: Path) -> None:
    target = tmp_path / "data" / "sochibo.sqlite3"
    target.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "sochibo_v5.sqlite3", target)  # the file the v5 build (record start) left
    s = open_services(AppPaths.for_database(target), now=lambda: NOW)
    try:
        assert s.ctx.db.conn.execute("PRAGMA user_version").fetchone()[0] >= 6  # later migrations may follow
        assert [m.full_name for m in s.members.all()]  # the v1..v5 content is kept
        assert not s.dues.ledger().tracked
        assert not [f for f in s.checks.run(2026) if f.rule.startswith("dues")]
        member = s.members.all()[0]
        s.dues.set_basis(member.id, Month(2026, 2), DuesKind.PENSION, base=6_000_000)
        assert s.dues.due(member.id, Month(2026, 3)).amount == 30_000
    finally:
        s.close()


def test_summary_package_and_consolidation_carry_the_dues(demo: Services, tmp_path: Path) -> None:
    from app.domain import periods
    from app.services.consolidation import ConsolidationService
    from app.services.package import package_names

    q3 = periods.quarter(2026, 3)
    figures = demo.reports.period_report(q3).key_figures()
    months = [demo.dues.month_totals(Month(2026, m)) for m in (7, 8, 9)]
    assert figures["dues_collected"] == sum(t.collected for t in months)
    assert figures["dues_upward"] == sum(t.upward for t in months)
    assert figures["dues_unpaid_months"] == 2  # August and September of the member behind
    result = demo.package.build(q3, tmp_path / "usb")
    assert (result.folder / "so-thu-nop-dang-phi_nam-2026.xlsx").exists()
    wb = load_workbook(result.folder / package_names(q3)["summary"])
    overview = [tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    assert _row(overview, "Đảng phí thu trong kỳ (đồng)")[2] == figures["dues_collected"]
    # A second branch's file: the consolidation adds their dues up.
    from dataclasses import replace

    second = open_services(AppPaths.under(tmp_path / "second"), now=lambda: NOW)
    try:
        second.demo.fill(members=12, seed=7)
        profile = second.branch.profile()
        second.branch.save_profile(replace(profile, branch_code="chi-bo-2", branch_name="CHI BỘ KHU PHỐ 2"))
        other = second.reports.period_report(q3).key_figures()
        second.summary.export(q3, tmp_path / "usb" / "tong-hop_chi-bo-2.xlsx")
    finally:
        second.close()
    consolidation = ConsolidationService().run([tmp_path / "usb"])
    assert [o.status for o in consolidation.outcomes] == ["accepted", "accepted"]  # the dues book is left out
    assert consolidation.totals()["dues_collected"] == figures["dues_collected"] + other["dues_collected"]
    out = ConsolidationService().write(consolidation, tmp_path / "tong-hop.xlsx")
    rows = _sheet_rows(out.workbook)
    header = next(r for r in rows if "Đảng phí thu (đồng)" in r)
    total = next(r for r in rows if isinstance(r[1], str) and r[1].startswith("Tổng cộng"))
    assert total[header.index("Đảng phí thu (đồng)")] == figures["dues_collected"] + other["dues_collected"]
    assert total[header.index("Đảng phí nộp cấp trên (đồng)")] == figures["dues_upward"] + other["dues_upward"]


def test_period_report_says_the_dues_of_the_quarter(demo: Services, tmp_path: Path) -> None:
    from app.domain import periods

    q3 = periods.quarter(2026, 3)
    figures = demo.reports.period_report(q3).key_figures()
    out = demo.documents.report(q3, tmp_path / "bc.docx").path
    line = next(t for t in texts(open_docx(out)) if t.startswith("Công tác thu, nộp đảng phí"))
    collected = f"{figures['dues_collected']:,}".replace(",", ".")
    assert f"tiền thu trong kỳ {collected} đồng" in line and "2 lượt tháng đảng viên chưa nộp" in line
