"""The review season's Word documents: each member's self-review form (one per file or all in one), the
review meeting's minutes and the summary of ratings with the vote per member.

Plain domain objects in (app.domain.rating_report), bytes out; no I/O, no SQL, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from app.domain import vntext
from app.domain.attendance import AttendanceSummary
from app.domain.dates import format_dmy, format_doc_date
from app.domain.meeting_record import Meeting
from app.domain.rating_report import ReviewLine, ReviewSeasonDoc
from app.domain.ratings import RatingLevel
from exporters import ratings_wording as RW
from exporters import wording as W
from exporters.docx_common import letterhead, number_text, time_or_blank, vote_sentences
from exporters.docx_layout import Cell, DocBuilder, SignBlock
from exporters.layout_profile import LayoutProfile
from exporters.minutes_docx import opening, opinions_block, seal_and_addenda, text_or_lines


def _builder(doc: ReviewSeasonDoc, layout: LayoutProfile, title: str, when: datetime | None) -> DocBuilder:
    b = DocBuilder(layout, blank_inline=W.BLANK)
    b.set_properties(title=title, author=doc.profile.branch_name, when=when)
    return b


def _fit(widths_mm: Sequence[float], layout: LayoutProfile) -> list[float]:
    """Column widths scaled to the layout's text width (profiles differ in margins)."""
    total = sum(widths_mm)
    return [w * layout.text_width_mm / total for w in widths_mm]


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


# --------------------------------------------------------------------------- the self-review form
def render_self_reviews(
    doc: ReviewSeasonDoc, lines: Sequence[ReviewLine], layout: LayoutProfile, *, generated_at: datetime | None = None
) -> bytes:
    """The self-review forms of *lines*, one after another (a page break between members)."""
    b = _builder(doc, layout, f"{RW.FORM_TITLE} {RW.FORM_SUBJECT.format(year=doc.year)}", generated_at)
    for n, line in enumerate(lines):
        if n:
            b.doc.add_page_break()
        _self_review(b, doc, line, layout)
    b.page_furniture()
    return b.to_bytes()


def _self_review(b: DocBuilder, doc: ReviewSeasonDoc, line: ReviewLine, layout: LayoutProfile) -> None:
    m, r = line.member, line.rating
    b.letterhead(letterhead(doc.profile, doc.generated_on), W.PARTY_TITLE, W.STAR)
    subject = [RW.FORM_SUBJECT.format(year=doc.year)]
    form = r.form if r and r.form else ""
    if form and form in doc.form_names:
        subject.append(RW.FORM_KIND.format(form=doc.form_names[form]))
    b.title(RW.FORM_TITLE, subject, W.SUBJECT_RULE)
    values = {
        "name": m.full_name,
        "born": format_dmy(m.date_of_birth),
        "joined": format_dmy(m.joined_on),
        "official": format_dmy(m.official_on),
        "party_position": m.party_position,
        "job": m.job_position,
        "branch": doc.profile.branch_name,
    }
    for label, key in RW.FORM_IDENTITY:
        b.rich([(f"{label}: ", "b"), (values[key] or W.BLANK, "")])

    b.heading(RW.FORM_SECTIONS[0])
    for text in RW.FORM_MERITS[:2]:
        b.fill_lines(3, lead=text)
    if line.plans:
        b.para(RW.FORM_MERITS[2])
        for text in line.plans:
            b.para(RW.FORM_PLAN.format(text=text), sub=True)
    else:
        b.fill_lines(2, lead=RW.FORM_MERITS[2])
    b.para(RW.FORM_ATTENDANCE_HEAD)
    if line.expected:
        b.para(RW.FORM_ATTENDANCE.format(year=doc.year, expected=line.expected, present=line.present,
                                         excused=line.excused, unexcused=line.unexcused))  # fmt: skip
    else:
        b.para(RW.FORM_NO_ATTENDANCE.format(year=doc.year))
    if line.topics:
        b.para(RW.FORM_TOPICS.format(titles="; ".join(f"\u201c{t}\u201d" for t in line.topics)))
    for heading in RW.FORM_SECTIONS[1:5]:
        b.heading(heading)
        b.fill_lines(2)
    b.heading(RW.FORM_SECTIONS[5])
    b.para(RW.FORM_LEVELS_HEAD)
    chosen = r.self_level if r else None
    for level in RatingLevel:
        mark = RW.FORM_CHECKED if level is chosen else RW.FORM_UNCHECKED
        b.para(RW.FORM_BOX.format(mark=mark, label=doc.label(level)), sub=True)
    if doc.uses_score:
        b.para(RW.FORM_SCORE.format(score=_score(r.score)) if r and r.score is not None else RW.FORM_SCORE_BLANK)
    if line.not_rated:
        b.para(RW.FORM_NOT_RATED.format(text=line.not_rated))
    b.heading(RW.FORM_BRANCH_HEAD)
    b.fill_lines(2)
    proposed = r.proposed if r else None
    text = RW.FORM_BRANCH_PROPOSED.format(level=doc.label(proposed)) if proposed else RW.FORM_BRANCH_PROPOSED_BLANK
    b.para(text, keep_next=True)
    hint = layout.label("sign_hint")
    b.signatures(
        [
            SignBlock((layout.label("authority"), layout.label("secretary")), doc.secretary_name, hint),
            SignBlock((RW.FORM_SELF_SIGN, ""), m.full_name, hint),  # two lines, level with the secretary's
        ]
    )


