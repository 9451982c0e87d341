"""The dues kernel: what each member owes for a month, what was paid, the month's totals and the arrears.

One home for the dues arithmetic: the CLI, the checks, the window, the dues book, the collection sheet and the
minutes' dues paragraph all call these functions. Pure: no I/O, no clock (``today`` is passed in).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain import messages_dues as mdues
from app.domain.dates import add_months, months_between
from app.domain.dues import DuesBasis, DuesKind, DuesLedger, DuesPayment, DuesRelief, Month, ReliefKind, month_range
from app.domain.dues_rules import DuesRules
from app.domain.membership import Member, MemberStatus

#: Situations in which a member pays dues to this branch. A member active temporarily elsewhere pays there.
OWING = frozenset(
    {MemberStatus.PROBATIONARY, MemberStatus.FULL, MemberStatus.EXEMPT, MemberStatus.VISITING, MemberStatus.SUSPENDED}
)

#: Statuses of one member's month, as the CLI's --json "status" prints them.
STATUSES = ("paid", "late", "partial", "unpaid", "deferred", "exempt", "no_basis")


@dataclass(frozen=True, slots=True)
class MonthDue:
    amount: int | None  # None: no basis (or no rule) for this month
    full: int | None  # before any reduction
    exempt: bool = False
    deferred: bool = False
    reduction_pct: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MemberMonth:
    member_id: int
    full_name: str
    month: Month
    due: int | None
    paid: int
    status: str
    paid_on: date | None = None
    channel: str = ""
    reason: str = ""
    advance: bool = False  # paid before the month began

    @property
    def late(self) -> bool:
        return self.status == "late"


@dataclass(frozen=True, slots=True)
class MonthTotals:
    month: Month
    owed: int  # members who pay dues here this month
    exempt: int
    paid: int  # members whose month is paid (on time or late)
    unpaid: int  # members with nothing paid and no accepted reason
    due_total: int
    paid_total: int  # paid for this month, whenever received
    collected: int  # received during this month (any months it pays for): the cash handed upward
    kept: int
    upward: int
    sent: int | None = None
    sent_on: date | None = None


@dataclass(frozen=True, slots=True)
class DuesYear:
    year: int
    rows: tuple[tuple[Member, tuple[MemberMonth | None, ...]], ...]  # 12 cells; None = not owed here
    totals: tuple[MonthTotals, ...]

    def member_total(self, member_id: int) -> int:
        return sum(c.paid for m, cells in self.rows if m.id == member_id for c in cells if c is not None)


class _Index:
    """The ledger indexed once per call site (bases and reliefs by member, payments by member and month)."""

    def __init__(self, ledger: DuesLedger) -> None:
        self.ledger = ledger
        self.bases: dict[int, list[DuesBasis]] = defaultdict(list)
        for b in sorted(ledger.bases, key=lambda b: (b.start, b.id or 0)):
            self.bases[b.member_id].append(b)
        self.reliefs: dict[int, list[DuesRelief]] = defaultdict(list)
        for r in ledger.reliefs:
            self.reliefs[r.member_id].append(r)
        self.paid: dict[tuple[int, Month], list[DuesPayment]] = defaultdict(list)
        self.received: dict[Month, int] = defaultdict(int)
        for p in ledger.payments:
            self.paid[(p.member_id, p.month)].append(p)
            self.received[Month.of(p.paid_on)] += p.amount
        self.sent = {r.month: r for r in ledger.remittances}
        self._party_age: dict[int, date] = {}
        self._rates: dict[tuple[DuesKind, Month, bool], tuple[float | None, int | None]] = {}

    def party_age_on(self, member: Member, years: int) -> date:
        """The day *member* reaches *years* of Party age (whole years from the admission date, as years_between)."""
        day = self._party_age.get(member.id or -1)
        if day is None:
            day = self._party_age[member.id or -1] = add_months(member.joined_on, 12 * years)
        return day

    def rate(self, rules: DuesRules, kind: DuesKind, month: Month, retired: bool) -> tuple[float | None, int | None]:
        key = (kind, month, retired)
        found = self._rates.get(key)
        if found is None:
            found = self._rates[key] = rules.rate(kind, month, retired=retired)
        return found


def owes(member: Member, month: Month) -> bool:
    """Whether *member* pays dues to this branch for *month* (on its roll here on the first or last day)."""
    if not member.events:  # most members: on the roll from their roll start on, as status_on says
        return member.roll_start <= month.last
    return member.status_on(month.last) in OWING or member.status_on(month.first) in OWING


def basis_on(bases: Sequence[DuesBasis], month: Month) -> DuesBasis | None:
    """The newest basis that has started by *month* (*bases* oldest first)."""
    current = None
    for b in bases:
        if b.start <= month:
            current = b
    return current


def _retired(member: Member, month: Month, rules: DuesRules) -> bool:
    age = rules.retirement_age_months.get(member.gender)
    return age is not None and months_between(member.date_of_birth, month.first) >= age


def due_for(
    member: Member, month: Month, ledger: DuesLedger, rules: DuesRules, index: _Index | None = None
) -> MonthDue:
    """What *member* owes for *month* under the rules in force that month, after exemptions and reductions."""
    ix = index or _Index(ledger)
    if month.last >= ix.party_age_on(member, rules.party_age_exempt_years):
        return MonthDue(0, 0, exempt=True, reason=mdues.PARTY_AGE_REASON.format(years=rules.party_age_exempt_years))
    reliefs = [r for r in ix.reliefs.get(member.id or -1, ()) if r.covers(month)]
    exempt = next((r for r in reliefs if r.kind is ReliefKind.EXEMPT), None)
    if exempt is not None:
        return MonthDue(0, 0, exempt=True, reason=exempt.reason)
    basis = basis_on(ix.bases.get(member.id or -1, ()), month)
    full: int | None = None
    if basis is not None:
        if basis.fixed is not None:
            full = basis.fixed
        else:
            retired = basis.kind is DuesKind.OTHER and _retired(member, month, rules)
            pct, fixed = ix.rate(rules, basis.kind, month, retired)
            if fixed is not None:
                full = fixed
            elif pct is not None and basis.base is not None:
                full = rules.round(basis.base * pct / 100)
    if full is None:
        return MonthDue(None, None)
    reduce = next((r for r in reliefs if r.kind is ReliefKind.REDUCE), None)
    defer = next((r for r in reliefs if r.kind is ReliefKind.DEFER), None)
    amount, pct_off, reason = full, 0, ""
    if reduce is not None:
        pct_off, reason = reduce.reduction_pct, reduce.reason
        amount = rules.round(full * (100 - pct_off) / 100)
    if defer is not None:
        reason = defer.reason
    return MonthDue(amount, full, deferred=defer is not None, reduction_pct=pct_off, reason=reason)


def member_month(
    member: Member, month: Month, ledger: DuesLedger, rules: DuesRules, index: _Index | None = None
) -> MemberMonth:
    ix = index or _Index(ledger)
    assert member.id is not None
    due = due_for(member, month, ledger, rules, ix)
    payments = ix.paid.get((member.id, month), [])
    paid = sum(p.amount for p in payments)
    last = max(payments, key=lambda p: p.paid_on) if payments else None
    first_paid = min(p.paid_on for p in payments) if payments else None
    if due.exempt or due.amount == 0:
        status = "exempt"
    elif due.amount is None:
        status = "paid" if paid else "no_basis"
    elif paid >= due.amount:
        status = "late" if last is not None and last.paid_on > month.last else "paid"
    elif paid > 0:
        status = "partial"
    else:
        status = "deferred" if due.deferred else "unpaid"
    return MemberMonth(
        member.id, member.full_name, month, due.amount, paid, status,
        paid_on=last.paid_on if last else None, channel=last.channel.value if last else "",
        reason=due.reason, advance=first_paid is not None and first_paid < month.first,
    )  # fmt: skip


def month_rows(members: Iterable[Member], ledger: DuesLedger, rules: DuesRules, month: Month) -> list[MemberMonth]:
    """One row per member who pays dues here in *month*, in the order given (Vietnamese name order)."""
    ix = _Index(ledger)
    return [member_month(m, month, ledger, rules, ix) for m in members if m.id is not None and owes(m, month)]


def totals_of(
    month: Month, rows: Sequence[MemberMonth], ledger: DuesLedger, rules: DuesRules, index: _Index | None = None
) -> MonthTotals:
    ix = index or _Index(ledger)
    collected = ix.received.get(month, 0)
    kept = rules.keep_share(collected)
    sent = ix.sent.get(month)
    return MonthTotals(
        month=month, owed=len(rows),
        exempt=sum(r.status == "exempt" for r in rows),
        paid=sum(r.status in ("paid", "late") for r in rows),
        unpaid=sum(r.status == "unpaid" for r in rows),
        due_total=sum(r.due or 0 for r in rows if r.status != "exempt"),
        paid_total=sum(r.paid for r in rows),
        collected=collected, kept=kept, upward=collected - kept,
        sent=sent.amount if sent else None, sent_on=sent.sent_on if sent else None,
    )  # fmt: skip


def month_totals(members: Sequence[Member], ledger: DuesLedger, rules: DuesRules, month: Month) -> MonthTotals:
    return totals_of(month, month_rows(members, ledger, rules, month), ledger, rules)


def year_book(
    members: Sequence[Member], ledger: DuesLedger, rules: DuesRules, year: int, today: date | None = None
) -> DuesYear:
    """The dues book of *year*: every member who owed here in some month × the 12 months, and month totals.

    Months before the book's first month are left empty; so are months after *today*'s, except what was
    paid in advance for them.
    """
    ix = _Index(ledger)
    months = month_range(Month(year, 1), Month(year, 12))
    since = ledger.since
    current = Month.of(today) if today else None
    rows = []
    by_month: dict[Month, list[MemberMonth]] = {m: [] for m in months}
    for member in members:
        if member.id is None:
            continue
        cells = []
        for month in months:
            cell = None
            if since is not None and month >= since and owes(member, month):
                cell = member_month(member, month, ledger, rules, ix)
                if current is not None and month > current and not cell.paid:
                    cell = None
            if cell is not None:
                by_month[month].append(cell)
            cells.append(cell)
        if any(c is not None for c in cells):
            rows.append((member, tuple(cells)))
    totals = tuple(totals_of(m, by_month[m], ledger, rules, ix) for m in months)
    return DuesYear(year, tuple(rows), totals)


def unpaid_in_book(book: DuesYear, today: date) -> dict[int, list[int]]:
    """unpaid_months() read off a year's book already computed (the window has it at hand)."""
    out: dict[int, list[int]] = {}
    for member, cells in book.rows:
        bad = [c.month.month for c in cells if c is not None and c.status == "unpaid" and c.month.last < today]
        if bad and member.id is not None:
            out[member.id] = bad
    return out


