"""CLI commands of the dues book: dues basis / exempt / pay / sent / list / history, export dues. Parsing and printing only."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands_core import services_for
from app.cli.commands_excel import _group
from app.cli.output import print_json, print_table, say
from app.domain import messages_dues as mdues
from app.domain.dates import format_dmy, parse_date
from app.domain.dues import Channel, DuesKind, Month, ReliefKind, parse_money, parse_month_range
from app.services.dues import describe_basis


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    dues = sub.add_parser("dues", help="sổ thu, nộp đảng phí").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = dues.add_parser("basis", help="ghi căn cứ đóng đảng phí của một đảng viên từ một tháng")
    p.add_argument("member", type=int, metavar="MÃ", help="mã đảng viên (xem: members list)")
    p.add_argument("--from", dest="start", required=True, metavar="MM/YYYY", help="từ tháng")
    group = p.add_mutually_exclusive_group()  # neither for --kind student (a fixed amount)
    group.add_argument("--base", metavar="SỐ TIỀN", help="thu nhập làm căn cứ (lương đóng BHXH, lương hưu …)")
    group.add_argument("--fixed", metavar="SỐ TIỀN", help="mức đóng cố định mỗi tháng")
    p.add_argument("--kind", default="salary", choices=[k.value for k in DuesKind], help="loại căn cứ")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_basis)

    p = dues.add_parser("exempt", help="ghi miễn, giảm hoặc cho chậm đóng đảng phí")
    p.add_argument("member", type=int, metavar="MÃ")
    p.add_argument("--from", dest="start", required=True, metavar="MM/YYYY")
    p.add_argument("--until", default="", metavar="MM/YYYY", help="đến tháng (bỏ trống: chưa có hạn)")
    p.add_argument("--reason", required=True, help="lý do")
    p.add_argument("--kind", default="exempt", choices=[k.value for k in ReliefKind], help="miễn, giảm, chậm đóng")
    p.add_argument("--pct", type=int, default=0, help="mức giảm (30, 50, 70) khi --kind reduce")
    p.add_argument("--document", default="", help="số văn bản cho miễn, giảm")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_exempt)

    p = dues.add_parser("pay", help="ghi một lần nộp đảng phí (một hoặc nhiều tháng)")
    p.add_argument("member", type=int, metavar="MÃ")
    p.add_argument("--month", required=True, metavar="MM/YYYY[-MM/YYYY]", help="tháng, hoặc khoảng tháng")
    p.add_argument("--amount", required=True, metavar="SỐ TIỀN", help="tổng số tiền nộp (đồng)")
    p.add_argument("--on", default="", metavar="NGÀY", help="ngày nộp (mặc định: hôm nay)")
    p.add_argument("--channel", default="cash", choices=[c.value for c in Channel], help="tiền mặt hoặc Cổng DVC")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_pay)

    p = dues.add_parser("sent", help="ghi chi bộ đã nộp đảng phí lên cấp trên")
    p.add_argument("--month", required=True, metavar="MM/YYYY")
    p.add_argument("--on", required=True, metavar="NGÀY", help="ngày nộp cấp trên")
    p.add_argument("--amount", default="", metavar="SỐ TIỀN", help="mặc định: số phải nộp cấp trên của tháng")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sent)

    p = dues.add_parser("list", help="tình hình nộp đảng phí của một tháng")
    p.add_argument("--month", required=True, metavar="MM/YYYY")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = dues.add_parser("history", help="các tháng đảng phí của một đảng viên")
    p.add_argument("member", type=int, metavar="MÃ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history)

    export = _group(sub, "export", "xuất văn bản và bảng tính")
    p = export.add_parser("dues", help="sổ thu, nộp đảng phí của năm (--year) hoặc bảng kê thu của tháng (--month)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--year", type=int, metavar="NĂM")
    group.add_argument("--month", metavar="MM/YYYY", help="bảng kê thu đảng phí nộp kèm tiền")
    p.add_argument("--out", required=True, metavar="TỆP", help="tệp .xlsx cần ghi")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_dues)


def _month(text: str, field: str = "month") -> Month:
    return Month.parse(text, field)


def cmd_basis(args: argparse.Namespace) -> int:
    start = _month(args.start, "from_month")
    base = parse_money(args.base, "base") if args.base is not None else None
    fixed = parse_money(args.fixed, "fixed") if args.fixed is not None else None
    with services_for(args) as s:
        basis, due = s.dues.set_basis(args.member, start, DuesKind(args.kind), base=base, fixed=fixed, note=args.note)
        name = s.members.get(args.member).full_name
    if args.json:
        print_json({"id": basis.id, "member_id": basis.member_id, "from": start.key, "kind": basis.kind.value,
                    "base": basis.base, "fixed": basis.fixed, "due": due.amount, "exempt": due.exempt})  # fmt: skip
    else:
        shown = mdues.STATUS["exempt"] if due.exempt else mdues.money(due.amount or 0)
        say(mdues.BASIS_SAVED.format(name=name, month=start.label, what=describe_basis(basis), due=shown))
    return 0


def cmd_exempt(args: argparse.Namespace) -> int:
    start = _month(args.start, "from_month")
    until = _month(args.until, "until_month") if args.until.strip() else None
    kind = ReliefKind(args.kind)
    with services_for(args) as s:
        relief = s.dues.add_relief(
            args.member, start, args.reason, until=until, kind=kind, reduction_pct=args.pct, document=args.document
        )
        name = s.members.get(args.member).full_name
    if args.json:
        print_json({"id": relief.id, "member_id": relief.member_id, "kind": relief.kind.value, "from": start.key,
                    "until": until.key if until else None, "reduction_pct": relief.reduction_pct,
                    "reason": relief.reason})  # fmt: skip
    else:
        what = mdues.RELIEF[kind] + (f" {relief.reduction_pct}%" if kind is ReliefKind.REDUCE else "")
        say(mdues.EXEMPT_SAVED.format(relief=what.lower(), name=name, first=start.label,
                                      until=mdues.UNTIL.format(month=until.label) if until else "",
                                      reason=relief.reason))  # fmt: skip
    return 0


def cmd_pay(args: argparse.Namespace) -> int:
    first, last = parse_month_range(args.month, "month")
    amount = parse_money(args.amount, "amount")
    paid_on = parse_date(args.on, "paid_on") if args.on.strip() else None
    with services_for(args) as s:
        result = s.dues.pay(args.member, first, last, amount, paid_on=paid_on, channel=Channel(args.channel),
                            note=args.note)  # fmt: skip
    r = result.receipt
    if args.json:
        print_json({"receipt_id": r.id, "member_id": r.member_id, "amount": r.amount, "paid_on": r.paid_on,
                    "channel": r.channel.value,
                    "months": [{"month": m.key, "amount": a} for m, a in result.split]})  # fmt: skip
    else:
        months = first.label if first == last else f"{first.label}–{last.label}"
        say(mdues.PAY_SAVED.format(name=result.member.full_name, amount=mdues.money(r.amount), day=format_dmy(r.paid_on),
                                   channel=mdues.CHANNEL[r.channel], months=months))  # fmt: skip
    return 0


def cmd_sent(args: argparse.Namespace) -> int:
    month = _month(args.month)
    sent_on = parse_date(args.on, "sent_on")
    amount = parse_money(args.amount, "amount") if args.amount.strip() else None
    with services_for(args) as s:
        r = s.dues.record_sent(month, sent_on, amount)
    if args.json:
        print_json({"month": r.month.key, "sent_on": r.sent_on, "amount": r.amount})
    else:
        say(mdues.SENT_SAVED.format(amount=mdues.money(r.amount), month=month.label, day=format_dmy(r.sent_on)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    month = _month(args.month)
    with services_for(args) as s:
        rows = s.dues.month_rows(month)
        totals = s.dues.month_totals(month)
    if args.json:
        print_json([
            {"member_id": r.member_id, "full_name": r.full_name, "due": r.due, "paid": r.paid, "status": r.status,
             "paid_on": r.paid_on, "channel": r.channel or None, "advance": r.advance, "reason": r.reason}
            for r in rows
        ])  # fmt: skip
        return 0
    print_table(
        ["Mã", "Họ và tên", "Phải đóng", "Đã nộp", "Ngày nộp", "Tình trạng"],
        [[r.member_id, r.full_name, "" if r.due is None else mdues.money(r.due), mdues.money(r.paid),
          format_dmy(r.paid_on), mdues.STATUS[r.status] + (f" ({r.reason})" if r.reason else "")]
         for r in rows],
    )  # fmt: skip
    say(mdues.LIST_TOTAL.format(month=month.label, paid=totals.paid, owed=totals.owed - totals.exempt,
                                due=mdues.money(totals.due_total), total=mdues.money(totals.paid_total),
                                collected=mdues.money(totals.collected), kept=mdues.money(totals.kept),
                                upward=mdues.money(totals.upward)))  # fmt: skip
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        h = s.dues.member_history(args.member)
    rows = [{"month": r.month.key, "due": r.due, "paid": r.paid, "status": r.status, "paid_on": r.paid_on}
            for r in h.months]  # fmt: skip
    if args.json:
        print_json(rows)
        return 0
    say(h.member.full_name)
    print_table(
        ["Tháng", "Phải đóng", "Đã nộp", "Ngày nộp", "Tình trạng"],
        [[r.month.label, "" if r.due is None else mdues.money(r.due), mdues.money(r.paid), format_dmy(r.paid_on),
          mdues.STATUS[r.status]] for r in h.months],
    )  # fmt: skip
    return 0


def cmd_export_dues(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        if args.year is not None:
            path = s.dues_documents.export_book(args.year, Path(args.out))
            text = mdues.BOOK_WRITTEN.format(year=args.year, path=path)
        else:
            month = _month(args.month)
            path = s.dues_documents.export_sheet(month, Path(args.out))
            text = mdues.SHEET_WRITTEN.format(month=month.label, path=path)
    if args.json:
        print_json({"path": str(path)})
    else:
        say(text)
    return 0
