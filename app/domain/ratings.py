"""The yearly review and quality rating of members and of the branch: plain data, no I/O, no rules.

One MemberRating per member per year (the form kind, the self-assessment, the score, the branch's
proposal, the final level and who decided it); one BranchRating per year for the branch itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class RatingLevel(StrEnum):
    """The four quality levels, best first (QĐ 124 Art. 12; QĐ 366 Art. 11)."""

    EXCELLENT = "xuat_sac"  # hoàn thành xuất sắc nhiệm vụ
    GOOD = "tot"  # hoàn thành tốt nhiệm vụ
    COMPLETED = "hoan_thanh"  # hoàn thành nhiệm vụ
    NOT_COMPLETED = "khong_hoan_thanh"  # không hoàn thành nhiệm vụ

    @property
    def rank(self) -> int:
        """3 for the top level … 0 for not completed."""
        return 3 - list(RatingLevel).index(self)

    @classmethod
    def parse(cls, text: str | None) -> RatingLevel | None:
        """ "" or None -> None; a known value -> the level; anything else raises ValueError."""
        if text is None or not str(text).strip():
            return None
        return cls(str(text).strip().lower())


@dataclass(frozen=True, slots=True)
class MemberRating:
    member_id: int
    year: int
    form: str = ""  # "2A" | "2B" | "2C" (names from the rule set in force)
    self_level: RatingLevel | None = None
    score: float | None = None  # the 100-point score where the rules use one (QĐ 366)
    proposed: RatingLevel | None = None  # the branch's proposal after the review meeting
    final: RatingLevel | None = None  # decided by the upper committee
    decided_by: str = ""  # the deciding body, e.g. "Ban Thường vụ Đảng ủy xã"
    decision: str = ""  # decision number and date, as written
    discipline: str = ""  # a discipline received in the year (form and decision), if any
    votes_for: int | None = None  # the branch's vote on the proposal
    votes_total: int | None = None
    note: str = ""
    member_name: str = ""  # filled when read with the member, for lists and documents
    id: int | None = None

    @property
    def effective(self) -> RatingLevel | None:
        """The level that counts: the final one once decided, the proposal before."""
        return self.final or self.proposed


@dataclass(frozen=True, slots=True)
class BranchRating:
    year: int
    self_level: RatingLevel | None = None
    score: float | None = None
    proposed: RatingLevel | None = None
    final: RatingLevel | None = None
    decided_by: str = ""
    decision: str = ""
    meeting_on: date | None = None  # the day of the yearly review meeting
    note: str = ""

    @property
    def effective(self) -> RatingLevel | None:
        return self.final or self.proposed or self.self_level