# --------------------------------------------------------------------------- the summary of ratings
def render_review_summary(
    doc: ReviewSeasonDoc, layout: LayoutProfile, *, generated_at: datetime | None = None
) -> bytes:
    b = _builder(doc, layout, RW.SUMMARY_SUBJECT.format(year=doc.year), generated_at)
    b.letterhead(letterhead(doc.profile, doc.generated_on), W.PARTY_TITLE, W.STAR)
    b.title(RW.SUMMARY_TITLE, [RW.SUMMARY_SUBJECT.format(year=doc.year)], W.SUBJECT_RULE)
    for text in doc.basis:
        b.para(RW.SUMMARY_BASIS.format(text=text))
    b.para(RW.SUMMARY_INTRO.format(year=doc.year))
    rows = []
    for n, line in enumerate(doc.lines, start=1):
        r = line.rating
        votes = RW.SUMMARY_VOTES.format(votes_for=r.votes_for, votes_total=r.votes_total) if r and r.votes_total else ""
        name = Cell(f"{line.member.full_name}\n{line.position}" if line.position else line.member.full_name)
        rows.append([
            str(n), name, r.form if r else "", doc.short_label(r and r.self_level), _score(r.score) if r else "",
            votes, Cell(doc.short_label(r and r.proposed), bold=True), doc.short_label(r and r.final),
        ])  # fmt: skip
    b.table(_fit(RW.SUMMARY_WIDTHS_MM, layout), RW.SUMMARY_HEADER, rows,
            align=("center", "", "center", "center", "center", "center", "center", "center"))  # fmt: skip
    notes = [(line.member.full_name, line.not_rated or "; ".join(line.conflicts)) for line in doc.lines]
    notes = [(name, text) for name, text in notes if text]
    if notes:
        b.para(RW.SUMMARY_NOTES_HEAD)
        for name, text in notes:
            b.para(RW.SUMMARY_NOTE.format(name=name, text=text.rstrip(".")), sub=True)
    legend = "; ".join(f"{doc.short_label(level)}: {doc.label(level).lower()}" for level in RatingLevel)
    b.para(RW.SUMMARY_LEGEND.format(legend=legend))
    total = doc.rated_count
    b.para(RW.SUMMARY_COUNTS_HEAD.format(total=total))
    for level in RatingLevel:
        count = doc.counts.get(level, 0)
        pct = vntext.percent(100.0 * count / total) if total else vntext.percent(0)
        b.para(RW.SUMMARY_COUNT.format(label=doc.label(level), count=count, pct=pct), sub=True)
    not_rated = [line.member.full_name for line in doc.lines if line.not_rated]
    if not_rated:
        b.para(RW.SUMMARY_NOT_RATED.format(count=len(not_rated), names=", ".join(not_rated)), sub=True)
    if doc.quota_line:
        b.para(RW.SUMMARY_QUOTA.format(line=doc.quota_line))
        if doc.quota_exceeded:
            b.para(RW.SUMMARY_QUOTA_OVER)
    branch = doc.branch
    b.para(RW.SUMMARY_BRANCH.format(self=doc.label(branch and branch.self_level) or W.BLANK,
                                    final=doc.label(branch and branch.final) or W.BLANK))  # fmt: skip
    recipients = [(layout.label("recipients"), "label")]
    if doc.profile.upper_body.strip():
        recipients.append((W.REP_TO_UPPER.format(body=doc.profile.upper_body.strip()), ""))
    recipients.append((W.REP_ARCHIVE.format(archive=layout.label("archive")), ""))
    b.signatures(
        [SignBlock((layout.label("authority"), layout.label("secretary")), doc.secretary_name)], left=recipients
    )
    b.page_furniture()
    return b.to_bytes()