def _judged(ledger: DuesLedger, year: int, today: date, start: date | None = None) -> list[Month]:
    """Months of *year* the checks judge: ended, not before the book's first month nor the branch record's start."""
    since = ledger.since
    if since is None:
        return []
    first = max(since, Month.of(start)) if start else since
    return [m for m in month_range(Month(year, 1), Month(year, 12)) if m.last < today and m >= first]


def unpaid_months(
    members: Sequence[Member], ledger: DuesLedger, rules: DuesRules, year: int, today: date, start: date | None = None
) -> dict[int, list[int]]:
    """member id -> ended months of *year* with nothing paid and no exemption or deferral (Charter Art. 8)."""
    ix = _Index(ledger)
    out: dict[int, list[int]] = {}
    months = _judged(ledger, year, today, start)
    for member in members:
        if member.id is None:
            continue
        # A month with any payment is never "unpaid": only the months without one need the whole computation.
        bad = [
            m.month
            for m in months
            if (member.id, m) not in ix.paid
            and owes(member, m)
            and member_month(member, m, ledger, rules, ix).status == "unpaid"
        ]
        if bad:
            out[member.id] = bad
    return out


def basis_missing(
    members: Sequence[Member], ledger: DuesLedger, rules: DuesRules, year: int, today: date, start: date | None = None
) -> list[tuple[Member, Month]]:
    """Members who owe dues in some judged or current month of *year* but have no basis: (member, first such month)."""
    if not ledger.tracked:
        return []
    ix = _Index(ledger)
    since = ledger.since
    if since is not None and start is not None:
        since = max(since, Month.of(start))  # nothing before the branch record's start is judged
    months = [m for m in month_range(Month(year, 1), Month(year, 12)) if m.first <= today and since and m >= since]
    out = []
    for member in members:
        if member.id is None:
            continue
        bases = ix.bases.get(member.id)
        if bases and months and bases[0].start <= months[0]:
            continue  # a basis from before the year's first judged month: never without one this year
        first = next(
            (m for m in months if owes(member, m) and member_month(member, m, ledger, rules, ix).status == "no_basis"),
            None,
        )
        if first is not None:
            out.append((member, first))
    return out


def allocate(total: int, dues: Sequence[int]) -> list[int]:
    """Split a receipt over its months: each month's due when the total matches them, else evenly in whole đồng
    (the remainder on the first months)."""
    if not dues:
        return []
    if sum(dues) == total:
        return list(dues)
    share, rest = divmod(total, len(dues))
    return [share + (1 if i < rest else 0) for i in range(len(dues))]
