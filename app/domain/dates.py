"""Vietnamese date and time parsing, formatting and arithmetic; pure functions, no I/O, no clock reads."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, time

from app.domain.vntext import fold

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "DateInputError",
    "add_months",
    "format_dmy",
    "format_doc_date",
    "format_place_date",
    "format_time_vn",
    "half_label",
    "month_label",
    "months_between",
    "parse_date",
    "parse_optional_date",
    "parse_time",
    "quarter_label",
    "roman",
    "years_between",
]

# Anything outside this range is a typing slip (1026, 2206), not a party record.
MIN_YEAR = 1900
MAX_YEAR = 2100


class DateInputError(ValueError):
    """A date or time the user typed cannot be read.

    ``code`` is "empty" (nothing typed), "format" (not a shape we accept) or "impossible"
    (right shape, but no such day, or a year outside 1900..2100); a time gets its own codes,
    "time_format" and "time_impossible" (25:70), so that it is never answered with a date's sentence.
    The UI turns ``field`` and ``code`` into a Vietnamese sentence next to the field.
    """

    CODES = ("empty", "format", "impossible", "time_format", "time_impossible")

    def __init__(self, field: str, code: str, text: str) -> None:
        if code not in self.CODES:
            raise ValueError(f"unknown DateInputError code {code!r}")
        super().__init__(f"{field}: {code} ({text!r})")
        self.field = field
        self.code = code
        self.text = text


# ----------------------------------------------------------------------------- parsing

# [0-9], not \d: \d also matches Arabic-Indic and other digits that int() would accept.
_DMY = re.compile(r"([0-9]{1,2})\s*([/.\-])\s*([0-9]{1,2})\s*\2\s*([0-9]+)")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_COMPACT = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")


def _prepare(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


def _make_date(year: int, month: int, day: int, field: str, text: str) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateInputError(field, "impossible", text)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError(field, "impossible", text) from None


def parse_date(text: str | None, field: str = "date") -> date:
    """Read a date typed the Vietnamese way (day first).

    Accepted: d/m/yyyy, dd/mm/yyyy, the same with "-" or "." (one separator throughout),
    ddmmyyyy (8 digits) and ISO yyyy-mm-dd. Surrounding spaces are ignored. Two-digit
    years are refused ("format"): guessing the century of a birth year is how records go
    wrong. Raises :class:`DateInputError`.
    """
    s = _prepare(text)
    if not s:
        raise DateInputError(field, "empty", text or "")
    m = _ISO.fullmatch(s)
    if m:
        return _make_date(int(m[1]), int(m[2]), int(m[3]), field, s)
    m = _DMY.fullmatch(s)
    if m and len(m[4]) == 4:
        return _make_date(int(m[4]), int(m[3]), int(m[1]), field, s)
    m = _COMPACT.fullmatch(s)
    if m:
        return _make_date(int(m[3]), int(m[2]), int(m[1]), field, s)
    raise DateInputError(field, "format", s)


def parse_optional_date(text: str | None, field: str = "date") -> date | None:
    """Like :func:`parse_date`, but blank input means "no date" and gives ``None``."""
    if not _prepare(text):
        return None
    return parse_date(text, field)


# Hour and minute separated by ":", ".", "h" or "giờ" (folded to "gio"/"g"), optionally
# followed by "phút"; or 1-4 bare digits (7, 19, 730, 1930). Seconds only with ":".
_TIME_SEP = re.compile(
    r"([0-9]{1,2})\s*(?:[:.]\s*([0-9]{2})(?:\s*:\s*([0-9]{2}))?|(?:h|g|gio)\s*(?:([0-9]{1,2})\s*(?:p|ph|phut)?)?)"
)
_TIME_DIGITS = re.compile(r"[0-9]{1,4}")


def parse_time(text: str | None, field: str = "time") -> time:
    """Read a time: "19:30", "19h30", "19 giờ 30 (phút)", "7:05", "19h", "1930", "730".

    Hours 0–23, minutes 0–59. Raises :class:`DateInputError`.
    """
    s = _prepare(text)
    if not s:
        raise DateInputError(field, "empty", text or "")
    # Folded so that "Giờ", "giờ", "GIO" and NFD input all match one pattern.
    folded = fold(s)
    m = _TIME_SEP.fullmatch(folded)
    if m:
        hour = int(m[1])
        minute = int(m[2] or m[4] or 0)
        second = int(m[3] or 0)
    elif _TIME_DIGITS.fullmatch(folded):
        digits = folded
        hour, minute, second = (int(digits), 0, 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]), 0)
    else:
        raise DateInputError(field, "time_format", s)
    if hour > 23 or minute > 59 or second > 59:
        raise DateInputError(field, "time_impossible", s)
    return time(hour, minute, second)


# ---------------------------------------------------------------------------- formatting


def format_dmy(d: date | None) -> str:
    """The UI form: "05/02/2026"; ``None`` gives ""."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_doc_date(d: date) -> str:
    """The document form: "ngày 05 tháng 02 năm 2026", "ngày 27 tháng 5 năm 2026".

    Days 1–9 and months 1–2 take a leading zero, nothing else does (NĐ 30 / HD 36): the
    zero stops "tháng 1" from being turned into "tháng 11" by hand.
    """
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def format_place_date(place: str | None, d: date) -> str:
    """ "Vị Thanh, ngày 05 tháng 02 năm 2026"; without a place "Ngày 05 tháng 02 năm 2026"."""
    place = " ".join(unicodedata.normalize("NFC", place or "").split())
    text = format_doc_date(d)
    if not place:
        return "N" + text[1:]
    return f"{place}, {text}"


