"""CLI command of the branch profile: where the branch's record starts. Parsing and printing only."""

from __future__ import annotations

import argparse

from app.cli.commands_core import services_for
from app.cli.output import print_json, say
from app.domain.dates import format_dmy, parse_date


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    branch = sub.add_parser("branch", help="thông tin chi bộ").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = branch.add_parser(
        "record-start",
        help="ngày bắt đầu ghi sổ: không tháng, quý nào trước ngày này bị coi là thiếu (không ghi NGÀY: xem ngày hiện tại)",
    )
    p.add_argument("date", nargs="?", metavar="NGÀY", help="ngày/tháng/năm, ví dụ 01/01/2024 (khi nhập lịch sử cũ)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_record_start)


def cmd_record_start(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        moved = parse_date(args.date, "record_start") if args.date else None
        day = s.branch.set_record_start(moved) if moved else s.branch.record_start()
    if args.json:
        print_json({"record_start": day.isoformat() if day else None})
    elif day is None:
        say("Chưa đặt ngày bắt đầu ghi sổ: việc kiểm tra tính từ ngày đầu tiên có dữ liệu.")
    else:
        verb = "Đã đặt" if args.date else "Chi bộ"
        say(f"{verb} ngày bắt đầu ghi sổ: {format_dmy(day)}. Các tháng, quý trước ngày này không bị kiểm tra.")
    return 0
