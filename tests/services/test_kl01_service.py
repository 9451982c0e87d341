"""KL 01 through the services on a real database: plans and reviews, learning-report files kept beside the
database, refusals that change nothing, the demo's findings, report figures, the Excel sheet read back and
the consolidation that sums two branches."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.bootstrap import Services
from app.domain import error_text, periods, xlsx_text
from app.domain import messages_kl01 as mk
from app.domain.errors import ValidationError
from app.domain.kl01 import PlanState, RecognitionKind, ReviewResult, ReviewStage
from app.domain.membership import Member
from app.services.consolidation import ConsolidationService
from exporters.summary_xlsx import SummaryMeta, render_summary
from tests.conftest import db_fingerprint
from tests.exporters import xlsx_samples


def _member(s: Services, name: str = "Trần Thị Ánh") -> int:
    stored = s.members.add(Member(name, date(1975, 2, 5), date(2000, 4, 3), official_on=date(2001, 4, 3)))
    assert stored.id is not None
    return stored.id


def test_plan_edit_keeps_the_review_of_unchanged_commitments(services: Services) -> None:
    a = _member(services)
    services.kl01.set_plan(a, 2026, ["Đi họp đúng giờ", "Tiết kiệm"], signed_on=date(2026, 2, 1))
    services.kl01.review(a, 2026, ReviewStage.MIDYEAR, ReviewResult.DONE, item=1)
    services.kl01.review(a, 2026, ReviewStage.MIDYEAR, ReviewResult.PARTLY, note="Còn chậm")
    plan = services.kl01.set_plan(a, 2026, ["Đi họp đúng giờ", "Giúp đỡ học sinh"])
    assert [(c.text, c.midyear) for c in plan.commitments] == [("Đi họp đúng giờ", ReviewResult.DONE),
                                                                ("Giúp đỡ học sinh", None)]  # fmt: skip
    assert (plan.signed_on, plan.midyear, plan.midyear_note) == (date(2026, 2, 1), ReviewResult.PARTLY, "Còn chậm")
    assert [e.action for e in services.branch.history("kl01_plan")][:2] == ["save", "review_midyear"]


def test_refusals_change_nothing(services: Services, paths, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = _member(services)
    before = db_fingerprint(paths.database)
    cases = [
        lambda: services.kl01.set_plan(a, 2026, ["  "]),
        lambda: services.kl01.set_plan(a, 2026, ["x"], signed_on=date(2026, 12, 31)),  # after today (22/11)
        lambda: services.kl01.set_plan(a, 2026, ["x"], signed_on=date(2024, 12, 31)),
        lambda: services.kl01.review(a, 2026, ReviewStage.YEAR_END, ReviewResult.DONE),
        lambda: services.kl01.add_learning_report(a, 2026, date(2026, 5, 1), file=tmp_path / "none.docx"),
        lambda: services.kl01.add_award(2026, "Giấy khen", "", date(2026, 5, 1)),
        lambda: services.kl01.add_recognition(2026, RecognitionKind.MODEL, "x", member_id=999),
        lambda: services.kl01.set_deadlines(plan="30/02"),
    ]
    for case in cases:
        with pytest.raises(ValidationError) as caught:
            case()
        assert error_text.describe(caught.value)  # a Vietnamese sentence, never a code
    assert db_fingerprint(paths.database) == before
    assert not (paths.database.parent / "bai-thu-hoach").exists()


def test_a_learning_report_file_is_copied_beside_the_database_not_into_it(services: Services, paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = _member(services)
    paper = tmp_path / "Thu hoạch 2026.pdf"
    paper.write_bytes(b"%PDF-1.4 " + b"x" * 200_000)
    report = services.kl01.add_learning_report(a, 2026, date(2026, 4, 20), file=paper, topic="Chuyên đề năm")
    kept = services.kl01.report_path(report)
    assert kept is not None and kept.read_bytes() == paper.read_bytes()
    assert kept.parent.parent == paths.database.parent / "bai-thu-hoach"
    blob = services.ctx.db.conn.execute("SELECT max(length(file_name)) FROM kl01_learning_report").fetchone()[0]
    assert blob < 100  # only the name is in the database
    again = services.kl01.add_learning_report(a, 2026, date(2026, 4, 21))  # a later date, the file stays
    assert again.file_name == report.file_name and again.submitted_on == date(2026, 4, 21)


def test_demo_has_real_figures_gaps_and_findings(demo: Services) -> None:
    rows = demo.kl01.grid(2026)
    states = {r.state for r in rows}
    assert {PlanState.SIGNED, PlanState.MISSING, PlanState.EXEMPT, PlanState.AWAY} <= states
    missing = {r.member.id for r in rows if r.state in (PlanState.MISSING, PlanState.DRAFT)}
    found = demo.checks.run(2026)
    flagged = {f.member_id for f in found if f.rule == "plan_missing"}
    assert flagged and flagged <= missing  # a member without a signed plan after 31/03 is a finding
    exempt = {r.member.id for r in rows if r.state in (PlanState.EXEMPT, PlanState.AWAY)}
    assert not flagged & exempt
    last_year = demo.checks.run(2025)
    assert any(f.rule == "review_missing" for f in last_year)
    assert any(f.rule == "commitment_not_kept" and f.severity.value == "info" for f in last_year)
    record = demo.kl01.year(2026)
    assert record.models and record.exemplars and record.awards and record.branch is not None


def test_report_and_excel_sheet_are_filled_from_the_data(demo: Services) -> None:
    report = demo.reports.period_report(periods.year(2026))
    k = report.kl01
    assert k is not None and 0 < k.plans_signed < k.expected and k.learning_reports > 0
    figures = report.key_figures()
    assert figures["kl01_plans_signed"] == k.plans_signed and figures["kl01_models"] == len(k.models)
    book = load_workbook(io.BytesIO(render_summary(report, SummaryMeta("0.1.0", datetime(2026, 11, 22, 9, 30)))))
    ws = book[xlsx_text.XLSX_SHEET["hcm"]]
    rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r and isinstance(r[0], int)}
    assert all(r[3] != xlsx_text.XLSX_NO_DATA for r in rows.values())  # no "chưa theo dõi" row left
    assert rows[xlsx_text.XLSX_HCM["personal_plans"]][2] == k.plans_signed
    assert rows[xlsx_text.XLSX_HCM["personal_plans_pct"]][2] == pytest.approx(k.plans_signed / k.expected)
    assert rows[xlsx_text.XLSX_HCM["learning_reports"]][2] == k.learning_reports
    assert rows[xlsx_text.XLSX_HCM["models"]][2] == len(k.models)
    assert all(m.title in rows[xlsx_text.XLSX_HCM["models"]][3] for m in k.models)
    assert rows[xlsx_text.XLSX_HCM["awards"]][2] == len(k.awards)
    assert rows[xlsx_text.XLSX_HCM["reminded"]][2] == k.not_kept


def test_consolidation_sums_the_kl01_figures_of_two_branches(demo: Services, tmp_path: Path) -> None:
    report = demo.reports.period_report(periods.quarter(2026, 3))
    for i, name in enumerate(["CHI BỘ A", "CHI BỘ B"]):
        xlsx_samples.branch_file(report, tmp_path / "usb" / f"{i}.xlsx", code=f"cb{i}", name=name)
    service = ConsolidationService(now=lambda: datetime(2026, 12, 1, 8, 0))
    result = service.run([tmp_path / "usb"], period=periods.quarter(2026, 3))
    assert result.totals()["kl01_plans_signed"] == 2 * report.key_figures()["kl01_plans_signed"]
    files = service.write(result, tmp_path / "out" / "tong-hop")
    ws = load_workbook(files.workbook)[mk.XLSX_SHEET]
    header = next(r for r in ws.iter_rows(values_only=True) if r and r[0] == "STT")
    total = next(r for r in ws.iter_rows(values_only=True) if r and isinstance(r[1], str) and r[1].startswith("Tổng"))
    plans = header.index(mk.XLSX_COLUMN["plans"])
    k = report.kl01
    assert k is not None
    assert total[plans] == 2 * k.plans_signed
    assert total[plans + 1] == pytest.approx(k.plans_signed / k.expected)  # the rate from the sums
