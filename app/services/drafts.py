"""Autosaved drafts: what is being typed is kept every few seconds and offered back after a crash.

A draft is JSON under a key ("meeting:new", "meeting:12"); saving one is one tiny transaction in
the branch database (WAL + synchronous=FULL: durable once save returns). No prompts here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from app.domain.errors import ValidationError
from app.domain.meeting_codec import meeting_from_dict, meeting_to_dict
from app.domain.meeting_record import Meeting
from app.services.context import ServiceContext

MEETING_PREFIX = "meeting:"
#: A draft larger than this is refused (a meeting's text is a few tens of kilobytes).
MAX_DRAFT_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class Draft:
    key: str
    payload: dict[str, Any]
    saved_at: datetime


def meeting_key(meeting: Meeting) -> str:
    """One draft per meeting being edited; a new, unsaved meeting has its own key."""
    return f"{MEETING_PREFIX}{meeting.id if meeting.id is not None else 'new'}"


class DraftService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def save(self, key: str, payload: dict[str, Any]) -> None:
        """Keep *payload* under *key*, replacing the previous draft with that key."""
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        if not key or len(key) > 200:
            raise ValidationError({"key": "invalid"})
        if len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
            raise ValidationError({"draft": "too_long"})
        with self._ctx.db.transaction():
            self._ctx.branch.save_draft(key, text, at=self._ctx.now())

    def pending(self) -> list[Draft]:
        """Drafts left over (newest first). A draft that cannot be read is skipped, never fatal."""
        out = []
        for key, text, saved_at in self._ctx.branch.drafts():
            try:
                payload = json.loads(text)
            except ValueError:
                continue
            if isinstance(payload, dict):
                out.append(Draft(key, payload, saved_at))
        return out

    def discard(self, key: str) -> None:
        """Forget a draft: after the meeting was saved, or when the user declines to restore it."""
        with self._ctx.db.transaction():
            self._ctx.branch.delete_draft(key)

    # ------------------------------------------------------------------ meetings
    def save_meeting(self, meeting: Meeting) -> str:
        key = meeting_key(meeting)
        self.save(key, meeting_to_dict(meeting))
        return key

    def pending_meetings(self) -> list[tuple[Draft, Meeting]]:
        """Meeting drafts that can be offered back, with the meeting each holds."""
        out = []
        for draft in self.pending():
            if not draft.key.startswith(MEETING_PREFIX):
                continue
            try:
                meeting = meeting_from_dict(draft.payload)
                fields = draft.payload.get("meeting")
                if isinstance(fields, dict) and "version" not in fields and meeting.id is not None:
                    # Kept before v3: every stored row started at version 1, so it is current unless saved since.
                    meeting = replace(meeting, version=1)
                out.append((draft, meeting))
            except (TypeError, ValueError):
                continue  # written by a build that stored something else under this key
        return out
