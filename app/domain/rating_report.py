"""What the review documents print: plain data gathered by the service, read by exporters/ratings_*.py.

No I/O. Level names, form names and the provisions in force are copied from the rule set so that the
exporters never read rules themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.domain.attendance import AttendanceSummary
from app.domain.branch_profile import BranchProfile
from app.domain.meeting_record import Meeting
from app.domain.membership import Member
from app.domain.ratings import BranchRating, MemberRating, RatingLevel


@dataclass(frozen=True, slots=True)
class ReviewLine:
    """One member in the season's documents."""

    member: Member
    rating: MemberRating | None
    position: str  # "Bí thư chi bộ; Hiệu trưởng"
    not_rated: str = ""  # a sentence when the member is reviewed but not rated (exempt, new)
    conflicts: tuple[str, ...] = ()
    # the year's regular meetings as Sổ Chi bộ recorded them (for the self-review form)
    expected: int = 0
    present: int = 0
    excused: int = 0
    unexcused: int = 0
    topics: tuple[str, ...] = ()  # topics the member was assigned to prepare or present this year
    plans: tuple[str, ...] = ()  # the year's plan and commitment results, once they are recorded


@dataclass(frozen=True, slots=True)
class ReviewSeasonDoc:
    profile: BranchProfile
    year: int
    generated_on: date
    lines: Sequence[ReviewLine]
    branch: BranchRating | None
    labels: Mapping[RatingLevel, str]
    short: Mapping[RatingLevel, str]
    form_names: Mapping[str, str]
    uses_score: bool
    basis: Sequence[str]  # the provisions in force for the year, as cited
    agenda: Sequence[str] = ()
    quota_line: str = ""  # "3/2 … (tối đa 20% của 14 …)" or ""
    quota_exceeded: bool = False
    secretary_name: str = ""
    counts: Mapping[RatingLevel, int] = field(default_factory=dict)  # effective levels
    # the year's recorded review meeting (MeetingKind.YEARLY_REVIEW): the minutes are made from it; None:
    # the minutes stay the fill-in template
    meeting: Meeting | None = None
    attendance: AttendanceSummary | None = None  # of that meeting, by the attendance kernel
    titles: Mapping[int, str] = field(default_factory=dict)  # member id -> "Bí thư chi bộ", for the minutes

    def label(self, level: RatingLevel | None) -> str:
        return "" if level is None else self.labels.get(level, level.value)

    def short_label(self, level: RatingLevel | None) -> str:
        return "" if level is None else self.short.get(level, level.value)

    @property
    def rated_count(self) -> int:
        return sum(self.counts.values())
