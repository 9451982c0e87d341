"""Render every kind of document to PNG pages, so anyone can look at them without Word or Excel.

Two branches, each in a temporary database:
- the demo branch (clock fixed at 22/11/2026): every kind of minutes (regular, thematic, combined with an addendum,
  draft, nearly empty, HD 05 layout), a resolution, quarter and year reports, the Excel summary of the year, the
  member roster, the USB package's files and an upper-committee consolidation of that package;
- a branch set up today, as a secretary does at first start (profile typed in normal case, a few members, this
  month's first meeting adopted): its minutes, resolution, year report and summary — the running month and
  quarter must not read as missed.
Each file is converted with LibreOffice headless (its own profile folder, so a running LibreOffice is not
disturbed), rasterised with pdftoppm, and its PDF measured (smallest text, overlapping words). Needs
libreoffice-writer-nogui and libreoffice-calc-nogui, fonts-liberation2 (metric twin of Times New Roman) and
poppler-utils.

    .venv/bin/python scripts/render_documents.py [--out out/preview] [--dpi 70] [--today 2026-12-01]
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
from app.domain.branch_profile import BranchProfile  # noqa: E402
from app.domain.meeting_record import AttendanceCode, MeetingKind, MeetingStatus  # noqa: E402
from app.domain.membership import PartyPosition  # noqa: E402
from app.services.consolidation import ConsolidationService  # noqa: E402
from app.services.members import member_from_fields  # noqa: E402

NOW = datetime(2026, 11, 22, 9, 30)


def write_documents(folder: Path, data_dir: Path) -> list[Path]:
    """The demo branch's documents, one of each kind (and the awkward cases), as .docx in *folder*."""
    s = open_services(AppPaths.under(data_dir), now=lambda: NOW, lock=False, backup_on_start=False)
    try:
        s.demo.fill()
        meetings = s.meetings.load(year=2026)
        regular = next(m for m in meetings if m.kind is MeetingKind.REGULAR and m.status is MeetingStatus.ADOPTED
                       and any(a.code is AttendanceCode.ABSENT_UNEXCUSED for a in m.attendance))  # fmt: skip
        thematic = next(m for m in meetings if m.kind is MeetingKind.THEMATIC)
        combined = next(m for m in meetings if m.kind is MeetingKind.COMBINED)
        draft = next(m for m in meetings if m.status is MeetingStatus.DRAFT)
        assert regular.id and thematic.id and combined.id and draft.id
        s.meetings.add_correction(
            combined.id,
            "Ghi thiếu ý kiến của đồng chí Chi ủy viên",
            "Bổ sung: đồng chí Phó Bí thư đề nghị hoàn thành hồ sơ đảng viên trước ngày 30/6.",
            date(2026, 7, 2),
        )
        # A meeting recorded in a hurry: no recorder, no end time, no content yet.
        bare = s.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 19))
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
        year = periods.year(2026)
        out.append(s.summary.export(year, folder / "10-tong-hop-nam.xlsx"))
        out.append(s.summary.export_roster(folder / "11-danh-sach-dang-vien.xlsx"))
        usb = data_dir / "usb"
        package = s.package.build(periods.quarter(2026, 3), usb)
        print("Gói USB:", ", ".join(e.path for e in package.files))
        consolidation = ConsolidationService(now=lambda: NOW).run([usb])
        out.append(
            ConsolidationService(now=lambda: NOW).write(consolidation, folder / "12-tong-hop-cac-chi-bo.xlsx").workbook
        )
        s.branch.save_profile(replace(s.branch.profile(), layout_profile="HD05-2026"))
        out.append(d.minutes(regular.id, folder / "9-bien-ban-HD05.docx").path)
        return out
    finally:
        s.close()


