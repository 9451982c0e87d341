"""Excel output of a branch: the periodic summary workbook for the upper committee, and the member roster.

Reads only, except once: a branch without a stable identifier gets one (consolidation tells branches apart by it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.domain import xlsx_text
from app.domain.branch_profile import BranchProfile
from app.domain.dates import format_dmy, format_place_date
from app.domain.errors import ExportError, StorageError
from app.domain.membership import Member, MemberStatus
from app.domain.periods import Period
from app.domain.report import PeriodReport
from app.domain.vntext import fold
from app.services.branch import BranchService
from app.services.context import ServiceContext
from app.services.reports import ReportService
from exporters.atomic import atomic_write_bytes
from exporters.roster_xlsx import RosterOptions, render_roster
from exporters.summary_xlsx import SummaryMeta, render_summary
from exporters.xlsx_style import SheetLetterhead

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 60) -> str:
    """ASCII file-name part: "CHI BỘ TRƯỜNG THPT" -> "chi-bo-truong-thpt" (FAT sticks and old PCs read it)."""
    return _SLUG.sub("-", fold(text).replace("đ", "d")).strip("-")[:limit].rstrip("-") or "chi-bo"


def xlsx_target(out: Path, default_name: str) -> Path:
    """The .xlsx file to write: ".xlsx" added when no extension was typed; a folder or another extension refused."""
    out = Path(out)
    if out.is_dir():
        raise ExportError("target_is_folder", path=str(out), example=str(out / default_name))
    if not out.suffix:
        return out.with_suffix(".xlsx")
    if out.suffix.lower() != ".xlsx":
        raise ExportError("xlsx_wrong_extension", path=str(out), example=str(out.with_suffix(".xlsx")))
    return out


@dataclass(frozen=True, slots=True)
class SummaryJob:
    """Everything a summary workbook needs, read from the database: rendering it needs nothing else."""

    report: PeriodReport
    meta: SummaryMeta
    roster: RosterOptions


@dataclass(frozen=True, slots=True)
class RosterJob:
    letterhead: SheetLetterhead
    members: tuple[tuple[Member, MemberStatus], ...]
    options: RosterOptions


class SummaryService:
    def __init__(self, ctx: ServiceContext, reports: ReportService, branch: BranchService) -> None:
        self._ctx = ctx
        self._reports = reports
        self._branch = branch

    def profile(self) -> BranchProfile:
        """The branch profile, refusing a branch without a name and giving it a stable identifier if it has none."""
        profile = self._branch.profile()
        if not profile.is_set_up:
            raise ExportError("branch_not_set_up")
        if not profile.branch_code:
            profile = self._branch.save_profile(profile)  # generates the identifier, once
        return profile

    def file_name(self, period: Period) -> str:
        return f"tong-hop_{slug(self.profile().branch_name)}_{period.key}.xlsx"

    def _refuse_locked(self, private_asked: bool) -> None:
        """CCCD or phone ticked while the program password has not opened them: refuse, never write blanks."""
        if private_asked and self._ctx.members.locked:
            raise StorageError("fields_locked")

    # ------------------------------------------------------------------ summary workbook
    def prepare(self, period: Period, *, with_cccd: bool = False, with_phone: bool = False) -> SummaryJob:
        """Read what the workbook of *period* shows (on the database's thread)."""
        self._refuse_locked(with_cccd or with_phone)
        self.profile()
        return SummaryJob(
            self._reports.period_report(period),
            SummaryMeta(app_version=__version__, generated_at=self._ctx.now()),
            RosterOptions(with_cccd=with_cccd, with_phone=with_phone),
        )

    @staticmethod
    def render(job: SummaryJob) -> bytes:
        """The workbook as .xlsx bytes. No database: safe in a background thread."""
        return render_summary(job.report, job.meta, job.roster)

    def write(self, job: SummaryJob, out: Path) -> Path:
        """Render and write atomically to *out* (".xlsx" added if missing). No database."""
        target = xlsx_target(out, f"tong-hop_{slug(job.report.profile.branch_name)}_{job.report.period.key}.xlsx")
        return atomic_write_bytes(target, self.render(job))

    def workbook(self, period: Period, *, with_cccd: bool = False, with_phone: bool = False) -> bytes:
        """The summary workbook of *period* as .xlsx bytes."""
        return self.render(self.prepare(period, with_cccd=with_cccd, with_phone=with_phone))

    def export(self, period: Period, out: Path, *, with_cccd: bool = False, with_phone: bool = False) -> Path:
        xlsx_target(out, "tong-hop.xlsx")  # a wrong name is refused before any work
        return self.write(self.prepare(period, with_cccd=with_cccd, with_phone=with_phone), out)

    # ------------------------------------------------------------------ roster
    def prepare_roster(
        self, *, include_former: bool = False, with_cccd: bool = False, with_phone: bool = False
    ) -> RosterJob:
        self._refuse_locked(with_cccd or with_phone)
        profile = self._branch.profile()
        today = self._ctx.today()
        members = self._ctx.members.all()
        rows = tuple((m, m.status_on(today)) for m in members if include_former or m.status_on(today).on_roll)
        letterhead = SheetLetterhead(
            upper_body=profile.upper_body,
            upper_body_2=profile.upper_body_2,
            branch_name=profile.branch_name,
            date_line=format_place_date(profile.place_name, today),
            title=xlsx_text.XLSX_TITLE["roster"],
            period_line=xlsx_text.XLSX_ROSTER_PERIOD.format(day=format_dmy(today)),
        )
        return RosterJob(letterhead, rows, RosterOptions(with_cccd=with_cccd, with_phone=with_phone))

    @staticmethod
    def write_roster(job: RosterJob, out: Path) -> Path:
        """Render and write the roster atomically. No database: safe in a background thread."""
        target = xlsx_target(out, "danh-sach-dang-vien.xlsx")
        return atomic_write_bytes(target, render_roster(job.letterhead, job.members, job.options))

    def roster(self, *, include_former: bool = False, with_cccd: bool = False, with_phone: bool = False) -> bytes:
        """The member roster (Vietnamese name order) as .xlsx bytes; importable again by the member import."""
        job = self.prepare_roster(include_former=include_former, with_cccd=with_cccd, with_phone=with_phone)
        return render_roster(job.letterhead, job.members, job.options)

    def export_roster(
        self, out: Path, *, include_former: bool = False, with_cccd: bool = False, with_phone: bool = False
    ) -> Path:
        xlsx_target(out, "danh-sach-dang-vien.xlsx")
        job = self.prepare_roster(include_former=include_former, with_cccd=with_cccd, with_phone=with_phone)
        return self.write_roster(job, out)
