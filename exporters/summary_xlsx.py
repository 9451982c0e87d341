"""The branch's periodic summary workbook (DOMAIN §4.4): visible sheets for people, one hidden sheet for machines.

PeriodReport in, bytes out. No SQL, no Qt. The hidden sheet's layout is read back by exporters/summary_reader.py:
change both together and raise FORMAT_VERSION.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain import labels, periods, xlsx_text
from app.domain import messages_kl01 as mk
from app.domain.dates import format_dmy, format_place_date, quarter_label
from app.domain.findings import RuleId
from app.domain.meeting_record import AttendanceCode
from app.domain.periods import Period, PeriodKind
from app.domain.report import PeriodReport
from app.domain.vntext import fold
from exporters.roster_xlsx import RosterOptions, write_roster_sheet
from exporters.xlsx_style import Column, SheetLetterhead, StyledBook

FORMAT = "sochibo-branch-summary"
FORMAT_VERSION = 1
HIDDEN_SHEET = "_sochibo"
#: Meta keys of the hidden sheet, in order; all text.
META_KEYS = (
    "format", "format_version", "branch_code", "branch_name", "upper_body", "upper_body_2", "period_key",
    "period_kind", "period_start", "period_end", "period_label", "generated_at", "app_version",
)  # fmt: skip
#: Figures shown as percentages: the visible cell holds value / 100 with a percent format.
PERCENT_KEYS = frozenset({"attendance_pct"})


@dataclass(frozen=True, slots=True)
class SummaryMeta:
    app_version: str
    generated_at: datetime


def summary_digest(meta: Mapping[str, str], figures: Mapping[str, Any]) -> str:
    """SHA-256 over the hidden sheet's content in a canonical form (catches edits of the hidden sheet alone)."""
    canonical = json.dumps(
        {
            "meta": {k: str(meta.get(k, "")) for k in META_KEYS},
            "figures": {k: _canonical(figures[k]) for k in sorted(figures)},
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _canonical(value: Any) -> Any:
    # A cell keeps 86.0 as "86" and gives back the int 86: both must hash alike.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def period_line(period: Period) -> str:
    """ "Quý III năm 2026 (từ ngày 01/07/2026 đến ngày 30/09/2026)"; a custom range needs no label before it."""
    label = periods.label(period)
    if period.kind is PeriodKind.CUSTOM:
        return xlsx_text.XLSX_PERIOD_RANGE.format(start=format_dmy(period.start), end=format_dmy(period.end))
    return xlsx_text.XLSX_PERIOD_LINE.format(
        label=label[:1].upper() + label[1:], start=format_dmy(period.start), end=format_dmy(period.end)
    )


def render_summary(report: PeriodReport, meta: SummaryMeta, roster: RosterOptions | None = None) -> bytes:
    """The whole workbook as .xlsx bytes (write it with exporters.atomic.atomic_write_bytes)."""
    book = StyledBook()
    profile = report.profile
    date_line = format_place_date(profile.place_name, meta.generated_at.date())

    def letterhead(sheet: str) -> SheetLetterhead:
        return SheetLetterhead(
            upper_body=profile.upper_body,
            upper_body_2=profile.upper_body_2,
            branch_name=profile.branch_name,
            date_line=date_line,
            title=xlsx_text.XLSX_TITLE[sheet],
            period_line=period_line(report.period),
        )

    figures = report.key_figures()
    cells = _overview(book, letterhead("overview"), figures, _running_keys(report))
    _meetings(book, letterhead("meetings"), report)
    _topics(book, letterhead("topics"), report)
    _attendance(book, letterhead("attendance"), report)
    _hcm(book, letterhead("hcm"), report)
    day = min(report.period.end, report.generated_on)
    members = [(m, m.status_on(day)) for m in report.roll]
    write_roster_sheet(book, letterhead("roster"), members, roster or RosterOptions())
    _hidden(book, report, meta, figures, cells)
    return book.to_bytes()


# --------------------------------------------------------------------------- sheets
def _running_keys(report: PeriodReport) -> set[str]:
    """Per-month and per-quarter figure keys of periods not over on the report's day: a 0 there is not a gap."""
    day = report.generated_on
    keys = {f"meetings_{p.key}" for p in periods.months_in(report.period) if p.end >= day}
    keys |= {f"thematic_{q.key}" for q in periods.quarters_in(report.period) if q.end >= day}
    return keys


def _overview(book: StyledBook, lh: SheetLetterhead, figures: Mapping[str, Any], running: set[str]) -> dict[str, str]:
    """The key figures for people; returns key -> visible cell ("C9") for the tamper check."""
    c = xlsx_text.XLSX_COLUMN
    columns = [
        Column(c["stt"], 5, "center"),
        Column(c["indicator"], 44, "wrap"),
        Column(c["value"], 11, "int"),
        Column(c["unit"], 24, "wrap"),
    ]  # 84 units: one portrait A4 page wide at 100 %
    table = book.sheet(xlsx_text.XLSX_SHEET["overview"], lh, columns, data_rows=len(figures))
    refs: dict[str, str] = {}
    for number, (key, value) in enumerate(figures.items(), start=1):
        if key in PERCENT_KEYS:
            row = table.row([number, labels.figure_label(key), value / 100, ""], ["center", "text", "pct", "wrap"])
        else:
            row = table.row([number, labels.figure_label(key), value, xlsx_text.XLSX_RUNNING if key in running else ""])
        refs[key] = f"C{row}"
    return refs


def _meetings(book: StyledBook, lh: SheetLetterhead, report: PeriodReport) -> None:
    c = xlsx_text.XLSX_COLUMN
    layout = [
        ("stt", 5, "center"), ("month", 8, "center"), ("date", 11, "date"), ("kind", 15, "wrap"),
        ("minutes", 9, "int"), ("total", 8, "int"), ("exempt", 7, "int"), ("away", 8, "int"), ("base", 7, "int"),
        ("present", 7, "int"), ("pct", 8, "pct"), ("excused", 8, "int"), ("unexcused", 8, "int"),
        ("unexcused_names", 18, "wrap"), ("guests", 16, "wrap"), ("topic", 24, "wrap"), ("presenters", 15, "wrap"),
        ("opinions", 7, "int"), ("votes", 11, "wrap"), ("minutes_status", 12, "wrap"),
    ]  # fmt: skip
    # Two landscape pages across at 100 %: the figures, then the names and contents (STT, month, date repeated).
    table = book.sheet(
        xlsx_text.XLSX_SHEET["meetings"],
        lh,
        [Column(c[key], width, kind) for key, width, kind in layout],
        landscape=True,
        freeze_col=3,
        repeat_cols=3,
        data_rows=len(report.meetings) + 1,
    )
    for number, fig in enumerate(report.meetings, start=1):
        m, s = fig.meeting, fig.summary
        topic = fig.assignment.title if fig.assignment else (m.title if m.kind.counts_as_thematic else "")
        table.row(
            [
                number,
                f"{m.on.month}/{m.on.year}",
                m.on,
                labels.MEETING_KIND.get(m.kind.value, m.kind.value),
                m.duration_minutes,
                s.total,
                s.exempt,
                s.away,
                s.base,
                s.present,
                s.pct / 100 if s.base else None,
                len(s.absent_excused),
                len(s.absent_unexcused),
                ", ".join(s.absent_unexcused),
                "; ".join(", ".join(p for p in (g.name, g.title, g.unit) if p) for g in m.guests),
                topic,
                ", ".join(m.presenter_names),
                len(m.opinions),
                "; ".join(f"{v.votes_for}/{v.base}" for v in m.votes),
                labels.MEETING_STATUS.get(m.status.value, m.status.value),
            ]
        )
    base = report.key_figures()
    present, total = base["attendance_present"], base["attendance_base"]
    totals: list[Any] = [None] * len(layout)
    totals[1] = xlsx_text.XLSX_TOTAL
    totals[8], totals[9] = total, present
    totals[10] = present / total if total else None
    totals[11], totals[12] = report.excused_absences, report.unexcused_absences
    kinds = ["bold"] * len(layout)
    kinds[8] = kinds[9] = kinds[11] = kinds[12] = "bold_int"
    kinds[10] = "bold_pct"
    table.row(totals, kinds)


def _topics(book: StyledBook, lh: SheetLetterhead, report: PeriodReport) -> None:
    c = xlsx_text.XLSX_COLUMN
    layout = [
        ("stt", 5, "center"), ("year", 7, "center"), ("quarter", 8, "center"), ("title", 40, "wrap"),
        ("basis", 24, "wrap"), ("assignees", 24, "wrap"), ("assigned_on", 11, "date"), ("approved_on", 13, "date"),
        ("meeting_date", 11, "date"), ("present", 8, "int"), ("pct", 8, "pct"), ("result", 14, "wrap"),
        ("status", 14, "wrap"),
    ]  # fmt: skip
    table = book.sheet(
        xlsx_text.XLSX_SHEET["topics"],
        lh,
        [Column(c[key], width, kind) for key, width, kind in layout],
        landscape=True,
        freeze_col=3,
        repeat_cols=3,
        data_rows=len(report.assignments),
    )
    by_meeting = {f.meeting.id: f for f in report.meetings if f.meeting.id is not None}
    late = {a.id for a in report.not_presented}
    ordered = sorted(report.assignments, key=lambda a: (a.year, a.quarter, a.id or 0))
    for number, a in enumerate(ordered, start=1):
        fig = by_meeting.get(a.meeting_id) if a.meeting_id is not None else None
        if fig is None:
            fig = next((f for f in report.meetings if f.assignment is not None and f.assignment.id == a.id), None)
        assignees = sorted(a.assignees, key=lambda p: not p.lead)
        done = a.meeting_id is not None or a.status.reached_meeting
        result = "done" if done else ("late" if a.id in late else "pending")
        table.row(
            [
                number,
                a.year,
                quarter_label(a.quarter).replace("quý", "Quý"),
                a.title,
                a.basis_doc,
                ", ".join(p.name for p in assignees),
                a.assigned_on,
                a.approved_on,
                fig.meeting.on if fig else None,
                fig.summary.present if fig else None,
                fig.summary.pct / 100 if fig and fig.summary.base else None,
                xlsx_text.XLSX_RESULT[result],
                labels.TOPIC_STATUS.get(a.status.value, a.status.value),
            ]
        )


def _attendance(book: StyledBook, lh: SheetLetterhead, report: PeriodReport) -> None:
    c = xlsx_text.XLSX_COLUMN
    months = list(report.months)
    columns = [
        Column(c["stt"], 6, "num"),
        Column(c["name"], 26),
        Column(c["born"], 11, "date"),
        Column(c["status"], 14),
        *(Column(f"T{int(m[5:7])}/{m[:4]}", 8) for m in months),
        Column(c["months_unexcused"], 10, "num"),
        Column(c["months_excused"], 10, "num"),
        Column(c["flag"], 22, "wrap"),
    ]
    table = book.sheet(
        xlsx_text.XLSX_SHEET["attendance"],
        lh,
        columns,
        landscape=True,
        freeze_col=2,
        repeat_cols=2,
        data_rows=len(report.attendance),
    )
    severity: dict[int, str] = {}
    for f in report.findings:
        if f.rule == RuleId.UNEXCUSED_ABSENCES and f.member_id is not None and severity.get(f.member_id) != "alert":
            severity[f.member_id] = f.severity.value
    letter = {code: labels.ATTENDANCE_LETTER[code] for code in AttendanceCode}
    for number, line in enumerate(report.attendance, start=1):
        m = line.member
        flag = severity.get(m.id) if m.id is not None else None
        table.row(
            [
                number,
                m.full_name,
                m.date_of_birth,
                labels.MEMBER_STATUS.get(line.status.value, line.status.value),
                *(letter[line.codes[k]] if k in line.codes else None for k in months),
                line.unexcused_months,
                line.excused_months,
                xlsx_text.XLSX_ATTENDANCE_FLAG.get(flag, "") if flag else "",
            ]
        )
    table.note(xlsx_text.XLSX_ATTENDANCE_LEGEND)


def hcm_indicators(report: PeriodReport) -> dict[str, Any]:
    """The "học tập và làm theo" figures the data holds; None for what Sổ Chi bộ does not track."""
    roll_ids = {m.id for m in report.roll}
    studied = {
        row.member_id
        for f in report.thematic_meetings
        for row in f.meeting.attendance
        if row.code.is_present and row.member_id in roll_ids
    }
    members = len(report.roll)
    hcm_words = ("hoc tap va lam theo", "ho chi minh", "01-kl/tw", "05-ct/tw")
    hcm_topics = sum(
        1 for a in report.assignments if any(w in fold(f"{a.title} {a.group} {a.basis_doc}") for w in hcm_words)
    )
    return {
        "members_total": members,
        "thematic_meetings": len(report.thematic_meetings),
        "studied": len(studied),
        "studied_pct": len(studied) / members if members else None,
        "hcm_topics": hcm_topics,
        "topics_presented": report.topics_presented,
        "presenters": len({p.member_id for a in report.assignments for p in a.assignees}),
        **_kl01_indicators(report),
    }


def _kl01_indicators(report: PeriodReport) -> dict[str, Any]:
    """Rows 8-13 of the sheet from the KL 01 records (None only for a report built without them)."""
    k = report.kl01
    if k is None:
        keys = ("learning_reports", "personal_plans", "models", "exemplars", "awards", "reminded")
        return dict.fromkeys(keys)
    return {
        "learning_reports": k.learning_reports,
        "learning_reports_pct": k.learning_reports / k.expected if k.expected else None,
        "personal_plans": k.plans_signed,
        "personal_plans_pct": k.plans_signed / k.expected if k.expected else None,
        "models": len(k.models),
        "exemplars": len(k.exemplars),
        "awards": len(k.awards),
        "reminded": k.not_kept,
    }


def hcm_notes(report: PeriodReport) -> dict[str, str]:
    """What the last column says beside a figure: the lists of models, exemplars and awards, the base of a rate."""
    k = report.kl01
    if k is None:
        return {}
    branch = mk.BRANCH_AWARD
    return {
        "learning_reports_pct": mk.XLSX_OF_EXPECTED.format(count=k.expected),
        "personal_plans_pct": mk.XLSX_OF_EXPECTED.format(count=k.expected),
        "personal_plans": mk.XLSX_NOT_COUNTED.format(exempt=k.exempt, away=k.away) if k.exempt or k.away else "",
        "models": "; ".join(f"{r.title} ({r.member_name or branch})" for r in k.models),
        "exemplars": "; ".join(f"{r.member_name or branch}: {r.title}" for r in k.exemplars),
        "awards": "; ".join(
            f"{a.form} {a.level} – {a.member_name or branch}" + (f" ({a.decision})" if a.decision else "")
            for a in k.awards
        ),
    }


def _hcm(book: StyledBook, lh: SheetLetterhead, report: PeriodReport) -> None:
    c = xlsx_text.XLSX_COLUMN
    columns = [
        Column(c["stt"], 5, "center"),
        Column(c["indicator"], 44, "wrap"),
        Column(c["value"], 11, "int"),
        Column(c["unit"], 25, "wrap"),
    ]  # one portrait page wide
    values = hcm_indicators(report)
    notes = hcm_notes(report)
    table = book.sheet(xlsx_text.XLSX_SHEET["hcm"], lh, columns, data_rows=len(values))
    for number, (key, value) in enumerate(values.items(), start=1):
        kind = "pct" if key.endswith("_pct") else "int"
        table.row(
            [number, xlsx_text.XLSX_HCM[key], value, xlsx_text.XLSX_NO_DATA if value is None else notes.get(key, "")],
            ["center", "wrap", kind, "wrap"],
        )


def _hidden(
    book: StyledBook, report: PeriodReport, meta: SummaryMeta, figures: Mapping[str, Any], cells: Mapping[str, str]
) -> None:
    """Machine-readable rows: kind | key | value | sheet | cell | scale. Text values only for meta; numbers stay numbers."""
    period = report.period
    info = {
        "format": FORMAT,
        "format_version": str(FORMAT_VERSION),
        "branch_code": report.profile.branch_code,
        "branch_name": report.profile.branch_name,
        "upper_body": report.profile.upper_body,
        "upper_body_2": report.profile.upper_body_2,
        "period_key": period.key,
        "period_kind": period.kind.value,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
        "period_label": periods.label(period),
        "generated_at": meta.generated_at.replace(microsecond=0).isoformat(),
        "app_version": meta.app_version,
    }
    ws = book.hidden_sheet(HIDDEN_SHEET)
    ws.append(["Sổ Chi bộ", xlsx_text.XLSX_HIDDEN_NOTE])
    for key in META_KEYS:
        ws.append(["meta", key, info[key]])
    overview = xlsx_text.XLSX_SHEET["overview"]
    for key, value in figures.items():
        ws.append(["figure", key, value, overview, cells[key], 100 if key in PERCENT_KEYS else 1])
    ws.append(["digest", "sha256", summary_digest(info, figures)])
