"""Render the demo branch's Word documents to PNG pages, so anyone can look at them without Word.

Builds the demo branch in a temporary database (clock fixed at 22/11/2026), writes every kind of document
through DocumentService, converts them with LibreOffice headless (its own profile folder, so a running
LibreOffice is not disturbed) and rasterises the PDFs with pdftoppm. Needs libreoffice-writer-nogui,
fonts-liberation2 (metric-compatible with Times New Roman) and poppler-utils.

    .venv/bin/python scripts/render_documents.py [--out out/preview] [--dpi 70]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import open_services  # noqa: E402
from app.config import AppPaths  # noqa: E402
from app.domain import periods  # noqa: E402
from app.domain.models import AttendanceCode, MeetingKind, MeetingStatus  # noqa: E402

NOW = datetime(2026, 11, 22, 9, 30)


def write_documents(folder: Path, data_dir: Path) -> list[Path]:
    """The demo branch's documents, one of each kind (and the awkward cases), as .docx in *folder*."""
    s = open_services(AppPaths.under(data_dir), now=lambda: NOW, lock=False, backup_on_start=False)
    try:
        s.demo.fill()
        meetings = s.meetings.list(year=2026)
        regular = next(m for m in meetings if m.kind is MeetingKind.THUONG_KY and m.status is MeetingStatus.ADOPTED
                       and any(a.code is AttendanceCode.VANG_KHONG_LY_DO for a in m.attendance))  # fmt: skip
        thematic = next(m for m in meetings if m.kind is MeetingKind.CHUYEN_DE)
        combined = next(m for m in meetings if m.kind is MeetingKind.KET_HOP)
        draft = next(m for m in meetings if m.status is MeetingStatus.DRAFT)
        assert regular.id and thematic.id and combined.id and draft.id
        s.meetings.add_correction(
            combined.id,
            "Ghi thiếu ý kiến của đồng chí Chi ủy viên",
            "Bổ sung: đồng chí Phó Bí thư đề nghị hoàn thành hồ sơ đảng viên trước ngày 30/6.",
            date(2026, 7, 2),
        )
        # A meeting recorded in a hurry: no recorder, no end time, no content yet.
        bare = s.meetings.prepare(MeetingKind.THUONG_KY, date(2026, 11, 19))
        bare = s.meetings.create(replace(bare, start=time(19, 30), sections=()))
        assert bare.id
        out: list[Path] = []
        d = s.documents
        out.append(d.minutes(regular.id, folder / "1-bien-ban-thuong-ky.docx", number=True).path)
        out.append(d.minutes(thematic.id, folder / "2-bien-ban-chuyen-de.docx").path)
        out.append(d.minutes(combined.id, folder / "3-bien-ban-ket-hop-dinh-chinh.docx").path)
        out.append(d.minutes(draft.id, folder / "4-bien-ban-nhap.docx").path)
        result = d.minutes(bare.id, folder / "5-bien-ban-con-trong.docx")
        print("Biên bản còn trống:", ", ".join(result.blank_labels))
        out.append(result.path)
        out.append(d.resolution(regular.id, folder / "6-nghi-quyet.docx", number=True).path)
        out.append(d.report(periods.quarter(2026, 3), folder / "7-bao-cao-quy.docx", number=True).path)
        out.append(d.report(periods.year(2026), folder / "8-bao-cao-nam.docx").path)
        s.branch.save_profile(replace(s.branch.profile(), layout_profile="HD05-2026"))
        out.append(d.minutes(regular.id, folder / "9-bien-ban-HD05.docx").path)
        return out
    finally:
        s.close()


def render(docx: list[Path], folder: Path, dpi: int) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        sys.exit("Cần cài libreoffice-writer-nogui và poppler-utils (và fonts-liberation2) để xem trước.")
    with tempfile.TemporaryDirectory(prefix="sochibo-lo-") as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(folder), *map(str, docx)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        )  # fmt: skip
    pngs: list[Path] = []
    for path in docx:
        pdf = path.with_suffix(".pdf")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / path.stem)], check=True)
        pngs += sorted(folder.glob(f"{path.stem}-*.png"))
    return pngs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "preview")
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    folder: Path = args.out
    if folder.exists():
        for old in [*folder.glob("*.png"), *folder.glob("*.pdf"), *folder.glob("*.docx")]:
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sochibo-demo-") as data_dir:
        docx = write_documents(folder, Path(data_dir))
    for png in render(docx, folder, args.dpi):
        print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
