"""The dues book of a year (members × months, month totals, signatures) and the monthly collection sheet.

Plain domain objects in (app.domain.dues_ledger's DuesYear / MemberMonth / MonthTotals), .xlsx bytes out.
No SQL, no Qt. Amounts are whole đồng stored as numbers (format #,##0: "85.000" on a Vietnamese Windows).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.domain import messages_dues as mdues
from app.domain.dues import DuesBasis
from app.domain.dues_ledger import DuesYear, MemberMonth, MonthTotals
from exporters.xlsx_style import Column, SheetLetterhead, StyledBook, TableSheet

C = mdues.COL


@dataclass(frozen=True, slots=True)
class Signers:
    maker: str = ""  # NGƯỜI LẬP
    secretary: str = ""  # T/M CHI BỘ — BÍ THƯ


@dataclass(frozen=True, slots=True)
class ShareNote:
    pct: float
    basis: str
    verified: bool

    def text(self) -> str:
        pct = f"{self.pct:g}".replace(".", ",")
        return mdues.SHARE_NOTE.format(pct=pct, basis=self.basis, verified="" if self.verified else mdues.UNVERIFIED)


def _cell(c: MemberMonth | None) -> tuple[object, str]:
    """What a month cell of the book shows: the amount paid, or a mark."""
    if c is None:
        return None, "text"
    if c.status in mdues.STATUS_MARK and not c.paid:
        return mdues.STATUS_MARK[c.status], "center"
    return c.paid, "int"


def _remark(cells: Sequence[MemberMonth | None]) -> str:
    late = [str(c.month.month) for c in cells if c is not None and c.late]
    ahead = [str(c.month.month) for c in cells if c is not None and c.advance and c.paid]
    reasons = sorted({c.reason for c in cells if c is not None and c.reason})
    parts = []
    if late:
        parts.append(f"{mdues.LATE_MARK}: T{', T'.join(late)}")
    if ahead:
        parts.append(f"{mdues.ADVANCE_MARK}: T{', T'.join(ahead)}")
    parts.extend(reasons)
    return "; ".join(parts)


def _signatures(table: TableSheet, width: int, signers: Signers, left: int = 1) -> None:
    right = max(left + 2, width - 3)
    table.note("")
    for texts, kind in (
        ((mdues.SIGN_LEFT, mdues.SIGN_RIGHT), "letter_left_bold"),
        (("", mdues.SIGN_RIGHT_2), "letter_left_bold"),
        ((mdues.SIGN_HINT, mdues.SIGN_HINT), "letter_right_italic"),
        (("", ""), "text"),
        (("", ""), "text"),
        ((signers.maker, signers.secretary), "letter_left_bold"),
    ):
        row: list[object] = [None] * width
        kinds = ["text"] * width
        row[left], row[right] = texts
        kinds[left] = kinds[right] = kind
        table.row(row, kinds)


def write_book(
    book: StyledBook,
    letterhead: SheetLetterhead,
    year: DuesYear,
    kinds: Mapping[int, str],
    share: ShareNote,
    signers: Signers,
) -> None:
    """Phần I: one row per member, the 12 months, the year; Phần II: one row per month with the money's way up."""
    columns = [Column(C["stt"], 5, "num"), Column(C["name"], 24), Column(C["kind"], 11)]
    columns += [Column(mdues.MONTH_HEAD.format(month=m), 9, "int") for m in range(1, 13)]
    columns += [Column(C["total"], 11, "int"), Column(C["note"], 26)]
    table = book.sheet(
        mdues.BOOK_SHEET.format(year=year.year), letterhead, columns, landscape=True, freeze_col=2,
        data_rows=len(year.rows) + 1,
    )  # fmt: skip
    for number, (member, cells) in enumerate(year.rows, start=1):
        values: list[object] = [number, member.full_name, kinds.get(member.id or -1, "")]
        row_kinds = ["num", "text", "text"]
        for c in cells:
            value, kind = _cell(c)
            values.append(value)
            row_kinds.append(kind)
        values += [sum(c.paid for c in cells if c is not None), _remark(cells)]
        row_kinds += ["int", "text"]
        table.row(values, row_kinds)
    totals = [t.paid_total if t.owed or t.paid_total else None for t in year.totals]
    table.row(
        ["", mdues.TOTAL_ROW, "", *totals, sum(t or 0 for t in totals), ""],
        ["num", "bold", "text", *["bold_int"] * 13, "text"],
    )
    table.note(mdues.MONEY_UNIT + " " + mdues.BOOK_LEGEND)
    _signatures(table, len(columns), signers)

    part2 = [
        Column(C["month"], 10, "center"), Column(C["owed"], 16, "int"), Column(C["exempt"], 8, "int"),
        Column(C["unpaid"], 10, "int"), Column(C["due_total"], 13, "int"), Column(C["paid_total"], 17, "int"),
        Column(C["collected"], 16, "int"), Column(C["kept"], 15, "int"), Column(C["upward"], 18, "int"),
        Column(C["sent"], 16, "int"), Column(C["sent_on"], 12, "date"),
    ]  # fmt: skip
    summary = book.sheet(
        mdues.BOOK_SUMMARY_SHEET.format(year=year.year), letterhead, part2, landscape=True, freeze_col=1,
        data_rows=13,
    )  # fmt: skip
    for t in year.totals:
        summary.row(_month_values(t) if t.owed or t.collected else [t.month.label])
    summary.row(
        [mdues.TOTAL_ROW, "", "", "", *(sum(getattr(t, k) for t in year.totals) for k in _SUMMED),
         sum(t.sent or 0 for t in year.totals), None],
        ["bold", "text", "text", "text", *["bold_int"] * 6, "bold_int", "text"],
    )  # fmt: skip
    summary.note(mdues.MONEY_UNIT + " " + share.text())
    _signatures(summary, len(part2), signers, left=2)


