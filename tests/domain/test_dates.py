"""Tests for app.domain.dates: Vietnamese date/time input, document formats and month arithmetic."""

from __future__ import annotations

import unicodedata
from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.dates import (
    DateInputError,
    add_months,
    format_dmy,
    format_doc_date,
    format_place_date,
    format_time_vn,
    half_label,
    month_label,
    months_between,
    parse_date,
    parse_optional_date,
    parse_time,
    quarter_label,
    roman,
    years_between,
)

in_range = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def _error(text: str | None, parse=parse_date) -> DateInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(DateInputError) as info:
        parse(text, "ngay_sinh")
    assert info.value.field == "ngay_sinh"
    return info.value


# ------------------------------------------------------------------------------ parse_date


@pytest.mark.parametrize(
    "text",
    [
        "05/02/2026",
        "5/2/2026",
        "05-02-2026",
        "5-2-2026",
        "05.02.2026",
        "5.2.2026",
        "05022026",
        "2026-02-05",
        "2026-2-5",
        "  05/02/2026  ",
        "\t5/2/2026\n",
        "5 / 2 / 2026",
    ],
)
def test_parse_date_accepts_every_format(text: str) -> None:
    assert parse_date(text) == date(2026, 2, 5)


def test_parse_date_day_comes_first() -> None:
    assert parse_date("03/04/2018") == date(2018, 4, 3)
    assert parse_date("12112025") == date(2025, 11, 12)


def test_parse_date_normalises_input() -> None:
    decomposed = unicodedata.normalize("NFD", " 27/5/2026 ")
    assert parse_date(decomposed) == date(2026, 5, 27)


@pytest.mark.parametrize(
    "text",
    ["31/02/2025", "29/02/2025", "1/13/2025", "0/1/2025", "32/01/2025", "31/04/2026", "00/00/2000", "31022025"],
)
def test_parse_date_impossible(text: str) -> None:
    error = _error(text)
    assert error.code == "impossible"
    assert error.text == text


def test_leap_day_only_in_leap_years() -> None:
    assert parse_date("29/02/2024") == date(2024, 2, 29)
    assert parse_date("29/02/2000") == date(2000, 2, 29)
    assert _error("29/02/1900").code == "impossible"


@pytest.mark.parametrize("text", ["01/01/1899", "31/12/2101", "1/1/0026", "2200-01-01", "01019999"])
def test_parse_date_year_out_of_range_is_impossible(text: str) -> None:
    assert _error(text).code == "impossible"


def test_parse_date_year_bounds_inclusive() -> None:
    assert parse_date("01/01/1900") == date(1900, 1, 1)
    assert parse_date("31/12/2100") == date(2100, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "05/02/26",  # two-digit year
        "5-2-26",
        "050226",
        "abc",
        "5 tháng 2 2026",
        "05/02-2026",  # mixed separators
        "2026/02/05",
        "05/02/20260",
        "0502202",
        "5//2/2026",
        "٠٥/٠٢/٢٠٢٦",  # Arabic-Indic digits are not ours
        "05/02/2026 10:00",
    ],
)
def test_parse_date_format_errors(text: str) -> None:
    assert _error(text).code == "format"


@pytest.mark.parametrize("text", ["", "   ", None, "\u00a0"])
def test_parse_date_empty(text: str | None) -> None:
    assert _error(text).code == "empty"


def test_date_input_error_is_a_value_error_with_fields() -> None:
    error = DateInputError("ngay_vao_dang", "format", "x")
    assert isinstance(error, ValueError)
    assert (error.field, error.code, error.text) == ("ngay_vao_dang", "format", "x")
    with pytest.raises(ValueError):
        DateInputError("f", "nonsense", "x")


def test_parse_date_default_field_name() -> None:
    with pytest.raises(DateInputError) as info:
        parse_date("x")
    assert info.value.field == "date"


@given(in_range)
def test_every_format_round_trips(d: date) -> None:
    assert parse_date(format_dmy(d)) == d
    assert parse_date(f"{d.day}/{d.month}/{d.year}") == d
    assert parse_date(f"{d.day:02d}-{d.month:02d}-{d.year}") == d
    assert parse_date(f"{d.day}.{d.month}.{d.year}") == d
    assert parse_date(f"{d.day:02d}{d.month:02d}{d.year}") == d
    assert parse_date(d.isoformat()) == d


