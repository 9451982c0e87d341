"""The periodic report (báo cáo quý / 6 tháng / năm) from a PeriodReport: figures filled in from the data,
narrative sections (DOMAIN §4.3) pre-filled where the data says something and left as lines to write on
where it cannot. Plain domain objects in, bytes out; no I/O, no SQL, no Qt.
"""

from __future__ import annotations

from datetime import datetime

from app.domain import labels, periods, vntext
from app.domain import messages_dues as mdues
from app.domain.dates import format_dmy, quarter_label
from app.domain.report import PeriodReport, ReportedMeeting
from exporters import ratings_wording as RW
from exporters import wording as W
from exporters.docx_common import heading, join_names, letterhead, number_text
from exporters.docx_layout import Cell, DocBuilder, SignBlock
from exporters.kl01_report import kl01_section
from exporters.layout_profile import LayoutProfile
from exporters.ratings_docx import report_rating_lines
from exporters.report_prose import limitation_paragraphs, missing_months, missing_quarters


def report_blanks(report: PeriodReport, *, signer_name: str = "") -> tuple[str, ...]:
    """Fields the report prints as blanks (the narrative lines are left to write on by design)."""
    return () if signer_name.strip() else ("signer",)


def render_report(
    report: PeriodReport,
    layout: LayoutProfile,
    *,
    signer_name: str = "",
    signer_is_deputy: bool = False,
    number: str = "",
    generated_at: datetime | None = None,
) -> bytes:
    """The report as .docx bytes, dated ``report.generated_on``; ``number`` gives "Số NN-BC/CB"."""
    r = report
    label = periods.label(r.period)
    b = DocBuilder(layout, blank_inline=W.BLANK)
    subject = W.REP_SUBJECT.format(period=label)
    b.set_properties(title=f"{W.REPORT} {subject}", author=r.profile.branch_name, when=generated_at)
    b.letterhead(letterhead(r.profile, r.generated_on, number_text(number, "BC")), W.PARTY_TITLE, W.STAR)
    b.title(W.REPORT, [subject], W.SUBJECT_RULE)
    b.para(W.REP_INTRO.format(period=label))

    b.heading(heading(1, W.REP_H_GENERAL))
    counts = r.status_counts
    suspended = counts.get("dinh_chi", 0)
    b.para(
        W.REP_ROLL.format(
            start=r.roll_start_count,
            day=format_dmy(min(r.period.end, r.generated_on)),
            total=len(r.roll),
            official=counts.get("chinh_thuc", 0),
            probationary=counts.get("du_bi", 0),
            exempt=counts.get("mien_sh", 0),
            away=counts.get("shtt_di", 0),
            visiting=counts.get("shtt_den", 0),
            suspended=W.REP_SUSPENDED.format(count=suspended) if suspended else "",
        )
    )

    if r.dues:  # the dues book's sums of the period (app.domain.dues_report.period_figures)
        b.para(mdues.REPORT_DUES.format(**{k: mdues.money(v) for k, v in r.dues.items()}))

    b.heading(heading(2, W.REP_H_RESULTS))
    _regular(b, r)
    _thematic(b, r)
    _changes(b, r)
    _hcm(b, r)
    ratings = report_rating_lines(r.key_figures(), r.period.end.year)  # the year's ratings, at year end
    if ratings:
        b.heading(W.NUMBERED.format(n=5, title=RW.REPORT_HEADING), level=2)
        for line in ratings:
            b.para(line)

    b.heading(heading(3, W.REP_H_LIMITS))
    limitations = limitation_paragraphs(r)
    if limitations:
        b.para(W.REP_FINDINGS_HEAD)
        for subject, sentences in limitations:
            b.rich([(W.REP_SUBJECT_LEAD.format(subject=subject), "i"), (sentences, "")])
    else:
        b.para(W.REP_NO_FINDINGS)
    b.fill_lines(2, lead=W.REP_CAUSES)

    b.heading(heading(4, W.REP_H_NEXT))
    guide = r.regulations.get("meeting_guide", "")
    b.para(W.REP_NEXT_DEFAULT.format(guide=W.REP_NEXT_GUIDE.format(guide=guide) if guide else ""))
    for a in r.not_presented:
        b.para(W.REP_NEXT_TOPIC.format(title=a.title, quarter=quarter_label(a.quarter), year=a.year))
    if r.unexcused_absences:
        b.para(W.REP_NEXT_ABSENCE)
    for f in r.findings:
        if f.rule in W.REMINDER_RULES:
            b.para(W.REP_NEXT_REMINDER.format(message=f.message))
    b.fill_lines(2)
    b.heading(heading(5, W.REP_H_PROPOSALS))
    b.fill_lines(3)

    recipients = [(layout.label("recipients"), "label")]
    if r.profile.upper_body.strip():
        recipients.append((W.REP_TO_UPPER.format(body=r.profile.upper_body.strip()), ""))
    recipients.append((W.REP_ARCHIVE.format(archive=layout.label("archive")), ""))
    title = layout.label("deputy_secretary" if signer_is_deputy else "secretary")
    b.signatures([SignBlock((layout.label("authority"), title), signer_name)], left=recipients)
    b.page_furniture()
    return b.to_bytes()


