"""Party dues: the dated records of the branch's dues book (bases, reliefs, receipts, remittances). No I/O.

A *month* of dues is a :class:`Month`; amounts are whole đồng (int). The arithmetic lives in
app.domain.dues_ledger, the rates in app.domain.dues_rules (resources/rules/dues.json).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.errors import ValidationError

_MONTH = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_MONEY = re.compile(r"^(\d+|\d{1,3}([.,\s]\d{3})+)$")
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
_KEYS: dict[str, Month] = {}  # stored keys seen, parsed once
_LAST_DAY: dict[Month, date] = {}


class Month(tuple):  # a tuple: hashing and ordering run in C (60,000 cells for a big branch)
    """A calendar month, ordered; ``key`` "2026-11" is stored, ``label`` "11/2026" is shown."""

    __slots__ = ()

    def __new__(cls, year: int, month: int) -> Month:
        if not 1 <= month <= 12 or not 1900 <= year <= 2200:
            raise ValueError(f"not a month: {month}/{year}")
        return tuple.__new__(cls, (year, month))

    def __getnewargs__(self) -> tuple[int, int]:  # type: ignore[override]
        return (self[0], self[1])

    def __repr__(self) -> str:
        return f"Month({self[0]}, {self[1]})"

    @property
    def year(self) -> int:
        return self[0]

    @property
    def month(self) -> int:
        return self[1]

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def from_key(cls, key: str) -> Month:
        cached = _KEYS.get(key)
        if cached is not None:
            return cached
        m = _ISO_MONTH.match(key)
        if not m:
            raise ValueError(f"not a month key: {key!r}")
        month = _KEYS[key] = cls(int(m.group(1)), int(m.group(2)))
        return month

    @classmethod
    def parse(cls, text: str | None, field: str = "month") -> Month:
        """ "11/2026", "1-2026", "2026-11" -> Month; anything else is a ValidationError naming *field*."""
        text = (text or "").strip()
        if not text:
            raise ValidationError({field: "required"})
        m = _MONTH.match(text)
        try:
            if m:
                return cls(int(m.group(2)), int(m.group(1)))
            return cls.from_key(text)
        except ValueError:
            raise ValidationError({field: "month_format"}) from None

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.month:02d}/{self.year}"

    @property
    def first(self) -> date:
        return date(self[0], self[1], 1)

    @property
    def last(self) -> date:
        day = _LAST_DAY.get(self)
        if day is None:
            day = _LAST_DAY[self] = date(self[0], self[1], calendar.monthrange(self[0], self[1])[1])
        return day

    def next(self) -> Month:
        return Month(self[0] + self[1] // 12, self[1] % 12 + 1)

    def prev(self) -> Month:
        return Month(self[0] - (self[1] == 1), (self[1] - 2) % 12 + 1)

    def index(self) -> int:
        return self[0] * 12 + self[1] - 1


def month_range(first: Month, last: Month) -> list[Month]:
    """Every month from *first* to *last*, both included (empty when last < first)."""
    out, m = [], first
    while m <= last:
        out.append(m)
        m = m.next()
    return out


def parse_month_range(text: str | None, field: str = "month") -> tuple[Month, Month]:
    """ "11/2026" or "01/2026-06/2026" -> (first, last); a backwards range is refused."""
    text = (text or "").strip()
    parts = re.split(r"\s*(?:–|—|\.\.|(?<=\d{4})\s*-\s*)\s*", text, maxsplit=1)
    first = Month.parse(parts[0], field)
    last = Month.parse(parts[1], field) if len(parts) > 1 else first
    if last < first:
        raise ValidationError({field: "month_order"})
    if last.index() - first.index() >= 36:
        raise ValidationError({field: "month_span"})
    return first, last


class DuesKind(StrEnum):
    """What a member's dues are computed from (QĐ 01-QĐ/TW 2026, Điều 3)."""

    SALARY = "salary"  # 1% of the salary on which compulsory social insurance is paid
    ALLOWANCE = "allowance"  # 1% of the sickness / maternity allowance during such leave
    PENSION = "pension"  # 0.5% of the pension
    OTHER = "other"  # a share of the regional minimum wage (the base entered is that wage)
    STUDENT = "student"  # a fixed amount a month


class Channel(StrEnum):
    CASH = "cash"  # cash handed to the branch
    PORTAL = "portal"  # the national public-service portal (Cổng Dịch vụ công Quốc gia)


class ReliefKind(StrEnum):
    EXEMPT = "exempt"  # miễn đóng
    REDUCE = "reduce"  # giảm 30 / 50 / 70 %
    DEFER = "defer"  # cho chậm đóng (an accepted reason not to pay that month yet)


@dataclass(frozen=True, slots=True)
class DuesBasis:
    """From *start* on, the member's dues are *fixed* đồng, or the rate of *kind* applied to *base*."""

    member_id: int
    start: Month
    kind: DuesKind
    base: int | None = None
    fixed: int | None = None
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class DuesRelief:
    """An exemption, reduction or deferral with its reason and document; *until* None = open-ended."""

    member_id: int
    start: Month
    kind: ReliefKind
    reason: str
    until: Month | None = None
    reduction_pct: int = 100
    document: str = ""
    id: int | None = None

    def covers(self, month: Month) -> bool:
        return self.start <= month and (self.until is None or month <= self.until)


@dataclass(frozen=True, slots=True)
class DuesPayment:
    """The part of a receipt that pays *month* (one receipt may cover several months, late or in advance)."""

    member_id: int
    month: Month
    amount: int
    paid_on: date
    channel: Channel
    receipt_id: int | None = None


@dataclass(frozen=True, slots=True)
class DuesReceipt:
    member_id: int
    paid_on: date
    amount: int
    channel: Channel
    first: Month
    last: Month
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Remittance:
    """What the branch sent upward for *month*, and when (the share kept is the rest of the month's takings)."""

    month: Month
    sent_on: date
    amount: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class DuesLedger:
    """Everything the dues book holds, loaded once; the kernel reads nothing else."""

    bases: tuple[DuesBasis, ...] = ()
    reliefs: tuple[DuesRelief, ...] = ()
    payments: tuple[DuesPayment, ...] = ()
    remittances: tuple[Remittance, ...] = ()

    @property
    def tracked(self) -> bool:
        """Whether the branch keeps its dues book here at all (the checks stay silent otherwise)."""
        return bool(self.bases or self.payments)

    @property
    def since(self) -> Month | None:
        """The first month the book records: earlier months are never judged."""
        months = [b.start for b in self.bases] + [p.month for p in self.payments]
        return min(months) if months else None


def format_money(amount: int) -> str:
    """Whole đồng with the Vietnamese thousands separator: 1234000 -> "1.234.000"."""
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(int(amount)):,}".replace(",", ".")


def parse_money(text: str | int | None, field: str = "amount") -> int:
    """ "1.234.000", "1234000", "1 234 000 đ" -> 1234000. Negative, fractional or empty is refused."""
    if isinstance(text, int):
        value = text
    else:
        cleaned = re.sub(r"\s*(đồng|đ)$", "", (text or "").strip().lower()).strip()
        if not cleaned:
            raise ValidationError({field: "required"})
        if not _MONEY.match(cleaned):
            raise ValidationError({field: "money_format"})
        value = int(re.sub(r"[.,\s]", "", cleaned))
    if value < 0 or value > 10_000_000_000:
        raise ValidationError({field: "money_range"})
    return value
