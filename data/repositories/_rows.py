"""Small conversions between SQLite values and domain values, shared by the repositories."""

from __future__ import annotations

from datetime import date, time


def d2s(value: date | None) -> str | None:
    return value.isoformat() if value else None


def s2d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def t2s(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def s2t(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def like_pattern(text: str) -> str:
    """Contains-pattern for LIKE ... ESCAPE '\\' with the user's % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
