"""The branch's letterhead and officers (chi bộ): a plain dataclass, no Qt, no SQL, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
