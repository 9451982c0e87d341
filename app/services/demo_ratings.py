"""Demo ratings: five years of history, last year complete with one planted conflict and an exceeded quota.

Called by DemoService.fill inside its transaction (writes through the repository, never commits).
Deterministic for the demo's members and today's date. Last year's review meeting is recorded (10/12, a
meeting of kind YEARLY_REVIEW with the review agenda) and its votes are those of the ratings. In the review
season (from November) the current year has self-assessments and the branch's proposals, one more at the top
than the cap allows and an Art. 8 member proposed too high.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time

from app.domain import checks_ratings as rchecks
from app.domain.attendance import default_attendance, summarize, visiting_ids
from app.domain.meeting_record import (
    AttendanceCode,
    Guest,
    Meeting,
    MeetingKind,
    MeetingPart,
    MeetingStatus,
    Opinion,
    Section,
)
from app.domain.membership import Member, PartyPosition
from app.domain.rating_rules import RatingRules
from app.domain.ratings import BranchRating, MemberRating, RatingLevel
from app.domain.seal import content_digest
from app.services.context import ServiceContext
from app.services.ratings import builtin_rating_rules
from data.repositories.ratings import RatingRepository

UPPER = "Ban Thường vụ Đảng ủy Khối"
DISCIPLINE = "Khiển trách (Quyết định số 07-QĐ/ĐUK ngày 12/6/{year})"
_SCORE = {
    RatingLevel.EXCELLENT: (90, 96),
    RatingLevel.GOOD: (75, 88),
    RatingLevel.COMPLETED: (55, 68),
    RatingLevel.NOT_COMPLETED: (30, 45),
}


#: what the secretary wrote under each item of the review agenda (resources/rules/ratings.json)
REVIEW_BODIES = (
    "Đồng chí Bí thư nêu mục đích, yêu cầu: kiểm điểm nghiêm túc, thẳng thắn, đánh giá đúng thực chất; gắn với "
    "kết quả thực hiện nhiệm vụ và cam kết tu dưỡng, rèn luyện của từng đảng viên.",
    "Đồng chí Bí thư trình bày báo cáo kiểm điểm tập thể chi bộ năm {year} theo Mẫu 01: chi bộ lãnh đạo hoàn thành "
    "các chỉ tiêu năm học, sinh hoạt đều đặn; hạn chế: có tháng tỷ lệ dự sinh hoạt chưa đạt yêu cầu.",
    "Từng đồng chí trình bày bản kiểm điểm cá nhân, tự nhận mức xếp loại (xem bảng biểu quyết).",
    "Chi bộ góp ý thẳng thắn từng đồng chí; các ý kiến chính ghi ở phần ý kiến thảo luận.",
    "Chi bộ biểu quyết bằng giơ tay mức xếp loại đề xuất của từng đồng chí và tự xếp loại tập thể chi bộ.",
    "Đồng chí chủ trì kết luận (ghi ở phần kết luận).",
)
REVIEW_OPINIONS = (
    "Đề nghị đồng chí tiếp tục phát huy vai trò nêu gương, quan tâm hơn đến công tác dân vận ở nơi cư trú.",
    "Thống nhất với bản tự kiểm điểm; đề nghị khắc phục việc nộp báo cáo thu hoạch chậm.",
    "Đồng chí còn vắng sinh hoạt không lý do; đề nghị chi bộ cân nhắc khi đề xuất mức xếp loại.",
)
REVIEW_CONCLUSION = (
    "Đồng chí chủ trì kết luận: hội nghị diễn ra nghiêm túc, dân chủ; chi bộ thống nhất mức xếp loại đề xuất của "
    "từng đảng viên theo kết quả biểu quyết và tự xếp loại chi bộ hoàn thành tốt nhiệm vụ; giao chi ủy hoàn chỉnh "
    "hồ sơ gửi Đảng ủy Khối trước ngày 15/12/{year}."
)


def fill_ratings(ctx: ServiceContext, roll: Sequence[Member], today: date, seed: int = 2026, *, place: str = "") -> int:
    """Write the demo ratings and last year's review meeting (at *place*); returns how many member ratings
    were written."""
    rng = random.Random(seed * 7 + 14)
    repo = RatingRepository(ctx.db.conn)
    rules = builtin_rating_rules()
    problems = [m for m in roll[15:16] if m.id is not None]  # the Art. 8 alert member of the demo meetings
    written = 0
    last = today.year - 1
    first = today.year - 5
    held_on = date(last, 12, 10)
    start = ctx.branch.get().record_start  # the demo's meetings start there: a one-year demo has no last year
    recorded = held_on < today and (start is None or start <= held_on)
    voting = review_meeting(ctx, roll, held_on, rules, rng, place) if recorded else None
    # On the roll all five years and at the top each year: the commendation candidate of last year.
    veteran = next((m for m in roll[1:] if m.roll_start.year < first and m.left_on() is None
                    and rchecks.not_rated_reason(m, first, rules, rules.deadline(first)) is None), None)  # fmt: skip
    for year in range(first, today.year + 1):
        in_season = year == today.year
        if in_season and today.month < 11:
            break
        deadline = rules.deadline(year)
        on = min(deadline, today)
        rated = [
            m for m in rchecks.reviewed_members(roll, year, on) if rchecks.not_rated_reason(m, year, rules, on) is None
        ]
        over_cap = year in (last, today.year)  # last year's decisions and this season's proposals
        levels = _levels(_first(veteran, rated), over_cap, rng)
        if in_season:  # this season: the branch proposes the Art. 8 member for the second level
            levels.update({p.id: RatingLevel.GOOD for p in problems if p.id in levels})
        forms = rules.forms_for(year)
        for member in rated:
            assert member.id is not None
            level = levels[member.id]
            lo, hi = _SCORE[level]
            self_level = RatingLevel.EXCELLENT if level is RatingLevel.EXCELLENT or rng.random() < 0.1 else level
            votes_total = voting if voting is not None and year == last else len(rated) - rng.randint(0, 2)
            repo.save(
                MemberRating(
                    member_id=member.id,
                    year=year,
                    form=_form(member, forms.default if forms else ""),
                    self_level=self_level,
                    score=float(rng.randint(lo, hi)) if rules.uses_score(year) else None,
                    proposed=level,
                    final=None if in_season else level,
                    decided_by="" if in_season else UPPER,
                    decision="" if in_season else f"Quyết định số {rng.randint(20, 60)}-QĐ/ĐUK ngày 20/01/{year + 1}",
                    discipline=DISCIPLINE.format(year=year) if year == last and member is _disciplined(rated) else "",
                    votes_for=votes_total - rng.randint(0, 1),
                    votes_total=votes_total,
                )
            )
            written += 1
        repo.save_branch(
            BranchRating(
                year=year,
                self_level=RatingLevel.GOOD,
                proposed=RatingLevel.GOOD,
                final=None if in_season else RatingLevel.GOOD,
                decided_by="" if in_season else UPPER,
                decision="" if in_season else f"Quyết định số 15-QĐ/ĐUK ngày 22/01/{year + 1}",
                meeting_on=held_on if year == last and voting is not None else _default_day(year, today),
            )
        )
    return written


def _default_day(year: int, today: date) -> date | None:
    day = date(year, 11, 28)
    return day if day <= today else None


def review_meeting(
    ctx: ServiceContext, roll: Sequence[Member], day: date, rules: RatingRules, rng: random.Random, place: str
) -> int:
    """Record the year's review meeting on *day* (adopted and sealed); returns how many full members voted."""
    rows = []
    for row in default_attendance(list(roll), day):
        if row.code is AttendanceCode.PRESENT and rng.random() < 0.05:
            row = replace(row, code=AttendanceCode.ABSENT_EXCUSED, reason="Đi công tác")
        rows.append(row)
    present = [r for r in rows if r.code.is_present]
    names = {m.id: m.full_name for m in roll}
    speakers = rng.sample(present, k=min(3, len(present)))
    agenda = rules.review_agenda_for(day.year)
    secretary, recorder = roll[0], roll[2]
    meeting = Meeting(
        kind=MeetingKind.YEARLY_REVIEW, on=day, start=time(7, 30), end=time(11, 15), place=place,
        presider_id=secretary.id, presider_name=secretary.full_name,
        recorder_id=recorder.id, recorder_name=recorder.full_name,
        guests=(Guest("Lê Văn Tám", "Đảng ủy viên", "Đảng ủy Khối"),),
        agenda=agenda,
        sections=tuple(Section(t, b.format(year=day.year), MeetingPart.REGULAR)
                       for t, b in zip(agenda, REVIEW_BODIES, strict=False)),
        opinions=tuple(Opinion(names[s.member_id], text, s.member_id)
                       for s, text in zip(speakers, REVIEW_OPINIONS, strict=False)),
        conclusion=REVIEW_CONCLUSION.format(year=day.year),
        attendance=tuple(rows),
    )  # fmt: skip
    meeting_id = ctx.meetings.add(meeting)
    digest = content_digest(replace(meeting, id=meeting_id))
    ctx.meetings.set_status(meeting_id, MeetingStatus.ADOPTED.value, day, digest)
    return summarize(rows, visiting_ids(list(roll), day)).present_voting


