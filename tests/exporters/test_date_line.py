"""The place-and-date line of every document: days 1–9 and months 1–2 zero-padded, nothing else (DOMAIN §6.2)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporters.docx_common import letterhead
from exporters.minutes_docx import render_minutes
from tests.exporters import samples
from tests.exporters.docx_read import open_docx


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 2, 5), "Vị Thanh, ngày 05 tháng 02 năm 2026"),
        (date(2026, 1, 9), "Vị Thanh, ngày 09 tháng 01 năm 2026"),
        (date(2026, 1, 10), "Vị Thanh, ngày 10 tháng 01 năm 2026"),
        (date(2026, 3, 1), "Vị Thanh, ngày 01 tháng 3 năm 2026"),
        (date(2026, 5, 27), "Vị Thanh, ngày 27 tháng 5 năm 2026"),
        (date(2026, 10, 31), "Vị Thanh, ngày 31 tháng 10 năm 2026"),
        (date(2026, 12, 5), "Vị Thanh, ngày 05 tháng 12 năm 2026"),
        (date(2028, 2, 29), "Vị Thanh, ngày 29 tháng 02 năm 2028"),
    ],
)
def test_date_line_padding(day: date, expected: str) -> None:
    assert letterhead(samples.PROFILE, day).place_date == expected


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_padding_rule_for_every_date(day: date) -> None:
    line = letterhead(samples.PROFILE, day).place_date
    m = re.fullmatch(r"Vị Thanh, ngày (\d+) tháng (\d+) năm (\d{4})", line)
    assert m is not None
    d, mo, y = m.groups()
    assert (int(d), int(mo), int(y)) == (day.day, day.month, day.year)
    assert len(d) == 2  # 1–9 padded, 10–31 already two digits
    assert mo == (f"{day.month:02d}" if day.month < 3 else str(day.month))


def test_without_a_place_the_line_starts_with_ngay() -> None:
    from dataclasses import replace

    assert letterhead(replace(samples.PROFILE, place_name=""), date(2026, 2, 5)).place_date == (
        "Ngày 05 tháng 02 năm 2026"
    )


@pytest.mark.parametrize(
    ("day", "line"), [(date(2026, 1, 3), "ngày 03 tháng 01"), (date(2026, 11, 3), "ngày 03 tháng 11")]
)
def test_the_rendered_document_carries_the_padded_date(day: date, line: str) -> None:
    meeting = samples.regular(on=day)
    doc = open_docx(render_minutes(meeting, samples.summary(meeting), samples.PROFILE, samples.layout()))
    assert line in doc.tables[0].rows[0].cells[1].paragraphs[-1].text
