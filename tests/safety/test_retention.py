"""Backup thinning (app.domain.retention): properties that must hold for any set of backup times."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.retention import DEFAULT_POLICY, RetentionPolicy, keep, to_delete

NOW = datetime(2026, 11, 22, 9, 30)
times_before_now = st.lists(
    st.datetimes(min_value=NOW - timedelta(days=800), max_value=NOW).map(lambda d: d.replace(microsecond=0)),
    max_size=120,
)


@given(times_before_now)
def test_keeps_a_subset_with_the_newest_and_a_bounded_count(backups: list[datetime]) -> None:
    kept = keep(backups, NOW)
    assert kept <= set(backups)
    assert set(sorted(set(backups))[-DEFAULT_POLICY.newest :]) <= kept
    assert len(kept) <= DEFAULT_POLICY.ceiling
    assert kept | to_delete(backups, NOW) == set(backups)
    assert not kept & to_delete(backups, NOW)


@given(times_before_now)
def test_every_recent_day_week_and_month_keeps_its_newest(backups: list[datetime]) -> None:
    kept = keep(backups, NOW)
    today = NOW.date()
    for at in backups:
        day = at.date()
        same_day = [b for b in backups if b.date() == day]
        same_week = [b for b in backups if b.isocalendar()[:2] == at.isocalendar()[:2]]
        same_month = [b for b in backups if (b.year, b.month) == (at.year, at.month)]
        if (today - day).days < 14:
            assert max(same_day) in kept
        monday = day - timedelta(days=day.weekday())
        if (today - timedelta(days=today.weekday()) - monday).days < 7 * 8:
            assert max(same_week) in kept
        if (today.year * 12 + today.month) - (day.year * 12 + day.month) < 12:
            assert max(same_month) in kept


@given(times_before_now)
def test_thinning_is_idempotent(backups: list[datetime]) -> None:
    once = keep(backups, NOW)
    assert keep(once, NOW) == once


@settings(max_examples=60)
@given(st.lists(st.integers(min_value=1, max_value=60 * 60 * 30), min_size=1, max_size=150))
def test_thinning_after_every_backup_equals_thinning_once(gaps_minutes: list[int]) -> None:
    """What the app really does: back up, thin, repeat for months. Nothing wanted later is lost early."""
    start = datetime(2025, 1, 1, 8, 0)
    folder: set[datetime] = set()
    every: list[datetime] = []
    at = start
    for gap in gaps_minutes:
        at += timedelta(minutes=gap)
        every.append(at)
        folder.add(at)
        folder = keep(folder, at)
    assert folder == keep(every, at)


def test_a_year_of_daily_backups_thins_to_the_expected_shape() -> None:
    backups = [NOW - timedelta(days=d, hours=1) for d in range(400)]
    kept = keep(backups, NOW)
    assert len(kept) <= DEFAULT_POLICY.ceiling
    assert min(kept) >= NOW - timedelta(days=366)  # nothing older than a year survives
    assert max(backups) in kept


def test_a_custom_policy_and_empty_input() -> None:
    assert keep([], NOW) == set()
    policy = RetentionPolicy(newest=1, days=0, weeks=0, months=0)
    assert keep([NOW - timedelta(hours=h) for h in range(5)], NOW, policy) == {NOW - timedelta(hours=0)}
