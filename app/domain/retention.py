"""Which automatic backups to keep (thinning, as Anki does): a pure function of their times. No I/O.

Kept: the newest few, then the newest of each day for two weeks, of each week for two months and of
each month for a year. Everything else may be deleted by the caller. Because each bucket keeps its
*newest* backup, thinning again later (with more backups added) keeps exactly what thinning once
would: nothing that a later rule wants has already been thrown away.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    newest: int = 10
    days: int = 14
    weeks: int = 8
    months: int = 12

    @property
    def ceiling(self) -> int:
        """The most backups this policy can ever keep."""
        return self.newest + self.days + self.weeks + self.months


DEFAULT_POLICY = RetentionPolicy()


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())  # Monday


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def keep(backups: Iterable[datetime], now: datetime, policy: RetentionPolicy = DEFAULT_POLICY) -> set[datetime]:
    """The subset of *backups* (their times) to keep at *now*."""
    ordered = sorted(set(backups), reverse=True)
    kept = set(ordered[: policy.newest])
    today = now.date()

    def newest_per(bucket: Callable[[date], Hashable], in_window: Callable[[date], bool]) -> None:
        seen: set[Hashable] = set()
        for at in ordered:  # newest first: the first one met in a bucket is that bucket's newest
            day = at.date()
            key = bucket(day)
            if key not in seen and in_window(day):
                seen.add(key)
                kept.add(at)

    # A bucket is inside the window when it starts after the cut-off; "later now" never brings one back.
    newest_per(lambda d: d, lambda d: today - timedelta(days=policy.days) < d <= today)
    this_week = _week_start(today)
    newest_per(_week_start, lambda d: this_week - timedelta(weeks=policy.weeks) < _week_start(d) <= this_week)
    this_month = _month_index(today)
    newest_per(_month_index, lambda d: this_month - policy.months < _month_index(d) <= this_month)
    return kept


def to_delete(backups: Iterable[datetime], now: datetime, policy: RetentionPolicy = DEFAULT_POLICY) -> set[datetime]:
    every = set(backups)
    return every - keep(every, now, policy)