# --------------------------------------------------------------------------- the review meeting's minutes
def review_minutes_blanks(meeting: Meeting) -> tuple[str, ...]:
    """Fields the minutes of a recorded review meeting print as blanks (keys of labels.FIELD_LABEL)."""
    missing = {
        "start": meeting.start is None,
        "place": not meeting.place.strip(),
        "presider": not meeting.presider_name.strip(),
        "recorder": not meeting.recorder_name.strip(),
        "content": not any(s.body.strip() for s in meeting.sections),
        "conclusion": not meeting.conclusion.strip(),
        "end": meeting.end is None,
    }
    return tuple(key for key, blank in missing.items() if blank)


def render_review_minutes(
    doc: ReviewSeasonDoc, layout: LayoutProfile, *, generated_at: datetime | None = None
) -> bytes:
    """From the recorded review meeting when the season has one (doc.meeting), else the fill-in template."""
    if doc.meeting is not None and doc.attendance is not None:
        return _recorded_minutes(doc, doc.meeting, doc.attendance, layout, generated_at)
    b = _builder(doc, layout, RW.MINUTES_SUBJECT.format(year=doc.year), generated_at)
    day = doc.branch.meeting_on if doc.branch and doc.branch.meeting_on else None
    b.letterhead(letterhead(doc.profile, day or doc.generated_on), W.PARTY_TITLE, W.STAR)
    b.title(RW.MINUTES_TITLE, [RW.MINUTES_SUBJECT.format(year=doc.year)], W.SUBJECT_RULE)
    place = W.BLANK
    b.para(RW.MINUTES_OPEN.format(day=format_doc_date(day) if day else f"ngày {W.BLANK}", place=place, year=doc.year))
    b.para(RW.MINUTES_ATTEND.format(total=len(doc.lines)))
    b.para(RW.MINUTES_PRESIDER.format(name=doc.secretary_name or W.BLANK))
    b.para(RW.MINUTES_RECORDER)
    _agenda(b, doc.agenda)
    b.heading(RW.MINUTES_COLLECTIVE)
    b.fill_lines(3, lead=RW.MINUTES_COLLECTIVE_TEXT.format(year=doc.year))
    b.heading(RW.MINUTES_MEMBERS)
    for n, line in enumerate(_rated(doc), start=1):
        r = line.rating
        level = doc.label(r.self_level) if r and r.self_level else W.BLANK
        b.fill_lines(2, lead=RW.MINUTES_MEMBER.format(n=n, name=line.member.full_name, level=level))
    b.heading(RW.MINUTES_VOTES)
    _votes(b, doc, layout)
    b.heading(RW.MINUTES_CONCLUSION)
    b.fill_lines(3)
    b.para(RW.MINUTES_CLOSE, keep_next=True)
    hint = layout.label("sign_hint")
    b.signatures(
        [
            SignBlock((layout.label("minutes_recorder"),), "", hint),
            SignBlock((layout.label("minutes_presider"),), doc.secretary_name, hint),
        ]
    )
    b.page_furniture()
    return b.to_bytes()


