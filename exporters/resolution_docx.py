"""The branch resolution (nghị quyết chi bộ, Số NN-NQ/CB) written from a meeting record (DOMAIN §2.4).

Plain domain objects in, bytes out; blanks where the record is silent (``resolution_blanks`` names them).
No I/O, no SQL, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from app.domain import vntext
from app.domain.attendance import AttendanceSummary
from app.domain.branch_profile import BranchProfile
from app.domain.dates import format_dmy, month_label, quarter_label
from app.domain.meeting_record import Meeting, MeetingKind, MeetingPart, MeetingStatus, Section
from app.domain.vntext import fold
from exporters import wording as W
from exporters.docx_common import (
    dues_section,
    heading,
    is_forward,
    kind_phrase,
    letterhead,
    number_text,
    or_blank,
    part_of,
    resolution_vote,
    time_or_blank,
)
from exporters.docx_layout import DocBuilder, SignBlock
from exporters.layout_profile import LayoutProfile


def resolution_blanks(meeting: Meeting, *, signer_name: str = "") -> tuple[str, ...]:
    """Fields the resolution prints as blanks, in reading order (keys of messages.FIELD_LABEL)."""
    sections = _sections(meeting)
    blanks = [
        ("start", meeting.start is None),
        ("end", meeting.end is None),
        ("place", not meeting.place.strip()),
        ("presider", not meeting.presider_name.strip()),
        ("recorder", not meeting.recorder_name.strip()),
        ("content", not any(s.body.strip() for s in sections if not is_forward(s))),
        ("conclusion", not meeting.conclusion.strip() and not any(s.body.strip() for s in sections if is_forward(s))),
        ("tasks", not meeting.tasks),
        ("votes", resolution_vote(meeting.votes) is None),
        ("signer", not signer_name.strip()),
    ]
    return tuple(key for key, missing in blanks if missing)


def render_resolution(
    meeting: Meeting,
    summary: AttendanceSummary,
    profile: BranchProfile,
    layout: LayoutProfile,
    *,
    signer_name: str = "",
    signer_is_deputy: bool = False,
    basis: Sequence[str] = (),
    generated_at: datetime | None = None,
) -> bytes:
    """The resolution as .docx bytes. ``basis`` lists the documents cited after the Charter
    ("Hướng dẫn số 42-HD/BTCTW …"), from the rule set in force."""
    m, s = meeting, summary
    b = DocBuilder(layout, blank_inline=W.BLANK)
    subject = _subject(m)
    b.set_properties(title=f"{W.RESOLUTION} {subject}", author=profile.branch_name, when=generated_at)
    b.letterhead(letterhead(profile, m.on, number_text(m.resolution_number, "NQ")), W.PARTY_TITLE, W.STAR)
    b.title(W.RESOLUTION, [subject], W.SUBJECT_RULE)

    for line in (W.RES_BASIS_CHARTER, *(W.RES_BASIS.format(doc=doc) for doc in basis)):
        b.rich([(line, "i")])
    b.rich([(W.RES_BASIS_MEETING.format(day=format_dmy(m.on)), "i")])
    duration = W.RES_DURATION.format(minutes=m.duration_minutes) if m.duration_minutes is not None else ""
    b.para(
        W.RES_OPENING.format(
            day=format_dmy(m.on),
            start=time_or_blank(m.start),
            end=time_or_blank(m.end),
            duration=duration,
            place=or_blank(m.place),
            kind=kind_phrase(m),
            total=s.total,
            exempt=s.exempt,
            away=s.away,
            present=s.present,
            base=s.base,
            pct=vntext.percent(s.pct),
            absent=s.absent,
            excused=len(s.absent_excused),
            unexcused=len(s.absent_unexcused),
        )
    )
    b.para(W.RES_OFFICERS.format(presider=or_blank(m.presider_name), recorder=or_blank(m.recorder_name)))
    sections = _sections(m)
    if m.dues_note.strip() and dues_section(sections) is None:  # else the dues block below says it
        b.para(W.RES_DUES.format(note=m.dues_note.strip()))
    b.para(W.RES_AGREED, keep_next=True)
    b.heading(W.RES_DECIDES, center=True, before=6)

    past = [x for x in sections if not is_forward(x)]
    ahead = [x for x in sections if is_forward(x)]
    b.heading(heading(1, W.RES_H_RESULTS))
    _numbered(b, past, m.dues_note)
    b.heading(heading(2, W.RES_H_TASKS))
    if ahead:
        _numbered(b, ahead, m.dues_note)
    if m.conclusion.strip():
        b.lines(m.conclusion)
    elif not ahead:
        b.fill_lines(3)
    b.heading(heading(3, W.RES_H_ORGANISE))
    b.para(W.RES_ORGANISE, keep_next=True)
    rows = [
        [str(i), t.text, t.assignee_name or W.BLANK_SHORT, format_dmy(t.due) or W.BLANK_SHORT]
        for i, t in enumerate(m.tasks, start=1)
    ] or [[str(i), "", "", ""] for i in (1, 2, 3)]
    b.table(W.TASK_WIDTHS_MM, W.TASK_HEADER, rows, align=("center", "", "", "center"))
    vote = resolution_vote(m.votes)
    if vote is None:
        b.para(W.RES_VOTE_BLANK, keep_next=True)
    else:
        b.para(W.RES_VOTE.format(for_=vote.votes_for, base=vote.base, pct=vntext.percent(vote.pct_for)), keep_next=True)

    recipients = [(layout.label("recipients"), "label")]
    if profile.upper_body.strip():
        recipients.append((W.RES_TO_UPPER.format(body=profile.upper_body.strip()), ""))
    recipients.append((W.RES_TO_MEMBERS, ""))
    recipients.append((W.RES_ARCHIVE.format(archive=layout.label("archive")), ""))
    title = layout.label("deputy_secretary" if signer_is_deputy else "secretary")
    b.signatures([SignBlock((layout.label("authority"), title), signer_name)], left=recipients)
    b.page_furniture(mark=W.DRAFT_MARK if m.status is MeetingStatus.DRAFT else "")
    return b.to_bytes()


def resolution_subject(m: Meeting) -> str:
    """The resolution's subject line ("Chi bộ tháng 3 năm 2026"), also used to name its file."""
    return _subject(m)


def _subject(m: Meeting) -> str:
    if m.kind is MeetingKind.THEMATIC:
        return W.SUBJECT_THEMATIC.format(quarter=quarter_label(m.quarter), year=m.on.year)
    return W.RES_SUBJECT_MONTH.format(month=month_label(m.on.month, m.on.year))


def _sections(m: Meeting) -> tuple[Section, ...]:
    part = MeetingPart.THEMATIC if m.kind is MeetingKind.THEMATIC else MeetingPart.REGULAR
    return part_of(m, part)[0]


def _numbered(b: DocBuilder, sections: Sequence[Section], dues_note: str = "") -> None:
    if not sections:
        b.fill_lines(3)
        return
    dues = dues_section(sections) if dues_note.strip() else None
    for n, section in enumerate(sections, start=1):
        b.heading(W.NUMBERED.format(n=n, title=section.title), level=2)
        if section.body.strip():
            b.lines(section.body)
        if section is dues and fold(dues_note) not in fold(section.body):
            b.lines(dues_note)
        elif not section.body.strip():
            b.fill_lines(2)
