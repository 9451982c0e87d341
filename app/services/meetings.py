"""Meeting use cases: prepare, record, adopt and seal minutes, addenda, numbering. One transaction each."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date

from app.domain.attendance import AttendanceSummary, default_attendance, summarize, visiting_ids
from app.domain.dates import format_dmy
from app.domain.errors import ConflictError, NotFoundError, StaleEditError, ValidationError
from app.domain.meeting_record import (
    Attendance,
    Correction,
    Meeting,
    MeetingKind,
    MeetingOutline,
    MeetingPart,
    MeetingStatus,
    Section,
)
from app.domain.membership import StatusEventKind
from app.domain.periods import Period
from app.domain.seal import content_digest
from app.domain.vntext import clean, nfc
from app.services.context import ServiceContext
from app.services.search import index_meeting

DOC_TYPES = ("BB", "NQ", "BC")


class MeetingService:
    def __init__(self, ctx: ServiceContext, review_agenda: Callable[[int], Sequence[str]] | None = None) -> None:
        """*review_agenda(year)*: the yearly review meeting's agenda, from the rating rules (RatingService)."""
        self._ctx = ctx
        self._review_agenda = review_agenda

    # ------------------------------------------------------------------ reading
    def get(self, meeting_id: int) -> Meeting:
        meeting = self._ctx.meetings.get(meeting_id)
        if meeting is None:
            raise NotFoundError(id=meeting_id)
        return meeting

    def list(self, *, year: int | None = None, period: Period | None = None) -> list[MeetingOutline]:
        """The meetings of a year or period (default: all), oldest first, without their content.

        What lists and the CLI show: present/base by the kernel from per-code counts. Loading whole meetings
        for this took ~9 s for `meetings list` on the 5,000-member benchmark file. Open one with get().
        """
        if period is not None:
            return self._ctx.meetings.figures_between(period.start, period.end)
        if year is not None:
            return self._ctx.meetings.figures_between(date(year, 1, 1), date(year, 12, 31))
        return self._ctx.meetings.all_figures()

    def load(self, *, year: int | None = None, period: Period | None = None) -> list[Meeting]:
        """Whole meetings (attendance, opinions, votes …) of a year or period: for documents, not for lists."""
        if period is not None:
            return self._ctx.meetings.between(period.start, period.end)
        if year is not None:
            return self._ctx.meetings.between(date(year, 1, 1), date(year, 12, 31))
        return self._ctx.meetings.all()

    def years(self) -> list[int]:
        return self._ctx.meetings.years()

    def attendance_of(self, member_id: int, start: date, end: date) -> list[tuple[date, MeetingKind, Attendance]]:
        """(day, kind, row) of one member's attendance between two days, oldest first: for a member's history.

        Reads only that member's rows: loading whole meetings for this took seconds on a 5,000-member branch.
        """
        return self._ctx.meetings.attendance_of(member_id, start, end)

    def overview_rows(self, start: date, end: date) -> list[MeetingOutline]:
        """Meetings between two days as figures only (no content, present/base counted by the database).

        For calendars and charts: whole meetings of a 5,000-member year took ~170 ms to load, these ~30 ms.
        """
        return self._ctx.meetings.figures_between(start, end)

    def overview_rows_of(self, ids: Iterable[int]) -> dict[int, MeetingOutline]:
        """id -> figures of the given meetings (unknown ids are left out)."""
        return {f.id: f for f in self._ctx.meetings.figures_of(list(ids))}

    def summary(self, meeting: Meeting) -> AttendanceSummary:
        """The minutes' attendance numbers; members visiting from another branch are counted apart."""
        candidates = self._ctx.members.with_event(StatusEventKind.TEMPORARY_VISIT)  # a handful, not the whole roll
        return summarize(meeting.attendance, visiting_ids(candidates, meeting.on))

    def agenda_for(self, kind: MeetingKind, on: date) -> tuple[str, ...]:
        """The agenda a new meeting of *kind* on *on* starts with: the yearly review's from the rating rules
        (one home for it), every other kind's from the meeting rule set."""
        if kind is MeetingKind.YEARLY_REVIEW and self._review_agenda is not None:
            return tuple(self._review_agenda(on.year))
        return self._ctx.rules.agenda_for(kind)

    def prepare(self, kind: MeetingKind, on: date) -> Meeting:
        """A new, unsaved meeting: agenda from the rule set, everyone on the roll present, secretary presiding."""
        profile = self._ctx.branch.get()
        members = self._ctx.members.all()
        names = {m.id: m.full_name for m in members}
        rows = default_attendance(members, on)
        presider = profile.secretary_id if profile.secretary_id in names else None
        part = MeetingPart.THEMATIC if kind is MeetingKind.THEMATIC else MeetingPart.REGULAR
        agenda = self.agenda_for(kind, on)
        return Meeting(
            kind=kind,
            on=on,
            agenda=agenda,
            sections=tuple(Section(title, "", part) for title in agenda) if kind is not MeetingKind.COMBINED else (),
            attendance=tuple(rows),
            presider_id=presider,
            presider_name=names.get(presider, "") if presider else "",
            place=self._ctx.branch.setting("default_place"),
        )

    # ------------------------------------------------------------------ writing
    def create(self, meeting: Meeting) -> Meeting:
        with self._ctx.db.transaction():
            prepared = self._checked(meeting)
            meeting_id = self._ctx.meetings.add(replace(prepared, status=MeetingStatus.DRAFT, content_hash=""))
            stored = self._ctx.meetings.get(meeting_id)
            assert stored is not None
            index_meeting(self._ctx, stored)
            self._ctx.log("meeting", meeting_id, "add", f"{stored.kind.value} {stored.on.isoformat()}")
            return stored

    def update(self, meeting: Meeting) -> Meeting:
        """Save changes to a draft. Adopted or locked minutes are refused: use add_correction."""
        if meeting.id is None:
            raise NotFoundError()
        with self._ctx.db.transaction():
            current = self._ctx.meetings.get(meeting.id)
            if current is None:
                raise NotFoundError(id=meeting.id)
            if not current.is_editable:
                raise ConflictError("meeting_locked", id=meeting.id)
            if current.version != meeting.version:
                raise StaleEditError(f"biên bản buổi sinh hoạt ngày {format_dmy(current.on)}", current)
            prepared = self._checked(meeting)
            self._ctx.meetings.update(replace(prepared, status=current.status, content_hash=current.content_hash))
            stored = self._ctx.meetings.get(meeting.id)
            assert stored is not None
            index_meeting(self._ctx, stored)
            self._ctx.log("meeting", meeting.id, "update")
            return stored

    def save(self, meeting: Meeting) -> Meeting:
        return self.create(meeting) if meeting.id is None else self.update(meeting)

    def adopt(self, meeting_id: int, on: date | None = None) -> Meeting:
        """Adopt the minutes (Thông qua): content frozen and sealed with its SHA-256."""
        with self._ctx.db.transaction():
            meeting = self._ctx.meetings.get(meeting_id)
            if meeting is None:
                raise NotFoundError(id=meeting_id)
            if not meeting.is_editable:
                raise ConflictError("meeting_locked", id=meeting_id)
            digest = content_digest(meeting)
            self._ctx.meetings.set_status(meeting_id, MeetingStatus.ADOPTED.value, on or meeting.on, digest)
            self._ctx.log("meeting", meeting_id, "adopt", digest[:16])
            stored = self._ctx.meetings.get(meeting_id)
            assert stored is not None
            return stored

    def verify_seal(self, meeting: Meeting) -> bool:
        """True when adopted content still matches its seal (False for drafts)."""
        return bool(meeting.content_hash) and content_digest(meeting) == meeting.content_hash

    def add_correction(self, meeting_id: int, reason: str, text: str, on: date | None = None) -> Meeting:
        """A dated addendum (đính chính) to adopted minutes, with its reason; the original stays as sealed."""
        errors = {}
        if not clean(reason):
            errors["reason"] = "required"
        if not nfc(text).strip():
            errors["text"] = "required"
        if errors:
            raise ValidationError(errors)
        with self._ctx.db.transaction():
            meeting = self._ctx.meetings.get(meeting_id)
            if meeting is None:
                raise NotFoundError(id=meeting_id)
            if meeting.is_editable:
                raise ConflictError("meeting_not_adopted", id=meeting_id)
            self._ctx.meetings.add_correction(
                meeting_id, Correction(on or self._ctx.today(), clean(reason), nfc(text).strip())
            )
            stored = self._ctx.meetings.get(meeting_id)
            assert stored is not None
            index_meeting(self._ctx, stored)
            self._ctx.log("meeting", meeting_id, "correction", clean(reason))
            return stored

    def delete_draft(self, meeting_id: int) -> None:
        with self._ctx.db.transaction():
            meeting = self._ctx.meetings.get(meeting_id)
            if meeting is None:
                raise NotFoundError(id=meeting_id)
            if not meeting.is_editable:
                raise ConflictError("meeting_locked", id=meeting_id)
            self._ctx.search.remove("meeting", meeting_id)
            self._ctx.meetings.delete(meeting_id)
            self._ctx.log("meeting", meeting_id, "delete")

    def assign_number(self, meeting_id: int, doc_type: str = "BB", number: int | None = None) -> Meeting:
        """Give the minutes ("BB") or the resolution ("NQ") a number from the term's counter.

        A number given by hand moves the counter forward; numbers are never reused.
        """
        if doc_type not in ("BB", "NQ"):
            raise ValidationError({"doc_type": "invalid"})
        with self._ctx.db.transaction():
            meeting = self._ctx.meetings.get(meeting_id)
            if meeting is None:
                raise NotFoundError(id=meeting_id)
            term = self.term_key(meeting.on)
            if number is None:
                number = self._ctx.branch.next_number(doc_type, term)
            else:
                self._ctx.branch.bump_number(doc_type, term, number)
            text = f"{number:02d}"
            doc_no, res_no = (text, meeting.resolution_number) if doc_type == "BB" else (meeting.doc_number, text)
            self._ctx.meetings.set_numbers(meeting_id, doc_no, res_no)
            self._ctx.log("meeting", meeting_id, f"number:{doc_type}", text)
            return replace(meeting, doc_number=doc_no, resolution_number=res_no)

    def term_key(self, day: date) -> str:
        """The numbering counter a document dated *day* draws from: the committee term, else the calendar year."""
        profile = self._ctx.branch.get()
        if profile.term_start and profile.term_start <= day and (profile.term_end is None or day <= profile.term_end):
            return profile.term_start.isoformat()
        return f"year-{day.year}"  # no term recorded: count per calendar year

    # ------------------------------------------------------------------ validation
    def _checked(self, m: Meeting) -> Meeting:
        """Validate and normalise a meeting before it is stored; fill the attendance snapshot."""
        errors: dict[str, str] = {}
        if m.start and m.end and (m.end.hour, m.end.minute) < (m.start.hour, m.start.minute):
            errors["end"] = "end_before_start"
        members = {mem.id: mem for mem in self._ctx.members.all()}
        rows = []
        for row in m.attendance:
            member = members.get(row.member_id)
            if member is None:
                errors["attendance"] = "unknown_member"
                continue
            if not member.status_on(m.on).on_roll:
                errors["attendance"] = "not_on_roll"
                continue
            rows.append(
                replace(
                    row,
                    reason=clean(row.reason),
                    member_name=row.member_name or member.full_name,
                    official=member.is_official_on(m.on),
                )
            )
        for vote in m.votes:
            if vote.votes_for + vote.votes_against + vote.votes_other > max(vote.base, 0) and vote.base:
                errors["votes"] = "votes_exceed_base"
        for ref in (m.presider_id, m.recorder_id, *m.presenter_ids):
            if ref is not None and ref not in members:
                errors["members"] = "unknown_member"
        if errors:
            raise ValidationError(errors)

        def name_of(ref: int | None, typed: str) -> str:
            return clean(typed) or (members[ref].full_name if ref is not None else "")

        return replace(
            m,
            place=clean(m.place),
            title=clean(m.title),
            presider_name=name_of(m.presider_id, m.presider_name),
            recorder_name=name_of(m.recorder_id, m.recorder_name),
            presenter_names=tuple(members[i].full_name for i in m.presenter_ids) or m.presenter_names,
            conclusion=nfc(m.conclusion).strip(),
            thematic_conclusion=nfc(m.thematic_conclusion).strip(),
            topic_summary=nfc(m.topic_summary).strip(),
            dues_note=nfc(m.dues_note).strip(),
            sections=tuple(replace(s, title=clean(s.title), body=nfc(s.body).strip()) for s in m.sections),
            opinions=tuple(
                replace(o, speaker_name=name_of(o.speaker_id, o.speaker_name), text=nfc(o.text).strip())
                for o in m.opinions
            ),
            tasks=tuple(
                replace(t, text=clean(t.text), assignee_name=name_of(t.assignee_id, t.assignee_name)) for t in m.tasks
            ),
            attendance=tuple(rows),
        )
