"""The Party dues book: record bases, exemptions, payments and remittances; read the month, the year, a member.

One use case, one transaction. The arithmetic is app.domain.dues_ledger; the rates come from
resources/rules/dues.json. Never prompts; raises ValidationError (nothing written) on bad input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from app.domain import dues_ledger as kernel
from app.domain import messages_dues as mdues
from app.domain.dues import (
    Channel,
    DuesBasis,
    DuesKind,
    DuesLedger,
    DuesReceipt,
    DuesRelief,
    Month,
    ReliefKind,
    Remittance,
    month_range,
)
from app.domain.dues_ledger import DuesYear, MemberMonth, MonthDue, MonthTotals
from app.domain.dues_report import as_of, minutes_paragraph, period_figures, reported_month
from app.domain.dues_rules import DuesRules
from app.domain.errors import StorageError, ValidationError
from app.domain.membership import Member
from app.domain.periods import Period
from app.domain.vntext import nfc
from app.resources import resource_path
from app.services.context import ServiceContext


def builtin_dues_rules() -> DuesRules:
    path = resource_path("rules", "dues.json")
    try:
        return DuesRules.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise StorageError("rules_invalid", path=str(path), detail=str(exc)) from exc


@dataclass(frozen=True, slots=True)
class PaymentResult:
    receipt: DuesReceipt
    split: tuple[tuple[Month, int], ...]
    member: Member


@dataclass(frozen=True, slots=True)
class MemberDues:
    """A member's dues history for their detail page: every month from the first record to now, and receipts."""

    member: Member
    months: tuple[MemberMonth, ...]  # newest first
    receipts: tuple[DuesReceipt, ...]
    bases: tuple[DuesBasis, ...]
    reliefs: tuple[DuesRelief, ...]


