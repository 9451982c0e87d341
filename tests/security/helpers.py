"""Searching raw bytes for members' CCCD and phone numbers in every encoding a byte search would find."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from pathlib import Path

from app.bootstrap import Services

PASSWORD = "Mật-khẩu 2026"


def encodings(value: str) -> set[bytes]:
    raw = value.encode("ascii")
    return {
        raw,
        value.encode("utf-16-le"),
        value.encode("utf-16-be"),
        base64.b64encode(raw),
        base64.urlsafe_b64encode(raw),
        raw.hex().encode(),
    }


def private_values(services: Services) -> dict[str, set[bytes]]:
    """value -> its encodings, for every member's CCCD and phone (read while unlocked)."""
    found: dict[str, set[bytes]] = {}
    for m in services.members.list(include_former=True):
        for value in (m.cccd, m.phone):
            if value:
                found[value] = encodings(value)
    assert len(found) > 10, "the demo branch must have CCCD and phone numbers for the test to mean something"
    return found


def leaks(values: dict[str, set[bytes]], files: Iterable[Path]) -> list[tuple[str, str]]:
    """(file name, value) for every value found in any encoding in any of the files (and their -wal)."""
    hits = []
    for path in files:
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-journal")):
            if not candidate.exists():
                continue
            blob = candidate.read_bytes()
            hits += [(candidate.name, v) for v, forms in values.items() if any(f in blob for f in forms)]
    return hits
