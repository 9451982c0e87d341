"""The member roster as an Excel sheet or workbook (DOMAIN §4.4 sheet E). Plain members in, bytes out; no SQL.

The column headers are the ones the member import recognises, so an exported roster can be imported again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain import labels, xlsx_text
from app.domain.membership import Member, MemberStatus
from exporters.xlsx_style import Column, SheetLetterhead, StyledBook


@dataclass(frozen=True, slots=True)
class RosterOptions:
    """CCCD and phone numbers stay out of files sent upward unless the user ticks them in (Decisions)."""

    with_cccd: bool = False
    with_phone: bool = False


def roster_columns(options: RosterOptions) -> list[tuple[str, Column]]:
    c = xlsx_text.XLSX_COLUMN
    cols = [
        ("stt", Column(c["stt"], 5, "num")),
        ("name", Column(c["name"], 22)),
        ("born", Column(c["born"], 11, "date")),
        ("gender", Column(c["gender"], 6)),
        ("ethnicity", Column(c["ethnicity"], 7)),
        ("joined", Column(c["joined"], 11, "date")),
        ("official", Column(c["official"], 11, "date")),
        ("card", Column(c["card"], 11)),
        ("party_position", Column(c["party_position"], 12)),
        ("job", Column(c["job"], 16, "wrap")),
        ("status", Column(c["status"], 14)),
    ]
    if options.with_cccd:
        cols.append(("cccd", Column(c["cccd"], 15)))
    if options.with_phone:
        cols.append(("phone", Column(c["phone"], 13)))
    return cols


def write_roster_sheet(
    book: StyledBook,
    letterhead: SheetLetterhead,
    members: Sequence[tuple[Member, MemberStatus]],
    options: RosterOptions,
) -> None:
    """One row per member, in the order given (callers pass Vietnamese name order)."""
    layout = roster_columns(options)
    table = book.sheet(
        xlsx_text.XLSX_SHEET["roster"],
        letterhead,
        [col for _, col in layout],
        landscape=True,
        freeze_col=2,
        data_rows=len(members),
    )
    keys = [key for key, _ in layout]
    for number, (m, status) in enumerate(members, start=1):
        values = {
            "stt": number,
            "name": m.full_name,
            "born": m.date_of_birth,
            "gender": m.gender,
            "ethnicity": m.ethnicity,
            "joined": m.joined_on,
            "official": m.official_on,
            "card": m.party_card_no,  # text: card numbers keep their leading zeros
            "party_position": m.party_position,
            "job": m.job_position,
            "status": labels.MEMBER_STATUS.get(status.value, status.value),
            "cccd": m.cccd,
            "phone": m.phone,
        }
        table.row([values[k] for k in keys])


def render_roster(
    letterhead: SheetLetterhead, members: Sequence[tuple[Member, MemberStatus]], options: RosterOptions
) -> bytes:
    """A workbook holding only the roster sheet."""
    book = StyledBook()
    write_roster_sheet(book, letterhead, members, options)
    return book.to_bytes()