_SUMMED = ("due_total", "paid_total", "collected", "kept", "upward")


def _month_values(t: MonthTotals) -> list[object]:
    return [t.month.label, t.owed, t.exempt, t.unpaid, t.due_total, t.paid_total, t.collected, t.kept, t.upward,
            t.sent, t.sent_on]  # fmt: skip


def render_book(
    letterhead: SheetLetterhead, year: DuesYear, kinds: Mapping[int, str], share: ShareNote, signers: Signers
) -> bytes:
    book = StyledBook()
    write_book(book, letterhead, year, kinds, share, signers)
    return book.to_bytes()


def render_sheet(
    letterhead: SheetLetterhead,
    rows: Sequence[MemberMonth],
    totals: MonthTotals,
    bases: Mapping[int, DuesBasis],
    share: ShareNote,
    signers: Signers,
) -> bytes:
    """The month's collection sheet handed in with the money: who paid what, when, how, with a signature column."""
    columns = [
        Column(C["stt"], 5, "num"), Column(C["name"], 24), Column(C["kind"], 10), Column(C["base"], 16, "int"),
        Column(C["due"], 11, "int"), Column(C["paid"], 11, "int"), Column(C["paid_on"], 12, "date"),
        Column(C["channel"], 11), Column(C["sign"], 10), Column(C["note"], 26),
    ]  # fmt: skip
    book = StyledBook()
    table = book.sheet(
        mdues.SHEET_SHEET.format(month=totals.month.label.replace("/", "-")), letterhead, columns,
        landscape=True, freeze_col=2, data_rows=len(rows) + 1,
    )  # fmt: skip
    for number, r in enumerate(rows, start=1):
        basis = bases.get(r.member_id)
        kind = "" if basis is None else mdues.KIND_SHORT["fixed" if basis.fixed is not None else basis.kind.value]
        due: object = r.due if r.status != "exempt" else mdues.STATUS["exempt"]
        note = mdues.STATUS[r.status] if r.status not in ("paid",) else ""
        if r.reason:
            note = f"{note}: {r.reason}" if note else r.reason
        table.row([
            number, r.full_name, kind, basis.base if basis and basis.fixed is None else None, due, r.paid or None,
            r.paid_on, mdues.CHANNEL_SHORT.get(r.channel, "") if r.paid else "", "", note,
        ])  # fmt: skip
    table.row(
        ["", mdues.TOTAL_ROW, "", None, totals.due_total, totals.paid_total, None, "", "", ""],
        ["num", "bold", "text", "text", "bold_int", "bold_int", "text", "text", "text", "text"],
    )
    table.note("")
    for label, value in ((C["collected"], totals.collected), (C["kept"], totals.kept), (C["upward"], totals.upward)):
        table.row(["", label, "", "", "", value], ["text", "bold", "text", "text", "text", "bold_int"])
    table.note(mdues.MONEY_UNIT + " " + share.text())
    table.note(mdues.SHEET_TOTAL_LINE.format(total=mdues.money(totals.collected)))
    _signatures(table, len(columns), signers)
    return book.to_bytes()
