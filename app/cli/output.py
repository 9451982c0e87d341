"""Printing for the command line: JSON for machines, plain Vietnamese lines for people. No logic."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any


class CliInputError(Exception):
    """Wrong input given on the command line (exit code 1, message already in Vietnamese)."""


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(type(value).__name__)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A plain aligned table (widths measured in characters, fine for Vietnamese NFC text)."""
    text_rows = [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in text_rows]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    sys.stdout.write(line.rstrip() + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for r in text_rows:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def parse_ids(text: str | None, field: str) -> list[int]:
    """ "3,5, 8" -> [3, 5, 8]; anything else is a CliInputError naming the field."""
    if not text:
        return []
    try:
        return [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    except ValueError as exc:
        raise CliInputError(f"{field}: cần danh sách mã số đảng viên cách nhau bằng dấu phẩy, ví dụ 3,5,8.") from exc


def parse_id_reasons(text: str | None, field: str) -> dict[int, str]:
    """ "3:Ốm,5" -> {3: "Ốm", 5: ""} (a reason may follow a colon)."""
    out: dict[int, str] = {}
    if not text:
        return out
    for part in text.split(","):
        if not part.strip():
            continue
        ident, _, reason = part.partition(":")
        try:
            out[int(ident)] = reason.strip()
        except ValueError as exc:
            raise CliInputError(
                f"{field}: cần danh sách mã số đảng viên cách nhau bằng dấu phẩy (có thể kèm lý do sau dấu hai chấm), "
                "ví dụ 3:Ốm,5."
            ) from exc
    return out


def read_secret_line() -> str:
    """One line of standard input without its line end (passwords never come from an argument)."""
    from app.domain.security_messages import STDIN_EMPTY

    text = sys.stdin.readline().rstrip("\r\n")
    if not text:
        raise CliInputError(STDIN_EMPTY)
    return text
