"""The dues kernel: rates in force by month, exemptions, reductions, receipts split over months, the Art. 8 count."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import checks, checks_dues
from app.domain.dues import (
    Channel,
    DuesBasis,
    DuesKind,
    DuesLedger,
    DuesPayment,
    DuesRelief,
    Month,
    ReliefKind,
    format_money,
    parse_money,
    parse_month_range,
)
from app.domain.dues_ledger import allocate, due_for, month_rows, totals_of, unpaid_months, year_book
from app.domain.errors import ValidationError
from app.domain.membership import Member
from app.domain.ruleset import RuleSet
from app.services.dues import builtin_dues_rules

RULES = builtin_dues_rules()
TODAY = date(2026, 11, 22)


def member(mid: int, joined: date = date(2000, 4, 3), born: date = date(1975, 2, 5), gender: str = "Nữ") -> Member:
    return Member(full_name=f"Đảng viên {mid}", date_of_birth=born, joined_on=joined, gender=gender, id=mid)


def pay(mid: int, month: Month, amount: int, on: date) -> DuesPayment:
    return DuesPayment(mid, month, amount, on, Channel.CASH, receipt_id=mid * 100 + month.month)


def test_rates_follow_the_months_in_force() -> None:
    m = member(1)
    salary = DuesLedger(bases=(DuesBasis(1, Month(2026, 2), DuesKind.SALARY, base=8_500_000),))
    assert due_for(m, Month(2026, 3), salary, RULES).amount == 85_000  # 1 % (QĐ 01-QĐ/TW 2026)
    pension = DuesLedger(bases=(DuesBasis(1, Month(2026, 2), DuesKind.PENSION, base=6_000_000),))
    assert due_for(m, Month(2026, 3), pension, RULES).amount == 30_000  # 0.5 %
    student = DuesLedger(bases=(DuesBasis(1, Month(2025, 1), DuesKind.STUDENT),))
    assert due_for(m, Month(2026, 3), student, RULES).amount == 5_000
    assert due_for(m, Month(2025, 12), student, RULES).amount == 3_000  # the QĐ 342 period (unverified)
    other = DuesLedger(bases=(DuesBasis(1, Month(2026, 2), DuesKind.OTHER, base=4_140_000),))
    assert due_for(m, Month(2026, 3), other, RULES).amount == 12_420  # 0.3 % of the regional minimum wage
    assert due_for(m, Month(2028, 1), other, RULES).amount == 20_700  # 0.5 % from 2028
    elder = member(1, born=date(1960, 1, 1))  # 66: past the retirement age
    assert due_for(elder, Month(2026, 3), other, RULES).amount == 8_280  # 0.2 %
    fixed = DuesLedger(bases=(DuesBasis(1, Month(2026, 2), DuesKind.SALARY, fixed=20_000),))
    assert due_for(m, Month(2026, 3), fixed, RULES).amount == 20_000
    assert due_for(m, Month(2026, 1), salary, RULES).amount is None  # before the first basis


def test_a_new_basis_applies_from_its_month() -> None:
    ledger = DuesLedger(
        bases=(
            DuesBasis(1, Month(2026, 2), DuesKind.SALARY, base=8_000_000),
            DuesBasis(1, Month(2026, 7), DuesKind.SALARY, base=9_150_000),
        )
    )
    assert [due_for(member(1), Month(2026, n), ledger, RULES).amount for n in (6, 7, 8)] == [80_000, 91_500, 91_500]


def test_fifty_years_of_party_age_exempt_automatically_and_reliefs_apply_in_their_months() -> None:
    basis = (DuesBasis(1, Month(2026, 2), DuesKind.PENSION, base=6_000_000),)
    veteran = member(1, joined=date(1976, 6, 15))
    assert due_for(veteran, Month(2026, 5), DuesLedger(bases=basis), RULES).amount == 30_000  # 49 years
    assert due_for(veteran, Month(2026, 6), DuesLedger(bases=basis), RULES).exempt  # 50 years that month
    reliefs = (
        DuesRelief(1, Month(2026, 3), ReliefKind.REDUCE, "Hộ cận nghèo", Month(2026, 4), 50),
        DuesRelief(1, Month(2026, 5), ReliefKind.EXEMPT, "Bệnh hiểm nghèo", Month(2026, 5)),
    )
    ledger = DuesLedger(bases=basis, reliefs=reliefs)
    m = member(1)
    assert [due_for(m, Month(2026, n), ledger, RULES).amount for n in (2, 3, 4, 5, 6)] == [
        30_000,
        15_000,
        15_000,
        0,
        30_000,
    ]


def test_statuses_late_advance_partial_and_totals() -> None:
    bases = tuple(DuesBasis(i, Month(2026, 2), DuesKind.SALARY, base=10_000_000) for i in (1, 2, 3, 4))
    october = Month(2026, 10)
    payments = (
        pay(1, october, 100_000, date(2026, 10, 8)),
        pay(2, october, 100_000, date(2026, 7, 5)),  # in advance
        pay(3, october, 40_000, date(2026, 10, 8)),  # partial
        pay(4, Month(2026, 9), 100_000, date(2026, 10, 8)),  # September, late
    )
    ledger = DuesLedger(bases=bases, payments=payments)
    members = [member(i) for i in (1, 2, 3, 4)]
    rows = month_rows(members, ledger, RULES, october)
    assert [(r.status, r.advance) for r in rows] == [
        ("paid", False),
        ("paid", True),
        ("partial", False),
        ("unpaid", False),
    ]
    september = month_rows(members, ledger, RULES, Month(2026, 9))
    assert september[3].status == "late" and september[3].late
    totals = totals_of(october, rows, ledger, RULES)
    assert (totals.owed, totals.paid, totals.unpaid, totals.due_total, totals.paid_total) == (4, 2, 1, 400_000, 240_000)
    # Takings of October: what was received in October, whichever month it pays for.
    assert totals.collected == 240_000 and totals.kept == 72_000 and totals.upward == 168_000


def test_three_unpaid_months_alert_two_warn_deferred_and_exempt_months_never_count() -> None:
    bases = tuple(DuesBasis(i, Month(2026, 2), DuesKind.SALARY, base=10_000_000) for i in (1, 2, 3))
    paid = [pay(1, Month(2026, n), 100_000, date(2026, n, 8)) for n in range(2, 8)]
    paid += [pay(2, Month(2026, n), 100_000, date(2026, n, 8)) for n in range(2, 9)]
    paid += [pay(3, Month(2026, n), 100_000, date(2026, n, 8)) for n in range(2, 8)]
    reliefs = (DuesRelief(3, Month(2026, 8), ReliefKind.DEFER, "Đi công tác dài ngày", Month(2026, 10)),)
    ledger = DuesLedger(bases=bases, reliefs=reliefs, payments=tuple(paid))
    members = [member(1), member(2), member(3)]
    # November has not ended on 22/11: it is never counted.
    assert unpaid_months(members, ledger, RULES, 2026, TODAY) == {1: [8, 9, 10], 2: [9, 10]}
    data = checks.BranchData(members, (), (), RuleSet(), TODAY, dues=ledger, dues_rules=RULES)
    found = [(f.rule, f.severity.value, f.member_id) for f in checks_dues.run(data, 2026)]
    assert ("dues_unpaid", "alert", 1) in found and ("dues_unpaid", "warning", 2) in found
    assert not any(mid == 3 for _, _, mid in found)
    # Months before the book's first month (February) are not judged, nor years before it.
    assert unpaid_months(members, ledger, RULES, 2025, TODAY) == {}


def test_no_dues_book_no_dues_findings_and_a_member_without_basis_is_found() -> None:
    members = [member(1), member(2)]
    empty = checks.BranchData(members, (), (), RuleSet(), TODAY, dues=DuesLedger(), dues_rules=RULES)
    assert not checks_dues.run(empty, 2026)
    ledger = DuesLedger(bases=(DuesBasis(1, Month(2026, 2), DuesKind.SALARY, base=10_000_000),))
    data = checks.BranchData(members, (), (), RuleSet(), TODAY, dues=ledger, dues_rules=RULES)
    missing = [f for f in checks_dues.run(data, 2026) if f.rule == "dues_basis_missing"]
    assert [f.member_id for f in missing] == [2]
    assert "02/2026" in missing[0].message


def test_year_book_totals_equal_the_month_rows() -> None:
    bases = tuple(DuesBasis(i, Month(2026, 2), DuesKind.SALARY, base=7_000_000 + i * 1_000_000) for i in (1, 2))
    payments = tuple(
        pay(i, Month(2026, n), 70_000 + i * 10_000, date(2026, n, 8)) for i in (1, 2) for n in range(2, 11)
    )
    ledger = DuesLedger(bases=bases, payments=payments)
    book = year_book([member(1), member(2)], ledger, RULES, 2026)
    assert len(book.rows) == 2
    assert (
        sum(t.paid_total for t in book.totals)
        == sum(p.amount for p in payments)
        == book.member_total(1) + book.member_total(2)
    )


def test_allocation_and_money_text() -> None:
    assert allocate(255_000, [85_000, 85_000, 85_000]) == [85_000, 85_000, 85_000]
    assert allocate(100_000, [85_000, 85_000, 85_000]) == [33_334, 33_333, 33_333]
    assert format_money(1_234_000) == "1.234.000" and format_money(5_000) == "5.000" and format_money(0) == "0"
    assert parse_money("1.234.000") == parse_money("1234000") == parse_money("1 234 000 đ") == 1_234_000
    for bad in ("1,5", "12.34", "-3", "abc", ""):
        with pytest.raises(ValidationError):
            parse_money(bad)


def test_months_parse_and_ranges() -> None:
    assert Month.parse("3/2026") == Month(2026, 3) == Month.parse("2026-03")
    assert parse_month_range("11/2026-02/2027") == (Month(2026, 11), Month(2027, 2))
    assert parse_month_range("05/2026") == (Month(2026, 5), Month(2026, 5))
    assert Month(2026, 12).next() == Month(2027, 1) and Month(2026, 1).prev() == Month(2025, 12)
    for bad, code in (("13/2026", "month_format"), ("05/2026-03/2026", "month_order"), ("", "required")):
        with pytest.raises(ValidationError) as caught:
            parse_month_range(bad)
        assert next(iter(caught.value.field_errors.values())) == code


def test_rule_file_carries_basis_dates_and_verification() -> None:
    import json

    from app.resources import resource_path

    data = json.loads(resource_path("rules", "dues.json").read_text(encoding="utf-8"))
    for entry in data["rates"]:
        assert entry["basis"] and "valid_from" in entry and "valid_until" in entry and "verified" in entry
    assert data["share"]["verified"] is False  # the share the branch keeps: not found in QĐ 01
    assert RULES.period_for(Month(2026, 2)).verified and not RULES.period_for(Month(2026, 1)).verified


def test_dues_findings_carry_their_basis_from_the_dues_rules() -> None:
    bases = (DuesBasis(1, Month(2026, 2), DuesKind.SALARY, base=10_000_000),)
    data = checks.BranchData([member(1)], (), (), RuleSet(), TODAY, dues=DuesLedger(bases=bases), dues_rules=RULES)
    found = checks_dues.run(data, 2026)
    assert found and all("Điều 8" in f.facts["basis"] and "01-QĐ/TW" in f.facts["basis"] for f in found)


def test_nothing_before_the_branch_record_start_is_judged() -> None:
    bases = (DuesBasis(1, Month(2026, 2), DuesKind.SALARY, base=10_000_000),)
    ledger = DuesLedger(bases=bases)
    assert unpaid_months([member(1)], ledger, RULES, 2026, TODAY) == {1: list(range(2, 11))}
    assert unpaid_months([member(1)], ledger, RULES, 2026, TODAY, date(2026, 9, 1)) == {1: [9, 10]}
