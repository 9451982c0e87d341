"""Each kind of document converts with LibreOffice headless (when installed): the file opens, the Vietnamese
text survives, page numbers start on page 2 and the fonts are the Times New Roman metric twin."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.domain import periods
from exporters.minutes_docx import render_minutes
from exporters.report_docx import render_report
from exporters.resolution_docx import render_resolution
from tests.exporters import samples

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None, reason="LibreOffice or poppler-utils not installed"
)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from app.bootstrap import open_services
    from app.config import AppPaths
    from tests.conftest import NOW

    folder = tmp_path_factory.mktemp("lo")
    s = open_services(AppPaths.under(folder / "data"), now=lambda: NOW, lock=False, backup_on_start=False)
    try:
        s.demo.fill()
        report = s.reports.period_report(periods.year(2026))
    finally:
        s.close()
    lay = samples.layout()
    docs: dict[str, bytes] = {}
    for name, meeting in (("regular", samples.regular()), ("thematic", samples.thematic()),
                          ("combined", samples.combined())):  # fmt: skip
        docs[f"minutes-{name}"] = render_minutes(meeting, samples.summary(meeting), samples.PROFILE, lay,
                                                 topic_title="Tự lực, tự cường")  # fmt: skip
    m = samples.regular()
    docs["resolution"] = render_resolution(m, samples.summary(m), samples.PROFILE, lay, signer_name="Nguyễn Văn Số1")
    docs["report"] = render_report(report, lay, signer_name="Phạm Kim Yến")
    paths = []
    for name, data in docs.items():
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        paths.append(path)
    profile = folder / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(folder), *map(str, paths)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return {p.stem: p.with_suffix(".pdf") for p in paths}


def _page_text(pdf: Path, page: int) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return result.stdout


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.parametrize("kind", ["minutes-regular", "minutes-thematic", "minutes-combined", "resolution", "report"])
def test_document_converts_and_keeps_its_text(pdfs: dict[str, Path], kind: str) -> None:
    pdf = pdfs[kind]
    assert pdf.exists() and pdf.stat().st_size > 5000
    first = _page_text(pdf, 1)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first
    assert "CHI BỘ TRƯỜNG THPT CHUYÊN VỊ THANH" in first or "CHI BỘ TRƯỜNG THPT" in first
    assert "Vị Thanh, ngày" in first


@pytest.mark.parametrize("kind", ["minutes-regular", "minutes-combined", "report"])
def test_page_numbers_start_on_page_two(pdfs: dict[str, Path], kind: str) -> None:
    pdf = pdfs[kind]
    assert _pages(pdf) >= 2
    first_line_1 = _page_text(pdf, 1).strip().splitlines()[0].strip()
    first_line_2 = _page_text(pdf, 2).strip().splitlines()[0].strip()
    assert first_line_2 == "2"
    assert first_line_1 != "1"


def test_only_the_times_new_roman_metric_font_is_embedded(pdfs: dict[str, Path]) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts not installed")
    fonts = subprocess.run(["pdffonts", str(pdfs["minutes-regular"])], capture_output=True, text=True).stdout
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()}
    # Liberation Serif where fonts-liberation2 stands in for Times New Roman; never a fallback mix (DejaVu)
    assert names and all(n.startswith(("LiberationSerif", "TimesNewRoman", "Times")) for n in names), names
