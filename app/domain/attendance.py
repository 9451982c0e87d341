"""Attendance arithmetic: who is expected, the quorum base (QĐ 24 §9.3.2) and the minutes' numbers. No I/O."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from app.domain.models import (
    Attendance,
    AttendanceCode,
    AttendanceSummary,
    Meeting,
    MeetingFigures,
    Member,
    MemberStatus,
)

_PRESENT = frozenset(c for c in AttendanceCode if c.is_present)
_IN_BASE = frozenset(c for c in AttendanceCode if c.in_base)

#: The default code for a member who is on the roll, by their situation that day.
DEFAULT_CODE = {
    MemberStatus.DU_BI: AttendanceCode.CO_MAT,
    MemberStatus.CHINH_THUC: AttendanceCode.CO_MAT,
    MemberStatus.SHTT_DEN: AttendanceCode.CO_MAT,
    MemberStatus.MIEN_SH: AttendanceCode.MIEN_SH,
    MemberStatus.SHTT_DI: AttendanceCode.SHTT_NOI_KHAC,
    MemberStatus.DINH_CHI: AttendanceCode.DINH_CHI,
}


def roll_on(members: Iterable[Member], day: date) -> list[Member]:
    """Members on the branch roll on *day* (joined or transferred in, not yet gone)."""
    return [m for m in members if m.status_on(day).on_roll]


def default_attendance(members: Iterable[Member], day: date) -> list[Attendance]:
    """One row per member on the roll: present unless exempt, away or suspended that day."""
    rows = []
    for member in members:
        status = member.status_on(day)
        if not status.on_roll or member.id is None:
            continue
        rows.append(
            Attendance(
                member_id=member.id,
                code=DEFAULT_CODE[status],
                member_name=member.full_name,
                official=member.is_official_on(day),
            )
        )
    return rows


def summarize(rows: Sequence[Attendance], visiting_ids: Iterable[int] = ()) -> AttendanceSummary:
    """Numbers for the minutes' attendance block.

    The base excludes exempt members who are absent, members active temporarily elsewhere and
    suspended members (QĐ 24 §9.3.2 as the Decisions table reads it). An exempt member who comes is
    recorded as present and counts. Excused absences stay in the base: they lower the percentage.
    """
    visiting = set(visiting_ids)
    s = AttendanceSummary()
    for row in rows:
        s.total += 1
        if row.member_id in visiting:
            s.visiting += 1
        elif row.official:
            s.official += 1
        else:
            s.probationary += 1
        match row.code:
            case AttendanceCode.MIEN_SH:
                s.exempt += 1
            case AttendanceCode.SHTT_NOI_KHAC:
                s.away += 1
            case AttendanceCode.DINH_CHI:
                s.suspended += 1
            case AttendanceCode.VANG_CO_LY_DO:
                s.absent_excused.append((row.member_name, row.reason))
            case AttendanceCode.VANG_KHONG_LY_DO:
                s.absent_unexcused.append(row.member_name)
        if row.code.in_base:
            s.base += 1
        if row.code.is_present:
            s.present += 1
            if row.official:
                s.present_official += 1
            else:
                s.present_probationary += 1
    return s


def present_and_base(rows: Sequence[Attendance]) -> tuple[int, int]:
    """(present, base) as summarize() counts them, without the rest of the summary."""
    # Set lookups, not the enum properties: this runs over 57,000 rows for a 5,000-member year.
    codes = [row.code for row in rows]
    return sum(map(_PRESENT.__contains__, codes)), sum(map(_IN_BASE.__contains__, codes))


def figures_of(meeting: Meeting) -> MeetingFigures:
    """A loaded meeting's MeetingFigures (the same present/base rules as summarize and the SQL figures)."""
    assert meeting.id is not None
    present, base = present_and_base(meeting.attendance)
    return MeetingFigures(
        meeting.id, meeting.on, meeting.kind, meeting.status, meeting.start, meeting.end, present, base
    )
