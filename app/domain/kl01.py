""" "Học tập và làm theo Bác" (Kết luận 01-KL/TW, Chỉ thị 05-CT/TW) as plain data: personal plans and
commitments, learning reports, the branch's yearly items, models, exemplars and awards. No I/O.

English names, fixed here: personal plan = kế hoạch cá nhân (with its commitments = bản cam kết),
breakthrough = nội dung đột phá, ethical standards = chuẩn mực đạo đức, learning report = bài thu hoạch,
model = mô hình, cách làm hay, exemplar = điển hình tiên tiến, award = khen thưởng.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.domain.membership import Member, MemberStatus


class ReviewResult(StrEnum):
    """A self-review's verdict, for one commitment or for the plan as a whole."""

    DONE = "done"  # hoàn thành
    PARTLY = "partly"  # hoàn thành một phần
    NOT_DONE = "not_done"  # chưa hoàn thành


class ReviewStage(StrEnum):
    MIDYEAR = "midyear"  # sơ kết 6 tháng
    YEAR_END = "year_end"  # tổng kết năm


class RecognitionKind(StrEnum):
    MODEL = "model"  # mô hình, cách làm hay
    EXEMPLAR = "exemplar"  # điển hình tiên tiến


@dataclass(frozen=True, slots=True)
class Commitment:
    """One short item of the plan, with its self-review results (None: not reviewed yet)."""

    text: str
    midyear: ReviewResult | None = None
    year_end: ReviewResult | None = None


@dataclass(frozen=True, slots=True)
class PersonalPlan:
    """A member's plan and commitment of one year (kế hoạch cá nhân, bản cam kết)."""

    member_id: int
    year: int
    commitments: tuple[Commitment, ...] = ()
    breakthrough: str = ""
    signed_on: date | None = None  # None: drafted, not signed yet
    midyear: ReviewResult | None = None
    midyear_note: str = ""
    year_end: ReviewResult | None = None
    year_end_note: str = ""
    committee_comment: str = ""  # nhận xét của chi ủy / chi bộ
    id: int | None = None

    @property
    def signed(self) -> bool:
        return self.signed_on is not None

    def result(self, stage: ReviewStage) -> ReviewResult | None:
        return self.midyear if stage is ReviewStage.MIDYEAR else self.year_end

    def note(self, stage: ReviewStage) -> str:
        return self.midyear_note if stage is ReviewStage.MIDYEAR else self.year_end_note

    @property
    def not_kept(self) -> bool:
        """A review said the commitment was not kept (the latest review counts)."""
        latest = self.year_end or self.midyear
        return latest is ReviewResult.NOT_DONE


@dataclass(frozen=True, slots=True)
class LearningReport:
    """A member's learning report (bài thu hoạch) on the year's topic; the file stays in the data folder."""

    member_id: int
    year: int
    submitted_on: date
    topic: str = ""
    file_name: str = ""  # inside the data folder's "bai-thu-hoach"; empty: handed in on paper
    id: int | None = None


@dataclass(frozen=True, slots=True)
class BranchYear:
    """What the branch sets for a year: its breakthrough content and the unit's ethical standards."""

    year: int
    breakthrough: str = ""
    ethics: str = ""


@dataclass(frozen=True, slots=True)
class Recognition:
    """A model or an exemplar of the year; member_id None: the collective (the branch, a group)."""

    year: int
    kind: RecognitionKind
    title: str
    member_id: int | None = None
    description: str = ""  # what they do
    recognised_by: str = ""
    member_name: str = ""  # filled when read
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Award:
    """An award (giấy khen, bằng khen …) to a member, or to the branch when member_id is None."""

    year: int
    form: str
    level: str
    on: date
    decision: str = ""
    member_id: int | None = None
    note: str = ""
    member_name: str = ""  # filled when read
    id: int | None = None


class PlanState(StrEnum):
    """One member's row of the year's grid."""

    SIGNED = "signed"
    DRAFT = "draft"  # a plan without a signed date
    MISSING = "missing"
    EXEMPT = "exempt"  # miễn sinh hoạt: shown as such, never as missing
    AWAY = "away"  # active temporarily elsewhere
    NOT_EXPECTED = "not_expected"  # suspended, visiting, or not yet on the roll at the deadline


#: Statuses of members expected to make a plan in this branch.
EXPECTED_STATUSES = frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY})


def plan_state(member: Member, plan: PersonalPlan | None, day: date) -> PlanState:
    status = member.status_on(day)
    if plan is not None:
        return PlanState.SIGNED if plan.signed else PlanState.DRAFT
    if status is MemberStatus.EXEMPT:
        return PlanState.EXEMPT
    if status is MemberStatus.AWAY:
        return PlanState.AWAY
    if status not in EXPECTED_STATUSES:
        return PlanState.NOT_EXPECTED
    return PlanState.MISSING


