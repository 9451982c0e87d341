"""A party member (đảng viên) and the dated history of their situation: plain dataclasses, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


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
