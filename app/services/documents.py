"""Word documents from the stored branch: minutes, resolutions and periodic reports, written atomically.

Gathers the plain domain objects, hands them to exporters/ and writes the bytes through
exporters.atomic: a failed write leaves the previous file as it was. Document numbers are taken from the
term counter only when asked for. Never prompts; errors are AppErrors with a code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from app.domain import labels, notices, periods
from app.domain.attendance import AttendanceSummary, summarize, visiting_ids
from app.domain.branch_profile import BranchProfile
from app.domain.errors import ExportError, ValidationError
from app.domain.meeting_record import Meeting, MeetingKind, MeetingStatus
from app.domain.membership import Member
from app.domain.periods import Period
from app.domain.report import PeriodReport
from app.domain.topic_plan import TopicAssignment
from app.resources import resource_path
from app.services.context import ServiceContext
from app.services.dues import DuesService
from app.services.meetings import MeetingService
from app.services.reports import ReportService
from app.services.summary import slug
from exporters import wording
from exporters.atomic import atomic_write_bytes
from exporters.docx_common import adopted_resolution, kind_phrase
from exporters.layout_profile import LayoutProfile, merged
from exporters.minutes_docx import minutes_blanks, render_minutes
from exporters.report_docx import render_report, report_blanks
from exporters.resolution_docx import render_resolution, resolution_blanks, resolution_subject

DEFAULT_LAYOUT = "HD36-2018"
#: Branch setting holding the secretary's own layout changes (JSON laid over the chosen profile).
LAYOUT_OVERRIDES_SETTING = "layout_overrides"
#: Short names of the documents in file names (ASCII, so they survive any USB stick and e-mail).
FILE_WORD = {"minutes": "bien-ban", "resolution": "nghi-quyet", "report": "bao-cao"}


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A written document: where it is, which fields were printed blank, and anything to point out."""

    path: Path
    blank_fields: tuple[str, ...] = ()  # keys of messages.FIELD_LABEL
    warnings: tuple[str, ...] = ()  # Vietnamese sentences
    meeting_id: int | None = None
    number: str = ""  # "05" when the document carries a number

    @property
    def blank_labels(self) -> list[str]:
        return [labels.FIELD_LABEL.get(key, key) for key in self.blank_fields]


@dataclass(frozen=True, slots=True)
class DocumentJob:
    """One document ready to be written: plain data and its renderer, no database. ``write()`` renders and
    writes atomically, on any thread; *target* may redirect it (e.g. into a staging folder)."""

    target: Path
    render: Callable[[], bytes]
    blank_fields: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    meeting_id: int | None = None
    number: str = ""

    def write(self, target: Path | None = None) -> ExportResult:
        path = Path(target) if target is not None else self.target
        atomic_write_bytes(path, self.render())
        return ExportResult(path, self.blank_fields, self.warnings, self.meeting_id, self.number)


