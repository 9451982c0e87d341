"""Reporting periods (month, quarter, half-year, year, custom range) and their Vietnamese labels. No I/O."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class PeriodKind(StrEnum):
    """What span a period covers; the value is what hidden sheets and settings store."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    CUSTOM = "custom"  # any range of days (inclusive)


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: a quarter, a half-year, a year or a custom range (inclusive)."""

    start: date
    end: date
    kind: PeriodKind
    year: int
    number: int = 0  # quarter 1-4, half 1-2, month 1-12

    @property
    def key(self) -> str:
        match self.kind:
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.number}"
            case PeriodKind.HALF:
                return f"{self.year}-H{self.number}"
            case PeriodKind.MONTH:
                return f"{self.year}-{self.number:02d}"
            case PeriodKind.YEAR:
                return str(self.year)
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


_ROMAN = ("I", "II", "III", "IV")


def month(year: int, number: int) -> Period:
    last = calendar.monthrange(year, number)[1]
    return Period(date(year, number, 1), date(year, number, last), PeriodKind.MONTH, year, number)


def quarter(year: int, number: int) -> Period:
    if not 1 <= number <= 4:
        raise ValueError("quarter must be 1..4")
    first = 3 * (number - 1) + 1
    return Period(date(year, first, 1), month(year, first + 2).end, PeriodKind.QUARTER, year, number)


def half(year: int, number: int) -> Period:
    if number not in (1, 2):
        raise ValueError("half must be 1 or 2")
    return Period(date(year, 6 * number - 5, 1), month(year, 6 * number).end, PeriodKind.HALF, year, number)


def year(number: int) -> Period:
    return Period(date(number, 1, 1), date(number, 12, 31), PeriodKind.YEAR, number)


def custom(start: date, end: date) -> Period:
    if end < start:
        raise ValueError("period ends before it starts")
    return Period(start, end, PeriodKind.CUSTOM, start.year)


def months_in(period: Period) -> Iterator[Period]:
    y, m = period.start.year, period.start.month
    while date(y, m, 1) <= period.end:
        yield month(y, m)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def quarters_in(period: Period) -> Iterator[Period]:
    for y in range(period.start.year, period.end.year + 1):
        for q in range(1, 5):
            candidate = quarter(y, q)
            if candidate.end >= period.start and candidate.start <= period.end:
                yield candidate


def label(period: Period) -> str:
    """Vietnamese label: "tháng 3 năm 2026", "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026"."""
    match period.kind:
        case PeriodKind.MONTH:
            return f"tháng {period.number} năm {period.year}"
        case PeriodKind.QUARTER:
            return f"quý {_ROMAN[period.number - 1]} năm {period.year}"
        case PeriodKind.HALF:
            return f"6 tháng {'đầu' if period.number == 1 else 'cuối'} năm {period.year}"
        case PeriodKind.YEAR:
            return f"năm {period.year}"
    return f"từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y}"


def parse_key(key: str) -> Period:
    """Inverse of ``Period.key`` ("2026-Q1", "2026-H2", "2026-03", "2026")."""
    text = key.strip().upper()
    if "_" in text:
        first, last = text.split("_", 1)
        return custom(date.fromisoformat(first), date.fromisoformat(last))
    if "-Q" in text:
        y, q = text.split("-Q")
        return quarter(int(y), int(q))
    if "-H" in text:
        y, h = text.split("-H")
        return half(int(y), int(h))
    if "-" in text:
        y, m = text.split("-")
        return month(int(y), int(m))
    return year(int(text))
