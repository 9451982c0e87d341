"""The demo branch's dues book from 02/2026 (QĐ 01-QĐ/TW): realistic bases, payments at each monthly meeting.

Called inside DemoService.fill's transaction; writes through the dues repository only. On purpose: one member
exempt by Party age (automatic), one pensioner, one paying six months in advance, one paying late, one three
months behind (the dues_unpaid alert), and the remittance upward of every closed month.
"""

from __future__ import annotations

import random
from datetime import date

from app.domain import dues_ledger as kernel
from app.domain.dues import Channel, DuesBasis, DuesKind, DuesReceipt, Month, Remittance, month_range
from app.domain.dues_rules import DuesRules
from app.domain.membership import Member
from app.services.context import ServiceContext

FIRST = Month(2026, 2)  # the month QĐ 01-QĐ/TW took effect: the branch keeps its book here from then on
BASE_SALARY = 2_340_000  # lương cơ sở from 01/07/2024 (Nghị định 73/2024/NĐ-CP): salaries are coefficient × base


def meeting_day(month: Month) -> date:
    """The demo's regular meetings fall on the 5th (odd months) or the 8th (even months): dues are paid there."""
    return date(month.year, month.month, 5 if month.month % 2 else 8)


def fill_dues(ctx: ServiceContext, rules: DuesRules, roll: list[Member], today: date, rng: random.Random) -> int:
    """Write the demo's dues book; returns the number of receipts."""
    months = [m for m in month_range(FIRST, Month.of(today)) if meeting_day(m) < today]
    if not months:
        return 0
    people = [m for m in roll if m.id is not None]
    behind = people[17].id if len(people) > 17 else None  # pays nothing from August on
    ahead = people[5].id if len(people) > 5 else None  # pays July–December at once
    late = people[6].id if len(people) > 6 else None  # pays September together with October
    for i, member in enumerate(people):
        assert member.id is not None
        start = max(FIRST, Month.of(member.roll_start))
        if i == 10:  # the member exempt from activities for age is retired: dues on the pension
            basis = DuesBasis(member.id, start, DuesKind.PENSION, base=rng.randrange(5_200_000, 7_800_000, 10_000))
        else:
            coefficient = rng.choice((2.34, 2.67, 3.0, 3.33, 3.66, 3.99, 4.32, 4.65, 4.98))
            allowance = rng.choice((0.0, 0.0, 0.3, 0.35, 0.5))
            base = round((coefficient * (1 + allowance)) * BASE_SALARY, -3)
            basis = DuesBasis(member.id, start, DuesKind.SALARY, base=int(base))
        ctx.dues.set_basis(basis)
        if i == 2:  # a raise in July (new coefficient): the basis changes from that month
            ctx.dues.set_basis(
                DuesBasis(member.id, Month(2026, 7), DuesKind.SALARY, base=round((basis.base or 0) * 1.1, -3))
            )
    receipts = 0
    for member in people:
        assert member.id is not None
        ledger = ctx.dues.ledger(member.id)
        owed = [m for m in months if kernel.owes(member, m) and m >= ledger.since]  # type: ignore[operator]
        due = {m: kernel.due_for(member, m, ledger, rules).amount or 0 for m in owed}
        pending: list[Month] = []
        for month in owed:
            if not due[month]:
                continue  # exempt
            if member.id == behind and month >= Month(2026, 8):
                continue
            if member.id == ahead and Month(2026, 7) <= month:
                if month == Month(2026, 7):
                    span = month_range(month, Month(2026, 12))
                    dues = [kernel.due_for(member, m, ledger, rules).amount or 0 for m in span]
                    _receipt(ctx, member.id, meeting_day(month), span, dues, Channel.CASH)
                    receipts += 1
                continue
            if member.id == late and month == Month(2026, 9):
                pending.append(month)
                continue
            span = [*pending, month]
            pending = []
            channel = Channel.PORTAL if rng.random() < 0.3 else Channel.CASH
            _receipt(ctx, member.id, meeting_day(month), span, [due[m] for m in span], channel)
            receipts += 1
    full = ctx.dues.ledger()
    for month in months:
        sent_on = date(month.next().year, month.next().month, 12)
        if sent_on < today:
            totals = kernel.month_totals(roll, full, rules, month)
            ctx.dues.set_remittance(Remittance(month, sent_on, totals.upward))
    return receipts


def _receipt(
    ctx: ServiceContext, member_id: int, day: date, span: list[Month], dues: list[int], channel: Channel
) -> None:
    amount = sum(dues)
    receipt = DuesReceipt(member_id, day, amount, channel, span[0], span[-1])
    ctx.dues.add_receipt(receipt, list(zip(span, kernel.allocate(amount, dues), strict=True)))
