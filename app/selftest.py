"""End-to-end smoke check of an installed build (`SoChiBo --self-test REPORT`): never imports Qt.

A windowed Windows program has no console, so the outcome goes to a report file and the exit code:
the first line of the report is "ok" (exit 0) or "LỖI" followed by the traceback (exit 1). Every
step runs on a fresh database in a temporary folder; the user's own data is never opened.
"""

from __future__ import annotations

import platform
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from app import __version__
from app.bootstrap import Services, open_services
from app.config import AppPaths
from app.domain import periods
from app.domain.meeting_record import MeetingKind, MeetingPart, Section

#: A fixed clock: the demo branch and the checks must not depend on the day the test runs.
NOW = datetime(2026, 11, 22, 9, 30)
#: A phrase only the self-test's meeting contains, so the search step knows what it must find.
MARKER = "Kiểm tra tự động bản cài đặt Sổ Chi bộ"
#: The period every export covers: the quarter holding the self-test's meeting.
QUARTER = periods.quarter(NOW.year, (NOW.month - 1) // 3 + 1)


class SelfTestError(Exception):
    """A step produced something, but not what it should have."""


@dataclass
class SelfTest:
    """The steps, in order; each returns one line for the report."""

    root: Path
    services: Services
    meeting_id: int = 0

    def steps(self) -> list[Callable[[], str]]:
        return [
            self.demo,
            self.record_meeting,
            self.search,
            self.period_report,
            self.checks,
            self.word_documents,
            self.excel_and_package,
            self.consolidation,
            self.encryption,
        ]

    def demo(self) -> str:
        summary = self.services.demo.fill(members=30, years=2)
        return f"chi bộ mẫu: {summary.members} đảng viên, {summary.meetings} cuộc sinh hoạt"

    def record_meeting(self) -> str:
        meetings = self.services.meetings
        draft = meetings.prepare(MeetingKind.REGULAR, NOW.date())
        body = f"{MARKER}: ghi biên bản, thông qua, cấp số."
        draft = replace(draft, sections=(*draft.sections, Section("Nội dung kiểm tra", body, MeetingPart.REGULAR)))
        stored = meetings.create(draft)
        assert stored.id is not None
        adopted = meetings.adopt(stored.id)
        if not meetings.verify_seal(adopted):
            raise SelfTestError("biên bản vừa thông qua không khớp dấu niêm phong")
        numbered = meetings.assign_number(stored.id, "BB")
        self.meeting_id = stored.id
        return f"cuộc sinh hoạt #{stored.id} đã ghi, thông qua, số {numbered.doc_number}"

    def search(self) -> str:
        hits = self.services.search.search("kiem tra tu dong ban cai dat")
        if not any(h.kind == "meeting" and h.id == self.meeting_id for h in hits):
            raise SelfTestError(f"tìm kiếm không thấy cuộc sinh hoạt vừa ghi: {hits!r}")
        return f"tìm kiếm: {len(hits)} kết quả"

    def period_report(self) -> str:
        report = self.services.reports.period_report(periods.year(NOW.year))
        figures = report.key_figures()
        if not figures:
            raise SelfTestError("báo cáo năm không có số liệu")
        return f"báo cáo năm {NOW.year}: {len(figures)} số liệu"

    def checks(self) -> str:
        findings = self.services.checks.run(NOW.year)
        return f"kiểm tra quy định: {len(findings)} điểm cần chú ý"

    # ------------------------------------------------------------------ exports, each re-opened
    def word_documents(self) -> str:
        docs = self.services.documents
        out = self.root / "word"
        minutes = docs.minutes(self.meeting_id, out / "bien-ban.docx")
        resolution = docs.resolution(self.meeting_id, out / "nghi-quyet.docx", number=True)
        report = docs.report(QUARTER, out / "bao-cao.docx")
        batch = docs.minutes_batch(QUARTER, out / "bien-ban-quy")
        forms, forms_path = self.services.kl01_documents.plan_forms(NOW.year, out / "ke-hoach-ca-nhan.docx")
        check_ooxml(forms_path, "word/document.xml", "KẾ HOẠCH CÁ NHÂN")
        check_ooxml(minutes.path, "word/document.xml", MARKER)  # python-docx's templates were found
        check_ooxml(resolution.path, "word/document.xml", "NGHỊ QUYẾT")
        check_ooxml(report.path, "word/document.xml", "BÁO CÁO")
        for result in batch:
            check_ooxml(result.path, "word/document.xml")
        return f"Word: biên bản, nghị quyết, báo cáo quý, {len(batch)} biên bản của quý, {forms} kế hoạch cá nhân"

    def excel_and_package(self) -> str:
        summary = self.services.summary.export(QUARTER, self.root / "excel" / "tong-hop.xlsx")
        roster = self.services.summary.export_roster(self.root / "excel" / "danh-sach.xlsx")
        check_ooxml(summary, "xl/workbook.xml")
        check_ooxml(roster, "xl/workbook.xml")
        imported = self.services.importer.run(roster, dry_run=True)  # read back through openpyxl
        rows = len(imported.added) + len(imported.updated) + len(imported.unchanged)
        on_roll = len(self.services.members.list())
        if imported.applied or rows < on_roll:
            raise SelfTestError(f"đọc lại danh sách: {rows} dòng, cần {on_roll}; lỗi {imported.problems!r}")
        package = self.services.package.build(QUARTER, self.root / "usb")
        if not package.files:
            raise SelfTestError("gói nộp cấp trên không có tệp nào")
        return f"Excel: tổng hợp quý, danh sách ({rows} dòng đọc lại); gói USB {len(package.files)} tệp"

    def consolidation(self) -> str:
        service = self.services.consolidation  # opened with the fixed clock NOW
        result = service.run([self.root / "usb"], period=QUARTER)
        if len(result.branches) != 1:
            raise SelfTestError(f"tổng hợp cấp trên không nhận gói vừa lập: {result.outcomes!r}")
        files = service.write(result, self.root / "cap-tren" / "tong-hop-cap-tren.xlsx")
        check_ooxml(files.workbook, "xl/workbook.xml")
        return f"tổng hợp cấp trên: {len(result.branches)} chi bộ"

    def encryption(self) -> str:
        """The program password and an encrypted backup: proves the bundle carries the cipher library."""
        security = self.services.security
        plan = security.plan("tu-kiem-tra-1", "tu-kiem-tra-1")
        security.set_password(plan)
        if not security.status().fields_encrypted:
            raise SelfTestError("số CCCD và số điện thoại chưa được mã hóa sau khi đặt mật khẩu")
        copy = self.services.backups.backup_to(self.root / "usb-ma-hoa", password="sao-luu-1")
        check = self.services.backups.validate(copy.path, "sao-luu-1")
        return f"mã hóa: mật khẩu chương trình, bản sao lưu mã hóa {check.members} đảng viên đọc lại được"


def check_ooxml(path: Path, part: str, must_contain: str = "") -> None:
    """Re-open a written .docx/.xlsx as the zip it is: readable, intact, with *part* holding *must_contain*."""
    with zipfile.ZipFile(path) as archive:
        broken = archive.testzip()
        if broken is not None:
            raise SelfTestError(f"{path.name}: phần {broken} bị hỏng")
        text = archive.read(part).decode("utf-8")
    if must_contain and must_contain not in text:
        raise SelfTestError(f"{path.name}: không thấy {must_contain!r} trong {part}")


def run_self_test(report: Path) -> int:
    """Run every step on a temporary database; write "ok" or the failure to *report*; return 0 or 1.

    Exceptions never escape: in a windowed build an uncaught one opens an error dialog that would hang CI.
    """
    lines = [f"Sổ Chi bộ {__version__} — Python {platform.python_version()} — {platform.platform()}"]
    lines.append(f"đóng gói: {'có' if getattr(sys, 'frozen', False) else 'không'}")
    outcome = 1
    try:
        with tempfile.TemporaryDirectory(prefix="sochibo-selftest-") as tmp:
            root = Path(tmp)
            services = open_services(AppPaths.under(root / "data"), now=lambda: NOW)
            try:
                test = SelfTest(root, services)
                for step in test.steps():
                    started = time.perf_counter()
                    line = step()
                    lines.append(f"  {line} ({(time.perf_counter() - started) * 1000:.0f} ms)")
            finally:
                services.close()
        outcome = 0
    except Exception:  # the report must say what failed, whatever it was
        lines.append(traceback.format_exc())
    head = "ok" if outcome == 0 else "LỖI"
    try:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text("\n".join([head, *lines]) + "\n", encoding="utf-8")
    except OSError:
        return 1
    return outcome