def _recorded_minutes(
    doc: ReviewSeasonDoc, m: Meeting, s: AttendanceSummary, layout: LayoutProfile, when: datetime | None
) -> bytes:
    """The minutes of the sitting as recorded: its opening, its sections and opinions as written in the
    editor, the per-member vote from the ratings, its conclusion and closing time."""
    b = _builder(doc, layout, RW.MINUTES_SUBJECT.format(year=doc.year), when)
    b.letterhead(letterhead(doc.profile, m.on, number_text(m.doc_number, "BB")), W.PARTY_TITLE, W.STAR)
    subject = [RW.MINUTES_SUBJECT.format(year=doc.year)] + ([m.title.strip()] if m.title.strip() else [])
    b.title(RW.MINUTES_TITLE, subject, W.SUBJECT_RULE)
    opening(b, m, s, doc.titles)
    _agenda(b, m.agenda or doc.agenda)
    b.heading(RW.MINUTES_PROCEEDINGS)
    for n, section in enumerate(m.sections, start=1):
        b.heading(W.NUMBERED.format(n=n, title=section.title), level=2)
        if section.body.strip():
            b.lines(section.body)
        else:
            b.fill_lines(2)
    if not m.sections:
        b.fill_lines(4)
    opinions_block(b, m.opinions, RW.MINUTES_OPINIONS)
    b.heading(RW.MINUTES_VOTES)
    _votes(b, doc, layout)
    for vote in m.votes:
        for line in vote_sentences(vote):
            b.para(line)
    b.heading(RW.MINUTES_CONCLUSION)
    text_or_lines(b, m.conclusion)
    b.para(W.CLOSING_READ, keep_next=True)
    b.para(RW.MINUTES_END.format(time=time_or_blank(m.end)), keep_next=True)
    hint = layout.label("sign_hint")
    b.signatures(
        [
            SignBlock((layout.label("minutes_recorder"),), m.recorder_name, hint),
            SignBlock((layout.label("minutes_presider"),), m.presider_name, hint),
        ]
    )
    seal_and_addenda(b, m)
    return b.to_bytes()


def _agenda(b: DocBuilder, agenda: Sequence[str]) -> None:
    b.heading(RW.MINUTES_AGENDA, center=True)
    for n, item in enumerate(agenda, start=1):
        b.para(f"{n}. {item}")


def _rated(doc: ReviewSeasonDoc) -> list[ReviewLine]:
    return [line for line in doc.lines if not line.not_rated]


def _votes(b: DocBuilder, doc: ReviewSeasonDoc, layout: LayoutProfile) -> None:
    """The table of each rated member's self level, the vote and the branch's proposal, and the branch's own."""
    rows = []
    for n, line in enumerate(_rated(doc), start=1):
        r = line.rating
        votes = RW.SUMMARY_VOTES.format(votes_for=r.votes_for, votes_total=r.votes_total) if r and r.votes_total else ""
        rows.append([str(n), line.member.full_name, doc.short_label(r and r.self_level), votes or "……/……",
                     Cell(doc.short_label(r and r.proposed), bold=True)])  # fmt: skip
    b.table(_fit(RW.MINUTES_VOTES_WIDTHS_MM, layout), RW.MINUTES_VOTES_HEADER, rows,
            align=("center", "", "center", "center", "center"))  # fmt: skip
    branch = doc.branch
    level = doc.label(branch.self_level) if branch and branch.self_level else W.BLANK
    b.para(RW.MINUTES_BRANCH.format(level=level))


# --------------------------------------------------------------------------- the year's report
def report_rating_lines(figures: dict[str, object], year: int) -> list[str]:
    """The year report's sentences on ratings, from the summary figures (empty when the year has none)."""
    if "ratings_tot" not in figures:
        return []
    counts = {level.value: figures.get(f"ratings_{level.value}", 0) for level in RatingLevel}
    lines = [RW.REPORT_MEMBERS.format(year=year, **counts)]
    own = next((level for level in RatingLevel if figures.get(f"branch_rating_{level.value}")), None)
    labels = {
        RatingLevel.EXCELLENT: "hoàn thành xuất sắc nhiệm vụ",
        RatingLevel.GOOD: "hoàn thành tốt nhiệm vụ",
        RatingLevel.COMPLETED: "hoàn thành nhiệm vụ",
        RatingLevel.NOT_COMPLETED: "không hoàn thành nhiệm vụ",
    }
    lines.append(RW.REPORT_BRANCH.format(level=labels[own]) if own else RW.REPORT_BRANCH_NONE)
    return lines
