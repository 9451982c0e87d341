"""Domain objects of a branch: plain dataclasses, no Qt, no SQL, no I/O.

One English name per Vietnamese term, used everywhere:
branch = chi bộ, upper committee = cấp ủy cấp trên, member = đảng viên, meeting = cuộc sinh hoạt,
minutes = biên bản, resolution = nghị quyết, topic = chuyên đề, assignment = phân công,
attendance = điểm danh, finding = kết quả kiểm tra (a rule check's output).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any


# --------------------------------------------------------------------------- branch
@dataclass(frozen=True, slots=True)
class BranchProfile:
    """The branch's letterhead and officers. Every name is free text (organisations were renamed in 2025)."""

    branch_name: str = ""  # "CHI BỘ TRƯỜNG THPT VỊ THANH"
    upper_body: str = ""  # directly superior body, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH"
    upper_body_2: str = ""  # optional higher line (e.g. "ĐẢNG BỘ TỈNH HẬU GIANG")
    place_name: str = ""  # for the date line: "Vị Thanh"
    term_start: date | None = None  # committee term (nhiệm kỳ), for document numbering
    term_end: date | None = None
    secretary_id: int | None = None
    deputy_id: int | None = None
    committee_ids: tuple[int, ...] = ()
    branch_code: str = ""  # stable identifier for consolidation; generated once
    layout_profile: str = "HD36-2018"
    # The first day this branch keeps its record here: no rule judges a period before it. Default: the first
    # day of the month the branch (or its data file) was set up; moved earlier when history is entered.
    record_start: date | None = None

    @property
    def is_set_up(self) -> bool:
        return bool(self.branch_name.strip())


# --------------------------------------------------------------------------- members
class Gender(StrEnum):
    NAM = "Nam"
    NU = "Nữ"


class StatusEventKind(StrEnum):
    """Changes of a member's situation, kept as dated history (never by deleting rows)."""

    CHINH_THUC = "chinh_thuc"  # recognised as full member (ngày chính thức)
    MIEN_SH = "mien_sh"  # exempted from party work and meetings
    HET_MIEN_SH = "het_mien_sh"
    SHTT_DI = "shtt_di"  # introduced to be active temporarily elsewhere
    SHTT_DI_VE = "shtt_di_ve"  # back from temporary activity elsewhere
    SHTT_DEN = "shtt_den"  # a member of another branch, temporarily active here
    SHTT_DEN_HET = "shtt_den_het"  # that temporary activity here ends
    CHUYEN_DEN = "chuyen_den"  # transferred in officially
    CHUYEN_DI = "chuyen_di"  # transferred out officially
    DINH_CHI = "dinh_chi"  # suspended
    HET_DINH_CHI = "het_dinh_chi"
    XOA_TEN = "xoa_ten"  # removed from the roll
    KHAI_TRU = "khai_tru"  # expelled
    RA_KHOI_DANG = "ra_khoi_dang"  # left the Party at own request
    TU_TRAN = "tu_tran"  # deceased


#: Events after which the member is no longer on this branch's roll.
LEAVING_EVENTS = frozenset(
    {
        StatusEventKind.CHUYEN_DI,
        StatusEventKind.XOA_TEN,
        StatusEventKind.KHAI_TRU,
        StatusEventKind.RA_KHOI_DANG,
        StatusEventKind.TU_TRAN,
        StatusEventKind.SHTT_DEN_HET,
    }
)


class MemberStatus(StrEnum):
    """A member's situation on a given day, derived from dates and history."""

    DU_BI = "du_bi"  # probationary
    CHINH_THUC = "chinh_thuc"  # full member, active here
    MIEN_SH = "mien_sh"  # exempt
    SHTT_DI = "shtt_di"  # active temporarily elsewhere
    SHTT_DEN = "shtt_den"  # from another branch, active here temporarily
    DINH_CHI = "dinh_chi"  # suspended
    CHUYEN_DI = "chuyen_di"
    XOA_TEN = "xoa_ten"
    KHAI_TRU = "khai_tru"
    RA_KHOI_DANG = "ra_khoi_dang"
    TU_TRAN = "tu_tran"
    CHUA_VAO = "chua_vao"  # not yet on this branch's roll at that date

    @property
    def on_roll(self) -> bool:
        return self in ON_ROLL_STATUSES


ON_ROLL_STATUSES = frozenset(
    {
        MemberStatus.DU_BI,
        MemberStatus.CHINH_THUC,
        MemberStatus.MIEN_SH,
        MemberStatus.SHTT_DI,
        MemberStatus.SHTT_DEN,
        MemberStatus.DINH_CHI,
    }
)


@dataclass(frozen=True, slots=True)
class StatusEvent:
    kind: StatusEventKind
    on: date
    note: str = ""  # where to / decision number / reason
    decision: str = ""
    id: int | None = None


class PartyPosition(StrEnum):
    BI_THU = "Bí thư"
    PHO_BI_THU = "Phó Bí thư"
    CHI_UY_VIEN = "Chi ủy viên"
    DANG_VIEN = "Đảng viên"


