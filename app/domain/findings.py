"""What a rule check says (kết quả kiểm tra): a finding and its severity. No I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ALERT = "alert"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "alert": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a rule check: what, how serious, and what it concerns."""

    rule: str
    severity: Severity
    message: str
    member_id: int | None = None
    meeting_id: int | None = None
    period: str = ""  # "2026-03", "2026-Q1", "2026"
    # What the sentence was made from ({"months": (2, 5, 7), "name": …}), so a report can say it again in the
    # branch's own voice. Not part of equality: two findings saying the same thing are the same finding.
    facts: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
