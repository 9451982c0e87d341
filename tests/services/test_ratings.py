"""RatingService on a real database: partial updates, refusals that change nothing, the season, the demo's findings."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.config import AppPaths
from app.domain import error_text
from app.domain.errors import AppError
from app.domain.meeting_record import MeetingKind
from app.domain.ratings import RatingLevel
from app.services.members import member_from_fields
from data.migrations import LATEST_VERSION, schema_version
from tests.conftest import NOW, db_fingerprint

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def test_set_changes_only_the_given_fields(demo) -> None:
    r = demo.ratings
    first = r.set_member(3, 2024, self_level="tot", form="2b", score="85,5", votes_for=18, votes_total=20)
    assert (first.self_level, first.form, first.score, first.votes_for) == (RatingLevel.GOOD, "2B", 85.5, 18)
    second = r.set_member(3, 2024, proposed="xuat_sac", decision="Quyết định số 12-QĐ/ĐUK")
    assert second.self_level is RatingLevel.GOOD and second.proposed is RatingLevel.EXCELLENT
    assert second.decision == "Quyết định số 12-QĐ/ĐUK" and second.member_name
    cleared = r.set_member(3, 2024, proposed="")
    assert cleared.proposed is None and cleared.self_level is RatingLevel.GOOD
    assert [h.year for h in r.history(3)][:3] == [2026, 2025, 2024]


@pytest.mark.parametrize(
    ("member_id", "year", "changes", "words"),
    [
        (3, 2025, {"self_level": "gioi"}, "không hợp lệ"),
        (3, 2025, {"score": "101"}, "từ 0 đến 100"),
        (3, 2025, {"score": "tám"}, "từ 0 đến 100"),
        (3, 2025, {"form": "3D"}, "2A, 2B, 2C"),
        (3, 2025, {"votes_for": 21, "votes_total": 20}, "phiếu"),
        (3, 1800, {"self_level": "tot"}, "Năm 1800"),
        (999, 2025, {"self_level": "tot"}, "mã 999"),
    ],
)
def test_bad_input_is_refused_with_a_sentence_and_changes_nothing(demo, member_id, year, changes, words) -> None:
    before = db_fingerprint(demo.ctx.db.path)
    with pytest.raises(AppError) as caught:
        demo.ratings.set_member(member_id, year, **changes)
    assert words in error_text.describe(caught.value)
    assert db_fingerprint(demo.ctx.db.path) == before


def test_a_member_not_on_the_roll_that_year_is_refused(demo) -> None:
    newest = max(demo.members.all(), key=lambda m: m.roll_start)
    with pytest.raises(AppError) as caught:
        demo.ratings.set_member(newest.id, newest.roll_start.year - 3, self_level="tot")
    assert "không sinh hoạt tại chi bộ" in error_text.describe(caught.value)


def test_demo_last_year_reports_the_quota_the_conflict_and_a_commendation(demo) -> None:
    last = NOW.year - 1
    rules = {f.rule: f for f in demo.checks.run(last)}
    assert {"rating_quota_exceeded", "rating_conflict", "commendation_candidate"} <= set(rules)
    assert "Khiển trách" in rules["rating_conflict"].message
    assert "5 năm liền" in rules["commendation_candidate"].message
    assert "rating_missing" not in rules  # everyone expected was rated; the exempt member is not
    assert "review_meeting_missing" not in rules  # the demo recorded last year's review meeting (10/12)
    season = demo.ratings.season(last)
    assert season.quota.exceeded and season.quota.top == season.quota.allowed + 1
    exempt = [row for row in season.rows if row.not_rated == "exempt"]
    assert len(exempt) == 1 and exempt[0].rating is None
    assert season.branch.final is RatingLevel.GOOD


def test_demo_this_season_marks_the_art8_member_and_missing_waits_for_the_deadline(demo) -> None:
    found = demo.checks.run(NOW.year)
    conflicts = [f for f in found if f.rule == "rating_conflict"]
    art8 = [f for f in conflicts if "vắng sinh hoạt không lý do 3 tháng" in f.message]
    dues = [f for f in conflicts if "chưa đóng đảng phí 3 tháng" in f.message]  # from the demo's dues book
    assert len(art8) == 1 and len(dues) == 1 and len(conflicts) == 2
    assert not [f for f in found if f.rule == "rating_missing"]  # 22/11: the deadline (15/12) is ahead
    assert "rating_quota_exceeded" in {f.rule for f in found}  # the proposals go one over the cap
    row = next(r for r in demo.ratings.season(NOW.year).rows if r.member.id == art8[0].member_id)
    assert row.conflicts and row.rating.proposed is RatingLevel.GOOD and row.rating.final is None


def test_the_deadline_is_editable_and_drives_rating_missing(demo) -> None:
    assert demo.ratings.deadline(NOW.year).isoformat() == f"{NOW.year}-12-15"
    row = demo.ratings.season(NOW.year).rows[0]
    demo.ratings.set_member(row.member.id, NOW.year, proposed="")
    assert not [f for f in demo.checks.run(NOW.year) if f.rule == "rating_missing"]
    demo.ratings.set_deadline("10/11")
    assert demo.ratings.deadline(NOW.year).isoformat() == f"{NOW.year}-11-10"
    missing = [f for f in demo.checks.run(NOW.year) if f.rule == "rating_missing"]
    assert len(missing) == 1 and row.member.full_name in missing[0].message and "10/11" in missing[0].message
    before = db_fingerprint(demo.ctx.db.path)
    with pytest.raises(AppError) as caught:
        demo.ratings.set_deadline("31/02")
    assert "15/12" in error_text.describe(caught.value)
    assert db_fingerprint(demo.ctx.db.path) == before


def test_rating_missing_names_the_unrated_after_the_deadline(services) -> None:
    fields = {"full_name": "Trần Thị Ánh", "date_of_birth": "05/02/1975", "joined_on": "03/04/2000"}
    member = services.members.add(member_from_fields(fields))
    assert not [f for f in services.checks.run(NOW.year - 1) if f.rule == "rating_missing"]  # before the record
    services.branch.set_record_start(date(NOW.year - 1, 1, 1))  # the record covers last year
    found = [f for f in services.checks.run(NOW.year - 1) if f.rule == "rating_missing"]
    assert len(found) == 2 and "Trần Thị Ánh" in found[0].message and found[0].member_id == member.id
    services.ratings.set_member(member.id, NOW.year - 1, proposed="tot")
    services.ratings.set_branch(NOW.year - 1, self_level="tot")
    assert not [f for f in services.checks.run(NOW.year - 1) if f.rule == "rating_missing"]


def test_a_rated_year_needs_its_review_meeting_recorded_and_the_branch_rating_takes_its_day(services) -> None:
    last = NOW.year - 1
    fields = {"full_name": "Trần Thị Ánh", "date_of_birth": "05/02/1975", "joined_on": "03/04/2000"}
    member = services.members.add(member_from_fields(fields))
    services.branch.set_record_start(date(last, 1, 1))
    services.ratings.set_member(member.id, last, proposed="tot")
    services.ratings.set_branch(last, self_level="tot", meeting_on=date(last, 11, 28))
    [missing] = [f for f in services.checks.run(last) if f.rule == "review_meeting_missing"]
    assert f"15/12/{last}" in missing.message and "43-HD/BTCTW" in missing.message
    meeting = services.meetings.create(services.meetings.prepare(MeetingKind.YEARLY_REVIEW, date(last, 12, 9)))
    assert meeting.agenda == services.ratings.review_agenda(last)  # the rule data's agenda, year filled in
    assert not [f for f in services.checks.run(last) if f.rule == "review_meeting_missing"]
    assert services.ratings.branch(last).meeting_on == date(last, 12, 9)
    assert services.ratings.season(last).branch.meeting_on == date(last, 12, 9)
    # its attendance counts as the month's meeting: December is no longer a month without one
    missing_months = {f.period for f in services.checks.run(last) if f.rule == "monthly_meeting_missing"}
    assert f"{last}-11" in missing_months and f"{last}-12" not in missing_months


def test_upgrade_from_v6_adds_empty_rating_tables(tmp_path: Path) -> None:
    target = tmp_path / "data" / "sochibo.sqlite3"
    target.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "sochibo_v6.sqlite3", target)
    s = open_services(AppPaths.for_database(target), now=lambda: NOW)
    try:
        assert schema_version(s.ctx.db) == LATEST_VERSION >= 7
        assert len(s.members.all()) == 3 and s.ratings.season(2025).rows
        an = next(m for m in s.members.all() if m.full_name == "Nguyễn Văn An")
        s.ratings.set_member(an.id, 2025, self_level="tot", proposed="tot")
        assert s.ratings.get(an.id, 2025).proposed is RatingLevel.GOOD
    finally:
        s.close()
    assert any("v6" in p.name for p in (tmp_path / "data" / "sao-luu").glob("*.sqlite3"))