@dataclass(frozen=True, slots=True)
class Member:
    """One party member on (or once on) the branch roll. ``ho``/``dem``/``ten`` may override the split."""

    full_name: str
    date_of_birth: date | None
    joined_on: date  # ngày vào Đảng (kết nạp)
    ho: str = ""
    dem: str = ""
    ten: str = ""
    official_on: date | None = None  # ngày chính thức
    branch_since: date | None = None  # first day on this branch's roll; None = joined_on
    gender: str = ""
    ethnicity: str = ""
    religion: str = ""
    hometown: str = ""
    residence: str = ""
    cccd: str = ""
    phone: str = ""
    party_card_no: str = ""
    record_no: str = ""  # số lý lịch
    party_position: str = PartyPosition.DANG_VIEN.value
    job_position: str = ""  # chức vụ chính quyền / đơn vị công tác
    theory_level: str = ""  # trình độ lý luận chính trị
    education: str = ""
    note: str = ""
    events: tuple[StatusEvent, ...] = ()
    id: int | None = None
    version: int = 0  # the stored row's edit counter when this was read (a stale save is refused)

    @property
    def roll_start(self) -> date:
        return self.branch_since or self.joined_on

    def status_on(self, day: date) -> MemberStatus:
        """The member's situation on *day*, replaying the dated history in order."""
        if day < self.roll_start:
            return MemberStatus.CHUA_VAO
        exempt = away = visiting = suspended = False
        for event in sorted(self.events, key=lambda e: e.on):
            if event.on > day:
                break
            match event.kind:
                case StatusEventKind.MIEN_SH:
                    exempt = True
                case StatusEventKind.HET_MIEN_SH:
                    exempt = False
                case StatusEventKind.SHTT_DI:
                    away = True
                case StatusEventKind.SHTT_DI_VE:
                    away = False
                case StatusEventKind.SHTT_DEN | StatusEventKind.CHUYEN_DEN:
                    visiting = event.kind is StatusEventKind.SHTT_DEN
                case StatusEventKind.DINH_CHI:
                    suspended = True
                case StatusEventKind.HET_DINH_CHI:
                    suspended = False
                case kind if kind in LEAVING_EVENTS:
                    return _LEFT_STATUS[kind]
        if suspended:
            return MemberStatus.DINH_CHI
        if exempt:
            return MemberStatus.MIEN_SH
        if away:
            return MemberStatus.SHTT_DI
        if visiting:
            return MemberStatus.SHTT_DEN
        return MemberStatus.CHINH_THUC if self.is_official_on(day) else MemberStatus.DU_BI

    def is_official_on(self, day: date) -> bool:
        return self.official_on is not None and self.official_on <= day

    def left_on(self) -> date | None:
        """The day the member left the roll, if they did."""
        leaving = [e.on for e in self.events if e.kind in LEAVING_EVENTS]
        return min(leaving) if leaving else None


_LEFT_STATUS = {
    StatusEventKind.CHUYEN_DI: MemberStatus.CHUYEN_DI,
    StatusEventKind.XOA_TEN: MemberStatus.XOA_TEN,
    StatusEventKind.KHAI_TRU: MemberStatus.KHAI_TRU,
    StatusEventKind.RA_KHOI_DANG: MemberStatus.RA_KHOI_DANG,
    StatusEventKind.TU_TRAN: MemberStatus.TU_TRAN,
    StatusEventKind.SHTT_DEN_HET: MemberStatus.CHUYEN_DI,
}


# --------------------------------------------------------------------------- meetings
class MeetingKind(StrEnum):
    THUONG_KY = "thuong_ky"  # regular monthly meeting
    CHUYEN_DE = "chuyen_de"  # thematic meeting
    KET_HOP = "ket_hop"  # regular + thematic in one sitting, two separate parts
    BAT_THUONG = "bat_thuong"  # extraordinary meeting

    @property
    def counts_as_regular(self) -> bool:
        return self in (MeetingKind.THUONG_KY, MeetingKind.KET_HOP)

    @property
    def counts_as_thematic(self) -> bool:
        return self in (MeetingKind.CHUYEN_DE, MeetingKind.KET_HOP)


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"  # read back and adopted: content frozen
    LOCKED = "locked"  # filed; only dated addenda (đính chính) may follow


class AttendanceCode(StrEnum):
    """Per member per meeting (DOMAIN §3.3)."""

    CO_MAT = "co_mat"
    DEN_MUON = "den_muon"  # present, arrived late
    VE_SOM = "ve_som"  # present, left early
    VANG_CO_LY_DO = "vang_co_ly_do"
    VANG_KHONG_LY_DO = "vang_khong_ly_do"
    MIEN_SH = "mien_sh"  # exempt and absent: not in the base
    SHTT_NOI_KHAC = "shtt_noi_khac"  # active elsewhere: not in the base
    DINH_CHI = "dinh_chi"  # suspended: not in the base

    @property
    def is_present(self) -> bool:
        return self in (AttendanceCode.CO_MAT, AttendanceCode.DEN_MUON, AttendanceCode.VE_SOM)

    @property
    def in_base(self) -> bool:
        return self not in (AttendanceCode.MIEN_SH, AttendanceCode.SHTT_NOI_KHAC, AttendanceCode.DINH_CHI)


