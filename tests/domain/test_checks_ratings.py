"""The rating checks on hand-built members and ratings: deadline, quota, conflicts, commendation streaks."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.domain import checks_ratings as rc
from app.domain.membership import Member, StatusEvent, StatusEventKind
from app.domain.rating_rules import RatingRules
from app.domain.ratings import BranchRating, MemberRating, RatingLevel
from app.resources import resource_path

X, T, H = RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.COMPLETED


@pytest.fixture(scope="module")
def rules() -> RatingRules:
    return RatingRules.from_dict(json.loads(resource_path("rules", "ratings.json").read_text(encoding="utf-8")))


def member(i: int, **kw) -> Member:
    base = {"full_name": f"Đồng chí {i}", "date_of_birth": date(1970, 1, 1), "joined_on": date(2000, 1, 1), "id": i,
            "official_on": date(2001, 1, 1)}  # fmt: skip
    base.update(kw)
    return Member(**base)


def data(rules, members, ratings, *, today=date(2025, 12, 20), **kw) -> rc.RatingData:
    return rc.RatingData(
        year=2025, today=today, members=members, ratings=ratings, rules=rules, deadline=date(2025, 12, 15), **kw
    )


def test_rules_file_names_every_provision_with_dates_and_verification(rules: RatingRules) -> None:
    raw = json.loads(resource_path("rules", "ratings.json").read_text(encoding="utf-8"))
    for p in raw["provisions"]:
        assert {"text", "valid_from", "valid_until", "verified", "note"} <= set(p)
    in_2025 = [p.text for p in rules.provisions_for(2025)]
    assert any("366-QĐ/TW" in t for t in in_2025) and any("43-HD/BTCTW" in t for t in in_2025)
    assert not any("124-QĐ/TW" in t for t in in_2025)
    assert any("124-QĐ/TW" in p.text for p in rules.provisions_for(2024))
    assert rules.uses_score(2025) and not rules.uses_score(2024)
    assert (
        rules.level_for_score(90) is X
        and rules.level_for_score(89.5) is T
        and rules.level_for_score(49) is (RatingLevel.NOT_COMPLETED)
    )
    assert rules.forms_for(2025).default == "2C" and set(rules.forms_for(2025).kinds) == {"2A", "2B", "2C"}
    quota = rules.quota_for(2025)
    assert quota.max_pct == 20 and quota.allowed(14) == 2 and not quota.verified
    assert rules.commendation_years == 5


def test_bad_rule_files_are_refused() -> None:
    with pytest.raises(ValueError):
        RatingRules.from_dict({"review_deadline": {"month": 2, "day": 31}})
    with pytest.raises(ValueError):
        RatingRules.from_dict({"quota": [{"top_level": "xuat_sac", "of_level": "tot", "max_pct": 120}]})
    with pytest.raises(ValueError):
        RatingRules.from_dict({"levels": {"gioi": {"label": "Giỏi"}}})


def test_missing_only_after_the_deadline_and_not_for_exempt_or_new_members(rules) -> None:
    exempt = member(2, events=(StatusEvent(StatusEventKind.EXEMPTED, date(2024, 3, 1)),))
    new = member(3, joined_on=date(2025, 9, 1), official_on=None)
    visitor = member(4, events=(StatusEvent(StatusEventKind.TEMPORARY_VISIT, date(2000, 1, 1)),))
    left = member(5, events=(StatusEvent(StatusEventKind.TRANSFERRED_OUT, date(2025, 6, 1)),))
    members = [member(1), exempt, new, visitor, left, member(6)]
    ratings = [MemberRating(6, 2025, proposed=T)]
    assert rc.rating_missing(data(rules, members, ratings, today=date(2025, 12, 15))) == []
    found = rc.rating_missing(data(rules, members, ratings))
    assert [f.rule for f in found] == ["rating_missing", "rating_missing"]
    assert "Đồng chí 1" in found[0].message and found[0].member_id == 1
    for absent in ("Đồng chí 2", "Đồng chí 3", "Đồng chí 4", "Đồng chí 5", "Đồng chí 6"):
        assert absent not in found[0].message
    assert "chi bộ chưa tự đánh giá" in found[1].message
    done = data(rules, members, [*ratings, MemberRating(1, 2025, final=H)], branch=BranchRating(2025, self_level=T))
    assert rc.rating_missing(done) == []
    before_record = data(rules, members, ratings, record_start=date(2026, 1, 1))
    assert rc.rating_missing(before_record) == []  # the branch's record starts after that review
    assert rc.not_rated_reason(exempt, 2025, rules, date(2025, 12, 15)) == "exempt"
    assert rc.not_rated_reason(new, 2025, rules, date(2025, 12, 15)) == "new"


def test_quota_counts_final_else_proposed_against_the_cap_in_force(rules) -> None:
    members = [member(i) for i in range(1, 20)]
    ratings = [MemberRating(i, 2025, proposed=T) for i in range(1, 15)]  # 14 at the second level: cap 2
    ratings += [MemberRating(15, 2025, proposed=X), MemberRating(16, 2025, proposed=X)]
    assert rc.rating_quota_exceeded(data(rules, members, ratings)) == []
    over = [*ratings, MemberRating(17, 2025, proposed=X)]
    found = rc.rating_quota_exceeded(data(rules, members, over))
    assert len(found) == 1 and "3 đồng chí" in found[0].message and "tối đa 2" in found[0].message
    assert "20%" in found[0].message and "21-HD/BTCTW" in found[0].message
    # the upper committee lowered one of them: the final level counts
    decided = [*ratings, MemberRating(17, 2025, proposed=X, final=T)]
    assert rc.rating_quota_exceeded(data(rules, members, decided)) == []
    state = rc.quota_state(over, rules, 2025)
    assert (state.top, state.second, state.allowed, state.exceeded) == (3, 14, 2, True)


def test_conflict_for_art8_dues_and_discipline_only_at_the_top_two_levels(rules) -> None:
    suspended = member(4, events=(StatusEvent(StatusEventKind.SUSPENDED, date(2025, 4, 2)),))
    members = [member(1), member(2), member(3), suspended]
    ratings = [
        MemberRating(1, 2025, proposed=X),
        MemberRating(2, 2025, proposed=T, discipline="Khiển trách"),
        MemberRating(3, 2025, proposed=H),
        MemberRating(4, 2025, proposed=T),
    ]
    d = data(rules, members, ratings, unexcused={1: [2, 5, 9], 3: [1, 2, 3]}, unpaid_dues={2: 3})
    found = rc.rating_conflict(d)
    assert [f.member_id for f in found] == [1, 2, 4]
    assert "3 tháng" in found[0].message and "Hoàn thành xuất sắc nhiệm vụ" in found[0].message
    assert "chưa đóng đảng phí 3 tháng" in found[1].message and "Khiển trách" in found[1].message
    assert "đình chỉ" in found[2].message
    assert all(f.severity.value == "alert" for f in found)
    two_months = data(rules, members[:1], ratings[:1], unexcused={1: [2, 5]})
    assert rc.rating_conflict(two_months) == []


def test_commendation_after_five_consecutive_top_years(rules) -> None:
    five = {y: X for y in range(2021, 2026)}
    broken = {**five, 2023: T}
    four = {y: X for y in range(2022, 2026)}  # a proposal without a decision never enters the history
    for hist, expected in ((five, 1), (broken, 0), (four, 0)):
        found = rc.commendation_candidate(data(rules, [member(1)], [], history={1: hist}))
        assert len(found) == expected
    found = rc.commendation_candidate(data(rules, [member(1)], [], history={1: five}))
    assert "5 năm liền (2021–2025)" in found[0].message and "06-HD/TW" in found[0].message
    assert rc.streak(five, 2025, X) == 5 and rc.streak(broken, 2025, X) == 2


def test_rated_year_without_a_recorded_review_meeting_after_the_deadline(rules) -> None:
    members = [member(1), member(2)]
    ratings = [MemberRating(1, 2025, proposed=T), MemberRating(2, 2025, self_level=X)]
    assert rc.review_meeting_missing(data(rules, members, ratings, today=date(2025, 12, 15))) == []  # not yet late
    assert rc.review_meeting_missing(data(rules, members, [], today=date(2025, 12, 20))) == []  # nothing rated
    held = data(rules, members, ratings, review_meeting_on=date(2025, 12, 10))
    assert rc.review_meeting_missing(held) == []
    late = data(rules, members, ratings, record_start=date(2026, 1, 1))  # before the record: not ours to say
    assert rc.review_meeting_missing(late) == []
    [finding] = rc.review_meeting_missing(data(rules, members, ratings))
    assert finding.rule == "review_meeting_missing" and finding.period == "2025"
    text = finding.message
    assert "Năm 2025 đã có 2 đồng chí được xếp loại" in text and "đã quá hạn 15/12/2025" in text
    # the provision in force for the year and its date range, from the rule data
    guide = next(p for p in rules.provisions_for(2025) if p.key == "guide")
    assert guide.text in text and "áp dụng từ 31/10/2025" in text and "chưa kiểm chứng" in text
    assert "áp dụng từ 04/10/2023 đến 30/10/2025" in rc.review_meeting_missing(
        rc.RatingData(year=2024, today=date(2025, 1, 5), members=members,
                      ratings=[MemberRating(1, 2024, proposed=T)], rules=rules, deadline=date(2024, 12, 15))
    )[0].message  # fmt: skip
