"""Dues as the minutes and reports say them: the ledger as of a day, and the minutes' dues paragraph. No I/O."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from app.domain import messages_dues as mdues
from app.domain.dates import format_dmy
from app.domain.dues import DuesLedger, Month
from app.domain.dues_ledger import MemberMonth, MonthTotals, month_rows, totals_of
from app.domain.dues_rules import DuesRules
from app.domain.membership import Member


def as_of(ledger: DuesLedger, day: date) -> DuesLedger:
    """The book as it stood on *day*: payments received and remittances sent by then (the minutes of a
    meeting then say the same thing however many payments come in later)."""
    return replace(
        ledger,
        payments=tuple(p for p in ledger.payments if p.paid_on <= day),
        remittances=tuple(r for r in ledger.remittances if r.sent_on <= day),
    )


def reported_month(meeting_day: date) -> Month:
    """The month a regular meeting reports dues for: the month before it (the one that has closed)."""
    return Month.of(meeting_day).prev()


def minutes_paragraph(day: date, rows: Sequence[MemberMonth], totals: MonthTotals) -> str:
    """ "Tình hình thu, nộp đảng phí tháng 10/2026 (tính đến ngày 05/11/2026): 21/23 đồng chí đã nộp …" """
    text = mdues.MINUTES_DUES.format(
        month=totals.month.label,
        day=format_dmy(day),
        paid=totals.paid,
        owed=totals.owed - totals.exempt,
        total=mdues.money(totals.paid_total),
    )
    if totals.exempt:
        text += mdues.MINUTES_EXEMPT.format(count=totals.exempt)
    behind = [r.full_name for r in rows if r.status in ("unpaid", "partial")]
    text += mdues.MINUTES_UNPAID.format(names=", ".join(behind)) if behind else mdues.MINUTES_ALL_PAID
    if totals.sent is not None and totals.sent_on is not None:
        text += mdues.MINUTES_SENT.format(amount=mdues.money(totals.sent), day=format_dmy(totals.sent_on))
    return text


#: The dues figures of a period in the summary workbook (hidden sheet included) and the consolidation.
PERIOD_KEYS = (
    "dues_due", "dues_paid", "dues_collected", "dues_kept", "dues_upward", "dues_sent", "dues_unpaid_months",
)  # fmt: skip


def period_figures(
    members: Sequence[Member], ledger: DuesLedger, rules: DuesRules, months: Sequence[Month], today: date
) -> dict[str, int]:
    """Sums over the period's months the book holds (none: {} — a branch without a dues book adds no rows).

    ``dues_unpaid_months`` counts member-months that ended with nothing paid and no accepted reason.
    """
    since = ledger.since
    if not ledger.tracked or since is None:
        return {}
    shown = [m for m in months if m >= since and m.first <= today]
    out = dict.fromkeys(PERIOD_KEYS, 0)
    for month in shown:
        rows = month_rows(members, ledger, rules, month)
        t = totals_of(month, rows, ledger, rules)
        out["dues_due"] += t.due_total
        out["dues_paid"] += t.paid_total
        out["dues_collected"] += t.collected
        out["dues_kept"] += t.kept
        out["dues_upward"] += t.upward
        out["dues_sent"] += t.sent or 0
        if month.last < today:
            out["dues_unpaid_months"] += t.unpaid
    return out
