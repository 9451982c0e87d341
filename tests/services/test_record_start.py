"""The branch's record has a start: no rule judges a period before it (checks, overview, report, summary).

A branch set up today (the fixed clock: 22/11/2026) with a secretary who joined in 1998 used to open to
eleven "missing" months and a wall of warnings; its record now starts on 01/11/2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import periods
from app.domain.branch_profile import BranchProfile
from app.domain.errors import ValidationError
from app.domain.meeting_record import MeetingKind
from app.services.members import member_from_fields
from tests.conftest import db_fingerprint

PERIOD_RULES = {"monthly_meeting_missing", "thematic_meeting_missing", "topic_unassigned", "topic_not_presented"}


def _set_up_today(services) -> None:
    fields = {"full_name": "Trần Thị Ánh", "date_of_birth": "20/01/1975", "joined_on": "01/09/1997",
              "official_on": "01/09/1998", "party_position": "Bí thư"}  # fmt: skip
    secretary = services.members.add(member_from_fields(fields))
    services.branch.save_profile(BranchProfile(branch_name="CHI BỘ KHU PHỐ 3", secretary_id=secretary.id))


def test_a_new_file_starts_its_record_this_month_and_nothing_before_is_judged(services) -> None:
    _set_up_today(services)
    assert services.branch.profile().record_start == date(2026, 11, 1)
    findings = services.checks.run(2026)
    judged = [f for f in findings if f.rule in PERIOD_RULES and f.period and not f.period.startswith("2026-Q4")]
    assert judged == [] and not [f for f in findings if f.rule == "monthly_meeting_missing"]
    overview = services.checks.year_overview(2026)
    assert [f for f in overview.findings if f.rule == "monthly_meeting_missing"] == []
    assert [f for f in services.checks.run(2025) if f.rule in PERIOD_RULES] == []


def test_moving_the_start_earlier_judges_the_history_entered(services) -> None:
    _set_up_today(services)
    services.meetings.create(services.meetings.prepare(MeetingKind.REGULAR, date(2026, 9, 8)))
    services.branch.set_record_start(date(2026, 8, 1))
    missing = sorted(f.period for f in services.checks.run(2026) if f.rule == "monthly_meeting_missing")
    assert missing == ["2026-08", "2026-10"]  # September was held; November has not ended
    report = services.reports.period_report(periods.quarter(2026, 3))
    assert [f.period for f in report.findings if f.rule == "monthly_meeting_missing"] == ["2026-08"]
    assert {f.period for f in report.findings if f.rule == "thematic_meeting_missing"} == {"2026-Q3"}
    early = services.reports.period_report(periods.quarter(2026, 2))
    assert [f for f in early.findings if f.rule in PERIOD_RULES] == []


def test_saving_the_profile_keeps_the_start_and_a_future_start_is_refused(services) -> None:
    _set_up_today(services)
    services.branch.set_record_start(date(2020, 1, 1))
    services.branch.save_profile(BranchProfile(branch_name="CHI BỘ KHU PHỐ 3 (MỚI)"))  # built without the start
    assert services.branch.profile().record_start == date(2020, 1, 1)
    before = db_fingerprint(services.paths.database)
    with pytest.raises(ValidationError) as caught:
        services.branch.set_record_start(date(2026, 12, 1))
    assert caught.value.field_errors == {"record_start": "future"}
    assert db_fingerprint(services.paths.database) == before


def test_the_demo_record_starts_with_its_first_year(demo) -> None:
    assert demo.branch.profile().record_start == date(2025, 1, 1)
    assert "2025-08" in {f.period for f in demo.checks.run(2025) if f.rule == "monthly_meeting_missing"}


def test_a_plan_deadline_that_passed_before_the_record_started_is_not_judged(services) -> None:
    """KL 01: a branch set up in November is not told that its members' plans were due on 31/03."""
    _set_up_today(services)
    assert [f for f in services.checks.run(2026) if f.rule == "plan_missing"] == []
    services.branch.set_record_start(date(2026, 1, 1))  # history entered from January: now it is judged
    assert [f.rule for f in services.checks.run(2026) if f.rule == "plan_missing"] == ["plan_missing"]
