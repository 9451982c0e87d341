"""The minutes (biên bản) of a regular, thematic or combined sitting as a Word file (DOMAIN §2.2–2.3).

Plain domain objects in, bytes out. Whatever the record lacks is printed as a visible blank to fill in by
hand, never guessed; ``minutes_blanks`` names those fields for the caller. No I/O, no SQL, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from app.domain import labels, vntext
from app.domain.attendance import AttendanceSummary
from app.domain.branch_profile import BranchProfile
from app.domain.dates import format_dmy
from app.domain.meeting_record import Meeting, MeetingKind, MeetingPart, MeetingStatus, Opinion
from app.domain.seal import short_seal
from app.domain.vntext import fold
from exporters import wording as W
from exporters.docx_common import (
    dues_section,
    heading,
    join_names,
    letterhead,
    number_text,
    or_blank,
    part_of,
    person_title,
    subject_lines,
    thematic_conclusion,
    time_or_blank,
    vote_sentences,
)
from exporters.docx_layout import DocBuilder, LayoutProfile, SignBlock


def minutes_blanks(meeting: Meeting, *, topic_title: str = "", presenters: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Fields the minutes print as blanks, in reading order (keys of messages.FIELD_LABEL)."""
    blanks: list[str] = []

    def add(key: str, missing: bool) -> None:
        if missing and key not in blanks:
            blanks.append(key)

    add("start", meeting.start is None)
    add("place", not meeting.place.strip())
    add("presider", not meeting.presider_name.strip())
    add("recorder", not meeting.recorder_name.strip())
    regular = meeting.kind is not MeetingKind.THEMATIC
    if regular:
        sections, opinions = part_of(meeting, MeetingPart.REGULAR)
        add("content", not any(s.body.strip() for s in sections))
        add("opinions", not opinions)
        add("conclusion", not meeting.conclusion.strip())
    if meeting.kind.counts_as_thematic:
        sections, opinions = part_of(meeting, MeetingPart.THEMATIC)
        add("topic", not (meeting.title or topic_title).strip())
        add("presenter", not (meeting.presenter_names or presenters))
        add("topic_summary", not meeting.topic_summary.strip())
        add("opinions", not opinions)
        add("conclusion", not thematic_conclusion(meeting).strip())
    if regular:
        add("votes", not meeting.votes)
        add("tasks", not meeting.tasks)
    add("end", meeting.end is None)
    return tuple(blanks)


def render_minutes(
    meeting: Meeting,
    summary: AttendanceSummary,
    profile: BranchProfile,
    layout: LayoutProfile,
    *,
    topic_title: str = "",
    presenters: tuple[str, ...] = (),
    titles: Mapping[int, str] | None = None,
    generated_at: datetime | None = None,
) -> bytes:
    """The minutes as .docx bytes. ``titles`` maps member id -> title printed after the name
    ("Bí thư chi bộ"); ``topic_title``/``presenters`` come from the topic assignment when the meeting
    record itself does not name them."""
    titles = titles or {}
    topic = meeting.title or topic_title
    people = meeting.presenter_names or presenters
    b = DocBuilder(layout, blank_inline=W.BLANK)
    subject = subject_lines(meeting, topic)
    b.set_properties(title=f"{W.MINUTES} {subject[0]}", author=profile.branch_name, when=generated_at)
    b.letterhead(letterhead(profile, meeting.on, number_text(meeting.doc_number, "BB")), W.PARTY_TITLE, W.STAR)
    b.title(W.MINUTES, subject, W.SUBJECT_RULE)
    opening(b, meeting, summary, titles)

    number = 1
    if meeting.kind is MeetingKind.COMBINED:
        b.heading(W.PART_REGULAR, center=True)
        number = _regular(b, meeting, 1)
        number = _votes_and_tasks(b, meeting, number)
        b.heading(W.PART_THEMATIC, center=True)
        _thematic(b, meeting, topic, people, 1)
    elif meeting.kind is MeetingKind.THEMATIC:
        number = _thematic(b, meeting, topic, people, 1)
        _votes_and_tasks(b, meeting, number, optional=True)
    else:
        number = _regular(b, meeting, 1)
        _votes_and_tasks(b, meeting, number)

    b.para(W.CLOSING_READ, keep_next=True)
    b.para(W.CLOSING_END.format(time=time_or_blank(meeting.end)), keep_next=True)
    b.signatures(
        [
            SignBlock((layout.label("minutes_recorder"),), meeting.recorder_name, layout.label("sign_hint")),
            SignBlock((layout.label("minutes_presider"),), meeting.presider_name, layout.label("sign_hint")),
        ]
    )
    seal_and_addenda(b, meeting)
    return b.to_bytes()


