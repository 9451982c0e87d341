"""The seal of adopted minutes: stable, order-independent, sensitive to every content change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from app.domain.meeting_record import (
    Attendance,
    AttendanceCode,
    Correction,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Opinion,
    Vote,
)
from app.domain.seal import content_digest, short_seal

BASE = Meeting(
    kind=MeetingKind.REGULAR, on=date(2026, 3, 5), start=time(14), end=time(16), conclusion="Thống nhất.",
    opinions=(Opinion("Nguyễn Văn An", "Đồng ý."),), votes=(Vote("Thông qua", 5, 0, 0, 6),),
    attendance=(Attendance(1, AttendanceCode.PRESENT, member_name="A"), Attendance(2, AttendanceCode.ABSENT_EXCUSED, "Ốm", "B")),
)  # fmt: skip


def test_digest_is_stable_and_ignores_bookkeeping_and_row_order() -> None:
    digest = content_digest(BASE)
    assert len(digest) == 64 and digest == content_digest(BASE)
    bookkeeping = replace(BASE, id=9, status=MeetingStatus.LOCKED, adopted_on=date(2026, 3, 6), doc_number="05",
                          content_hash="x", corrections=(Correction(date(2026, 4, 1), "r", "t"),))  # fmt: skip
    assert content_digest(bookkeeping) == digest
    assert content_digest(replace(BASE, attendance=BASE.attendance[::-1])) == digest


@given(st.sampled_from(["conclusion", "place", "dues_note", "title"]), st.text(min_size=1, max_size=20))
def test_any_content_change_changes_the_digest(field: str, text: str) -> None:
    changed = replace(BASE, **{field: getattr(BASE, field) + text})
    assert content_digest(changed) != content_digest(BASE)


def test_attendance_vote_and_time_changes_break_the_seal() -> None:
    digest = content_digest(BASE)
    assert content_digest(replace(BASE, end=time(16, 1))) != digest
    assert content_digest(replace(BASE, votes=(Vote("Thông qua", 6, 0, 0, 6),))) != digest
    rows = (BASE.attendance[0], replace(BASE.attendance[1], code=AttendanceCode.ABSENT_UNEXCUSED))
    assert content_digest(replace(BASE, attendance=rows)) != digest


def test_short_seal_form() -> None:
    assert short_seal("0123456789abcdef" + "0" * 48) == "0123-4567-89AB-CDEF"
