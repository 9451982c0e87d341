"""KL 01 rule checks and the rule file: pure functions on hand-built members and plans, a fixed day."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import checks_kl01 as c
from app.domain.findings import Severity
from app.domain.kl01 import (
    Award,
    BranchYear,
    Commitment,
    LearningReport,
    PersonalPlan,
    PlanState,
    Recognition,
    RecognitionKind,
    ReviewResult,
    YearRecord,
    figures,
    grid,
    kl01_key_figures,
)
from app.domain.kl01_rules import Kl01Rules, entries, parse_month_day, rules_for
from app.domain.membership import Member, StatusEvent, StatusEventKind
from app.services.kl01 import builtin_kl01_entries

RULES = Kl01Rules()


def member(i: int, *events: StatusEvent, since: date | None = None) -> Member:
    return Member(f"Đảng viên {i}", date(1970, 1, 1), date(1995, 1, 1), official_on=date(1996, 1, 1),
                  branch_since=since, events=events, id=i)  # fmt: skip


def signed(i: int, year: int = 2026, **kw) -> PersonalPlan:  # type: ignore[no-untyped-def]
    return PersonalPlan(i, year, (Commitment("Đi họp đúng giờ"),), signed_on=date(year, 2, 10), **kw)


def test_plan_missing_only_after_the_deadline_and_only_for_active_members() -> None:
    roll = [
        member(1),
        member(2),
        member(3, StatusEvent(StatusEventKind.EXEMPTED, date(2025, 6, 1))),
        member(4, StatusEvent(StatusEventKind.TEMPORARY_AWAY, date(2026, 1, 10))),
        member(5),
    ]
    record = YearRecord(2026, plans={1: signed(1), 5: PersonalPlan(5, 2026, (Commitment("x"),))})  # 5: not signed
    assert c.plan_missing(roll, record, RULES, date(2026, 3, 31)) == []  # the deadline day itself is not late
    found = c.plan_missing(roll, record, RULES, date(2026, 4, 1))
    assert [f.member_id for f in found] == [2, 5]
    assert all(f.severity is Severity.WARNING and f.period == "2026" and "31/03/2026" in f.message for f in found)
    states = {r.member.id: r.state for r in grid(roll, record, date(2026, 4, 1))}
    assert states == {1: PlanState.SIGNED, 2: PlanState.MISSING, 3: PlanState.EXEMPT, 4: PlanState.AWAY,
                      5: PlanState.DRAFT}  # fmt: skip


def test_a_member_who_arrives_after_the_deadline_gets_the_grace_days() -> None:
    late = member(7, since=date(2026, 6, 1))
    record = YearRecord(2026)
    assert c.plan_missing([late], record, RULES, date(2026, 6, 30)) == []
    found = c.plan_missing([late], record, RULES, date(2026, 7, 2))
    assert len(found) == 1 and "01/07/2026" in found[0].message


def test_review_missing_after_the_review_deadline_for_signed_plans_only() -> None:
    roll = [member(1), member(2), member(3)]
    record = YearRecord(2026, plans={1: signed(1, year_end=ReviewResult.DONE), 2: signed(2)})
    assert c.review_missing(roll, record, RULES, date(2026, 12, 15)) == []
    found = c.review_missing(roll, record, RULES, date(2026, 12, 16))
    assert [f.member_id for f in found] == [2]  # 3 has no plan at all: that is plan_missing's finding


def test_commitment_not_kept_is_info_from_the_latest_review() -> None:
    roll = [member(1), member(2), member(3)]
    record = YearRecord(
        2026,
        plans={
            1: signed(1, midyear=ReviewResult.NOT_DONE, year_end=ReviewResult.DONE),  # put right by year end
            2: signed(2, midyear=ReviewResult.NOT_DONE),
            3: signed(3, midyear=ReviewResult.DONE, year_end=ReviewResult.NOT_DONE),
        },
    )
    found = c.commitment_not_kept(roll, record, RULES, date(2026, 12, 20))
    assert [(f.member_id, f.severity) for f in found] == [(2, Severity.INFO), (3, Severity.INFO)]
    assert "sơ kết 6 tháng" in found[0].message and "cuối năm" in found[1].message


def test_figures_count_the_period_and_leave_exempt_and_away_out() -> None:
    roll = (member(1), member(2), member(3, StatusEvent(StatusEventKind.EXEMPTED, date(2025, 1, 1))))
    record = YearRecord(
        2026,
        plans={1: signed(1, year_end=ReviewResult.NOT_DONE), 2: PersonalPlan(2, 2026, signed_on=date(2026, 8, 1))},
        reports={1: LearningReport(1, 2026, date(2026, 4, 2))},
        branch=BranchYear(2026, "Chuyển đổi số", "Trung thực"),
        recognitions=(Recognition(2026, RecognitionKind.MODEL, "Tủ sách"),
                      Recognition(2026, RecognitionKind.EXEMPLAR, "Gương mẫu", 1)),
        awards=(Award(2026, "Giấy khen", "Đảng ủy", date(2026, 5, 19), member_id=1),
                Award(2026, "Bằng khen", "Tỉnh ủy", date(2026, 9, 2))),
    )  # fmt: skip
    half = figures(record, roll, date(2026, 6, 30), date(2026, 1, 1), date(2026, 6, 30))
    assert (half.expected, half.plans_signed, half.learning_reports, half.exempt) == (2, 1, 1, 1)
    assert half.plans_pct == pytest.approx(50.0)
    assert [a.form for a in half.awards] == ["Giấy khen"]  # the September award is not in the first half
    year = figures(record, roll, date(2026, 12, 31), date(2026, 1, 1), date(2026, 12, 31))
    keys = kl01_key_figures(year)
    assert keys == {"kl01_expected": 2, "kl01_plans_signed": 2, "kl01_learning_reports": 1,
                    "kl01_year_end_reviewed": 1, "kl01_not_kept": 1, "kl01_models": 1, "kl01_exemplars": 1,
                    "kl01_awards_collective": 1, "kl01_awards_individual": 1}  # fmt: skip


def test_the_rule_file_has_basis_dates_and_verification_for_every_entry() -> None:
    items = builtin_kl01_entries()
    assert {e.key for e in items} >= {"plan_deadline", "review_deadline"}
    for e in items:
        assert e.basis and e.valid_from is not None and isinstance(e.verified, bool)
        assert e.verified or e.note, f"{e.key}: an unverified value must say why"
    rules = rules_for(items, 2026)
    assert (rules.plan_due(2026), rules.review_due(2026)) == (date(2026, 3, 31), date(2026, 12, 15))
    assert rules_for(items, 2026, {"plan_deadline": "04-15"}).plan_due(2026) == date(2026, 4, 15)


def test_an_entry_out_of_force_is_not_used_and_a_newer_one_wins() -> None:
    items = entries(
        {
            "rules": [
                {"key": "plan_deadline", "value": "03-31", "basis": "cũ", "valid_from": "2021-01-01",
                 "valid_until": "2025-12-31", "verified": False, "note": "x"},
                {"key": "plan_deadline", "value": "02-28", "basis": "mới", "valid_from": "2026-01-01",
                 "valid_until": None, "verified": True},
            ]
        }
    )  # fmt: skip
    assert rules_for(items, 2025).plan_deadline == (3, 31)
    assert rules_for(items, 2026).plan_deadline == (2, 28)
    with pytest.raises(ValueError):
        entries({"rules": [{"value": 1}]})


@pytest.mark.parametrize("text", ["02-29", "02-31", "13-01", "x", "3"])
def test_a_deadline_must_exist_every_year(text: str) -> None:
    with pytest.raises(ValueError):
        parse_month_day(text)