def read_layout(ctx: ServiceContext, profile_id: str | None = None) -> LayoutProfile:
    """The layout profile in use (the branch's choice, or *profile_id*) with the branch's own changes."""
    chosen = profile_id or ctx.branch.get().layout_profile or DEFAULT_LAYOUT
    path = resource_path("layouts", f"{chosen}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LayoutProfile.from_dict(merged(data, layout_overrides(ctx)))
    except (OSError, ValueError) as exc:
        raise ExportError("layout_invalid", layout=chosen, detail=str(exc)) from exc


def layout_overrides(ctx: ServiceContext) -> dict[str, Any]:
    raw = ctx.branch.setting(LAYOUT_OVERRIDES_SETTING)
    if not raw:
        return {}
    value = json.loads(raw)
    return value if isinstance(value, dict) else {}


#: (meeting, target) -> the job writing that yearly review meeting's minutes (RatingDocumentService).
ReviewMinutes = Callable[[Meeting, Path], DocumentJob]


class DocumentService:
    def __init__(
        self,
        ctx: ServiceContext,
        meetings: MeetingService,
        reports: ReportService,
        dues: DuesService,
        review_minutes: ReviewMinutes | None = None,
    ) -> None:
        """*review_minutes*: makes the minutes of a yearly review meeting (they carry the ratings' votes)."""
        self._ctx = ctx
        self._meetings = meetings
        self._reports = reports
        self._dues = dues
        self._review_minutes = review_minutes

    # ------------------------------------------------------------------ layout
    def layout(self, profile_id: str | None = None) -> LayoutProfile:
        """The layout profile in use (the branch's choice, or *profile_id*) with the branch's own changes."""
        return read_layout(self._ctx, profile_id)

    def layout_overrides(self) -> dict[str, Any]:
        return layout_overrides(self._ctx)

    def save_layout_overrides(self, overrides: Mapping[str, Any]) -> LayoutProfile:
        """Store changes to the layout (e.g. {"page": {"margin_left_mm": 35}}) after checking they are usable."""
        chosen = self._ctx.branch.get().layout_profile or DEFAULT_LAYOUT
        try:
            data = json.loads(resource_path("layouts", f"{chosen}.json").read_text(encoding="utf-8"))
            profile = LayoutProfile.from_dict(merged(data, overrides))
        except (OSError, ValueError) as exc:
            raise ValidationError({"layout": "invalid"}, detail=str(exc)) from exc
        with self._ctx.db.transaction():
            self._ctx.branch.set_setting(LAYOUT_OVERRIDES_SETTING, json.dumps(dict(overrides), ensure_ascii=False))
            self._ctx.log("settings", 1, "layout", chosen)
        return profile

    # ------------------------------------------------------------------ numbers
    def number(self, meeting_id: int, doc_type: str = "BB", value: int | None = None) -> Meeting:
        """Give the minutes ("BB") or the resolution ("NQ") a number from the term counter (never reused)."""
        return self._meetings.assign_number(meeting_id, doc_type, value)

    # ------------------------------------------------------------------ writing (on the calling thread)
    def minutes(self, meeting_id: int, out: Path, *, number: bool | int = False) -> ExportResult:
        """Write the minutes of one meeting to *out* (.docx). ``number``: True takes the next "Số NN-BB/CB"
        unless the minutes already have one; an int sets it by hand."""
        return self.prepare_minutes(meeting_id, out, number=number).write()

    def resolution(self, meeting_id: int, out: Path, *, number: bool | int = False) -> ExportResult:
        """Write the resolution (nghị quyết) of one meeting to *out* (.docx); ``number`` as for minutes."""
        return self.prepare_resolution(meeting_id, out, number=number).write()

    def minutes_batch(self, period: Period, folder: Path) -> list[ExportResult]:
        """Every meeting's minutes in *period*, one file each in *folder*, named to sort by date.

        Stops at the first file that cannot be written (ExportError naming it); files already written
        are complete, and running again rewrites them all."""
        return [job.write() for job in self.prepare_minutes_batch(period, folder)]

    def report(self, period: Period, out: Path, *, number: bool | int = False) -> ExportResult:
        """Write the periodic report for *period* (quarter, half-year or year) to *out* (.docx).

        With ``number`` the report takes "Số NN-BC/CB" from the term counter in the same transaction as
        the write, so a failed write does not use up a number."""
        if not number:
            return self.prepare_report(period, out).write()
        target = _docx_target(out, "report")
        report = self._reports.period_report(period)
        with self._ctx.db.transaction():
            text = self._take_report_number(report.generated_on, number)
            result = self._report_job(report, target, text).write()
            self._ctx.log("report", 0, "number:BC", f"{text} {period.key}")
        return result

    # ------------------------------------------------------------------ preparing (database work only)
    # The window renders and writes off the GUI thread, where the database must not be touched
    # (ui/tasks.py): prepare_* read everything (and take numbers) here; DocumentJob.write runs anywhere.
    def prepare_minutes(self, meeting_id: int, out: Path, *, number: bool | int = False) -> DocumentJob:
        target = _docx_target(out)
        meeting = self._numbered(self._meetings.get(meeting_id), "BB", number)
        return self._minutes_job(meeting, target, self._shared([meeting]))

    def prepare_minutes_batch(self, period: Period, folder: Path) -> list[DocumentJob]:
        folder = Path(folder)
        if folder.exists() and not folder.is_dir():
            raise ExportError("folder_is_file", path=str(folder))
        meetings = self._meetings.load(period=period)
        shared = self._shared(meetings)
        used: set[str] = set()
        return [
            self._minutes_job(meeting, folder / _unique(self.file_name(meeting, "minutes"), used), shared)
            for meeting in meetings
        ]

    def prepare_resolution_batch(self, period: Period, folder: Path) -> list[DocumentJob]:
        """The resolution of every sitting in *period* that adopted one (none is numbered here)."""
        jobs, used = [], set[str]()
        for meeting in self._meetings.load(period=period):
            if meeting.id is not None and adopted_resolution(meeting):
                name = _unique(self.file_name(meeting, "resolution"), used)
                jobs.append(self.prepare_resolution(meeting.id, Path(folder) / name))
        return jobs

    def prepare_resolution(self, meeting_id: int, out: Path, *, number: bool | int = False) -> DocumentJob:
        target = _docx_target(out, "resolution")
        meeting = self._numbered(self._meetings.get(meeting_id), "NQ", number)
        shared = self._shared([meeting])
        signer, deputy = self._signer(meeting)
        render = partial(
            render_resolution,
            meeting,
            shared.summary(meeting),
            shared.profile,
            shared.layout,
            signer_name=signer,
            signer_is_deputy=deputy,
            basis=self._basis(meeting.on),
            generated_at=self._ctx.now(),
        )
        blanks = resolution_blanks(meeting, signer_name=signer)
        return DocumentJob(target, render, blanks, meeting_id=meeting.id, number=meeting.resolution_number)

    def prepare_report(self, period: Period, out: Path, *, number: bool | int = False) -> DocumentJob:
        """The report ready to write. A number asked for here is taken at once (and kept even if the write
        later fails: numbers are never reused); ``report()`` takes it only with a successful write."""
        target = _docx_target(out, "report")
        report = self._reports.period_report(period)
        text = ""
        if number:
            with self._ctx.db.transaction():
                text = self._take_report_number(report.generated_on, number)
                self._ctx.log("report", 0, "number:BC", f"{text} {period.key}")
        return self._report_job(report, target, text)

    @staticmethod
    def file_name(meeting: Meeting, document: str = "minutes") -> str:
        """ "2026-03-05_bien-ban_sinh-hoat-chi-bo-thuong-ky-thang-3-nam-2026.docx": ISO date first so that a
        folder listing sorts by date, then what the document is in words a person at the committee reads."""
        what = resolution_subject(meeting) if document == "resolution" else kind_phrase(meeting)
        return f"{meeting.on.isoformat()}_{FILE_WORD[document]}_{slug(what, 90)}.docx"

    def _shared(self, meetings: list[Meeting]) -> _Shared:
        """What every minutes of a batch needs, read once (members, topics, profile, layout)."""
        years = {m.on.year for m in meetings if m.kind.counts_as_thematic}
        topics = {a.meeting_id: a for y in sorted(years) for a in self._ctx.topics.assignments(y) if a.meeting_id}
        return _Shared(self._ctx.members.all(), topics, self._ctx.branch.get(), self.layout())

    def _minutes_job(self, meeting: Meeting, target: Path, shared: _Shared) -> DocumentJob:
        warnings: list[str] = []
        if meeting.status is not MeetingStatus.DRAFT and not self._meetings.verify_seal(meeting):
            warnings.append(notices.DOC_SEAL_MISMATCH.format(day=f"{meeting.on:%d/%m/%Y}"))
        if meeting.kind is MeetingKind.YEARLY_REVIEW and self._review_minutes is not None:
            job = self._review_minutes(self._with_dues(meeting), target)
            return replace(job, warnings=job.warnings + tuple(warnings))
        topic = shared.topics.get(meeting.id) if meeting.kind.counts_as_thematic and meeting.id else None
        topic_title = topic.title if topic else ""
        presenters = _presenters(topic)
        render = partial(
            render_minutes,
            self._with_dues(meeting),
            shared.summary(meeting),
            shared.profile,
            shared.layout,
            topic_title=topic_title,
            presenters=presenters,
            titles=shared.titles,
            generated_at=self._ctx.now(),
        )
        blanks = minutes_blanks(meeting, topic_title=topic_title, presenters=presenters)
        return DocumentJob(target, render, blanks, tuple(warnings), meeting.id, meeting.doc_number)

    def _report_job(self, report: PeriodReport, target: Path, number: str) -> DocumentJob:
        signer = self._member_name(report.profile.secretary_id)
        render = partial(
            render_report, report, self.layout(), signer_name=signer, number=number, generated_at=self._ctx.now()
        )
        return DocumentJob(target, render, report_blanks(report, signer_name=signer), number=number)

    def _take_report_number(self, day: date, number: bool | int) -> str:
        """Call inside a transaction. Same term rule as the minutes' numbers (MeetingService keeps it)."""
        term = self._meetings.term_key(day)
        if number is True:
            value = self._ctx.branch.next_number("BC", term)
        else:
            value = int(number)
            self._ctx.branch.bump_number("BC", term, value)
        return f"{value:02d}"

    # ------------------------------------------------------------------ helpers
    def _with_dues(self, meeting: Meeting) -> Meeting:
        """The meeting as the minutes print it: the dues paragraph from the dues book, then the secretary's note."""
        if not meeting.kind.counts_as_regular:
            return meeting
        paragraph = self._dues.minutes_paragraph(meeting.on)
        note = meeting.dues_note.strip()
        return replace(meeting, dues_note="\n".join(t for t in (paragraph, note) if t)) if paragraph else meeting

    def _numbered(self, meeting: Meeting, doc_type: str, number: bool | int) -> Meeting:
        current = meeting.doc_number if doc_type == "BB" else meeting.resolution_number
        if not number or (number is True and current) or meeting.id is None:
            return meeting
        return self._meetings.assign_number(meeting.id, doc_type, None if number is True else int(number))

    def _member_name(self, member_id: int | None) -> str:
        if member_id is None:
            return ""
        member = self._ctx.members.get(member_id)
        return member.full_name if member else ""

    def _signer(self, meeting: Meeting) -> tuple[str, bool]:
        """Who signs the resolution "T/M CHI BỘ": the presiding secretary or deputy, else the secretary."""
        profile = self._ctx.branch.get()
        if meeting.presider_id is not None and meeting.presider_id in (profile.secretary_id, profile.deputy_id):
            name = meeting.presider_name or self._member_name(meeting.presider_id)
            return name, meeting.presider_id != profile.secretary_id
        return self._member_name(profile.secretary_id), False

    def _basis(self, day: date) -> list[str]:
        """The documents a resolution of *day* is based on: those in force that day (QĐ 24 before 1/7/2025)."""
        regulations = self._ctx.rules.regulations_on(day)
        return [regulations[key] for key in ("implementing", "meeting_guide") if regulations.get(key)]


@dataclass(frozen=True, slots=True)
class _Shared:
    members: list[Member]
    topics: dict[int, TopicAssignment]  # by meeting id
    profile: BranchProfile
    layout: LayoutProfile

    @property
    def titles(self) -> dict[int, str]:
        return member_titles(self.members)

    def summary(self, meeting: Meeting) -> AttendanceSummary:
        """As MeetingService.summary: members visiting from another branch are counted apart."""
        return summarize(meeting.attendance, visiting_ids(self.members, meeting.on))


def member_titles(members: Iterable[Member]) -> dict[int, str]:
    """Member id -> title printed after the name in the minutes ("Bí thư chi bộ")."""
    return {
        m.id: wording.POSITION_TITLE[m.party_position]
        for m in members
        if m.id is not None and m.party_position in wording.POSITION_TITLE
    }


def _presenters(topic: TopicAssignment | None) -> tuple[str, ...]:
    if topic is None:
        return ()
    lead = topic.lead
    ordered = [lead, *[a for a in topic.assignees if a is not lead]] if lead else list(topic.assignees)
    return tuple(a.name for a in ordered if a.name)


def _unique(name: str, used: set[str]) -> str:
    """*name*, or "<stem>-2.docx" … when a file of the batch already has it (two sittings of one kind on one day)."""
    stem, n, candidate = name[: -len(".docx")], 2, name
    while candidate in used:
        candidate, n = f"{stem}-{n}.docx", n + 1
    used.add(candidate)
    return candidate


def _docx_target(out: Path, document: str = "minutes") -> Path:
    """The file to write: ".docx" added when no extension was typed; a folder or another extension refused."""
    out = Path(out)
    example = str(out / f"{FILE_WORD[document]}.docx") if out.is_dir() else str(out.with_suffix(".docx"))
    if out.is_dir():
        raise ExportError("target_is_folder", path=str(out), example=example)
    if not out.suffix:
        return out.with_suffix(".docx")
    if out.suffix.lower() != ".docx":
        raise ExportError("wrong_extension", path=str(out), example=example)
    return out


def period_for(year: int, quarter: int | None = None, half: int | None = None) -> Period:
    """The period a command names: a quarter, a half-year, or the whole year."""
    if quarter is not None and half is not None:
        raise ValidationError({"quarter": "invalid"})
    try:
        if quarter is not None:
            return periods.quarter(year, quarter)
        if half is not None:
            return periods.half(year, half)
        return periods.year(year)
    except ValueError as exc:
        raise ValidationError({"quarter" if quarter is not None else "half": "invalid"}) from exc
