"""CLI commands for Excel: export summary / package, members import / export, consolidate. Parsing and printing only.

"export" and "members" groups may already exist (commands_export, commands_core): the subcommands join them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.bootstrap import consolidation_service
from app.cli.commands_core import services_for
from app.cli.output import CliInputError, print_json, say
from app.domain import labels, notices, periods, vntext
from app.domain.dates import format_dmy, parse_date
from app.domain.errors import ExportError
from app.domain.periods import Period
from app.services.documents import period_for
from app.services.member_import import ImportReport


def _group(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The subcommands of group *name*, creating the group when no other module has."""
    parser = sub.choices.get(name)
    if parser is None:
        return sub.add_parser(name, help=help_text).add_subparsers(dest="action", required=True, metavar="VIỆC")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError(f"command {name!r} has no subcommands")


def _period_options(p: argparse.ArgumentParser, *, required: bool, custom: bool = False) -> None:
    p.add_argument("--year", type=int, required=required and not custom, metavar="NĂM")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="một quý")
    group.add_argument("--half", type=int, choices=[1, 2], help="6 tháng (1: đầu năm, 2: cuối năm)")
    if required:
        group.add_argument("--full-year", action="store_true", help="cả năm")
    if custom:
        p.add_argument("--from", dest="date_from", metavar="NGÀY", help="từ ngày (dd/mm/yyyy), cùng với --until")
        p.add_argument("--until", dest="date_until", metavar="NGÀY", help="đến ngày (dd/mm/yyyy)")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = _group(sub, "export", "xuất văn bản và bảng tính")
    p = export.add_parser("summary", help="bảng tổng hợp Excel của một quý, 6 tháng, năm hoặc khoảng ngày")
    _period_options(p, required=True, custom=True)
    p.add_argument("--out", required=True, metavar="TỆP", help="tệp .xlsx cần ghi")
    p.add_argument("--with-cccd", action="store_true", help="ghi cả số CCCD vào danh sách đảng viên")
    p.add_argument("--with-phone", action="store_true", help="ghi cả số điện thoại vào danh sách đảng viên")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_summary)

    p = export.add_parser("package", help="gói nộp cấp trên trên USB: biên bản, báo cáo, bảng tổng hợp, manifest")
    _period_options(p, required=True)
    p.add_argument("--to", required=True, metavar="THƯ MỤC", help="thư mục đích, thường là ổ USB (ví dụ E:\\)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_package)

    members = _group(sub, "members", "danh sách đảng viên")
    p = members.add_parser("import", help="nhập danh sách đảng viên từ tệp Excel (.xlsx)")
    p.add_argument("file", metavar="TỆP", help="tệp .xlsx có dòng tiêu đề (Họ và tên, Ngày sinh, Ngày vào Đảng …)")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và cho xem trước, không ghi gì")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_members_import)
    p = members.add_parser("export", help="xuất danh sách đảng viên ra tệp Excel (.xlsx)")
    p.add_argument("file", metavar="TỆP", help="tệp .xlsx cần ghi")
    p.add_argument("--all", action="store_true", help="gồm cả đảng viên đã chuyển đi, xóa tên, từ trần")
    p.add_argument("--with-cccd", action="store_true", help="ghi cả số CCCD")
    p.add_argument("--with-phone", action="store_true", help="ghi cả số điện thoại")
    p.set_defaults(handler=cmd_members_export)

    p = sub.add_parser("consolidate", help="(cấp ủy cấp trên) tổng hợp bảng tổng hợp Excel của nhiều chi bộ")
    p.add_argument("paths", nargs="+", metavar="ĐƯỜNG DẪN", help="tệp .xlsx hoặc thư mục (tìm cả thư mục con)")
    p.add_argument("--out", required=True, metavar="TỆP", help="tệp tổng hợp .xlsx cần ghi (kèm biên nhận .txt, .json)")
    _period_options(p, required=False)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_consolidate)


def _period(args: argparse.Namespace) -> Period:
    if getattr(args, "date_from", None) or getattr(args, "date_until", None):
        if args.year is not None or args.quarter or args.half or getattr(args, "full_year", False):
            raise CliInputError(notices.XLSX_CLI_PERIOD_USAGE)
        if not (args.date_from and args.date_until):
            raise CliInputError(notices.XLSX_CLI_PERIOD_USAGE)
        start, end = parse_date(args.date_from, "from"), parse_date(args.date_until, "until")
        try:
            return periods.custom(start, end)
        except ValueError as exc:
            raise CliInputError(notices.XLSX_CLI_PERIOD_USAGE) from exc
    if args.year is None:
        raise CliInputError(notices.XLSX_CLI_PERIOD_USAGE)
    if not (args.quarter or args.half or getattr(args, "full_year", False)):
        raise CliInputError(notices.XLSX_CLI_PERIOD_USAGE)
    return period_for(args.year, args.quarter, args.half)


