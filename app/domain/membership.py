"""A party member (đảng viên) and the dated history of their situation: plain dataclasses, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class StatusEventKind(StrEnum):
    """Changes of a member's situation, kept as dated history (never by deleting rows)."""

    FULL_MEMBERSHIP = "chinh_thuc"  # recognised as full member (ngày chính thức)
    EXEMPTED = "mien_sh"  # exempted from party work and meetings
    EXEMPTION_ENDED = "het_mien_sh"
    TEMPORARY_AWAY = "shtt_di"  # introduced to be active temporarily elsewhere
    TEMPORARY_AWAY_ENDED = "shtt_di_ve"  # back from temporary activity elsewhere
    TEMPORARY_VISIT = "shtt_den"  # a member of another branch, temporarily active here
    TEMPORARY_VISIT_ENDED = "shtt_den_het"  # that temporary activity here ends
    TRANSFERRED_IN = "chuyen_den"  # transferred in officially
    TRANSFERRED_OUT = "chuyen_di"  # transferred out officially
    SUSPENDED = "dinh_chi"  # suspended
    SUSPENSION_ENDED = "het_dinh_chi"
    REMOVED = "xoa_ten"  # removed from the roll
    EXPELLED = "khai_tru"  # expelled
    RESIGNED = "ra_khoi_dang"  # left the Party at own request
    DECEASED = "tu_tran"  # deceased


#: Events after which the member is no longer on this branch's roll.
LEAVING_EVENTS = frozenset(
    {
        StatusEventKind.TRANSFERRED_OUT,
        StatusEventKind.REMOVED,
        StatusEventKind.EXPELLED,
        StatusEventKind.RESIGNED,
        StatusEventKind.DECEASED,
        StatusEventKind.TEMPORARY_VISIT_ENDED,
    }
)


class MemberStatus(StrEnum):
    """A member's situation on a given day, derived from dates and history."""

    PROBATIONARY = "du_bi"  # probationary
    FULL = "chinh_thuc"  # full member, active here
    EXEMPT = "mien_sh"  # exempt
    AWAY = "shtt_di"  # active temporarily elsewhere
    VISITING = "shtt_den"  # from another branch, active here temporarily
    SUSPENDED = "dinh_chi"  # suspended
    TRANSFERRED_OUT = "chuyen_di"
    REMOVED = "xoa_ten"
    EXPELLED = "khai_tru"
    RESIGNED = "ra_khoi_dang"
    DECEASED = "tu_tran"
    NOT_YET_ON_ROLL = "chua_vao"  # not yet on this branch's roll at that date

    @property
    def on_roll(self) -> bool:
        return self in ON_ROLL_STATUSES


ON_ROLL_STATUSES = frozenset(
    {
        MemberStatus.PROBATIONARY,
        MemberStatus.FULL,
        MemberStatus.EXEMPT,
        MemberStatus.AWAY,
        MemberStatus.VISITING,
        MemberStatus.SUSPENDED,
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
    SECRETARY = "Bí thư"
    DEPUTY_SECRETARY = "Phó Bí thư"
    COMMITTEE_MEMBER = "Chi ủy viên"
    MEMBER = "Đảng viên"


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
    party_position: str = PartyPosition.MEMBER.value
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
            return MemberStatus.NOT_YET_ON_ROLL
        exempt = away = visiting = suspended = False
        for event in sorted(self.events, key=lambda e: e.on):
            if event.on > day:
                break
            match event.kind:
                case StatusEventKind.EXEMPTED:
                    exempt = True
                case StatusEventKind.EXEMPTION_ENDED:
                    exempt = False
                case StatusEventKind.TEMPORARY_AWAY:
                    away = True
                case StatusEventKind.TEMPORARY_AWAY_ENDED:
                    away = False
                case StatusEventKind.TEMPORARY_VISIT | StatusEventKind.TRANSFERRED_IN:
                    visiting = event.kind is StatusEventKind.TEMPORARY_VISIT
                case StatusEventKind.SUSPENDED:
                    suspended = True
                case StatusEventKind.SUSPENSION_ENDED:
                    suspended = False
                case kind if kind in LEAVING_EVENTS:
                    return _LEFT_STATUS[kind]
        if suspended:
            return MemberStatus.SUSPENDED
        if exempt:
            return MemberStatus.EXEMPT
        if away:
            return MemberStatus.AWAY
        if visiting:
            return MemberStatus.VISITING
        return MemberStatus.FULL if self.is_official_on(day) else MemberStatus.PROBATIONARY

    def is_official_on(self, day: date) -> bool:
        return self.official_on is not None and self.official_on <= day

    def left_on(self) -> date | None:
        """The day the member left the roll, if they did."""
        leaving = [e.on for e in self.events if e.kind in LEAVING_EVENTS]
        return min(leaving) if leaving else None


_LEFT_STATUS = {
    StatusEventKind.TRANSFERRED_OUT: MemberStatus.TRANSFERRED_OUT,
    StatusEventKind.REMOVED: MemberStatus.REMOVED,
    StatusEventKind.EXPELLED: MemberStatus.EXPELLED,
    StatusEventKind.RESIGNED: MemberStatus.RESIGNED,
    StatusEventKind.DECEASED: MemberStatus.DECEASED,
    StatusEventKind.TEMPORARY_VISIT_ENDED: MemberStatus.TRANSFERRED_OUT,
}
