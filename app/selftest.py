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
from app.domain.models import MeetingKind, MeetingPart, Section

#: A fixed clock: the demo branch and the checks must not depend on the day the test runs.
NOW = datetime(2026, 11, 22, 9, 30)
#: A phrase only the self-test's meeting contains, so the search step knows what it must find.
MARKER = "Kiểm tra tự động bản cài đặt Sổ Chi bộ"


class SelfTestError(Exception):
    """A step produced something, but not what it should have."""


@dataclass
class SelfTest:
    """The steps, in order; each returns one line for the report."""

    root: Path
    services: Services
    meeting_id: int = 0

    def steps(self) -> list[Callable[[], str]]:
        return [self.demo, self.record_meeting, self.search, self.period_report, self.checks]

    def demo(self) -> str:
        summary = self.services.demo.fill(members=30, years=2)
        return f"chi bộ mẫu: {summary.members} đảng viên, {summary.meetings} cuộc sinh hoạt"

    def record_meeting(self) -> str:
        meetings = self.services.meetings
        draft = meetings.prepare(MeetingKind.THUONG_KY, NOW.date())
        body = f"{MARKER}: ghi biên bản, thông qua, cấp số."
        # prepare() currently leaves Section.part as a plain string; store it as the enum the repository expects.
        sections = tuple(replace(s, part=MeetingPart(s.part)) for s in draft.sections)
        draft = replace(draft, sections=(*sections, Section("Nội dung kiểm tra", body, MeetingPart.REGULAR)))
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
