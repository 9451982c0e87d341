"""Typed errors that cross layer boundaries. Codes are stable; wording lives in app/domain/error_text.py."""

from __future__ import annotations

from collections.abc import Mapping


class AppError(Exception):
    """Base class for expected, user-facing failures. ``code`` selects the Vietnamese sentence."""

    code = "error"

    def __init__(self, code: str | None = None, **details: object) -> None:
        if code is not None:
            self.code = code
        self.details = dict(details)
        super().__init__(f"{self.code} {self.details}" if self.details else self.code)


class ValidationError(AppError):
    """Input was rejected. ``field_errors`` maps field name -> reason code; nothing was written."""

    code = "validation"

    def __init__(self, field_errors: Mapping[str, str], **details: object) -> None:
        self.field_errors = dict(field_errors)
        super().__init__("validation", **details)
        self.args = (", ".join(f"{f}: {c}" for f, c in self.field_errors.items()),)


class NotFoundError(AppError):
    """The record was deleted or never existed."""

    code = "not_found"


class ConflictError(AppError):
    """The action conflicts with the stored state (e.g. editing locked minutes, demo on a full database)."""

    code = "conflict"


class StorageError(AppError):
    """The database file cannot be used: too new, damaged, locked by another copy, not ours."""

    code = "storage"


class ExportError(AppError):
    """A file could not be written or read (open in Word/Excel, full disk, damaged input)."""

    code = "export"


class StaleEditError(ConflictError):
    """A save carried an older version than the stored row: someone saved in between. Nothing was written.

    ``current`` is the record as stored now, for the form to show instead of overwriting it.
    """

    code = "stale_edit"

    def __init__(self, what: str, current: object) -> None:
        super().__init__("stale_edit", what=what)
        self.current = current
