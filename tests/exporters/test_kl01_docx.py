"""KL 01 documents written and read back: the plan and commitment forms (one member per page, pre-filled,
blanks where nothing is recorded), the learning-report cover, the report's KL 01 section; and the forms
rendered by LibreOffice (when installed) to exactly one page per member."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from app.bootstrap import Services
from app.domain import messages_kl01 as mk
from app.domain import periods
from app.domain.kl01 import PlanState
from exporters import wording_kl01 as K
from exporters.report_docx import render_report
from tests.exporters import samples
from tests.exporters.docx_read import find, full_text, open_docx, texts


def _page_breaks(doc) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for br in doc.element.body.iter(qn("w:br")) if br.get(qn("w:type")) == "page")


def test_plan_forms_one_member_per_page_prefilled_from_the_data(demo: Services, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    count, _ = demo.kl01_documents.plan_forms(2026, out)
    rows = [
        r for r in demo.kl01.grid(2026) if r.state not in (PlanState.EXEMPT, PlanState.AWAY, PlanState.NOT_EXPECTED)
    ]
    assert count == len(rows)
    doc = open_docx(out)
    assert _page_breaks(doc) == count - 1
    lines = texts(doc)
    assert lines.count(K.PLAN_DOC) == count
    signed = next(r for r in rows if r.state is PlanState.SIGNED and r.plan is not None)
    assert signed.plan is not None and signed.plan.signed_on is not None
    text = full_text(doc)
    for c in signed.plan.commitments:
        assert c.text in text
    assert f"ngày {signed.plan.signed_on:%d} tháng {signed.plan.signed_on:%m} năm 2026" in text
    blank = next(r for r in rows if r.state is PlanState.MISSING)
    assert f"{K.FIELD_NAME}{blank.member.full_name}" in text  # a blank form still names its member
    assert K.PLACE_DATE_BLANK.format(place="Vị Thanh", year=2026) in lines
    find(doc, K.H_COMMITMENTS)


def test_forms_for_chosen_members_only_and_unknown_members_refused(demo: Services, tmp_path: Path) -> None:
    from app.domain.errors import ValidationError

    ids = [r.member.id for r in demo.kl01.grid(2026)][:2]
    count, out = demo.kl01_documents.plan_forms(2026, tmp_path / "two.docx", member_ids=ids)  # type: ignore[arg-type]
    assert count == 2 and _page_breaks(open_docx(out)) == 1
    with pytest.raises(ValidationError):
        demo.kl01_documents.plan_forms(2026, tmp_path / "bad.docx", member_ids=[9999])
    assert not (tmp_path / "bad.docx").exists()


def test_learning_cover_names_the_member_topic_and_date(demo: Services, tmp_path: Path) -> None:
    row = next(r for r in demo.kl01.grid(2026) if r.report is not None)
    assert row.member.id is not None and row.report is not None
    out = demo.kl01_documents.learning_cover(row.member.id, 2026, tmp_path / "bia.docx")
    text = full_text(open_docx(out))
    assert K.COVER_DOC in text and row.member.full_name in text
    assert f"{K.COVER_SUBMITTED}{row.report.submitted_on:%d/%m/%Y}" in text
    assert "Chuyên đề năm 2026: \u201c" in text


def test_report_section_has_counts_lists_and_no_names_of_commitments_not_kept(demo: Services) -> None:
    report = demo.reports.period_report(periods.year(2025))
    k = report.kl01
    assert k is not None and k.not_kept >= 1
    text = full_text(open_docx(render_report(report, samples.layout(), signer_name="Phạm Kim Yến")))
    assert f"- Kế hoạch cá nhân, bản cam kết: {k.plans_signed}/{k.expected} đồng chí" in text
    assert f"- Bài thu hoạch: {k.learning_reports}/{k.expected} đồng chí" in text
    for m in k.models:
        assert m.title in text
    for a in k.awards:
        assert a.form in text and (a.decision in text)
    not_kept = [f for f in demo.checks.run(2025) if f.rule == "commitment_not_kept"]
    assert not_kept and all(f.message not in text for f in not_kept)
    assert mk.COMMITMENT_NOT_KEPT.split(":")[-1].strip() not in text


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None or shutil.which("pdfinfo") is None, reason="LibreOffice or poppler not installed")
def test_libreoffice_renders_each_members_form_on_one_page(demo: Services, tmp_path: Path) -> None:
    count, out = demo.kl01_documents.plan_forms(2026, tmp_path / "forms.docx")
    cover = demo.kl01_documents.learning_cover(demo.kl01.grid(2026)[0].member.id, 2026, tmp_path / "cover.docx")  # type: ignore[arg-type]
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--norestore", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(out), str(cover)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    for pdf, pages in ((tmp_path / "forms.pdf", count), (tmp_path / "cover.pdf", 1)):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert int(next(x.split()[-1] for x in info.splitlines() if x.startswith("Pages:"))) == pages
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "forms.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "KẾ HOẠCH CÁ NHÂN VÀ BẢN CAM KẾT" in first and "NGƯỜI CAM KẾT" in first
