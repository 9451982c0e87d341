"""A meeting (cuộc sinh hoạt) and what its minutes hold: attendance, opinions, votes, tasks. No I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum


class MeetingKind(StrEnum):
    REGULAR = "thuong_ky"  # regular monthly meeting
    THEMATIC = "chuyen_de"  # thematic meeting
    COMBINED = "ket_hop"  # regular + thematic in one sitting, two separate parts
    EXTRAORDINARY = "bat_thuong"  # extraordinary meeting
    YEARLY_REVIEW = "kiem_diem"  # the year-end review and quality rating of members and branch (issue 14)

    @property
    def counts_as_regular(self) -> bool:
        """Counts as the month's meeting: its attendance is in the base and in Art. 8 (DOMAIN.md Decisions)."""
        return self in (MeetingKind.REGULAR, MeetingKind.COMBINED, MeetingKind.YEARLY_REVIEW)

    @property
    def counts_as_thematic(self) -> bool:
        return self in (MeetingKind.THEMATIC, MeetingKind.COMBINED)


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"  # read back and adopted: content frozen
    LOCKED = "locked"  # filed; only dated addenda (đính chính) may follow


class AttendanceCode(StrEnum):
    """Per member per meeting (DOMAIN §3.3)."""

    PRESENT = "co_mat"
    LATE = "den_muon"  # present, arrived late
    LEFT_EARLY = "ve_som"  # present, left early
    ABSENT_EXCUSED = "vang_co_ly_do"
    ABSENT_UNEXCUSED = "vang_khong_ly_do"
    EXEMPT = "mien_sh"  # exempt and absent: not in the base
    AWAY = "shtt_noi_khac"  # active elsewhere: not in the base
    SUSPENDED = "dinh_chi"  # suspended: not in the base

    @property
    def is_present(self) -> bool:
        return self in (AttendanceCode.PRESENT, AttendanceCode.LATE, AttendanceCode.LEFT_EARLY)

    @property
    def in_base(self) -> bool:
        return self not in (AttendanceCode.EXEMPT, AttendanceCode.AWAY, AttendanceCode.SUSPENDED)


class MeetingForm(StrEnum):
    IN_PERSON = "truc_tiep"
    ONLINE = "truc_tuyen"
    HYBRID = "ket_hop"


class MeetingPart(StrEnum):
    """Which part of a sitting an opinion or section belongs to (combined sittings have two)."""

    REGULAR = "regular"
    THEMATIC = "thematic"


@dataclass(frozen=True, slots=True)
class Attendance:
    member_id: int
    code: AttendanceCode
    reason: str = ""
    # Snapshot of the member at the meeting, so minutes stay true when the roll changes later.
    member_name: str = ""
    official: bool = True


@dataclass(frozen=True, slots=True)
class Guest:
    name: str
    title: str = ""  # chức vụ
    unit: str = ""  # đơn vị


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered content block of the minutes (title + body), in one part of the sitting."""

    title: str
    body: str = ""
    part: MeetingPart = MeetingPart.REGULAR


@dataclass(frozen=True, slots=True)
class Opinion:
    speaker_name: str
    text: str
    speaker_id: int | None = None
    part: MeetingPart = MeetingPart.REGULAR


class VoteMethod(StrEnum):
    SHOW_OF_HANDS = "giơ tay"
    PARTY_CARD = "thẻ đảng viên"
    SECRET_BALLOT = "phiếu kín"
    HANDBOOK_APP = "Sổ tay đảng viên"


class VoteRule(StrEnum):
    MAJORITY = "majority"  # more than half of the base
    TWO_THIRDS = "two_thirds"  # admission / full membership: ≥ 2/3 of full members


@dataclass(frozen=True, slots=True)
class Vote:
    item: str
    votes_for: int
    votes_against: int = 0
    votes_other: int = 0
    base: int = 0  # eligible voters the percentage is computed on
    method: str = VoteMethod.SHOW_OF_HANDS.value
    rule: VoteRule = VoteRule.MAJORITY

    @property
    def pct_for(self) -> float:
        return 100.0 * self.votes_for / self.base if self.base else 0.0

    @property
    def passed(self) -> bool:
        if not self.base:
            return False
        if self.rule is VoteRule.TWO_THIRDS:
            return 3 * self.votes_for >= 2 * self.base
        return 2 * self.votes_for > self.base


@dataclass(frozen=True, slots=True)
class Task:
    text: str
    assignee_name: str = ""
    assignee_id: int | None = None
    due: date | None = None
    done: bool = False


@dataclass(frozen=True, slots=True)
class Correction:
    """A dated addendum (đính chính) to adopted minutes; the only change allowed after adoption."""

    on: date
    reason: str
    text: str
    id: int | None = None


class _Sitting:
    """What a meeting and its outline both say of the sitting: its quarter, its length, whether it is a draft."""

    __slots__ = ()
    on: date
    start: time | None
    end: time | None
    status: MeetingStatus

    @property
    def duration_minutes(self) -> int | None:
        return duration_minutes(self.start, self.end)

    @property
    def is_editable(self) -> bool:
        return self.status is MeetingStatus.DRAFT

    @property
    def quarter(self) -> int:
        return (self.on.month - 1) // 3 + 1


@dataclass(frozen=True, slots=True)
class Meeting(_Sitting):
    kind: MeetingKind
    on: date
    start: time | None = None
    end: time | None = None
    place: str = ""
    form: MeetingForm = MeetingForm.IN_PERSON
    title: str = ""  # free subject line; thematic meetings: the topic title
    presider_id: int | None = None
    presider_name: str = ""
    recorder_id: int | None = None
    recorder_name: str = ""
    guests: tuple[Guest, ...] = ()
    agenda: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    opinions: tuple[Opinion, ...] = ()
    conclusion: str = ""
    thematic_conclusion: str = ""
    presenter_ids: tuple[int, ...] = ()  # who presented the topic (thematic part)
    presenter_names: tuple[str, ...] = ()
    topic_summary: str = ""
    votes: tuple[Vote, ...] = ()
    tasks: tuple[Task, ...] = ()
    dues_note: str = ""
    attendance: tuple[Attendance, ...] = ()
    status: MeetingStatus = MeetingStatus.DRAFT
    adopted_on: date | None = None
    doc_number: str = ""  # "05" -> "Số 05-BB/CB"; empty when unnumbered
    resolution_number: str = ""
    content_hash: str = ""  # seal of the adopted content
    corrections: tuple[Correction, ...] = ()
    id: int | None = None
    version: int = 0  # the stored row's edit counter when this was read (a stale save is refused)


def duration_minutes(start: time | None, end: time | None) -> int | None:
    """Minutes from *start* to *end* (a sitting past midnight wraps); None when either is unknown."""
    if start is None or end is None:
        return None
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return minutes if minutes >= 0 else minutes + 24 * 60


@dataclass(frozen=True, slots=True)
class MeetingOutline(_Sitting):
    """A meeting without its content: what calendars and charts show (present/base from app.domain.attendance)."""

    id: int
    on: date
    kind: MeetingKind
    status: MeetingStatus
    start: time | None
    end: time | None
    present: int
    base: int
    title: str = ""

    @property
    def pct(self) -> float:
        return 100.0 * self.present / self.base if self.base else 0.0
