"""One hit of the full-text search over members, meetings and topics. No I/O."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "member" | "meeting" | "topic"
    id: int
    title: str
    snippet: str  # with the matched words wrapped in [ ]
    rank: float = 0.0
