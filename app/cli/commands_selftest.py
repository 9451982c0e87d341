"""CLI command `selftest REPORT`: the installed build's smoke check without the window. Parsing only."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import say
from app.selftest import run_self_test


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("selftest", help="tự kiểm tra bản cài đặt trên dữ liệu tạm (không đụng dữ liệu thật)")
    p.add_argument("report", metavar="TỆP_BÁO_CÁO", type=Path, help="tệp ghi kết quả: dòng đầu là ok hoặc LỖI")
    p.set_defaults(handler=cmd_selftest)


def cmd_selftest(args: argparse.Namespace) -> int:
    code = run_self_test(args.report)
    say(f"Tự kiểm tra {'đạt' if code == 0 else 'KHÔNG đạt'}; xem {args.report}")
    return code
