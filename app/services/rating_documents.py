"""The review season's documents from the stored branch: self-review forms, review minutes, summary, workbook.

Gathers plain domain objects (app.domain.rating_report), hands them to exporters/ratings_*.py and writes
the bytes atomically (a failed write leaves the previous file as it was). Read-only on the database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from pathlib import Path

from app.domain import messages_kl01 as mk
from app.domain import messages_ratings as rmsg
from app.domain.attendance import AttendanceSummary, summarize, visiting_ids
from app.domain.dates import format_dmy
from app.domain.errors import ExportError
from app.domain.meeting_record import AttendanceCode, Meeting
from app.domain.membership import Member, PartyPosition, StatusEventKind
from app.domain.rating_report import ReviewLine, ReviewSeasonDoc
from app.domain.ratings import RatingLevel
from app.services.context import ServiceContext
from app.services.documents import DocumentJob, member_titles
from app.services.kl01 import Kl01Service
from app.services.ratings import RatingService, Season, quota_line
from app.services.summary import slug, xlsx_target
from exporters.atomic import atomic_write_bytes
from exporters.layout_profile import LayoutProfile
from exporters.ratings_docx import (
    render_review_minutes,
    render_review_summary,
    render_self_reviews,
    review_minutes_blanks,
)
from exporters.ratings_xlsx import render_ratings_workbook

POSITION_TITLE = {
    PartyPosition.SECRETARY.value: "Bí thư chi bộ",
    PartyPosition.DEPUTY_SECRETARY.value: "Phó Bí thư chi bộ",
    PartyPosition.COMMITTEE_MEMBER.value: "Chi ủy viên",
}


class RatingDocumentService:
    def __init__(
        self,
        ctx: ServiceContext,
        ratings: RatingService,
        layout: Callable[[], LayoutProfile],
        plans: Callable[[int], Mapping[int, tuple[str, ...]]] | None = None,
    ) -> None:
        """*layout()*: the branch's document layout (documents.read_layout); *plans(year)*: member id -> the
        year's plan and commitment results, as lines (kl01_plan_lines)."""
        self._ctx = ctx
        self._ratings = ratings
        self._layout = layout
        self._plans = plans

    # ------------------------------------------------------------------ gathering
    def season_doc(self, year: int, *, member_id: int | None = None, meeting: Meeting | None = None) -> ReviewSeasonDoc:
        """The season's documents' data; the minutes come from *meeting*, else from the year's recorded review
        meeting when there is one."""
        ctx = self._ctx
        if meeting is None and member_id is None:
            held = self._ratings.review_meeting(year)
            meeting = ctx.meetings.get(held.id) if held else None
        season = self._ratings.season(year)
        rules = self._ratings.rules()
        profile = ctx.branch.get()
        plans = self._plans(year) if self._plans else {}
        topics: dict[int, list[str]] = {}
        for a in ctx.topics.assignments(year):
            for person in a.assignees:
                topics.setdefault(person.member_id, []).append(a.title)
        lines = []
        for row in season.rows:
            m = row.member
            if member_id is not None and m.id != member_id:
                continue
            assert m.id is not None
            expected, present, excused, unexcused = self._attendance(m.id, year)
            why = rmsg.NOT_RATED_WHY.get(row.not_rated or "", "").format(months=rules.probation_min_months)
            lines.append(
                ReviewLine(
                    member=m,
                    rating=row.rating,
                    position=_position(m),
                    not_rated=rmsg.NOT_RATED.format(why=why) if row.not_rated else "",
                    conflicts=row.conflicts,
                    expected=expected,
                    present=present,
                    excused=excused,
                    unexcused=unexcused,
                    topics=tuple(dict.fromkeys(topics.get(m.id, ()))),
                    plans=plans.get(m.id, ()),
                )
            )
        counts: dict[RatingLevel, int] = {}
        for row in season.rows:
            level = row.rating.effective if row.rating else None
            if level is not None:
                counts[level] = counts.get(level, 0) + 1
        forms = rules.forms_for(year)
        secretary = ctx.members.get(profile.secretary_id) if profile.secretary_id else None
        branch = season.branch
        if meeting is not None and branch is not None and branch.meeting_on != meeting.on:
            branch = replace(branch, meeting_on=meeting.on)  # the sitting being written is the one held
        return ReviewSeasonDoc(
            profile=profile,
            year=year,
            generated_on=_doc_day(season, ctx.today()),
            lines=lines,
            branch=branch,
            labels=dict(rules.labels),
            short=dict(rules.short),
            form_names=dict(forms.kinds) if forms else {},
            uses_score=rules.uses_score(year),
            basis=[p.text for p in rules.provisions_for(year) if p.key in ("regulation", "guide", "yearly")],
            agenda=rules.review_agenda_for(year),
            quota_line=quota_line(season, self._ratings),
            quota_exceeded=bool(season.quota and season.quota.exceeded),
            secretary_name=secretary.full_name if secretary else "",
            counts=counts,
            meeting=meeting,
            attendance=None if meeting is None else self._summary(meeting),
            titles=member_titles(ctx.members.all()) if meeting is not None else {},
        )

    def _summary(self, meeting: Meeting) -> AttendanceSummary:
        candidates = self._ctx.members.with_event(StatusEventKind.TEMPORARY_VISIT)  # as MeetingService.summary
        return summarize(meeting.attendance, visiting_ids(candidates, meeting.on))

    def meeting_minutes_job(self, meeting: Meeting, target: Path) -> DocumentJob:
        """The minutes of a recorded yearly review meeting (DocumentService hands such a meeting here)."""
        doc = self.season_doc(meeting.on.year, meeting=meeting)
        render = partial(render_review_minutes, doc, self._layout(), generated_at=self._ctx.now())
        return DocumentJob(target, render, review_minutes_blanks(meeting), meeting_id=meeting.id,
                           number=meeting.doc_number)  # fmt: skip

    def _attendance(self, member_id: int, year: int) -> tuple[int, int, int, int]:
        rows = [
            a
            for _, kind, a in self._ctx.meetings.attendance_of(member_id, date(year, 1, 1), date(year, 12, 31))
            if kind.counts_as_regular
        ]
        expected = sum(1 for a in rows if a.code.in_base)
        present = sum(1 for a in rows if a.code.is_present)
        excused = sum(1 for a in rows if a.code is AttendanceCode.ABSENT_EXCUSED)
        unexcused = sum(1 for a in rows if a.code is AttendanceCode.ABSENT_UNEXCUSED)
        return expected, present, excused, unexcused

    # ------------------------------------------------------------------ writing
    # season_doc() reads the database (GUI thread); write(doc, …) renders and writes anywhere (the window runs
    # it in a background task). The one-call methods below do both, for the CLI.
    def job(self, what: str, year: int, target: Path, *, per_member: bool = False) -> Callable[[], list[Path]]:
        """Read everything *what* of *year* needs now (database thread); the returned call renders and writes,
        on any thread."""
        doc = self.season_doc(year)
        layout = self._layout() if what != "xlsx" else None
        when = self._ctx.now()
        return lambda: self.write(what, doc, target, layout=layout, when=when, per_member=per_member)

    def write(
        self,
        what: str,
        doc: ReviewSeasonDoc,
        target: Path,
        *,
        layout: LayoutProfile | None,
        when: datetime | None = None,
        per_member: bool = False,
    ) -> list[Path]:
        """Render and write *what* ("forms" | "summary" | "minutes" | "xlsx") of *doc*; forms with
        *per_member* go one file per member into the folder *target*. Touches no database."""
        year = doc.year
        if what == "forms" and per_member:
            folder = Path(target)
            if folder.exists() and not folder.is_dir():
                raise ExportError("folder_is_file", path=str(folder))
            folder.mkdir(parents=True, exist_ok=True)
            written = []
            for n, line in enumerate(doc.lines, start=1):
                name = f"ban-kiem-diem-{year}_{n:02d}_{slug(line.member.full_name, 40)}.docx"
                data = render_self_reviews(doc, [line], layout, generated_at=when)  # type: ignore[arg-type]
                written.append(atomic_write_bytes(folder / name, data))
            return written
        if what == "forms":
            path = _docx_target(target, f"ban-kiem-diem-{year}.docx")
            data = render_self_reviews(doc, doc.lines, layout, generated_at=when)  # type: ignore[arg-type]
        elif what == "summary":
            path = _docx_target(target, f"tong-hop-xep-loai-{year}.docx")
            data = render_review_summary(doc, layout, generated_at=when)  # type: ignore[arg-type]
        elif what == "minutes":
            path = _docx_target(target, f"bien-ban-kiem-diem-{year}.docx")
            data = render_review_minutes(doc, layout, generated_at=when)  # type: ignore[arg-type]
        elif what == "xlsx":
            path = xlsx_target(target, f"xep-loai-{year}.xlsx")
            data = render_ratings_workbook(doc)
        else:
            raise ValueError(what)
        return [atomic_write_bytes(path, data)]

    def forms(
        self, year: int, *, out: Path | None = None, folder: Path | None = None, member_id: int | None = None
    ) -> list[Path]:
        """Self-review forms: all in one file (*out*) or one file per member in *folder*."""
        doc = self.season_doc(year, member_id=member_id)
        layout, when = self._layout(), self._ctx.now()
        if out is not None:
            return self.write("forms", doc, out, layout=layout, when=when)
        assert folder is not None
        return self.write("forms", doc, folder, layout=layout, when=when, per_member=True)

    def summary(self, year: int, out: Path) -> Path:
        return self.job("summary", year, out)()[0]

    def minutes(self, year: int, out: Path) -> Path:
        return self.job("minutes", year, out)()[0]

    def workbook(self, year: int, out: Path) -> Path:
        return self.job("xlsx", year, out)()[0]


