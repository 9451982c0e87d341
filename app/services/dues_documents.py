"""The dues workbooks of a branch: the year's dues book and the month's collection sheet. Reads only.

prepare_*() reads on the database's thread; render/write need no database (safe in a background task).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain import messages_dues as mdues
from app.domain.dates import format_place_date
from app.domain.dues import DuesBasis, Month
from app.domain.dues_ledger import DuesYear, MemberMonth, MonthTotals, basis_on
from app.domain.errors import ExportError
from app.domain.periods import Period
from app.services.context import ServiceContext
from app.services.dues import DuesService
from app.services.summary import slug, xlsx_target
from exporters.atomic import atomic_write_bytes
from exporters.dues_xlsx import ShareNote, Signers, render_book, render_sheet
from exporters.xlsx_style import SheetLetterhead

#: The dues book's name in the USB package, said like the package's other files (what it is, and when).
PACKAGE_BOOK = "so-thu-nop-dang-phi_nam-{year}.xlsx"


@dataclass(frozen=True, slots=True)
class BookJob:
    letterhead: SheetLetterhead
    year: DuesYear
    kinds: dict[int, str]
    share: ShareNote
    signers: Signers

    def render(self) -> bytes:
        return render_book(self.letterhead, self.year, self.kinds, self.share, self.signers)


@dataclass(frozen=True, slots=True)
class SheetJob:
    letterhead: SheetLetterhead
    rows: tuple[MemberMonth, ...]
    totals: MonthTotals
    bases: dict[int, DuesBasis]
    share: ShareNote
    signers: Signers

    def render(self) -> bytes:
        return render_sheet(self.letterhead, self.rows, self.totals, self.bases, self.share, self.signers)


class DuesDocumentService:
    def __init__(self, ctx: ServiceContext, dues: DuesService) -> None:
        self._ctx = ctx
        self._dues = dues

    def book_file_name(self, year: int) -> str:
        return f"so-dang-phi_{slug(self._ctx.branch.get().branch_name)}_{year}.xlsx"

    def prepare_book(self, year: int) -> BookJob:
        book = self._dues.year_book(year)
        ledger = self._dues.ledger()
        kinds: dict[int, str] = {}
        last = Month(year, 12)
        for member, _cells in book.rows:
            basis = basis_on([b for b in ledger.bases if b.member_id == member.id], last)
            if basis is not None and member.id is not None:
                kinds[member.id] = mdues.KIND_SHORT["fixed" if basis.fixed is not None else basis.kind.value]
        title, period = mdues.BOOK_TITLE, mdues.BOOK_PERIOD.format(year=year)
        return BookJob(self._letterhead(title, period), book, kinds, self._share(), self._signers())

    def prepare_sheet(self, month: Month) -> SheetJob:
        rows = tuple(self._dues.month_rows(month))
        ledger = self._dues.ledger()
        bases = {}
        for r in rows:
            basis = basis_on([b for b in ledger.bases if b.member_id == r.member_id], month)
            if basis is not None:
                bases[r.member_id] = basis
        totals = self._dues.month_totals(month)
        letterhead = self._letterhead(mdues.SHEET_TITLE, mdues.SHEET_PERIOD.format(month=month.label))
        return SheetJob(letterhead, rows, totals, bases, self._share(), self._signers())

    @staticmethod
    def write(job: BookJob | SheetJob, out: Path, default_name: str = "so-dang-phi.xlsx") -> Path:
        return atomic_write_bytes(xlsx_target(out, default_name), job.render())

    def export_book(self, year: int, out: Path) -> Path:
        xlsx_target(out, "so-dang-phi.xlsx")  # a wrong name is refused before any work
        return self.write(self.prepare_book(year), out, self.book_file_name(year))

    def export_sheet(self, month: Month, out: Path) -> Path:
        xlsx_target(out, "bang-ke-dang-phi.xlsx")
        return self.write(self.prepare_sheet(month), out, f"bang-ke-dang-phi_{month.key}.xlsx")

    def stage_books(self, period: Period, folder: Path) -> list[Path]:
        """The dues book of each year *period* touches, into *folder* (the USB package); none without a book."""
        if not self._dues.ledger().tracked:
            return []
        return [
            self.write(self.prepare_book(year), folder / PACKAGE_BOOK.format(year=year))
            for year in range(period.start.year, period.end.year + 1)
        ]

    # ------------------------------------------------------------------ helpers
    def _letterhead(self, title: str, period: str) -> SheetLetterhead:
        profile = self._ctx.branch.get()
        if not profile.is_set_up:
            raise ExportError("branch_not_set_up")
        return SheetLetterhead(
            upper_body=profile.upper_body,
            upper_body_2=profile.upper_body_2,
            branch_name=profile.branch_name,
            date_line=format_place_date(profile.place_name, self._ctx.today()),
            title=title,
            period_line=period,
        )

    def _share(self) -> ShareNote:
        rules = self._dues.rules
        return ShareNote(rules.branch_keep_pct, rules.share_basis, rules.share_verified)

    def _signers(self) -> Signers:
        profile = self._ctx.branch.get()
        secretary = self._ctx.members.get(profile.secretary_id) if profile.secretary_id else None
        return Signers(maker="", secretary=secretary.full_name if secretary else "")
