"""The seal of adopted minutes: a SHA-256 over the meeting's content in a canonical form. No I/O."""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from typing import Any

from app.domain.meeting_record import Attendance, Meeting

#: Fields that are bookkeeping, not content: changing them must not break the seal.
_NOT_CONTENT = frozenset(
    {"id", "version", "status", "adopted_on", "content_hash", "corrections", "doc_number", "resolution_number"}
)
_CONTENT_FIELDS = tuple(f.name for f in fields(Meeting) if f.name not in _NOT_CONTENT)


def _plain(value: Any) -> Any:
    """JSON-ready form of a content value: dataclasses as field lists, dates as ISO text, enums as values."""
    if value is None or isinstance(value, bool | int | float | str):
        return value.value if hasattr(value, "value") else value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return [_plain(getattr(value, name)) for name in value.__dataclass_fields__]
    raise TypeError(f"no canonical form for {type(value).__name__}")


def _attendance(rows: tuple[Attendance, ...]) -> list[list[Any]]:
    # Hot path (a big branch has thousands of rows per meeting): plain tuples, sorted by member.
    return [
        [a.member_id, a.code.value, a.reason, a.member_name, a.official]
        for a in sorted(rows, key=lambda a: a.member_id)
    ]


def content_digest(meeting: Meeting) -> str:
    """Hex SHA-256 of everything the minutes say (text, people, numbers), independent of storage order."""
    data = {
        name: _attendance(meeting.attendance) if name == "attendance" else _plain(getattr(meeting, name))
        for name in _CONTENT_FIELDS
    }
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def short_seal(digest: str) -> str:
    """The form printed in the minutes' footer: 4 groups of 4 hex digits."""
    head = digest[:16].upper()
    return "-".join(head[i : i + 4] for i in range(0, 16, 4))