def test_parse_optional_date() -> None:
    assert parse_optional_date("") is None
    assert parse_optional_date("  ") is None
    assert parse_optional_date(None) is None
    assert parse_optional_date("5/2/2026") == date(2026, 2, 5)
    assert _error("31/02/2026", parse_optional_date).code == "impossible"


# ------------------------------------------------------------------------------ parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19:30", time(19, 30)),
        ("19h30", time(19, 30)),
        ("19H30", time(19, 30)),
        ("19 giờ 30", time(19, 30)),
        ("19 giờ 30 phút", time(19, 30)),
        (unicodedata.normalize("NFD", "19 Giờ 30 phút"), time(19, 30)),
        ("19g30", time(19, 30)),
        ("7:05", time(7, 5)),
        ("07:05", time(7, 5)),
        ("7h5", time(7, 5)),
        ("1930", time(19, 30)),
        ("730", time(7, 30)),
        ("19h", time(19, 0)),
        ("14 giờ", time(14, 0)),
        ("19", time(19, 0)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("19.30", time(19, 30)),
        ("08:15:30", time(8, 15, 30)),
        ("  19:30 ", time(19, 30)),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "19:60", "2400", "1975", "25h", "19:30:60"])
def test_parse_time_impossible(text: str) -> None:
    assert _error(text, parse_time).code == "time_impossible"


@pytest.mark.parametrize("text", ["abc", "19:3", "19:", "19-30", "12345", "7 30", "h30", "19 giờ 30 phút sáng"])
def test_parse_time_format(text: str) -> None:
    assert _error(text, parse_time).code == "time_format"


@pytest.mark.parametrize("text", ["", " ", None])
def test_parse_time_empty(text: str | None) -> None:
    assert _error(text, parse_time).code == "empty"


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_time_round_trips_through_every_form(t: time) -> None:
    assert parse_time(f"{t.hour}:{t.minute:02d}") == t
    assert parse_time(f"{t.hour}h{t.minute:02d}") == t
    assert parse_time(format_time_vn(t)) == t
    assert parse_time(f"{t.hour}{t.minute:02d}") == t


# ------------------------------------------------------------------------------ formatting


def test_format_dmy() -> None:
    assert format_dmy(date(2026, 2, 5)) == "05/02/2026"
    assert format_dmy(date(2025, 12, 10)) == "10/12/2025"
    assert format_dmy(None) == ""


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (date(2026, 5, 27), "ngày 27 tháng 5 năm 2026"),
        (date(2018, 4, 3), "ngày 03 tháng 4 năm 2018"),
        (date(2018, 2, 20), "ngày 20 tháng 02 năm 2018"),
        (date(2025, 12, 10), "ngày 10 tháng 12 năm 2025"),
        (date(2025, 1, 1), "ngày 01 tháng 01 năm 2025"),
        (date(2025, 3, 9), "ngày 09 tháng 3 năm 2025"),
        (date(2025, 11, 10), "ngày 10 tháng 11 năm 2025"),
    ],
)
def test_format_doc_date_examples(d: date, expected: str) -> None:
    assert format_doc_date(d) == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_doc_date_pads_only_january_and_february(month: int) -> None:
    text = format_doc_date(date(2026, month, 15))
    shown = f"0{month}" if month <= 2 else str(month)
    assert text == f"ngày 15 tháng {shown} năm 2026"


@pytest.mark.parametrize("day", range(1, 32))
def test_doc_date_pads_only_days_one_to_nine(day: int) -> None:
    text = format_doc_date(date(2026, 12, day))
    shown = f"0{day}" if day <= 9 else str(day)
    assert text == f"ngày {shown} tháng 12 năm 2026"