# ---------------------------------------------------------------------------- export
def cmd_export_summary(args: argparse.Namespace) -> int:
    period = _period(args)
    with services_for(args) as s:
        path = s.summary.export(period, Path(args.out), with_cccd=args.with_cccd, with_phone=args.with_phone)
    if args.json:
        print_json({"path": str(path), "period": period.key})
    else:
        say(notices.XLSX_SUMMARY_DONE.format(path=path, period=periods.label(period)))
    return 0


def cmd_export_package(args: argparse.Namespace) -> int:
    period = _period(args)
    with services_for(args) as s:
        result = s.package.build(period, Path(args.to))
    if args.json:
        print_json(
            {
                "folder": str(result.folder),
                "files": [{"path": e.path, "size": e.size, "sha256": e.sha256} for e in result.files],
                "total_bytes": result.total_bytes,
                "warnings": list(result.warnings),
            }
        )
    else:
        for warning in result.warnings:
            say(f"Lưu ý: {warning}")
        say(
            notices.PACKAGE_DONE.format(
                path=result.folder, count=len(result.files) + 1, size=vntext.file_size(result.total_bytes)
            )
        )
    return 0


# ---------------------------------------------------------------------------- members
def cmd_members_import(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        report = s.importer.run(Path(args.file), dry_run=args.dry_run)
    if args.json:
        print_json(report.to_dict())
    else:
        _print_import(report)
    if report.problems:
        raise ExportError("import_rejected", count=len({p.row for p in report.problems}))
    return 0


def _print_import(report: ImportReport) -> None:
    for problem in report.problems:
        say(problem.message)
    if report.problems:
        return
    if report.legacy_cells:
        say(notices.IMPORT_LEGACY.format(count=report.legacy_cells))
    if report.skipped_rows:
        rows = ", ".join(str(n) for n in report.skipped_rows[:20]) + (" …" if len(report.skipped_rows) > 20 else "")
        say(notices.IMPORT_SKIPPED.format(count=len(report.skipped_rows), rows=rows))
    for label, items in ((notices.IMPORT_WILL_ADD, report.added), (notices.IMPORT_WILL_UPDATE, report.updated)):
        if items and report.dry_run:
            say(label)
            for r in items:
                changed = f" ({', '.join(labels.FIELD_LABEL.get(f, f) for f in r.changed)})" if r.changed else ""
                events = "".join(
                    f"; {labels.STATUS_EVENT.get(e.kind.value, e.kind.value)}, ngày {format_dmy(e.on)}"
                    for e in r.member.events
                    if e.id is None
                )
                say(f"  Dòng {r.row}: {r.member.full_name}, sinh {format_dmy(r.member.date_of_birth)}{changed}{events}")
    for r in report.added + report.updated:
        for warning in r.warnings:
            say(f"Lưu ý (dòng {r.row}, {r.member.full_name}): {warning}")
    for notice in report.notices:
        say(f"Lưu ý: {notice}")
    say(
        notices.IMPORT_SUMMARY.format(
            added=len(report.added), updated=len(report.updated), unchanged=len(report.unchanged)
        )
    )
    if report.dry_run:
        say(notices.IMPORT_DRY_RUN)


def cmd_members_export(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        path = s.summary.export_roster(
            Path(args.file), include_former=args.all, with_cccd=args.with_cccd, with_phone=args.with_phone
        )
    say(notices.XLSX_ROSTER_DONE.format(path=path))
    return 0


# ---------------------------------------------------------------------------- consolidation
def cmd_consolidate(args: argparse.Namespace) -> int:
    if args.year is None and (args.quarter or args.half):
        raise CliInputError(notices.XLSX_CLI_PERIOD_USAGE)
    period = period_for(args.year, args.quarter, args.half) if args.year is not None else None
    service = consolidation_service()  # no branch file needed: the committee's own machine
    out = Path(args.out)
    result = service.run([Path(p) for p in args.paths], period=period, exclude=[out])
    if not result.branches:
        if args.json:
            print_json({"accepted": 0, "files": [o.to_dict() for o in result.outcomes]})
        else:
            sys.stdout.write(service.receipt(result))
        raise ExportError("consolidate_nothing", rejected=len(result.rejected))
    files = service.write(result, out)
    if args.json:
        print_json(
            {
                "output": str(files.workbook),
                "receipt_text": str(files.receipt_text),
                "receipt_json": str(files.receipt_json),
                "accepted": len(result.branches),
                "rejected": len(result.rejected),
                "superseded": len(result.superseded),
                "files": [o.to_dict() for o in result.outcomes],
            }
        )
    else:
        sys.stdout.write(files.receipt_text.read_text(encoding="utf-8"))
    return 0
