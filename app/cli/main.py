"""Entry point of `python -m app`: global options, Vietnamese argparse, error handling and exit codes.

Exit codes: 0 success; 1 the input was wrong (one Vietnamese line on stderr, nothing changed);
2 the command itself was wrong (usage).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__
from app.bootstrap import storage_failure
from app.cli import (
    commands_backup,
    commands_branch,
    commands_core,
    commands_dues,
    commands_excel,
    commands_export,
    commands_kl01,
    commands_ratings,
    commands_security,
    commands_selftest,
)
from app.cli.output import CliInputError
from app.config import resolve_paths
from app.domain import error_text
from app.domain.dates import DateInputError
from app.domain.errors import AppError

#: Modules that add subcommands; each has ``register(subparsers)``. Static on purpose (PyInstaller).
COMMAND_MODULES = [
    commands_core,
    commands_branch,
    commands_selftest,
    commands_backup,
    commands_export,
    commands_excel,
    commands_kl01,
    commands_security,
    commands_dues,
    commands_ratings,
]

_ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    "expected one argument": "cần một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
}


def _vietnamese_argparse() -> None:
    # argparse looks its messages up through the module-global gettext function at call time.
    argparse._ = lambda text: _ARGPARSE_VI.get(text, text)  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    _vietnamese_argparse()
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description="Sổ Chi bộ — quản lý đảng viên, sinh hoạt, chuyên đề và báo cáo của chi bộ (dòng lệnh).",
    )
    parser.add_argument(
        "--db", metavar="TỆP", help="tệp dữ liệu (mặc định: thư mục dữ liệu của người dùng, hoặc $SOCHIBO_DB)"
    )
    parser.add_argument(
        "--unlock-stdin",
        action="store_true",
        help="mở khóa số CCCD và số điện thoại bằng mật khẩu chương trình đọc từ dòng đầu của stdin",
    )
    parser.add_argument("--version", action="version", version=f"Sổ Chi bộ {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _stdio_utf8() -> None:
    # A Windows console may default to a legacy code page; Vietnamese needs UTF-8.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _stdio_utf8()
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    try:
        try:
            return int(args.handler(args) or 0)
        except Exception as raw:
            # A full, read-only or failing disk anywhere (a write, a backup, a side file) ends in the
            # same sentence as in the window, never in a traceback.
            mapped = None if isinstance(raw, AppError) else storage_failure(raw, resolve_paths(args.db).database)
            if mapped is None:
                raise
            raise mapped from raw
    except AppError as error:
        sys.stderr.write(error_text.describe(error) + "\n")
        if error.code in commands_backup.DAMAGED_CODES:  # say which backup to restore, and how
            hint = commands_backup.damaged_hint(args, quiet_if_none=error.code != "database_damaged")
            if hint:
                sys.stderr.write(hint + "\n")
        return 1
    except DateInputError as error:
        sys.stderr.write(error_text.field_error(error.field, error.code) + "\n")
        return 1
    except CliInputError as error:
        sys.stderr.write(str(error) + "\n")
        return 1