def format_time_vn(t: time | None) -> str:
    """ "19 giờ 30 phút", "7 giờ 05 phút"; ``None`` gives the blank "… giờ … phút".

    The hour is not padded and the minutes always are, as the minutes templates write it.
    """
    if t is None:
        return "… giờ … phút"
    return f"{t.hour} giờ {t.minute:02d} phút"


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
_ROMAN += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """Roman numeral for 1..3999 (quarters, sections of a report: I, II, …, XII)."""
    if not 1 <= n <= 3999:
        raise ValueError(f"roman numeral out of range: {n}")
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def quarter_label(q: int) -> str:
    """ "quý I" .. "quý IV"."""
    if not 1 <= q <= 4:
        raise ValueError(f"quarter out of range: {q}")
    return f"quý {roman(q)}"


def half_label(h: int) -> str:
    """1 → "6 tháng đầu năm", 2 → "6 tháng cuối năm"."""
    if h == 1:
        return "6 tháng đầu năm"
    if h == 2:
        return "6 tháng cuối năm"
    raise ValueError(f"half-year out of range: {h}")


def month_label(m: int, y: int) -> str:
    """ "tháng 10 năm 2025", "tháng 2 năm 2026".

    A period label, not a date of issue, so no zero padding (format_doc_date pads).
    """
    if not 1 <= m <= 12:
        raise ValueError(f"month out of range: {m}")
    return f"tháng {m} năm {y}"


# ---------------------------------------------------------------------------- arithmetic


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` (may be negative); the day is clamped to the month's end."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def months_between(a: date, b: date) -> int:
    """Whole months from ``a`` to ``b``: the largest n with add_months(a, n) <= b.

    31/01 → 28/02 is one month (the anniversary is clamped). If ``b`` is before ``a`` the
    result is minus the whole months from ``b`` to ``a``.
    """
    if b < a:
        return -months_between(b, a)
    n = (b.year - a.year) * 12 + (b.month - a.month)
    if add_months(a, n) > b:
        n -= 1
    return n


def years_between(a: date, b: date) -> int:
    """Whole years from ``a`` to ``b`` (party age, age): a member admitted 29/02/2000
    has one year of party age on 28/02/2001. Negative if ``b`` is before ``a``."""
    months = months_between(a, b)
    return months // 12 if months >= 0 else -((-months) // 12)
