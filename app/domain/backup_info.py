"""What a backup is, for the rest of the program: its file name scheme and what checking one found. No I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

BACKUP_SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S"
#: Labels are file-name safe: lower-case ASCII words joined by "-".
_LABEL_OK = re.compile(r"[^a-z0-9-]+")

#: Why a backup was taken (label in the file name) -> how the list shows it.
LABELS = {
    "khoi-dong": "Tự động khi mở chương trình",
    "thu-cong": "Sao lưu theo yêu cầu",
    "usb": "Sao lưu ra thư mục/USB",
    "truoc-nhap": "Trước khi nhập dữ liệu",
    "truoc-tong-hop": "Trước khi tổng hợp",
    "truoc-khoi-phuc": "Trước khi khôi phục",
    "truoc-nang-cap": "Trước khi nâng cấp dữ liệu",
}


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file as listed: when, why, how big."""

    path: Path
    at: datetime
    label: str
    size: int

    @property
    def label_text(self) -> str:
        base = re.sub(r"-\d+$", "", self.label)  # "-2" is added when two backups share a second
        if base.startswith("v") and base.endswith("-truoc-nang-cap"):
            base = "truoc-nang-cap"
        return LABELS.get(base, self.label)


@dataclass(frozen=True, slots=True)
class BackupCheck:
    """A backup (or any candidate file) that passed every check, and what it holds."""

    path: Path
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)
    size: int = 0

    @property
    def members(self) -> int:
        return self.counts.get("member", 0)

    @property
    def meetings(self) -> int:
        return self.counts.get("meeting", 0)


def safe_label(label: str) -> str:
    cleaned = _LABEL_OK.sub("-", label.lower()).strip("-")
    return cleaned[:40] or "sao-luu"


def backup_name(stem: str, at: datetime, label: str, n: int = 1) -> str:
    """<stem>-YYYYmmdd-HHMMSS-<label>[-n].sqlite3 — sorts by time, says why, stays one per database."""
    suffix = f"-{n}" if n > 1 else ""
    return f"{stem}-{at.strftime(_STAMP)}-{safe_label(label)}{suffix}{BACKUP_SUFFIX}"


def parse_backup_name(stem: str, name: str) -> tuple[datetime, str] | None:
    """(time, label) of a file named by backup_name for *stem*, else None (other files are left alone)."""
    pattern = re.compile(rf"{re.escape(stem)}-(\d{{8}}-\d{{6}})-([a-z0-9-]+){re.escape(BACKUP_SUFFIX)}")
    match = pattern.fullmatch(name)
    if match is None:
        return None
    try:
        at = datetime.strptime(match.group(1), _STAMP)
    except ValueError:
        return None
    return at, match.group(2)
