"""Turns the rule checks' findings into the report's own prose: plain sentences in the branch's voice, grouped by
subject, never the program's labels ("[Cảnh báo] …"). Pure text from a PeriodReport; no python-docx, no I/O.

The checks decide (one home per rule); this module only says what they found, the way a secretary writes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from app.domain import periods, vntext
from app.domain.dates import format_dmy
from app.domain.findings import Finding, RuleId, Severity
from app.domain.report import PeriodReport
from exporters import wording as W


def missing_months(report: PeriodReport) -> list[str]:
    """Month keys ("2026-02") the checks judged without a regular meeting, within the period, in order.

    The checks never judge a month that has not ended, nor one before the branch's records begin."""
    return sorted(
        f.period for f in report.findings if f.rule == RuleId.MONTHLY_MEETING_MISSING and _in_period(f.period, report)
    )


def missing_quarters(report: PeriodReport) -> list[str]:
    """Quarter keys ("2026-Q1") the checks judged without a thematic meeting, within the period, in order."""
    return sorted(
        f.period for f in report.findings if f.rule == RuleId.THEMATIC_MEETING_MISSING and _in_period(f.period, report)
    )


def limitation_paragraphs(report: PeriodReport) -> list[tuple[str, str]]:
    """(subject, sentences) for section III, subjects in a fixed order; empty when nothing was found."""
    groups: dict[str, list[str]] = {key: [] for key in W.REP_SUBJECTS}
    findings = [f for f in report.findings if f.severity.rank > 0 and f.rule not in W.REMINDER_RULES]
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)

    months = missing_months(report)
    if months:
        groups["meetings"].append(W.REP_LIM_MONTHS.format(months=_join([_month_text(k) for k in months])))
    quarters = missing_quarters(report)
    if quarters:
        groups["meetings"].append(W.REP_LIM_QUARTERS.format(quarters=_join([_quarter_text(k) for k in quarters])))
    short = [f for f in by_rule.get(RuleId.MEETING_TOO_SHORT, []) if f.facts]
    if short:
        items = [
            W.REP_LIM_SHORT_ITEM.format(day=format_dmy(f.facts["day"]), minutes=f.facts["minutes"],
                                        minimum=f.facts["minimum"])
            for f in sorted(short, key=lambda f: f.facts["day"])
        ]  # fmt: skip
        groups["meetings"].append(W.REP_LIM_SHORT.format(count=len(short), items="; ".join(items)))

    unassigned = [f.period for f in by_rule.get(RuleId.TOPIC_UNASSIGNED, []) if _in_period(f.period, report)]
    if unassigned:
        groups["topics"].append(W.REP_LIM_UNASSIGNED.format(quarters=_join([_quarter_text(k) for k in unassigned])))
    for a in report.not_presented:
        quarter = periods.label(periods.quarter(a.year, a.quarter))
        groups["topics"].append(W.REP_LIM_NOT_PRESENTED.format(title=a.title, quarter=quarter))

    low = _low_attendance(report, by_rule.get(RuleId.LOW_ATTENDANCE, []))
    if low:
        groups["attendance"].append(low)

    for f in by_rule.get(RuleId.UNEXCUSED_ABSENCES, []):
        groups["members"].append(_unexcused(f))
    for f in by_rule.get(RuleId.PROBATION_ENDING, []):
        if f.severity is Severity.WARNING and f.facts:
            groups["members"].append(W.REP_LIM_PROBATION.format(name=f.facts["name"], end=format_dmy(f.facts["end"])))

    known = {RuleId.MONTHLY_MEETING_MISSING, RuleId.THEMATIC_MEETING_MISSING, RuleId.MEETING_TOO_SHORT, RuleId.TOPIC_UNASSIGNED,
             RuleId.TOPIC_NOT_PRESENTED, RuleId.LOW_ATTENDANCE, RuleId.UNEXCUSED_ABSENCES, RuleId.PROBATION_ENDING}  # fmt: skip
    for f in findings:
        if f.rule not in known or (f.rule in (RuleId.MEETING_TOO_SHORT, RuleId.UNEXCUSED_ABSENCES) and not f.facts):
            groups["other"].append(f.message)
    return [(W.REP_SUBJECTS[key], " ".join(sentences)) for key, sentences in groups.items() if sentences]


# --------------------------------------------------------------------------- sentences
def _low_attendance(report: PeriodReport, findings: Iterable[Finding]) -> str:
    figures = {f.meeting.id: f for f in report.meetings if f.meeting.id is not None}
    items: list[tuple[date, str]] = []
    alerts: list[str] = []
    threshold = 50.0  # the rule set's alert threshold, carried by the findings (app.domain.checks.low_attendance)
    for f in findings:
        fig = figures.get(f.meeting_id)
        if fig is None:
            continue
        s = fig.summary
        day = format_dmy(fig.meeting.on)
        items.append(
            (
                fig.meeting.on,
                W.REP_LIM_LOW_ITEM.format(day=day, present=s.present, base=s.base, pct=vntext.percent(s.pct)),
            )
        )
        if f.severity is Severity.ALERT:
            alerts.append(day)
            threshold = float(f.facts.get("threshold", threshold))
    if not items:
        return ""
    text = W.REP_LIM_LOW.format(count=len(items), items="; ".join(t for _, t in sorted(items)))
    if alerts:
        text += " " + W.REP_LIM_LOW_HALF.format(
            days=_join(sorted(alerts, key=_dmy_key)), threshold=vntext.percent(threshold, 0)
        )
    return text


def _unexcused(f: Finding) -> str:
    months = [str(m) for m in f.facts["months"]]
    sentence = W.REP_LIM_UNEXCUSED.format(
        name=f.facts["name"], count=len(months), year=f.facts["year"], months=_join(months)
    )
    if f.severity is Severity.ALERT:  # the rule in force in the year judged: Art. 8 and QĐ 24 or QĐ 294
        sentence += " " + W.REP_LIM_UNEXCUSED_ART8.format(basis=f.facts.get("basis") or "Điều 8 Điều lệ Đảng")
    return sentence


def _month_text(key: str) -> str:
    return W.REP_LIM_MONTH.format(month=int(key[5:7]), year=key[:4])


def _quarter_text(key: str) -> str:
    return periods.label(periods.parse_key(key))


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def _dmy_key(text: str) -> tuple[str, str, str]:
    d, m, y = text.split("/")
    return y, m, d


def _in_period(key: str, report: PeriodReport) -> bool:
    try:
        other = periods.parse_key(key)
    except ValueError:
        return False
    return other.start <= report.period.end and other.end >= report.period.start
