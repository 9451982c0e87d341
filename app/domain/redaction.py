"""Keeping members' numbers out of crash logs: long digit runs (CCCD, phone, party card) are masked.

A traceback may quote a value (an exception message, a row being saved). The log is for the developer,
who needs the shape of the failure, never a member's CCCD or phone number. No I/O.
"""

from __future__ import annotations

import re

#: 9 digits or more (old ID cards 9, phones 10-11, CCCD 12), alone or written with spaces, dots or dashes.
_NUMBER = re.compile(r"(?<![\w])\+?\d(?:[ .\-]?\d){8,}(?![\w])")


def redact_numbers(text: str) -> str:
    """*text* with every long number replaced by "[số đã ẩn]" (line numbers and short ids stay)."""
    return _NUMBER.sub("[số đã ẩn]", text)