# --------------------------------------------------------------------------- sections of part II
def _regular(b: DocBuilder, r: PeriodReport) -> None:
    b.heading(W.NUMBERED.format(n=1, title=W.REP_H_REGULAR), level=2)
    missing = missing_months(r)
    b.para(
        W.REP_REGULAR.format(
            count=len(r.meetings),
            regular=len(r.regular_meetings),
            months=r.months_with_regular_meeting,
            total_months=r.months_with_regular_meeting + len(missing),
            pct=vntext.percent(r.average_attendance_pct),
            excused=r.excused_absences,
            unexcused=r.unexcused_absences,
        )
    )
    if missing:
        b.para(W.REP_MISSING_MONTHS.format(months=", ".join(f"{int(key[5:])}/{key[:4]}" for key in missing)))
    if r.meetings:
        b.table(
            W.REP_MEETINGS_WIDTHS_MM,
            W.REP_MEETINGS_HEADER,
            (_meeting_row(n, f) for n, f in enumerate(sorted(r.meetings, key=lambda f: f.meeting.on), start=1)),
            align=("center", "center", "", "center", "center", "", ""),
        )


def _meeting_row(n: int, f: ReportedMeeting) -> list[str | Cell]:
    s = f.summary
    excused = "\n".join(name for name, _ in s.absent_excused)
    unexcused = "\n".join(s.absent_unexcused)
    return [
        str(n),
        format_dmy(f.meeting.on),
        labels.MEETING_KIND[f.meeting.kind],
        f"{s.present}/{s.base}",
        vntext.percent(s.pct),
        excused or "0",
        unexcused or "0",
    ]


def _thematic(b: DocBuilder, r: PeriodReport) -> None:
    b.heading(W.NUMBERED.format(n=2, title=W.REP_H_THEMATIC), level=2)
    judged = r.quarters_with_thematic_meeting + len(missing_quarters(r))
    if judged:
        b.para(
            W.REP_THEMATIC.format(
                count=len(r.thematic_meetings), quarters=r.quarters_with_thematic_meeting, total_quarters=judged
            )
        )
    else:
        b.para(W.REP_THEMATIC_RUNNING.format(count=len(r.thematic_meetings)))
    if r.thematic_meetings:
        rows = []
        for n, f in enumerate(r.thematic_meetings, start=1):
            title, people = _topic_of(f)
            present = f"{f.summary.present}/{f.summary.base}"
            rows.append([str(n), format_dmy(f.meeting.on), title or W.BLANK, people or W.BLANK, present])
        b.table(W.REP_THEMATIC_WIDTHS_MM, W.REP_THEMATIC_HEADER, rows, align=("center", "center", "", "", "center"))
    if r.not_presented:
        b.para(W.REP_NOT_PRESENTED_HEAD)
        for a in r.not_presented:
            names = join_names([x.name for x in a.assignees]) or W.REP_NO_ASSIGNEE
            b.para(
                W.REP_NOT_PRESENTED.format(quarter=quarter_label(a.quarter), year=a.year, title=a.title, names=names)
            )
    elif r.assignments:
        b.para(W.REP_ALL_PRESENTED)


def _topic_of(f: ReportedMeeting) -> tuple[str, str]:
    m, a = f.meeting, f.assignment
    title = m.title or (a.title if a else "")
    people = list(m.presenter_names) or ([x.name for x in a.assignees] if a else [])
    return title, join_names(people)


def _changes(b: DocBuilder, r: PeriodReport) -> None:
    b.heading(W.NUMBERED.format(n=3, title=W.REP_H_CHANGES), level=2)
    if not r.changes:
        b.para(W.REP_NO_CHANGES)
        return
    rows = []
    for n, c in enumerate(r.changes, start=1):
        if c.event is None:
            what = W.REP_ADMITTED
        else:
            what = labels.STATUS_EVENT[c.event.kind]
            detail = "; ".join(x for x in (c.event.note, c.event.decision) if x.strip())
            if detail:
                what = f"{what} ({detail})"
        rows.append([str(n), format_dmy(c.on), c.member.full_name, what])
    b.table(W.REP_CHANGES_WIDTHS_MM, W.REP_CHANGES_HEADER, rows, align=("center", "center", "", ""))


def _hcm(b: DocBuilder, r: PeriodReport) -> None:
    b.heading(W.NUMBERED.format(n=4, title=W.REP_H_HCM), level=2)
    titles = [t for t in dict.fromkeys(_topic_of(f)[0] for f in r.thematic_meetings) if t]
    topics = W.REP_HCM_TOPICS.format(titles="; ".join(f"\u201c{t}\u201d" for t in titles)) if titles else ""
    b.para(W.REP_HCM_LEAD.format(regular=len(r.regular_meetings), thematic=len(r.thematic_meetings), topics=topics))
    if r.kl01 is None:
        b.fill_lines(2, lead=W.REP_HCM_PLANS)
    else:
        kl01_section(b, r.kl01)
    b.fill_lines(2, lead=W.REP_HCM_EXAMPLES)
