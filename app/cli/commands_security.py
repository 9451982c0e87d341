"""CLI commands `security set-password|status|recover|change-password`. Parsing and printing only.

Passwords and the recovery code are read from standard input (one per line), never from an argument:
arguments show up in the process list and the shell history.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands_core import services_for
from app.cli.output import print_json, read_secret_line, say
from app.domain import security_messages as smsg


def read_stdin_lines(count: int) -> list[str]:
    """*count* lines from standard input, without their line ends; CliInputError when one is missing."""
    return [read_secret_line() for _ in range(count)]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    security = sub.add_parser("security", help="mật khẩu chương trình (mã hóa số CCCD và số điện thoại)")
    actions = security.add_subparsers(dest="action", required=True, metavar="VIỆC")
    p = actions.add_parser("set-password", help="đặt mật khẩu; in mã khôi phục một lần")
    p.add_argument("--password-stdin", action="store_true", required=True, help="đọc mật khẩu từ dòng đầu của stdin")
    p.add_argument("--sheet", metavar="TỆP.docx", type=Path, help="ghi thêm tờ mã khôi phục (Word) để in")
    p.set_defaults(handler=cmd_set_password)
    p = actions.add_parser("status", help="đã đặt mật khẩu chưa, các trường đã được mã hóa chưa")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_status)
    p = actions.add_parser("recover", help="quên mật khẩu: stdin dòng 1 là mã khôi phục, dòng 2 là mật khẩu mới")
    p.add_argument("--stdin", action="store_true", required=True)
    p.set_defaults(handler=cmd_recover)
    p = actions.add_parser("change-password", help="đổi mật khẩu: stdin dòng 1 mật khẩu cũ, dòng 2 mật khẩu mới")
    p.add_argument("--stdin", action="store_true", required=True)
    p.set_defaults(handler=cmd_change_password)


def cmd_set_password(args: argparse.Namespace) -> int:
    (password,) = read_stdin_lines(1)
    with services_for(args) as s:
        plan = s.security.plan(password, password)
        if args.sheet is not None:
            s.security.write_recovery_sheet(plan, args.sheet)  # before anything is encrypted
        s.security.set_password(plan)
        members = s.branch.counts().get("member", 0)
        backups = len(s.backups.list())
    say(smsg.PASSWORD_SET_DONE.format(members=members, backups=backups))
    say(smsg.RECOVERY_CODE_LINE.format(code=plan.recovery_code))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        status = s.security.status()
    if args.json:
        print_json(status.as_json())
        return 0
    say(smsg.STATUS_LINES["password_set"][status.password_set])
    say(smsg.STATUS_LINES["fields_encrypted"][status.fields_encrypted])
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    code, password = read_stdin_lines(2)
    with services_for(args) as s:
        s.security.recover(code, password, password)
    say(smsg.RECOVERED)
    return 0


def cmd_change_password(args: argparse.Namespace) -> int:
    old, new = read_stdin_lines(2)
    with services_for(args) as s:
        s.security.change_password(old, new, new)
    say(smsg.PASSWORD_CHANGED)
    return 0