def seal_and_addenda(b: DocBuilder, meeting: Meeting) -> None:
    """Under the signatures: the seal of adopted minutes, every dated addendum, and the draft mark."""
    if meeting.status is not MeetingStatus.DRAFT and meeting.content_hash:
        b.small_note(W.SEAL.format(seal=short_seal(meeting.content_hash)))  # once, under the signatures
    for correction in meeting.corrections:
        b.heading(W.CORRECTION_HEAD.format(day=format_dmy(correction.on)))
        b.para(W.CORRECTION_REASON.format(reason=correction.reason))
        b.lines(W.CORRECTION_TEXT.format(text=correction.text))
    b.page_furniture(mark=W.DRAFT_MARK if meeting.status is MeetingStatus.DRAFT else "")


# --------------------------------------------------------------------------- blocks
def opening(b: DocBuilder, m: Meeting, s: AttendanceSummary, titles: Mapping[int, str]) -> None:
    """Time, place, who is counted and present (the kernel's summary), guests, presider and recorder."""
    b.para(W.TIME_LINE.format(time=time_or_blank(m.start), day=format_dmy(m.on)))
    b.para(W.PLACE_LINE.format(place=or_blank(m.place)))
    if m.form.value != "truc_tiep":
        b.para(W.FORM_LINE.format(form=labels.MEETING_FORM[m.form]))
    b.para(W.MEMBERS_HEAD)
    visiting = W.TOTAL_VISITING.format(visiting=s.visiting) if s.visiting else ""
    b.para(W.TOTAL_LINE.format(total=s.total, official=s.official, probationary=s.probationary, visiting=visiting))
    b.para(W.EXEMPT_LINE.format(exempt=s.exempt))
    b.para(W.AWAY_LINE.format(away=s.away))
    if s.suspended:
        b.para(W.SUSPENDED_LINE.format(suspended=s.suspended))
    b.para(
        W.PRESENT_LINE.format(
            present=s.present,
            base=s.base,
            official=s.present_official,
            probationary=s.present_probationary,
            pct=vntext.percent(s.pct),
        )
    )
    if s.absent:
        b.para(W.ABSENT_LINE.format(absent=s.absent))
        excused = "; ".join(
            W.NAME_REASON.format(name=name, reason=reason or W.NO_REASON_GIVEN) for name, reason in s.absent_excused
        )
        unexcused = ", ".join(W.NAME_ONLY.format(name=name) for name in s.absent_unexcused)
        b.para(
            W.EXCUSED_LINE.format(count=len(s.absent_excused), names=excused) if excused else W.EXCUSED_NONE, sub=True
        )
        b.para(
            W.UNEXCUSED_LINE.format(count=len(s.absent_unexcused), names=unexcused) if unexcused else W.UNEXCUSED_NONE,
            sub=True,
        )
    else:
        b.para(W.ABSENT_NONE)
    if m.guests:
        guests = "; ".join(
            W.GUEST.format(name=g.name) + (W.PERSON_TITLE.format(title=", ".join(x for x in (g.title, g.unit) if x)))
            if (g.title or g.unit)
            else W.GUEST.format(name=g.name)
            for g in m.guests
        )
        b.para(W.GUESTS_LINE.format(guests=guests))
    else:
        b.para(W.GUESTS_NONE)
    b.para(W.PRESIDER_LINE.format(name=or_blank(m.presider_name), title=person_title(m.presider_id, titles)))
    b.para(W.RECORDER_LINE.format(name=or_blank(m.recorder_name), title=person_title(m.recorder_id, titles)))


