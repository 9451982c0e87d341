"""The seal of adopted minutes: a SHA-256 over the meeting's content in a canonical form. No I/O."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Any

from app.domain.models import Meeting

#: Fields that are bookkeeping, not content: changing them must not break the seal.
_NOT_CONTENT = ("id", "status", "adopted_on", "content_hash", "corrections", "doc_number", "resolution_number")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def content_digest(meeting: Meeting) -> str:
    """Hex SHA-256 of everything the minutes say (text, people, numbers), independent of storage order."""
    data = {k: v for k, v in asdict(meeting).items() if k not in _NOT_CONTENT}
    data["attendance"] = sorted(data["attendance"], key=lambda a: a["member_id"])
    canonical = json.dumps(_plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def short_seal(digest: str) -> str:
    """The form printed in the minutes' footer: 4 groups of 4 hex digits."""
    head = digest[:16].upper()
    return "-".join(head[i : i + 4] for i in range(0, 16, 4))
