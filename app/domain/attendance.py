"""The attendance-and-rules kernel: the one home of present/base, the visiting set, Art. 8 months, the quorum
verdict and the vote base. Pure functions, no I/O, no clock.

Every consumer calls these: the overview, the checks, the Excel matrix and figures, the Word minutes and
report, the editor's live banner. SQL (data/repositories/meetings.py) only fetches rows or per-code counts
cheaply and hands them here; it decides nothing. Thresholds always come from the RuleSet passed in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.domain import finding_text, vntext
from app.domain.findings import QuorumLevel
from app.domain.meeting_record import Attendance, AttendanceCode, Meeting, MeetingKind, MeetingOutline
from app.domain.membership import Member, MemberStatus
from app.domain.ruleset import RuleSet


@dataclass(slots=True)
class AttendanceSummary:
    """The attendance block of the minutes, computed per QĐ 24 §9.3.2 (DOMAIN §1.5)."""

    total: int = 0  # everyone on the roll that day
    official: int = 0
    probationary: int = 0
    visiting: int = 0  # from another branch, active here temporarily
    exempt: int = 0  # exempt (absent): out of the base
    away: int = 0  # active temporarily elsewhere: out of the base
    suspended: int = 0
    base: int = 0  # who must attend
    present: int = 0
    present_official: int = 0
    present_probationary: int = 0
    vote_base: int = 0  # the branch's full members in the base: what a vote's percentage is of (Charter Art. 5)
    present_voting: int = 0  # of them, present: the most votes a show of hands can count
    absent_excused: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    absent_unexcused: list[str] = field(default_factory=list)

    @property
    def absent(self) -> int:
        return len(self.absent_excused) + len(self.absent_unexcused)

    @property
    def pct(self) -> float:
        return 100.0 * self.present / self.base if self.base else 0.0


PRESENT = frozenset(c for c in AttendanceCode if c.is_present)
IN_BASE = frozenset(c for c in AttendanceCode if c.in_base)

#: The default code for a member who is on the roll, by their situation that day.
DEFAULT_CODE = {
    MemberStatus.PROBATIONARY: AttendanceCode.PRESENT,
    MemberStatus.FULL: AttendanceCode.PRESENT,
    MemberStatus.VISITING: AttendanceCode.PRESENT,
    MemberStatus.EXEMPT: AttendanceCode.EXEMPT,
    MemberStatus.AWAY: AttendanceCode.AWAY,
    MemberStatus.SUSPENDED: AttendanceCode.SUSPENDED,
}


# --------------------------------------------------------------------------- the roll and the visiting set
def roll_on(members: Iterable[Member], day: date) -> list[Member]:
    """Members on the branch roll on *day* (joined or transferred in, not yet gone)."""
    return [m for m in members if m.status_on(day).on_roll]


def visiting_ids(members: Iterable[Member], day: date) -> frozenset[int]:
    """Members of another branch active here temporarily on *day* (counted apart in the minutes)."""
    return frozenset(m.id for m in members if m.id is not None and m.status_on(day) is MemberStatus.VISITING)


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


# --------------------------------------------------------------------------- present / base / vote base
def summarize(rows: Sequence[Attendance], visiting: Iterable[int] = ()) -> AttendanceSummary:
    """Numbers for the minutes' attendance block, and the vote base.

    The base excludes exempt members who are absent, members active temporarily elsewhere and
    suspended members (QĐ 24 §9.3.2 as the Decisions table reads it). An exempt member who comes is
    recorded as present and counts. Excused absences stay in the base: they lower the percentage.
    The vote base is the same count restricted to the branch's own full members: probationary members
    never vote (Charter Art. 5), so they are in neither a vote's base nor its count; members visiting
    from another branch vote where they belong [INFERRED, see the README's rules and assumptions].
    """
    visiting_set = set(visiting)
    s = AttendanceSummary()
    for row in rows:
        s.total += 1
        guest = row.member_id in visiting_set
        if guest:
            s.visiting += 1
        elif row.official:
            s.official += 1
        else:
            s.probationary += 1
        match row.code:
            case AttendanceCode.EXEMPT:
                s.exempt += 1
            case AttendanceCode.AWAY:
                s.away += 1
            case AttendanceCode.SUSPENDED:
                s.suspended += 1
            case AttendanceCode.ABSENT_EXCUSED:
                s.absent_excused.append((row.member_name, row.reason))
            case AttendanceCode.ABSENT_UNEXCUSED:
                s.absent_unexcused.append(row.member_name)
        in_base, present = row.code in IN_BASE, row.code in PRESENT
        s.base += in_base
        if in_base and row.official and not guest:
            s.vote_base += 1
            s.present_voting += present
        if present:
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
    return sum(map(PRESENT.__contains__, codes)), sum(map(IN_BASE.__contains__, codes))


def present_and_base_of_counts(counts: Mapping[AttendanceCode, int]) -> tuple[int, int]:
    """(present, base) from one meeting's rows counted per code (what the light SQL query returns)."""
    present = sum(n for code, n in counts.items() if code in PRESENT)
    base = sum(n for code, n in counts.items() if code in IN_BASE)
    return present, base


def figures_of(meeting: Meeting) -> MeetingOutline:
    """A loaded meeting's MeetingOutline (the same present/base as summarize and the repository's figures)."""
    present, base = present_and_base(meeting.attendance)
    return MeetingOutline(
        meeting.id,  # type: ignore[arg-type]  # hand-built, unsaved meetings in tests have no id
        meeting.on, meeting.kind, meeting.status, meeting.start, meeting.end, present, base,
    )  # fmt: skip


def month_attendance_pct(figures: Iterable[MeetingOutline], year: int, month: int) -> float | None:
    """The attendance rate of a calendar month: all its meetings' present over all their bases; None if none."""
    present = base = 0
    for f in figures:
        if (f.on.year, f.on.month) == (year, month):
            present += f.present
            base += f.base
    return 100.0 * present / base if base else None


# --------------------------------------------------------------------------- the quorum verdict
@dataclass(frozen=True, slots=True)
class QuorumVerdict:
    level: QuorumLevel
    present: int
    base: int
    pct: float


def attendance_level(pct: float, rules: RuleSet) -> QuorumLevel:
    """An attendance rate against the rule set: at or below the alert threshold, below the warning one, or OK."""
    if pct <= rules.attendance_alert_below:
        return QuorumLevel.ALERT
    if pct < rules.attendance_warning_below:
        return QuorumLevel.WARNING
    return QuorumLevel.OK


def quorum_verdict(present: int, base: int, rules: RuleSet) -> QuorumVerdict:
    """How a meeting with *present* of *base* stands against the rule set in force."""
    if base <= 0:
        return QuorumVerdict(QuorumLevel.NONE, present, 0, 0.0)
    pct = 100.0 * present / base
    return QuorumVerdict(attendance_level(pct, rules), present, base, pct)


# --------------------------------------------------------------------------- Charter Art. 8 months
#: Which code a month is counted by when it held several regular meetings: the most serious one, so a
#: month with one unexcused absence is an Art. 8 month however many other meetings it had (counted once).
_MONTH_RANK = {
    AttendanceCode.ABSENT_UNEXCUSED: 6,
    AttendanceCode.ABSENT_EXCUSED: 5,
    AttendanceCode.LEFT_EARLY: 4,
    AttendanceCode.LATE: 3,
    AttendanceCode.PRESENT: 2,
    AttendanceCode.EXEMPT: 1,
    AttendanceCode.AWAY: 1,
    AttendanceCode.SUSPENDED: 1,
}
#: The only codes that can make a month count for Art. 8: a query may fetch just these rows.
ART8_CODES = frozenset({AttendanceCode.ABSENT_UNEXCUSED})

#: member id -> "YYYY-MM" -> the code that month is counted by.
MonthCodes = dict[int, dict[str, AttendanceCode]]


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_codes(rows: Iterable[tuple[int, date, MeetingKind, AttendanceCode]]) -> MonthCodes:
    """(member id, day, kind, code) rows -> each member's code per month, regular (and combined) meetings only."""
    out: MonthCodes = defaultdict(dict)
    for member_id, day, kind, code in rows:
        if not kind.counts_as_regular:
            continue
        by_month = out[member_id]
        key = month_key(day)
        held = by_month.get(key)
        if held is None or _MONTH_RANK[code] > _MONTH_RANK[held]:
            by_month[key] = code
    return dict(out)


def meeting_rows(meetings: Iterable[Meeting]) -> Iterable[tuple[int, date, MeetingKind, AttendanceCode]]:
    """Whole meetings as the (member id, day, kind, code) rows month_codes() reads."""
    for meeting in meetings:
        for row in meeting.attendance:
            yield row.member_id, meeting.on, meeting.kind, row.code


def months_coded(codes: Mapping[str, AttendanceCode], code: AttendanceCode) -> list[str]:
    """The month keys one member's months are counted as *code* in, in order."""
    return sorted(key for key, c in codes.items() if c is code)


def unexcused_months(codes: MonthCodes) -> dict[int, dict[int, list[int]]]:
    """year -> member id -> the months of that year counted as unexcused absences (Charter Art. 8)."""
    out: dict[int, dict[int, list[int]]] = defaultdict(dict)
    for member_id, by_month in codes.items():
        for key in months_coded(by_month, AttendanceCode.ABSENT_UNEXCUSED):
            out[int(key[:4])].setdefault(member_id, []).append(int(key[5:7]))
    return dict(out)


def quorum_sentence(verdict: QuorumVerdict, rules: RuleSet) -> str:
    """The banner's sentence for *verdict*, naming the threshold of the same rule set."""
    threshold = rules.attendance_alert_below if verdict.level is QuorumLevel.ALERT else rules.attendance_warning_below
    return finding_text.QUORUM_BANNER[verdict.level].format(
        present=verdict.present,
        base=verdict.base,
        pct=vntext.percent(verdict.pct),
        threshold=vntext.percent(threshold, 0),
    )