def test_doc_date_rule_on_every_day_of_a_leap_year() -> None:
    d = date(2024, 1, 1)
    while d.year == 2024:
        _, day, _, month, _, year = format_doc_date(d).split(" ")
        assert int(day) == d.day and int(month) == d.month and year == "2024"
        assert len(day) == 2
        assert len(month) == (2 if d.month in (1, 2, 10, 11, 12) else 1)
        d += timedelta(days=1)


def test_format_place_date() -> None:
    assert format_place_date("Vị Thanh", date(2026, 2, 5)) == "Vị Thanh, ngày 05 tháng 02 năm 2026"
    assert format_place_date("  Hà   Nội ", date(2026, 5, 27)) == "Hà Nội, ngày 27 tháng 5 năm 2026"
    assert format_place_date("", date(2026, 2, 5)) == "Ngày 05 tháng 02 năm 2026"
    assert format_place_date(None, date(2026, 2, 5)) == "Ngày 05 tháng 02 năm 2026"
    place = unicodedata.normalize("NFD", "Vị Thanh")
    assert format_place_date(place, date(2026, 2, 5)).startswith("Vị Thanh,")


def test_format_time_vn() -> None:
    assert format_time_vn(time(19, 30)) == "19 giờ 30 phút"
    assert format_time_vn(time(7, 5)) == "7 giờ 05 phút"
    assert format_time_vn(time(14, 0)) == "14 giờ 00 phút"
    assert format_time_vn(None) == "… giờ … phút"


def test_roman() -> None:
    expected = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    assert [roman(n) for n in range(1, 13)] == expected
    assert roman(2026) == "MMXXVI"
    for bad in (0, -1, 4000):
        with pytest.raises(ValueError):
            roman(bad)


def test_period_labels() -> None:
    assert [quarter_label(q) for q in range(1, 5)] == ["quý I", "quý II", "quý III", "quý IV"]
    assert half_label(1) == "6 tháng đầu năm"
    assert half_label(2) == "6 tháng cuối năm"
    assert month_label(10, 2025) == "tháng 10 năm 2025"
    assert month_label(2, 2026) == "tháng 2 năm 2026"
    for call in (
        lambda: quarter_label(0),
        lambda: quarter_label(5),
        lambda: half_label(3),
        lambda: month_label(13, 2025),
    ):
        with pytest.raises(ValueError):
            call()


# ------------------------------------------------------------------------------ arithmetic


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2000, 2, 29), 12, date(2001, 2, 28)),
        (date(2025, 5, 31), 0, date(2025, 5, 31)),
        (date(2025, 8, 31), 18, date(2027, 2, 28)),
        (date(2025, 3, 10), -27, date(2022, 12, 10)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("a", "b", "months", "years"),
    [
        (date(2020, 1, 15), date(2020, 1, 15), 0, 0),
        (date(2020, 1, 15), date(2020, 2, 14), 0, 0),
        (date(2020, 1, 15), date(2020, 2, 15), 1, 0),
        (date(2020, 1, 31), date(2020, 2, 29), 1, 0),
        (date(2015, 3, 3), date(2025, 3, 2), 119, 9),
        (date(2015, 3, 3), date(2025, 3, 3), 120, 10),
        (date(2000, 2, 29), date(2001, 2, 28), 12, 1),
        (date(2000, 2, 29), date(2001, 2, 27), 11, 0),
        (date(2025, 3, 3), date(2015, 3, 3), -120, -10),
        (date(2025, 3, 3), date(2015, 3, 4), -119, -9),
    ],
)
def test_months_and_years_between(a: date, b: date, months: int, years: int) -> None:
    assert months_between(a, b) == months
    assert years_between(a, b) == years


@given(in_range, in_range)
def test_months_between_is_the_largest_whole_count(a: date, b: date) -> None:
    n = months_between(a, b)
    if b >= a:
        assert add_months(a, n) <= b < add_months(a, n + 1)
    else:
        assert n == -months_between(b, a)
    assert years_between(a, b) == (n // 12 if n >= 0 else -((-n) // 12))


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 120))
def test_add_months_then_count_back(d: date, months: int) -> None:
    later = add_months(d, months)
    assert later.day <= d.day
    assert (later.year - d.year) * 12 + later.month - d.month == months
    assert months_between(d, later) == months
