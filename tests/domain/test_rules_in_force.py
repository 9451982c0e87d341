"""Rules in force by date: each citation and each rule's legal basis carries its date range, and the checks, the
sentences and the documents take the one in force on the day judged (QĐ 24 until 30/6/2025, QĐ 294 from 1/7/2025)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

from app.bootstrap import Services
from app.domain import checks, periods
from app.domain.meeting_record import MeetingKind, MeetingStatus
from app.domain.ruleset import RuleSet
from app.services.branch import RULES_SETTING, builtin_rules
from tests.exporters.docx_read import open_docx, texts

DEFAULT = Path(__file__).resolve().parents[2] / "resources" / "rules" / "default.json"


def test_the_citation_in_force_changes_on_1_july_2025() -> None:
    rules = builtin_rules()
    before, after = rules.on(date(2025, 6, 30)), rules.on(date(2025, 7, 1))
    assert "24-QĐ/TW ngày 30/7/2021" in before.regulations["implementing"]
    assert "01-HD/TW" in before.regulations["implementing_guide"]
    assert "294-QĐ/TW ngày 26/5/2025" in after.regulations["implementing"]
    assert "06-HD/TW ngày 09/6/2025" in after.regulations["implementing_guide"]
    assert "12-HD/BTCTW" in rules.on(date(2025, 10, 27)).regulations["meeting_guide"]
    assert "42-HD/BTCTW" in rules.on(date(2025, 10, 28)).regulations["meeting_guide"]
    # the undated values are today's, so every caller that reads rules.regulations keeps working
    assert rules.regulations["implementing"] == rules.on(date(2026, 12, 1)).regulations["implementing"]
    assert after.min_duration == rules.min_duration and after.unexcused_alert == rules.unexcused_alert


def test_every_entry_has_a_basis_a_date_range_and_says_what_is_open() -> None:
    data = json.loads(DEFAULT.read_text(encoding="utf-8"))
    rules = RuleSet.from_dict(data)
    assert RuleSet.from_dict(rules.to_dict()) == rules  # the branch's saved copy round-trips
    for entries in (rules.citations, rules.bases):
        for e in entries:
            assert e.text.strip() and (e.start is None or e.end is None or e.start <= e.end), e
            assert e.verified or e.note.strip(), f"{e.key}: an unverified entry says what is open"
        keys = {e.key for e in entries}
        for key in keys:  # never two entries of one key in force on the same day
            dated = sorted((e for e in entries if e.key == key), key=lambda e: e.start or date.min)
            for a, b in pairwise(dated):
                assert a.end is not None and b.start is not None and a.end < b.start, key
    assert rules.open_points and any("294" in p for p in rules.open_points)
    day = date(2021, 8, 1)
    while day < date(2027, 1, 1):  # every check cites something on every day since QĐ 24
        for check in checks.CHECKS:
            assert rules.cite(check.__name__, day), (check.__name__, day)
        day += timedelta(days=30)


def test_an_old_rule_set_without_dates_still_loads_and_answers_the_same() -> None:
    data = json.loads(DEFAULT.read_text(encoding="utf-8"))
    for key in ("citations", "bases", "open"):
        data.pop(key)
    rules = RuleSet.from_dict(data)
    assert rules.on(date(2024, 1, 1)) is rules and rules.cite("low_attendance", date(2024, 1, 1)) == ""


def test_a_saved_rule_set_with_the_removed_probationary_vote_flag_still_loads(demo: Services) -> None:
    """Probationary members never vote (Charter Art. 5, DOMAIN.md Votes): the old flag is read past and not written."""
    old = builtin_rules().to_dict()
    old["probationary_vote_on_member_matters"] = True
    old["unexcused_absence_months"] = {"warning": 1, "alert": 3}
    demo.branch.set_setting(RULES_SETTING, json.dumps(old, ensure_ascii=False))
    stored = demo.branch.stored_rules()
    assert stored.unexcused_warning == 1
    assert "probationary_vote_on_member_matters" not in stored.to_dict()


def test_a_saved_branch_rule_set_from_before_gets_the_dated_citations(demo: Services) -> None:
    old = builtin_rules().to_dict()
    for key in ("citations", "bases", "open"):
        old.pop(key)
    old["regulations"]["implementing"] = "Quy định số 24-QĐ/TW ngày 30/7/2021"
    old["unexcused_absence_months"] = {"warning": 1, "alert": 3}
    demo.branch.set_setting(RULES_SETTING, json.dumps(old, ensure_ascii=False))
    stored = demo.branch.stored_rules()
    assert stored.unexcused_warning == 1  # the branch's own threshold is kept
    assert "294-QĐ/TW" in stored.on(date(2026, 3, 1)).regulations["implementing"]
    assert "24-QĐ/TW" in stored.on(date(2024, 3, 1)).regulations["implementing"]


def test_findings_cite_the_rule_of_the_period_they_judge(demo: Services) -> None:
    # the demo leaves August 2025 and February 2026 without a regular meeting
    aug = next(f for f in demo.checks.run(2025) if f.rule == "monthly_meeting_missing" and f.period == "2025-08")
    feb = next(f for f in demo.checks.run(2026) if f.rule == "monthly_meeting_missing" and f.period == "2026-02")
    assert "12-HD/BTCTW" in aug.facts["basis"] and "42-HD/BTCTW" in feb.facts["basis"]
    art8 = next(f for f in demo.checks.run(2026) if f.rule == "unexcused_absences" and f.severity.value == "alert")
    assert "Điều 8 Điều lệ Đảng" in art8.facts["basis"] and "294-QĐ/TW" in art8.facts["basis"]


def test_documents_cite_the_regulation_in_force_on_their_date(demo: Services, tmp_path: Path) -> None:
    adopted = [m for m in demo.meetings.list() if m.kind is MeetingKind.REGULAR and m.status is MeetingStatus.ADOPTED]
    early = next(m for m in adopted if m.on < date(2025, 7, 1))
    late = next(m for m in adopted if m.on >= date(2026, 1, 1))
    assert early.id is not None and late.id is not None
    lines_early = texts(open_docx(demo.documents.resolution(early.id, tmp_path / "a.docx").path))
    lines_late = texts(open_docx(demo.documents.resolution(late.id, tmp_path / "b.docx").path))
    assert any(x.startswith("Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021") for x in lines_early)
    assert any(x.startswith("Căn cứ Hướng dẫn số 12-HD/BTCTW") for x in lines_early)
    assert not any("294-QĐ/TW" in x for x in lines_early)
    assert any(x.startswith("Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025") for x in lines_late)
    assert any(x.startswith("Căn cứ Hướng dẫn số 42-HD/BTCTW") for x in lines_late)
    report = texts(open_docx(demo.documents.report(periods.year(2026), tmp_path / "bc.docx").path))
    art8 = next(x for x in report if "vắng sinh hoạt không có lý do 3 tháng" in x)
    assert "Điều 8 Điều lệ Đảng; Quy định số 294-QĐ/TW" in art8
    assert any("theo Hướng dẫn số 42-HD/BTCTW" in x for x in report)
    old = texts(open_docx(demo.documents.report(periods.quarter(2025, 1), tmp_path / "bc25.docx").path))
    assert any("theo Hướng dẫn số 12-HD/BTCTW" in x for x in old)
