"""CLI commands for the branch itself: `branch show [--json]`, `branch set …` and `branch record-start [DATE]`.
Parsing and printing only.

`branch set` goes through BranchService.save_profile, the same call the first-start dialog and Cài đặt make,
so a branch can be set up and scripted without the window. Only the options given change.
"""

from __future__ import annotations

import argparse
from contextlib import suppress
from dataclasses import replace
from typing import Any

from app.bootstrap import Services
from app.cli.commands_core import services_for
from app.cli.output import CliInputError, print_json, say
from app.domain import error_text, labels, notices
from app.domain.branch_profile import BranchProfile
from app.domain.dates import format_dmy, parse_date, parse_optional_date
from app.domain.errors import NotFoundError
from app.domain.vntext import nfc

#: option dest -> BranchProfile field, for the text options.
_TEXT_OPTIONS = {"name": "branch_name", "upper": "upper_body", "upper2": "upper_body_2", "place": "place_name"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    branch = sub.add_parser("branch", help="thông tin chi bộ (tên, cấp ủy cấp trên, nhiệm kỳ, bí thư)").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = branch.add_parser("show", help="xem thông tin chi bộ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_branch_show)
    p = branch.add_parser("set", help="ghi thông tin chi bộ (chỉ đổi những mục được nêu)")
    p.add_argument("--name", default=None, help='tên chi bộ, ví dụ "Chi bộ Trường THPT Vị Thanh"')
    p.add_argument("--upper", default=None, help='cấp ủy cấp trên trực tiếp, ví dụ "Đảng ủy phường Hòa Bình"')
    p.add_argument("--upper2", default=None, help="dòng cấp trên nữa (không bắt buộc; để trống để xóa)")
    p.add_argument("--place", default=None, help="địa danh ghi ở dòng ngày tháng, ví dụ Vị Thanh")
    p.add_argument("--term-start", dest="term_start", default=None, help="nhiệm kỳ từ ngày (dd/mm/yyyy)")
    p.add_argument("--term-end", dest="term_end", default=None, help="nhiệm kỳ đến ngày (dd/mm/yyyy)")
    p.add_argument("--secretary", default=None, help="mã đảng viên của bí thư (xem bằng lệnh members list)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_branch_set)
    p = branch.add_parser(
        "record-start",
        help="ngày bắt đầu ghi sổ: không tháng, quý nào trước ngày này bị coi là thiếu (không ghi NGÀY: xem ngày hiện tại)",
    )
    p.add_argument("date", nargs="?", metavar="NGÀY", help="ngày/tháng/năm, ví dụ 01/01/2024 (khi nhập lịch sử cũ)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_record_start)


def _as_dict(s: Services, profile: BranchProfile) -> dict[str, Any]:
    secretary = None
    if profile.secretary_id is not None:
        with suppress(NotFoundError):  # a secretary whose record was removed prints without a name
            secretary = s.members.get(profile.secretary_id)
    return {
        "branch_name": profile.branch_name,
        "upper_body": profile.upper_body,
        "upper_body_2": profile.upper_body_2,
        "place_name": profile.place_name,
        "term_start": profile.term_start,
        "term_end": profile.term_end,
        "secretary_id": profile.secretary_id,
        "secretary_name": secretary.full_name if secretary else "",
        "branch_code": profile.branch_code,
        "layout_profile": profile.layout_profile,
    }


def _print(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(data)
        return
    secretary = data["secretary_name"] and f"{data['secretary_name']} (mã {data['secretary_id']})"
    term = ""
    if data["term_start"] or data["term_end"]:
        term = f"{format_dmy(data['term_start']) or '…'} – {format_dmy(data['term_end']) or '…'}"
    for key, value in (
        ("branch_name", data["branch_name"]),
        ("upper_body", data["upper_body"]),
        ("upper_body_2", data["upper_body_2"]),
        ("place_name", data["place_name"]),
        ("term", term),
        ("secretary_id", secretary),
    ):
        say(f"{labels.FIELD_LABEL[key]}: {value or notices.BRANCH_NOT_GIVEN}")


def cmd_branch_show(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        data = _as_dict(s, s.branch.profile())
    _print(data, args.json)
    return 0


def cmd_branch_set(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {
        field: nfc(getattr(args, option))
        for option, field in _TEXT_OPTIONS.items()
        if getattr(args, option) is not None
    }
    for option in ("term_start", "term_end"):
        if getattr(args, option) is not None:
            changes[option] = parse_optional_date(getattr(args, option), option)
    if args.secretary is not None:
        try:
            changes["secretary_id"] = int(args.secretary) if args.secretary.strip() else None
        except ValueError as exc:
            raise CliInputError(error_text.field_error("secretary_id", "invalid")) from exc
    if not changes:
        raise CliInputError(notices.BRANCH_NOTHING_TO_SET)
    with services_for(args) as s:
        saved = s.branch.save_profile(replace(s.branch.profile(), **changes))
        data = _as_dict(s, saved)
    if not args.json:
        say(notices.BRANCH_SAVED)
    _print(data, args.json)
    return 0


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