@dataclass(frozen=True, slots=True)
class YearRecord:
    """Everything of one year, loaded once: the grid, the checks and the documents read it."""

    year: int
    plans: dict[int, PersonalPlan] = field(default_factory=dict)  # member id -> plan
    reports: dict[int, LearningReport] = field(default_factory=dict)  # member id -> learning report
    branch: BranchYear | None = None
    recognitions: tuple[Recognition, ...] = ()
    awards: tuple[Award, ...] = ()

    @property
    def models(self) -> tuple[Recognition, ...]:
        return tuple(r for r in self.recognitions if r.kind is RecognitionKind.MODEL)

    @property
    def exemplars(self) -> tuple[Recognition, ...]:
        return tuple(r for r in self.recognitions if r.kind is RecognitionKind.EXEMPLAR)


@dataclass(frozen=True, slots=True)
class Kl01Figures:
    """The KL 01 indicators of a reporting period (the report's section and the Excel sheet's rows)."""

    expected: int  # members expected to make a plan (on the roll, not exempt, not away)
    plans_signed: int
    learning_reports: int
    midyear_reviewed: int
    year_end_reviewed: int
    not_kept: int  # members whose latest review says "not done" (counts only; never names in documents)
    exempt: int
    away: int
    breakthrough: str
    ethics: str
    models: tuple[Recognition, ...]
    exemplars: tuple[Recognition, ...]
    awards: tuple[Award, ...]
    target_pct: float = 100.0  # the upper committee's target (resources/rules/kl01.json)

    @property
    def plans_pct(self) -> float | None:
        return 100.0 * self.plans_signed / self.expected if self.expected else None

    @property
    def reports_pct(self) -> float | None:
        return 100.0 * self.learning_reports / self.expected if self.expected else None

    @property
    def awards_collective(self) -> int:
        return sum(1 for a in self.awards if a.member_id is None)

    @property
    def awards_individual(self) -> int:
        return sum(1 for a in self.awards if a.member_id is not None)


def figures(
    record: YearRecord,
    roll: Sequence[Member],
    day: date,
    start: date,
    end: date,
    target_pct: float = 100.0,
) -> Kl01Figures:
    """The indicators of the period *start*..*end* of the year *record* holds, for the members on *roll* on *day*.

    Plans and learning reports are yearly: a plan signed or a report handed in by *end* counts. Models and
    exemplars of the year count; awards dated within the period count.
    """
    states = {m.id: plan_state(m, record.plans.get(m.id) if m.id is not None else None, day) for m in roll}
    counted = [m for m in roll if states[m.id] not in (PlanState.EXEMPT, PlanState.AWAY, PlanState.NOT_EXPECTED)]
    ids = {m.id for m in counted}
    plans = [p for mid, p in record.plans.items() if mid in ids]
    return Kl01Figures(
        expected=len(counted),
        plans_signed=sum(1 for p in plans if p.signed_on is not None and p.signed_on <= end),
        learning_reports=sum(1 for mid, r in record.reports.items() if mid in ids and r.submitted_on <= end),
        midyear_reviewed=sum(1 for p in plans if p.midyear is not None),
        year_end_reviewed=sum(1 for p in plans if p.year_end is not None),
        not_kept=sum(1 for p in plans if p.not_kept),
        exempt=sum(1 for s in states.values() if s is PlanState.EXEMPT),
        away=sum(1 for s in states.values() if s is PlanState.AWAY),
        breakthrough=record.branch.breakthrough if record.branch else "",
        ethics=record.branch.ethics if record.branch else "",
        models=record.models,
        exemplars=record.exemplars,
        awards=tuple(a for a in record.awards if start <= a.on <= end),
        target_pct=target_pct,
    )


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One member's row of the year's grid: plan state, plan, learning report."""

    member: Member
    state: PlanState
    plan: PersonalPlan | None
    report: LearningReport | None


def grid(members: Sequence[Member], record: YearRecord, day: date) -> list[PlanRow]:
    """Rows for the members on the roll at some point of the year (in the order given), judged on *day*."""
    start, end = date(record.year, 1, 1), date(record.year, 12, 31)
    rows = []
    for m in members:
        if m.id is None:
            continue
        if not (m.status_on(min(max(day, start), end)).on_roll or m.id in record.plans or m.id in record.reports):
            continue
        plan = record.plans.get(m.id)
        rows.append(PlanRow(m, plan_state(m, plan, min(max(day, start), end)), plan, record.reports.get(m.id)))
    return rows


def kl01_key_figures(f: Kl01Figures) -> dict[str, int]:
    """The KL 01 figures by stable key: the summary's hidden sheet carries them, consolidation adds them up."""
    return {
        "kl01_expected": f.expected,
        "kl01_plans_signed": f.plans_signed,
        "kl01_learning_reports": f.learning_reports,
        "kl01_year_end_reviewed": f.year_end_reviewed,
        "kl01_not_kept": f.not_kept,
        "kl01_models": len(f.models),
        "kl01_exemplars": len(f.exemplars),
        "kl01_awards_collective": f.awards_collective,
        "kl01_awards_individual": f.awards_individual,
    }