def _regular(b: DocBuilder, m: Meeting, number: int) -> int:
    sections, opinions = part_of(m, MeetingPart.REGULAR)
    b.heading(heading(number, W.H_CONTENT))
    item = 0
    dues = dues_section(sections)
    for section in sections:
        item += 1
        b.heading(W.NUMBERED.format(n=item, title=section.title), level=2)
        if section.body.strip():
            b.lines(section.body)
        elif not (section is dues and m.dues_note.strip()):
            b.fill_lines(2)
        if section is dues and m.dues_note.strip() and fold(m.dues_note) not in fold(section.body):
            b.lines(m.dues_note)
    if m.dues_note.strip() and dues is None:
        item += 1
        b.heading(W.NUMBERED.format(n=item, title=W.DUES_ITEM), level=2)
        b.lines(m.dues_note)
    if not sections:  # nothing recorded: the agenda's items with lines to write on
        for agenda_item in m.agenda:
            item += 1
            b.heading(W.NUMBERED.format(n=item, title=agenda_item), level=2)
            b.fill_lines(2)
        if not m.agenda:
            b.fill_lines(4)
    opinions_block(b, opinions, heading(number + 1, W.H_OPINIONS))
    b.heading(heading(number + 2, W.H_CONCLUSION))
    text_or_lines(b, m.conclusion)
    return number + 3


def _thematic(b: DocBuilder, m: Meeting, topic: str, people: tuple[str, ...], number: int) -> int:
    sections, opinions = part_of(m, MeetingPart.THEMATIC)
    b.heading(heading(number, W.H_THEMATIC_CONTENT))
    item = 0
    for section in sections:
        item += 1
        b.heading(W.NUMBERED.format(n=item, title=section.title), level=2)
        text_or_lines(b, section.body)
    item += 1
    b.heading(W.NUMBERED.format(n=item, title=W.PRESENTATION_ITEM), level=2)
    b.para(W.PRESENTED_BY.format(names=join_names(list(people)) or W.BLANK, title=topic or W.BLANK))
    text_or_lines(b, m.topic_summary)
    opinions_block(b, opinions, heading(number + 1, W.H_THEMATIC_OPINIONS))
    b.heading(heading(number + 2, W.H_CONCLUSION))
    text_or_lines(b, thematic_conclusion(m))
    return number + 3


def opinions_block(b: DocBuilder, opinions: tuple[Opinion, ...], title: str) -> None:
    """The opinions under *title*, each led by its speaker; lines to write on when none is recorded."""
    b.heading(title)
    if not opinions:
        b.fill_lines(3, lead=W.OPINION_SPEAKER.format(name=W.BLANK))
        return
    for opinion in opinions:
        lines = [line.strip() for line in opinion.text.splitlines() if line.strip()] or [W.BLANK]
        b.rich([(W.OPINION_SPEAKER.format(name=opinion.speaker_name or W.BLANK), "b"), (lines[0], "")])
        for line in lines[1:]:
            b.para(line)


def _votes_and_tasks(b: DocBuilder, m: Meeting, number: int, *, optional: bool = False) -> int:
    """Vote lines and the task table. A thematic meeting may have neither (HD 12: the vote is optional)."""
    if m.votes or not optional:
        b.heading(heading(number, W.H_VOTES))
        number += 1
        if not m.votes:
            b.para(W.VOTE_BLANK)
        for vote in m.votes:
            for line in vote_sentences(vote):
                b.para(line)
    if m.tasks or not optional:
        b.heading(heading(number, W.H_TASKS))
        number += 1
        rows = [
            [str(i), task.text, task.assignee_name or W.BLANK_SHORT, format_dmy(task.due) or W.BLANK_SHORT]
            for i, task in enumerate(m.tasks, start=1)
        ] or [[str(i), "", "", ""] for i in (1, 2, 3)]
        b.table(W.TASK_WIDTHS_MM, W.TASK_HEADER, rows, align=("center", "", "", "center"))
    return number


def text_or_lines(b: DocBuilder, text: str) -> None:
    if text.strip():
        b.lines(text)
    else:
        b.fill_lines(3)