def kl01_plan_lines(kl01: Kl01Service) -> Callable[[int], dict[int, tuple[str, ...]]]:
    """The self-review form's lines from the KL 01 record of a year: the plan's year-end result, each
    commitment's result, the learning report handed in."""

    def lines(year: int) -> dict[int, tuple[str, ...]]:
        record = kl01.year(year)
        out: dict[int, list[str]] = {}
        for member_id, plan in record.plans.items():
            rows = out.setdefault(member_id, [])
            signed = f"ký ngày {format_dmy(plan.signed_on)}" if plan.signed_on else "chưa ký"
            result = mk.RESULT[plan.year_end] if plan.year_end else "chưa tổng kết"
            rows.append(rmsg.FORM_PLAN_LINE.format(signed=signed, result=result))
            for c in plan.commitments:
                done = mk.RESULT[c.year_end] if c.year_end else "chưa đánh giá"
                rows.append(rmsg.FORM_COMMITMENT_LINE.format(text=c.text, result=done))
        for member_id, report in record.reports.items():
            out.setdefault(member_id, []).append(
                rmsg.FORM_LEARNING_LINE.format(
                    day=format_dmy(report.submitted_on), topic=f" ({report.topic})" if report.topic else ""
                )
            )
        return {member_id: tuple(rows) for member_id, rows in out.items()}

    return lines


def _doc_day(season: Season, today: date) -> date:
    """The date line: the review meeting's day when recorded, else today (at most the year's deadline)."""
    held = season.branch.meeting_on if season.branch else None
    if held is not None and held <= today:
        return held
    return min(today, season.deadline) if season.year < today.year else today


def _position(m: Member) -> str:
    parts = [POSITION_TITLE.get(m.party_position, ""), m.job_position]
    return "; ".join(p for p in parts if p.strip())


def _docx_target(out: Path, default_name: str) -> Path:
    out = Path(out)
    if out.is_dir():
        raise ExportError("target_is_folder", path=str(out), example=str(out / default_name))
    if not out.suffix:
        return out.with_suffix(".docx")
    if out.suffix.lower() != ".docx":
        raise ExportError("wrong_extension", path=str(out), example=str(out.with_suffix(".docx")))
    return out