def write_new_branch(folder: Path, data_dir: Path, today: date) -> list[Path]:
    """A branch set up today through the services, as the first-start dialog does, and its documents."""
    now = datetime.combine(today, time(9, 0))
    s = open_services(AppPaths.under(data_dir), now=lambda: now, lock=False, backup_on_start=False)
    # The branch's records start this month (members' "sinh hoạt tại chi bộ từ"): earlier months are not judged.
    since = date(today.year, today.month, 1).strftime("%d/%m/%Y")
    try:
        secretary = s.members.add(
            member_from_fields(
                {"full_name": "Nguyễn Thị Ánh", "joined_on": "19/05/2001", "official_on": "19/05/2002",
                 "branch_since": since, "party_position": PartyPosition.SECRETARY.value}
            )
        )  # fmt: skip
        s.branch.save_profile(
            BranchProfile(
                branch_name="Chi bộ Khu phố 3",
                upper_body="Đảng ủy phường Hòa Bình",
                place_name="Hòa Bình",
                term_start=date(2025, 9, 1),
                term_end=date(2030, 8, 31),
                secretary_id=secretary.id,
                committee_ids=(secretary.id,) if secretary.id else (),
            )
        )
        for name, joined, official in (
            ("Trần Văn Bình", "03/02/1990", "03/02/1991"),
            ("Lê Thị Cúc", "07/11/2015", "07/11/2016"),
            ("Phạm Quốc Dũng", "02/09/2026", ""),  # probationary: never in a vote's base
        ):
            fields = {"full_name": name, "joined_on": joined, "official_on": official, "branch_since": since}
            s.members.add(member_from_fields({k: v for k, v in fields.items() if v}))
        first = date(today.year, today.month, 1)
        meeting = s.meetings.prepare(MeetingKind.REGULAR, first)
        meeting = s.meetings.create(replace(meeting, start=time(19, 30), end=time(21, 0), place="Nhà văn hóa khu phố 3",
                                            recorder_name="Lê Thị Cúc", dues_note="Đảng viên nộp đảng phí đầy đủ."))  # fmt: skip
        assert meeting.id is not None
        adopted = s.meetings.adopt(meeting.id, first)
        assert adopted.id is not None
        d = s.documents
        return [
            d.minutes(adopted.id, folder / "20-chi-bo-moi-bien-ban.docx").path,
            d.resolution(adopted.id, folder / "21-chi-bo-moi-nghi-quyet.docx").path,
            d.report(periods.year(today.year), folder / "22-chi-bo-moi-bao-cao-nam.docx").path,
            s.summary.export(periods.year(today.year), folder / "23-chi-bo-moi-tong-hop.xlsx"),
        ]
    finally:
        s.close()


def measure(pdf: Path) -> str:
    """ "3 trang; chữ nhỏ nhất 11,0 pt; 0 chỗ chữ đè nhau" from the PDF's word boxes (tests/exporters/pdf_words.py)."""
    from tests.exporters.pdf_words import overlaps, words

    found = words(pdf)
    pages = max((w.page for w in found), default=0)
    smallest = min((w.size_pt for w in found), default=0.0)
    return f"{pages} trang; chữ nhỏ nhất {smallest:.1f} pt; {len(overlaps(found))} chỗ chữ đè nhau".replace(".", ",", 1)


def render(docx: list[Path], folder: Path, dpi: int) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        sys.exit(
            "Cần cài libreoffice-writer-nogui, libreoffice-calc-nogui và poppler-utils (và fonts-liberation2) để xem trước."
        )
    with tempfile.TemporaryDirectory(prefix="sochibo-lo-") as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(folder), *map(str, docx)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        )  # fmt: skip
    pngs: list[Path] = []
    for path in docx:
        pdf = path.with_suffix(".pdf")
        if not pdf.exists():
            sys.exit(f"LibreOffice không chuyển được {path.name} (cần libreoffice-calc-nogui cho tệp Excel).")
        print(f"{path.name}: {measure(pdf)}")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / path.stem)], check=True)
        pngs += sorted(folder.glob(f"{path.stem}-*.png"))
    return pngs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "preview")
    parser.add_argument("--dpi", type=int, default=70)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="the new branch's day")
    args = parser.parse_args()
    folder: Path = args.out
    if folder.exists():
        for old in [*folder.glob("*.png"), *folder.glob("*.pdf"), *folder.glob("*.docx"), *folder.glob("*.xlsx")]:
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sochibo-demo-") as data_dir:
        docx = write_documents(folder, Path(data_dir) / "demo")
        docx += write_new_branch(folder, Path(data_dir) / "new", args.today)
    for png in render(docx, folder, args.dpi):
        print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