class MeetingForm(StrEnum):
    TRUC_TIEP = "truc_tiep"
    TRUC_TUYEN = "truc_tuyen"
    KET_HOP = "ket_hop"


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
    GIO_TAY = "giơ tay"
    THE_DANG_VIEN = "thẻ đảng viên"
    PHIEU_KIN = "phiếu kín"
    SO_TAY = "Sổ tay đảng viên"


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
    method: str = VoteMethod.GIO_TAY.value
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


@dataclass(frozen=True, slots=True)
class Meeting:
    kind: MeetingKind
    on: date
    start: time | None = None
    end: time | None = None
    place: str = ""
    form: MeetingForm = MeetingForm.TRUC_TIEP
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

    @property
    def duration_minutes(self) -> int | None:
        return duration_minutes(self.start, self.end)

    @property
    def is_editable(self) -> bool:
        return self.status is MeetingStatus.DRAFT

    @property
    def quarter(self) -> int:
        return (self.on.month - 1) // 3 + 1


# --------------------------------------------------------------------------- topics
class TopicStatus(StrEnum):
    PLANNED = "planned"
    DRAFTING = "drafting"
    APPROVED = "approved"
    PRESENTED = "presented"
    REPORTED = "reported"

    @property
    def reached_meeting(self) -> bool:
        return self in (TopicStatus.PRESENTED, TopicStatus.REPORTED)


@dataclass(frozen=True, slots=True)
class CatalogueTopic:
    """An entry of the yearly topic catalogue (editable: titles change every year)."""

    year: int
    title: str
    group: str = ""
    basis_doc: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Assignee:
    member_id: int
    name: str = ""
    lead: bool = False


@dataclass(frozen=True, slots=True)
class TopicAssignment:
    year: int
    quarter: int
    title: str
    assignees: tuple[Assignee, ...] = ()
    group: str = ""
    basis_doc: str = ""
    assigned_on: date | None = None
    draft_due: date | None = None
    approved_on: date | None = None
    materials_sent_on: date | None = None
    status: TopicStatus = TopicStatus.PLANNED
    meeting_id: int | None = None
    note: str = ""
    id: int | None = None
    version: int = 0  # the stored row's edit counter when this was read (a stale save is refused)

    @property
    def lead(self) -> Assignee | None:
        for a in self.assignees:
            if a.lead:
                return a
        return self.assignees[0] if self.assignees else None


# --------------------------------------------------------------------------- checks
class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ALERT = "alert"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "alert": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a rule check: what, how serious, and what it concerns."""

    rule: str
    severity: Severity
    message: str
    member_id: int | None = None
    meeting_id: int | None = None
    period: str = ""  # "2026-03", "2026-Q1", "2026"
    # What the sentence was made from ({"months": (2, 5, 7), "name": …}), so a report can say it again in the
    # branch's own voice. Not part of equality: two findings saying the same thing are the same finding.
    facts: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


# --------------------------------------------------------------------------- search and history
@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "member" | "meeting" | "topic"
    id: int
    title: str
    snippet: str  # with the matched words wrapped in [ ]
    rank: float = 0.0


@dataclass(frozen=True, slots=True)
class ChangeLogEntry:
    at: datetime
    entity: str
    entity_id: int
    action: str
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: a quarter, a half-year, a year or a custom range (inclusive)."""

    start: date
    end: date
    kind: str  # "quarter" | "half" | "year" | "month" | "custom"
    year: int
    number: int = 0  # quarter 1-4, half 1-2, month 1-12

    @property
    def key(self) -> str:
        match self.kind:
            case "quarter":
                return f"{self.year}-Q{self.number}"
            case "half":
                return f"{self.year}-H{self.number}"
            case "month":
                return f"{self.year}-{self.number:02d}"
            case "year":
                return str(self.year)
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


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


def duration_minutes(start: time | None, end: time | None) -> int | None:
    """Minutes from *start* to *end* (a sitting past midnight wraps); None when either is unknown."""
    if start is None or end is None:
        return None
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return minutes if minutes >= 0 else minutes + 24 * 60


@dataclass(frozen=True, slots=True)
class MeetingFigures:
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
    def quarter(self) -> int:
        return (self.on.month - 1) // 3 + 1

    @property
    def pct(self) -> float:
        return 100.0 * self.present / self.base if self.base else 0.0

    @property
    def duration_minutes(self) -> int | None:
        return duration_minutes(self.start, self.end)

    @property
    def is_editable(self) -> bool:
        return self.status is MeetingStatus.DRAFT
