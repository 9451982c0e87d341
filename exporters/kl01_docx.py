"""KL 01 Word documents: the printable personal plan and commitment form (one member per page, pre-filled
from the data, blanks for what is not recorded) and the learning-report cover sheet. Plain objects in,
bytes out; no I/O, no SQL, no Qt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.domain import messages_kl01 as mk
from app.domain.branch_profile import BranchProfile
from app.domain.dates import format_dmy, format_place_date
from app.domain.kl01 import BranchYear, PersonalPlan
from app.domain.membership import Member
from exporters import wording as W
from exporters import wording_kl01 as K
from exporters.docx_layout import Cell, DocBuilder, DocLetterhead, SignBlock
from exporters.docx_template import STYLE_SUBJECT
from exporters.docx_xml import line_exact
from exporters.layout_profile import LayoutProfile


@dataclass(frozen=True, slots=True)
class PlanSheet:
    """One member's page: the member, their plan when recorded."""

    member: Member
    plan: PersonalPlan | None = None


def _letterhead(profile: BranchProfile, year: int, day: date | None) -> DocLetterhead:
    place = profile.place_name or K.PLACE_BLANK
    line = format_place_date(profile.place_name, day) if day else K.PLACE_DATE_BLANK.format(place=place, year=year)
    return DocLetterhead(profile.upper_body, profile.branch_name, line, upper_body_2=profile.upper_body_2)


def _field(b: DocBuilder, label: str, value: str) -> None:
    b.rich([(label, "b"), (value or W.BLANK, "")])


def render_plan_forms(
    profile: BranchProfile,
    year: int,
    sheets: Sequence[PlanSheet],
    layout: LayoutProfile,
    *,
    branch_year: BranchYear | None = None,
    topic: str = "",
    secretary_name: str = "",
    blank_items: int = 4,
) -> bytes:
    """The forms as .docx bytes, one member per page (a page break between members)."""
    b = DocBuilder(layout, blank_inline=W.BLANK)
    b.set_properties(title=f"{K.PLAN_DOC} {year}", author=profile.branch_name, when=None)
    for n, sheet in enumerate(sheets):
        if n:
            # A one-point line holds the break: a full-height empty line would not fit under the signatures
            # and would push an empty page in between.
            line_exact(b.doc.add_page_break(), 1)
        _plan_page(b, profile, year, sheet, branch_year, topic, secretary_name, blank_items)
    return b.to_bytes()


def _plan_page(
    b: DocBuilder,
    profile: BranchProfile,
    year: int,
    sheet: PlanSheet,
    branch_year: BranchYear | None,
    topic: str,
    secretary_name: str,
    blank_items: int,
) -> None:
    m, plan = sheet.member, sheet.plan
    b.letterhead(_letterhead(profile, year, plan.signed_on if plan else None), W.PARTY_TITLE, W.STAR)
    b.title(K.PLAN_DOC, [K.PLAN_SUBJECT.format(year=year)], W.SUBJECT_RULE)
    b.rich([(K.FIELD_NAME, "b"), (m.full_name, ""), (K.FIELD_SEP, ""), (K.FIELD_BORN, "b"),
            (format_dmy(m.date_of_birth) or W.BLANK_SHORT, "")])  # fmt: skip
    b.rich([(K.FIELD_PARTY_POSITION, "b"), (m.party_position or W.BLANK_SHORT, ""), (K.FIELD_SEP, ""),
            (K.FIELD_JOB, "b"), (m.job_position or W.BLANK, "")])  # fmt: skip
    _field(b, K.FIELD_TOPIC, f"\u201c{topic}\u201d" if topic else "")
    if branch_year and (branch_year.breakthrough or branch_year.ethics):
        b.para(
            K.BRANCH_ITEMS.format(
                breakthrough=branch_year.breakthrough.rstrip(".") or W.BLANK,
                ethics=branch_year.ethics.rstrip(".") or W.BLANK,
            )
        )
    # One table holds the commitments and their self-review, so that a member's form fits one page.
    b.heading(K.H_COMMITMENTS, level=2)
    items = plan.commitments if plan else ()
    rows: list[list[str | Cell]] = []
    for i, c in enumerate(items, start=1):
        mid = mk.RESULT_SHORT[c.midyear] if c.midyear else ""
        end = mk.RESULT_SHORT[c.year_end] if c.year_end else ""
        rows.append([str(i), c.text, mid, end])
    for i in range(len(items) + 1, (blank_items if not items else len(items)) + 1):
        rows.append([str(i), "", "", ""])  # blank rows to write on
    rows.append([
        "", Cell(K.REVIEW_OVERALL, bold=True),
        mk.RESULT_SHORT[plan.midyear] if plan and plan.midyear else "",
        mk.RESULT_SHORT[plan.year_end] if plan and plan.year_end else "",
    ])  # fmt: skip
    b.table(K.REVIEW_WIDTHS_MM, K.REVIEW_HEADER, rows, align=("center", "", "center", "center"))
    notes = [n for n in (plan.midyear_note, plan.year_end_note) if n] if plan else []
    for note in notes:
        b.para(K.REVIEW_NOTE.format(note=note))
    b.heading(K.H_BREAKTHROUGH, level=2)
    if plan and plan.breakthrough:
        b.para(plan.breakthrough)
    else:
        b.fill_lines(1)
    b.heading(K.H_COMMENT, level=2)
    if plan and plan.committee_comment:
        b.para(plan.committee_comment)
    else:
        b.fill_lines(2)
    b.signatures(
        [
            SignBlock(K.SIGN_COMMITTEE, secretary_name),
            SignBlock(K.SIGN_MEMBER, m.full_name, K.SIGN_HINT),
        ]
    )


def render_learning_cover(
    profile: BranchProfile,
    year: int,
    member: Member,
    layout: LayoutProfile,
    *,
    topic: str = "",
    submitted_on: date | None = None,
) -> bytes:
    """The cover sheet of a learning report (bài thu hoạch): who, which topic, handed in when."""
    b = DocBuilder(layout, blank_inline=W.BLANK)
    b.set_properties(title=f"{K.COVER_DOC} {year} {member.full_name}", author=profile.branch_name, when=None)
    b.letterhead(_letterhead(profile, year, submitted_on), W.PARTY_TITLE, W.STAR)
    for _ in range(5):
        b.para("")
    b.title(K.COVER_DOC, [K.COVER_SUBJECT], W.SUBJECT_RULE)
    b.para(
        K.COVER_TOPIC.format(year=year, topic=topic) if topic else K.COVER_TOPIC_BLANK.format(year=year), STYLE_SUBJECT
    )
    for _ in range(4):
        b.para("")
    _field(b, K.FIELD_NAME, member.full_name)
    _field(b, K.FIELD_BORN, format_dmy(member.date_of_birth))
    _field(b, K.FIELD_PARTY_POSITION, member.party_position)
    _field(b, K.FIELD_JOB, member.job_position)
    _field(b, K.COVER_BRANCH, profile.branch_name)
    _field(b, K.COVER_SUBMITTED, format_dmy(submitted_on))
    for _ in range(6):
        b.para("")
    b.para(K.COVER_PLACE_YEAR.format(place=profile.place_name or K.PLACE_BLANK, year=year), STYLE_SUBJECT)
    return b.to_bytes()
