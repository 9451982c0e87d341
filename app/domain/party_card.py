"""Party card number formats, held as data (resources/rules/party_cards.json): which card a number looks like.

Chỉ thị 29-CT/TW (2003) gave 8-digit card numbers; Chỉ thị 51-CT/TW (08/8/2025) exchanged every card
before 02/9/2025. A number that fits no known card is worth a look; an 8- or 12-digit one is not. No I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class CardFormat:
    id: str
    name: str
    digits: tuple[int, ...]
    issued_from: date | None
    valid_until: date | None  # the day after which the card was replaced; None = current
    basis: str
    verified: bool

    def fits(self, number: str) -> bool:
        return number.isascii() and number.isdigit() and len(number) in self.digits


def card_formats(data: Mapping[str, Any]) -> tuple[CardFormat, ...]:
    """From the JSON shape of party_cards.json; raises ValueError on a bad shape."""
    try:
        return tuple(
            CardFormat(
                id=str(c["id"]),
                name=str(c["name"]),
                digits=tuple(int(d) for d in c["digits"]),
                issued_from=date.fromisoformat(c["issued_from"]) if c.get("issued_from") else None,
                valid_until=date.fromisoformat(c["valid_until"]) if c.get("valid_until") else None,
                basis=str(c.get("basis", "")),
                verified=bool(c.get("verified", False)),
            )
            for c in data["cards"]
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"party_cards: {exc}") from exc


def card_format_of(number: str, formats: Sequence[CardFormat]) -> CardFormat | None:
    """The card *number* looks like, or None when it fits none (spaces and dots a typist added are ignored)."""
    digits = number.replace(" ", "").replace(".", "")
    return next((f for f in formats if f.fits(digits)), None)


def describe_formats(formats: Sequence[CardFormat]) -> str:
    """ "8 chữ số (mẫu thẻ 2003), 12 chữ số (mẫu thẻ 2025 …)" for messages."""
    return ", ".join(f"{' hoặc '.join(str(d) for d in f.digits)} chữ số ({f.name})" for f in formats)
