"""Meeting <-> plain JSON data, for autosaved drafts: lossless, tolerant of added fields. No I/O.

Driven by the dataclasses' own type hints, so a field added to Meeting later is carried without
touching this file; a draft saved by an older build simply lacks it and gets the default.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from app.domain.meeting_record import Meeting

#: Bumped if the encoding itself ever changes (not when Meeting gains a field).
CODEC_VERSION = 1


def encode(value: Any) -> Any:
    """Any domain value -> JSON-ready data (dicts, lists, str, int, float, bool, None)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode(hint: Any, data: Any) -> Any:
    """JSON data -> a value of type *hint*. Raises ValueError (or TypeError) for data of the wrong shape."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if data is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return decode(option, data)
            except (TypeError, ValueError) as exc:
                errors.append(exc)
        raise ValueError(f"no option of {hint} fits {data!r}: {errors}")
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(data, list):
            raise ValueError(f"expected a list for {hint}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], item) for item in data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items for {hint}")
        return tuple(decode(a, item) for a, item in zip(args, data, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, data)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(data)
    if hint is datetime:
        return datetime.fromisoformat(_text(data))
    if hint is date:
        return date.fromisoformat(_text(data))
    if hint is time:
        return time.fromisoformat(_text(data))
    if hint is bool:
        if not isinstance(data, bool):
            raise ValueError("expected true/false")
        return data
    if hint is int:
        if type(data) is not int:
            raise ValueError("expected an integer")
        return data
    if hint is float:
        if type(data) not in (int, float):
            raise ValueError("expected a number")
        return float(data)
    if hint is str:
        return _text(data)
    raise TypeError(f"cannot decode {hint!r}")


def _text(data: Any) -> str:
    if not isinstance(data, str):
        raise ValueError("expected text")
    return data


def _decode_dataclass(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"expected an object for {cls.__name__}")
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            values[f.name] = decode(hints[f.name], data[f.name])
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ValueError(f"{cls.__name__}.{f.name} is missing")
    return cls(**values)  # keys we do not know (a newer build's) are ignored


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    return {"codec": CODEC_VERSION, "meeting": encode(meeting)}


def meeting_from_dict(data: dict[str, Any]) -> Meeting:
    """The meeting stored by meeting_to_dict. Raises ValueError if the data is not one."""
    if not isinstance(data, dict) or data.get("codec") != CODEC_VERSION:
        raise ValueError("not a meeting draft")
    meeting = decode(Meeting, data.get("meeting"))
    assert isinstance(meeting, Meeting)
    return meeting