def _first(veteran: Member | None, rated: Sequence[Member]) -> list[Member]:
    """*rated* with the veteran moved to the front (the top level goes to the first ones)."""
    if veteran is None or veteran not in rated:
        return list(rated)
    return [veteran, *(m for m in rated if m is not veteran)]


def _disciplined(rated: Sequence[Member]) -> Member | None:
    """The member whose discipline last year meets a second-level rating: the planted conflict."""
    return rated[5] if len(rated) > 5 else None


def _levels(rated: Sequence[Member], over_quota: bool, rng: random.Random) -> dict[int, RatingLevel]:
    """The secretary and one member at the top every year; last year one more than the 20 % cap allows."""
    n = len(rated)
    top = 2 if n >= 10 else 1
    if over_quota:
        while top < n - 1 and top <= (n - top - 1) * 20 // 100:
            top += 1
    out: dict[int, RatingLevel] = {}
    order = [*rated[0:2], *rated[3:4], *rated[2:3], *rated[4:]] if n > 4 else list(rated)
    for i, member in enumerate(order):
        assert member.id is not None
        if i < top:
            out[member.id] = RatingLevel.EXCELLENT
        elif i == n - 1:
            out[member.id] = RatingLevel.COMPLETED
        else:
            out[member.id] = RatingLevel.GOOD
    if n > 6 and rng.random() < 0.5:
        out[order[-2].id] = RatingLevel.COMPLETED  # type: ignore[index]
    return out


def _form(member: Member, default: str) -> str:
    if (
        member.party_position in (PartyPosition.SECRETARY, PartyPosition.DEPUTY_SECRETARY)
        or "Hiệu trưởng" in member.job_position
    ):
        return "2A"
    return default if default != "2C" else "2B"
