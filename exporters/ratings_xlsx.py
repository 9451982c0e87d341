"""The year's ratings as an Excel sheet: one row per member, the counts per level below. Plain data in, bytes out."""

from __future__ import annotations

from datetime import date

from app.domain.dates import format_place_date
from app.domain.rating_report import ReviewSeasonDoc
from app.domain.ratings import RatingLevel
from exporters import ratings_wording as RW
from exporters.xlsx_style import Column, SheetLetterhead, StyledBook


def render_ratings_workbook(doc: ReviewSeasonDoc) -> bytes:
    book = StyledBook()
    p = doc.profile
    head = SheetLetterhead(
        upper_body=p.upper_body,
        upper_body_2=p.upper_body_2,
        branch_name=p.branch_name,
        date_line=format_place_date(p.place_name, doc.generated_on),
        title=RW.XLSX_TITLE,
        period_line=RW.XLSX_PERIOD.format(year=doc.year),
    )
    columns = [Column(name, width, kind) for name, width, kind in RW.XLSX_COLUMNS]
    table = book.sheet(
        RW.XLSX_SHEET.format(year=doc.year), head, columns, landscape=True, freeze_col=2, data_rows=len(doc.lines)
    )
    for n, line in enumerate(doc.lines, start=1):
        r = line.rating
        born: date | None = line.member.date_of_birth
        table.row([
            n, line.member.full_name, born, line.position, r.form if r else "", doc.short_label(r and r.self_level),
            r.score if r else None, r.votes_for if r else None, r.votes_total if r else None,
            doc.short_label(r and r.proposed), doc.short_label(r and r.final), r.decided_by if r else "",
            r.decision if r else "", r.discipline if r else "", line.not_rated or "; ".join(line.conflicts),
        ])  # fmt: skip
    table.ws.append([])
    for level in RatingLevel:
        table.note(RW.XLSX_COUNT.format(label=doc.label(level), count=doc.counts.get(level, 0)))
    branch = doc.branch
    table.note(RW.XLSX_BRANCH.format(self=doc.label(branch and branch.self_level) or "—",
                                     final=doc.label(branch and branch.final) or "—"))  # fmt: skip
    if doc.quota_line:
        table.note(doc.quota_line)
    return book.to_bytes()
