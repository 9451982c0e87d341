"""Turning failures into plain Vietnamese sentences, and the crash log. Never shows a traceback to the user."""

from __future__ import annotations

import datetime as _dt
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from app.bootstrap import storage_failure
from app.domain.errors import AppError
from app.domain.redaction import redact_numbers

UNEXPECTED = (
    "Đã có lỗi không mong muốn. Dữ liệu đã lưu trước đó vẫn an toàn. "
    "Hãy thử lại; nếu lỗi lặp lại, hãy gửi tệp nhật ký lỗi “{log}” cho người hỗ trợ."
)
CRASH_LOG_NAME = "nhat-ky-loi.txt"

_log_path: Path | None = None
_database: Path | None = None


def set_log_folder(folder: Path, database: Path | None = None) -> None:
    """Where the crash log goes; *database* names the file in storage-failure sentences."""
    global _log_path, _database
    _log_path = folder / CRASH_LOG_NAME
    _database = database


def log_exception(exc: BaseException) -> None:
    """Append the traceback to the crash log (best effort: logging must never raise)."""
    # No member's CCCD or phone number in the log, should an exception message quote one.
    text = redact_numbers("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    stamp = _dt.datetime.now().isoformat(timespec="seconds")
    try:
        if _log_path is None:
            sys.stderr.write(text)
            return
        _log_path.parent.mkdir(parents=True, exist_ok=True)
        with _log_path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {stamp}\n{text}\n")
    except OSError:
        sys.stderr.write(text)


def plain_message(exc: BaseException) -> str:
    """The sentence to show for *exc*: the domain's wording for expected errors, a generic one otherwise."""
    from app.domain import error_text  # the sentences name the domain's labels: imported when one is needed

    if isinstance(exc, AppError):
        return error_text.describe(exc)
    storage = storage_failure(exc, _database)  # a full, read-only or failing disk: never "unexpected"
    if storage is not None:
        return error_text.describe(storage)
    return UNEXPECTED.format(log=str(_log_path or CRASH_LOG_NAME))


def install_excepthook(show: Callable[[str], None]) -> None:
    """Unhandled exceptions in slots: log the traceback, show one plain sentence, keep the window alive."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if not isinstance(exc, AppError) and storage_failure(exc) is None:
            log_exception(exc.with_traceback(tb))
        try:
            show(plain_message(exc))
        except Exception:  # the notice itself failed: the log still has the story
            sys.stderr.write(plain_message(exc) + "\n")

    sys.excepthook = hook