class DuesService:
    def __init__(self, ctx: ServiceContext, rules: DuesRules | None = None) -> None:
        self._ctx = ctx
        self.rules = rules or builtin_dues_rules()

    # ------------------------------------------------------------------ reading
    def ledger(self) -> DuesLedger:
        return self._ctx.dues.ledger()

    def members(self) -> list[Member]:
        return self._ctx.members.all()

    def month_rows(self, month: Month) -> list[MemberMonth]:
        return kernel.month_rows(self.members(), self.ledger(), self.rules, month)

    def month_totals(self, month: Month) -> MonthTotals:
        return kernel.month_totals(self.members(), self.ledger(), self.rules, month)

    def year_book(self, year: int) -> DuesYear:
        return kernel.year_book(self.members(), self.ledger(), self.rules, year, self._ctx.today())

    def due(self, member_id: int, month: Month) -> MonthDue:
        return kernel.due_for(self._member(member_id), month, self.ledger(), self.rules)

    def unpaid_months(self, year: int) -> dict[int, list[int]]:
        return kernel.unpaid_months(self.members(), self.ledger(), self.rules, year, self._ctx.today())

    def member_history(self, member_id: int) -> MemberDues:
        member = self._member(member_id)
        ledger = self._ctx.dues.ledger(member_id)
        today = Month.of(self._ctx.today())
        since = ledger.since or today
        last = max([today, since, *(p.month for p in ledger.payments)])  # months paid in advance included
        months = [m for m in month_range(since, last) if kernel.owes(member, m)]
        history = [r for m in months for r in kernel.month_rows([member], ledger, self.rules, m)]
        return MemberDues(
            member, tuple(reversed(history)), tuple(self._ctx.dues.receipts(member_id)), ledger.bases, ledger.reliefs
        )

    def period_figures(self, period: Period) -> dict[str, int]:
        """The dues sums of a reporting period (for the summary workbook and the consolidation)."""
        months = month_range(Month.of(period.start), Month.of(period.end))
        return period_figures(self.members(), self.ledger(), self.rules, months, self._ctx.today())

    def member_line(self, member_id: int) -> str:
        """One sentence for the member's detail: this month's dues, paid up to which month, what is behind."""
        history = self.member_history(member_id)
        if not history.months:
            return ""
        today = self._ctx.today()
        oldest_first = list(reversed(history.months))
        through = None
        for r in oldest_first:
            if r.status not in ("paid", "late", "exempt"):
                break
            through = r.month
        current = next((r for r in history.months if r.month == Month.of(today)), history.months[0])
        if current.status == "exempt":
            return mdues.MEMBER_LINE_EXEMPT.format(reason=current.reason or mdues.STATUS["exempt"])
        due = (
            mdues.STATUS["exempt"]
            if current.status == "exempt"
            else mdues.MEMBER_DUE.format(amount=mdues.money(current.due or 0))
        )
        text = (
            mdues.MEMBER_LINE.format(due=due, through=through.label)
            if through
            else mdues.MEMBER_LINE_NONE.format(due=due)
        )
        behind = self.unpaid_months(today.year).get(member_id, [])
        if behind:
            text += mdues.MEMBER_LINE_BEHIND.format(
                count=len(behind), year=today.year, months=", ".join(map(str, behind))
            )
        return text + "."

    def minutes_paragraph(self, meeting_day: date) -> str:
        """The dues paragraph of a regular meeting on *meeting_day*, from the book ("" when none is kept)."""
        ledger = self._ctx.dues.ledger()
        if not ledger.tracked:
            return ""
        month = reported_month(meeting_day)
        since = ledger.since
        if since is None or month < since:
            return ""
        book = as_of(ledger, meeting_day)
        members = self.members()
        rows = kernel.month_rows(members, book, self.rules, month)
        return minutes_paragraph(meeting_day, rows, kernel.totals_of(month, rows, book, self.rules))

    # ------------------------------------------------------------------ writing
    def set_basis(
        self,
        member_id: int,
        start: Month,
        kind: DuesKind = DuesKind.SALARY,
        *,
        base: int | None = None,
        fixed: int | None = None,
        note: str = "",
    ) -> tuple[DuesBasis, MonthDue]:
        """Record what the member's dues are computed from, from *start* on: one of *base*, *fixed* (neither for a
        student, whose dues are the rules' fixed amount)."""
        if (base is not None and fixed is not None) or (
            base is None and fixed is None and kind is not DuesKind.STUDENT
        ):
            raise ValidationError({"base": "base_or_fixed"})  # a student's dues are a fixed amount of the rules
        if base is not None and base <= 0:
            raise ValidationError({"base": "zero"})
        if fixed is not None and fixed < 0:
            raise ValidationError({"fixed": "money_range"})
        member = self._member(member_id)
        basis = DuesBasis(member_id, start, kind, base, fixed, nfc(note).strip())
        if fixed is None:
            pct, flat = self.rules.rate(kind, start)
            if pct is None and flat is None:
                raise ValidationError({"from_month": "no_rule"})
        with self._ctx.db.transaction():
            basis_id = self._ctx.dues.set_basis(basis)
            self._ctx.log("dues_basis", basis_id, "set", f"{member.full_name} {start.key} {kind.value}")
        stored = DuesBasis(member_id, start, kind, base, fixed, basis.note, basis_id)
        return stored, self.due(member_id, start)

    def add_relief(
        self,
        member_id: int,
        start: Month,
        reason: str,
        *,
        until: Month | None = None,
        kind: ReliefKind = ReliefKind.EXEMPT,
        reduction_pct: int = 100,
        document: str = "",
    ) -> DuesRelief:
        """An exemption (miễn), reduction (giảm 30/50/70 %) or deferral (chậm đóng), with its reason."""
        reason = nfc(reason).strip()
        if not reason:
            raise ValidationError({"reason": "required"})
        if until is not None and until < start:
            raise ValidationError({"until_month": "month_order"})
        if kind is ReliefKind.REDUCE:
            if reduction_pct not in self.rules.reduction_pct:
                raise ValidationError({"reduction": "reduction_choice"})
            if until is None or until.index() - start.index() + 1 > self.rules.relief_max_months:
                raise ValidationError({"until_month": "relief_too_long"})
        else:
            reduction_pct = 100 if kind is ReliefKind.EXEMPT else 0
        member = self._member(member_id)
        relief = DuesRelief(member_id, start, kind, reason, until, reduction_pct, nfc(document).strip())
        with self._ctx.db.transaction():
            relief_id = self._ctx.dues.add_relief(relief)
            self._ctx.log("dues_relief", relief_id, kind.value, f"{member.full_name} {start.key}: {reason}")
        return DuesRelief(member_id, start, kind, reason, until, reduction_pct, relief.document, relief_id)

    def pay(
        self,
        member_id: int,
        first: Month,
        last: Month,
        amount: int,
        *,
        paid_on: date | None = None,
        channel: Channel = Channel.CASH,
        note: str = "",
    ) -> PaymentResult:
        """One receipt for months *first*..*last* (late or in advance), split over them by their dues."""
        if amount <= 0:
            raise ValidationError({"amount": "zero"})
        if last < first:
            raise ValidationError({"month": "month_order"})
        paid_on = paid_on or self._ctx.today()
        if paid_on > self._ctx.today():
            raise ValidationError({"paid_on": "future"})
        member = self._member(member_id)
        months = month_range(first, last)
        if not all(kernel.owes(member, m) for m in months):
            raise ValidationError({"month": "not_owing"})
        ledger = self.ledger()
        dues = [kernel.due_for(member, m, ledger, self.rules).amount or 0 for m in months]
        split = tuple(zip(months, kernel.allocate(amount, dues), strict=True))
        receipt = DuesReceipt(member_id, paid_on, amount, channel, first, last, nfc(note).strip())
        with self._ctx.db.transaction():
            receipt_id = self._ctx.dues.add_receipt(receipt, list(split))
            self._ctx.log("dues_receipt", receipt_id, "pay", f"{member.full_name} {first.key}..{last.key} {amount}")
        stored = DuesReceipt(member_id, paid_on, amount, channel, first, last, receipt.note, receipt_id)
        return PaymentResult(stored, split, member)

    def record_sent(self, month: Month, sent_on: date, amount: int | None = None, note: str = "") -> Remittance:
        """What the branch sent upward for *month* (default: the month's takings minus the share kept)."""
        if sent_on > self._ctx.today():
            raise ValidationError({"sent_on": "future"})
        if amount is None:
            amount = self.month_totals(month).upward
        if amount < 0:
            raise ValidationError({"amount": "money_range"})
        remittance = Remittance(month, sent_on, amount, nfc(note).strip())
        with self._ctx.db.transaction():
            self._ctx.dues.set_remittance(remittance)
            self._ctx.log("dues_remittance", month.index(), "sent", f"{month.key} {amount}")
        return remittance

    # ------------------------------------------------------------------ helpers
    def _member(self, member_id: int) -> Member:
        member = self._ctx.members.get(member_id)
        if member is None:
            raise ValidationError({"member": "unknown_member"})
        return member


def describe_basis(basis: DuesBasis) -> str:
    if basis.fixed is not None:
        return mdues.AMOUNT_WHAT_FIXED.format(fixed=mdues.money(basis.fixed))
    return mdues.AMOUNT_WHAT_BASE.format(kind=mdues.KIND[basis.kind], base=mdues.money(basis.base or 0))
