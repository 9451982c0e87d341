"""Pieces shared by the minutes, resolution and report writers: letterhead, subject lines, names, votes.

Pure text assembly from domain objects; no python-docx here (that is docx_layout), no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from app.domain import vntext
from app.domain.branch_profile import BranchProfile
from app.domain.dates import format_dmy, format_place_date, format_time_vn, month_label, quarter_label, roman
from app.domain.meeting_record import Meeting, MeetingKind, MeetingPart, MeetingStatus, Opinion, Section, Vote, VoteRule
from app.domain.vntext import fold
from exporters import wording as W
from exporters.docx_layout import DocLetterhead


def number_text(number: str, code: str) -> str:
    """ "Số 05-BB/CB"; empty when the document has no number."""
    return W.NUMBER.format(number=number, code=code) if number.strip() else ""


def letterhead(profile: BranchProfile, day: date, number: str = "") -> DocLetterhead:
    return DocLetterhead(
        upper_body=profile.upper_body,
        upper_body_2=profile.upper_body_2,
        branch=profile.branch_name,
        place_date=format_place_date(profile.place_name, day),
        number=number,
    )


def time_or_blank(value: object) -> str:
    return format_time_vn(value) if value is not None else W.BLANK_TIME  # type: ignore[arg-type]


def or_blank(text: str) -> str:
    return text if text.strip() else W.BLANK


def join_names(names: Sequence[str]) -> str:
    """ "A", "A và B", "A, B và C"."""
    names = [n for n in names if n.strip()]
    if len(names) <= 1:
        return "".join(names)
    return W.NAMES_JOIN.join(names[:-1]) + W.NAMES_LAST + names[-1]


def person_title(member_id: int | None, titles: Mapping[int, str]) -> str:
    title = titles.get(member_id, "") if member_id is not None else ""
    return W.PERSON_TITLE.format(title=title) if title else ""


def lower_first(text: str) -> str:
    """ "Thông qua nghị quyết" -> "thông qua nghị quyết", but "HĐND …" stays (an abbreviation)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def subject_lines(meeting: Meeting, topic_title: str) -> list[str]:
    """The bold subject under BIÊN BẢN: kind and period, plus the topic for thematic sittings."""
    day = meeting.on
    month = month_label(day.month, day.year)
    quarter = quarter_label(meeting.quarter)
    match meeting.kind:
        case MeetingKind.REGULAR:
            lines = [W.SUBJECT_REGULAR.format(month=month)]
        case MeetingKind.THEMATIC:
            lines = [W.SUBJECT_THEMATIC.format(quarter=quarter, year=day.year)]
        case MeetingKind.COMBINED:
            lines = [
                W.SUBJECT_COMBINED.format(month=month),
                W.SUBJECT_COMBINED_2.format(quarter=quarter, year=day.year),
            ]
        case MeetingKind.YEARLY_REVIEW:
            lines = [W.SUBJECT_REVIEW.format(year=day.year)]
        case _:
            lines = [W.SUBJECT_EXTRAORDINARY.format(day=format_dmy(day))]
    if meeting.kind.counts_as_thematic:
        lines.append(W.SUBJECT_TOPIC.format(title=topic_title or W.BLANK))
    elif meeting.title.strip():  # a regular or extraordinary sitting's own subject, as the secretary typed it
        lines.append(meeting.title.strip())
    return lines


def kind_phrase(meeting: Meeting) -> str:
    """ "sinh hoạt chi bộ thường kỳ tháng 5 năm 2026" for running text."""
    day = meeting.on
    return W.RES_KIND[meeting.kind.value].format(
        month=month_label(day.month, day.year), quarter=quarter_label(meeting.quarter), year=day.year
    )


def part_of(meeting: Meeting, part: MeetingPart) -> tuple[tuple[Section, ...], tuple[Opinion, ...]]:
    """Sections and opinions of one part. Only a combined sitting has two parts; a single-part meeting
    takes everything, whatever part the rows were tagged with."""
    if meeting.kind is not MeetingKind.COMBINED:
        own = (part is MeetingPart.THEMATIC) == (meeting.kind is MeetingKind.THEMATIC)
        return (meeting.sections, meeting.opinions) if own else ((), ())
    return (
        tuple(s for s in meeting.sections if s.part is part),
        tuple(o for o in meeting.opinions if o.part is part),
    )


def thematic_conclusion(meeting: Meeting) -> str:
    if meeting.kind is MeetingKind.THEMATIC:
        return meeting.thematic_conclusion or meeting.conclusion
    return meeting.thematic_conclusion


def vote_sentences(vote: Vote) -> list[str]:
    line = W.VOTE_LINE.format(
        item=lower_first(vote.item.strip().rstrip(".")) or W.BLANK_SHORT,
        for_=vote.votes_for,
        base=vote.base,
        pct=vntext.percent(vote.pct_for),
        against=vote.votes_against,
        other=vote.votes_other,
        method=vote.method,
    )
    if vote.passed:
        outcome = W.VOTE_PASSED
    elif vote.rule is VoteRule.TWO_THIRDS:
        outcome = W.VOTE_FAILED_TWO_THIRDS
    else:
        outcome = W.VOTE_FAILED_MAJORITY
    return [line, outcome]


def resolution_vote(votes: Sequence[Vote]) -> Vote | None:
    """The vote that adopted the resolution: the one naming it, else the first."""
    for vote in votes:
        if W.RESOLUTION_VOTE_KEY in fold(vote.item):
            return vote
    return votes[0] if votes else None


def adopted_resolution(meeting: Meeting) -> bool:
    """Whether the sitting adopted a resolution: adopted minutes with a numbered resolution, or a passed vote
    that names it ("Thông qua nghị quyết tháng"). A thematic sitting's vote on its conclusion is no resolution."""
    if meeting.status is MeetingStatus.DRAFT:
        return False
    if meeting.resolution_number.strip():
        return True
    return any(v.passed and W.RESOLUTION_VOTE_KEY in fold(v.item) for v in meeting.votes)


def is_forward(section: Section) -> bool:
    """A content block about the coming period (tasks), as opposed to results of the past one."""
    key = fold(section.title)
    return any(k in key for k in W.FORWARD_KEYS)


def dues_section(sections: Sequence[Section]) -> Section | None:
    """The content block about Party dues, if the secretary wrote one: the dues note then goes inside it,
    so the dues are reported once."""
    return next((x for x in sections if W.DUES_KEY in fold(x.title)), None)


def heading(number: int, title: str) -> str:
    return W.HEADING.format(roman=roman(number), title=title)
