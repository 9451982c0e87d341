"""CLI commands that write Word documents: export minutes / resolution / report. Parsing and printing only."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands_core import services_for
from app.cli.output import CliInputError, print_json, say
from app.domain import notices, periods
from app.services.documents import ExportResult, period_for


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = sub.add_parser(
        "export", help="xuất văn bản Word (biên bản, nghị quyết, báo cáo) và bảng tính Excel, gói USB"
    ).add_subparsers(dest="action", required=True, metavar="VĂN BẢN")
    p = export.add_parser(
        "minutes",
        help="biên bản một cuộc sinh hoạt (MÃ --out TỆP), hoặc mọi biên bản của một năm/quý (--year … --to THƯ MỤC)",
    )
    p.add_argument("meeting_id", nargs="?", type=int, metavar="MÃ", help="mã cuộc sinh hoạt (xem: meetings list)")
    p.add_argument("--out", metavar="TỆP", help="tệp .docx cần ghi")
    p.add_argument("--year", type=int, help="xuất mọi biên bản của năm này")
    p.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="chỉ quý này của năm")
    p.add_argument("--to", metavar="THƯ MỤC", help="thư mục ghi các biên bản (mỗi cuộc một tệp)")
    _number_option(p, "BB")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_minutes)

    p = export.add_parser("resolution", help="nghị quyết chi bộ từ một cuộc sinh hoạt")
    p.add_argument("meeting_id", type=int, metavar="MÃ", help="mã cuộc sinh hoạt (xem: meetings list)")
    p.add_argument("--out", required=True, metavar="TỆP", help="tệp .docx cần ghi")
    _number_option(p, "NQ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_resolution)

    p = export.add_parser("report", help="báo cáo quý, 6 tháng hoặc năm")
    p.add_argument("--year", type=int, required=True)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="báo cáo quý")
    group.add_argument("--half", type=int, choices=[1, 2], help="báo cáo 6 tháng (1: đầu năm, 2: cuối năm)")
    p.add_argument("--out", required=True, metavar="TỆP", help="tệp .docx cần ghi")
    _number_option(p, "BC")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_report)


def _number_option(p: argparse.ArgumentParser, code: str) -> None:
    p.add_argument(
        "--number",
        nargs="?",
        const=True,
        default=False,
        type=int,
        metavar="SỐ",
        help=f"đánh số văn bản (Số NN-{code}/CB): không ghi SỐ thì lấy số tiếp theo của nhiệm kỳ",
    )


# ---------------------------------------------------------------------------- handlers
def cmd_export_minutes(args: argparse.Namespace) -> int:
    if args.meeting_id is not None:
        if args.out is None or args.to is not None or args.year is not None:
            raise CliInputError(notices.DOC_CLI_MINUTES_USAGE)
        with services_for(args) as s:
            result = s.documents.minutes(args.meeting_id, Path(args.out), number=args.number)
        _print_one(result, "minutes", "BB", args.json)
        return 0
    if args.year is None or args.to is None or args.out is not None:
        raise CliInputError(notices.DOC_CLI_MINUTES_USAGE)
    if args.number:
        raise CliInputError(notices.DOC_CLI_NO_BATCH_NUMBER)
    period = period_for(args.year, args.quarter)
    folder = Path(args.to)
    with services_for(args) as s:
        results = s.documents.minutes_batch(period, folder)
    if not results:
        raise CliInputError(notices.DOC_BATCH_EMPTY.format(period=periods.label(period)))
    if args.json:
        print_json([_as_json(r) for r in results])
        return 0
    for r in results:
        line = r.path.name
        if r.blank_fields:
            line += " — " + notices.DOC_BLANKS.format(fields=", ".join(r.blank_labels))
        say(line)
        for warning in r.warnings:
            say("  " + notices.DOC_WARNING.format(text=warning))
    say(notices.DOC_BATCH_DONE.format(count=len(results), period=periods.label(period), folder=folder))
    return 0


def cmd_export_resolution(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        result = s.documents.resolution(args.meeting_id, Path(args.out), number=args.number)
    _print_one(result, "resolution", "NQ", args.json)
    return 0


def cmd_export_report(args: argparse.Namespace) -> int:
    period = period_for(args.year, args.quarter, args.half)
    with services_for(args) as s:
        result = s.documents.report(period, Path(args.out), number=args.number)
    _print_one(result, "report", "BC", args.json)
    return 0


# ---------------------------------------------------------------------------- printing
def _as_json(r: ExportResult) -> dict[str, object]:
    return {
        "path": str(r.path),
        "meeting_id": r.meeting_id,
        "number": r.number,
        "blank_fields": list(r.blank_fields),
        "blank_labels": r.blank_labels,
        "warnings": list(r.warnings),
    }


def _print_one(r: ExportResult, what: str, code: str, as_json: bool) -> None:
    if as_json:
        print_json(_as_json(r))
        return
    say(notices.DOC_WRITTEN.format(what=notices.DOC_WHAT[what], path=r.path))
    if r.number:
        say(notices.DOC_NUMBERED.format(number=f"{r.number}-{code}/CB"))
    say(notices.DOC_BLANKS.format(fields=", ".join(r.blank_labels)) if r.blank_fields else notices.DOC_NO_BLANKS)
    for warning in r.warnings:
        say(notices.DOC_WARNING.format(text=warning))
