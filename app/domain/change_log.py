"""One line of the change history (nhật ký thay đổi). No I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ChangeLogEntry:
    at: datetime
    entity: str
    entity_id: int
    action: str
    summary: str = ""
