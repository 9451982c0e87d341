"""CLI commands of the data core: demo, members, meetings, topics, check, search. Parsing and printing only."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from app.bootstrap import Services, open_services
from app.cli.output import parse_id_reasons, parse_ids, print_json, print_table, read_secret_line, say
from app.config import resolve_paths
from app.domain import labels, vntext
from app.domain.attendance import default_attendance
from app.domain.dates import format_dmy, parse_date, parse_optional_date, parse_time
from app.domain.errors import ValidationError
from app.domain.meeting_record import AttendanceCode, MeetingKind, MeetingPart, Section
from app.domain.vntext import nfc
from app.services.members import member_from_fields, soft_warnings


@contextmanager
def services_for(args: argparse.Namespace) -> Iterator[Services]:
    """The services for one command; with ``--unlock-stdin`` the program password opens CCCD and phone."""
    services = open_services(resolve_paths(args.db))
    try:
        if getattr(args, "unlock_stdin", False):
            services.security.unlock(read_secret_line())
        yield services
    finally:
        services.close()


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="tạo chi bộ mẫu trong cơ sở dữ liệu trống")
    p.add_argument("--members", type=int, default=24, help="số đảng viên (mặc định 24)")
    p.add_argument("--years", type=int, default=2, help="số năm sinh hoạt (mặc định 2)")
    p.add_argument("--seed", type=int, default=2026, help="hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)")
    p.set_defaults(handler=cmd_demo)

    members = sub.add_parser("members", help="danh sách đảng viên").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = members.add_parser("list", help="đảng viên đang sinh hoạt, theo thứ tự tên")
    p.add_argument("--search", default="", help="tìm theo họ tên (không cần dấu)")
    p.add_argument("--all", action="store_true", help="gồm cả đảng viên đã chuyển đi, xóa tên, từ trần")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_members_list)
    p = members.add_parser("add", help="thêm đảng viên")
    p.add_argument("--name", required=True, help="họ và tên")
    p.add_argument("--born", required=True, help="ngày sinh (dd/mm/yyyy)")
    p.add_argument("--joined", required=True, help="ngày vào Đảng (dd/mm/yyyy)")
    p.add_argument("--official", default="", help="ngày chính thức (dd/mm/yyyy)")
    p.add_argument("--card", default="", help="số thẻ đảng viên")
    p.add_argument("--gender", default="", choices=["", "Nam", "Nữ"], help="Nam hoặc Nữ")
    p.add_argument("--cccd", default="", help="số căn cước công dân (12 chữ số)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_members_add)

    meetings = sub.add_parser("meetings", help="các cuộc sinh hoạt").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = meetings.add_parser("add", help="ghi một cuộc sinh hoạt (mọi đảng viên khác đều có mặt)")
    p.add_argument("--kind", required=True, choices=[k.value for k in MeetingKind], help="loại sinh hoạt")
    p.add_argument("--date", required=True, help="ngày sinh hoạt (dd/mm/yyyy)")
    p.add_argument("--start", default="", help="giờ bắt đầu (HH:MM)")
    p.add_argument("--end", default="", help="giờ kết thúc (HH:MM)")
    p.add_argument("--excused", default="", help="vắng có lý do: mã,mã hoặc mã:lý do,…")
    p.add_argument("--unexcused", default="", help="vắng không lý do: mã,mã,…")
    p.add_argument("--title", default="", help="tiêu đề / tên chuyên đề")
    p.add_argument("--content", default="", help="nội dung chính")
    p.add_argument("--topic", type=int, default=None, help="mã phân công chuyên đề được trình bày tại buổi này")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_meetings_add)
    p = meetings.add_parser("list", help="các cuộc sinh hoạt đã ghi")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_meetings_list)
    p = meetings.add_parser("adopt", help="thông qua và niêm phong biên bản")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_meetings_adopt)

    topics = sub.add_parser("topics", help="phân công chuyên đề").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = topics.add_parser("assign", help="phân công đảng viên chuẩn bị chuyên đề của một quý")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--quarter", type=int, required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--members", required=True, help="mã đảng viên, người đầu tiên chủ trì: 3,5")
    p.add_argument("--due", default="", help="hạn nộp dự thảo (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_topics_assign)
    p = topics.add_parser("list", help="các phân công chuyên đề")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_topics_list)

    p = sub.add_parser("check", help="kiểm tra chi bộ theo các quy định")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("search", help="tìm trong đảng viên, biên bản, chuyên đề (không cần dấu)")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)


# ---------------------------------------------------------------------------- demo
def cmd_demo(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        summary = s.demo.fill(members=args.members, years=args.years, seed=args.seed)
    say(
        f"Đã tạo chi bộ mẫu: {summary.members} đảng viên, {summary.meetings} cuộc sinh hoạt, {summary.assignments} phân công chuyên đề."
    )
    return 0


# ---------------------------------------------------------------------------- members
def cmd_members_list(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        today = s.today()
        members = s.members.list(search=nfc(args.search), include_former=args.all)
        rows = [
            {
                "id": m.id,
                "full_name": m.full_name,
                "date_of_birth": m.date_of_birth,
                "status": m.status_on(today).value,
                "party_card_no": m.party_card_no,
                "joined_on": m.joined_on,
                "official_on": m.official_on,
                "gender": m.gender,
                "party_position": m.party_position,
            }
            for m in members
        ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["Mã", "Họ và tên", "Ngày sinh", "Tình trạng", "Số thẻ", "Vào Đảng"],
            [
                [r["id"], r["full_name"], format_dmy(r["date_of_birth"]), labels.MEMBER_STATUS[r["status"]],
                 r["party_card_no"], format_dmy(r["joined_on"])]
                for r in rows
            ],
        )  # fmt: skip
        say(f"Tổng số: {len(rows)} đồng chí.")
    return 0


def cmd_members_add(args: argparse.Namespace) -> int:
    fields = {
        "full_name": nfc(args.name),
        "date_of_birth": args.born,
        "joined_on": args.joined,
        "official_on": args.official,
        "party_card_no": nfc(args.card),
        "gender": nfc(args.gender),
        "cccd": args.cccd,
    }
    member = member_from_fields(fields)
    with services_for(args) as s:
        stored = s.members.add(member)
        warnings = soft_warnings(stored, s.today())
    if args.json:
        print_json({"id": stored.id, "full_name": stored.full_name, "warnings": warnings})
    else:
        say(str(stored.id))
        for w in warnings:
            say(f"Lưu ý: {w}")
    return 0


# ---------------------------------------------------------------------------- meetings
def cmd_meetings_add(args: argparse.Namespace) -> int:
    kind = MeetingKind(args.kind)
    on = parse_date(args.date, "date")
    start = parse_time(args.start, "start") if args.start.strip() else None
    end = parse_time(args.end, "end") if args.end.strip() else None
    excused = parse_id_reasons(args.excused, "--excused")
    unexcused = parse_ids(args.unexcused, "--unexcused")
    if set(excused) & set(unexcused):
        raise ValidationError({"attendance": "both_lists"})
    with services_for(args) as s:
        draft = s.meetings.prepare(kind, on)
        roll = {row.member_id for row in default_attendance(s.members.all(), on)}
        unknown = [i for i in [*excused, *unexcused] if i not in roll]
        if unknown:
            all_ids = {m.id for m in s.members.all()}
            code = "not_on_roll" if all(i in all_ids for i in unknown) else "unknown_member"
            raise ValidationError({"excused" if unknown[0] in excused else "unexcused": code})
        rows = []
        for row in draft.attendance:
            if row.member_id in excused:
                row = replace(row, code=AttendanceCode.ABSENT_EXCUSED, reason=excused[row.member_id])
            elif row.member_id in unexcused:
                row = replace(row, code=AttendanceCode.ABSENT_UNEXCUSED)
            rows.append(row)
        part = MeetingPart.THEMATIC if kind is MeetingKind.THEMATIC else MeetingPart.REGULAR
        sections = (Section("Nội dung sinh hoạt", nfc(args.content), part),) if args.content.strip() else draft.sections
        meeting = replace(draft, start=start, end=end, title=nfc(args.title), sections=sections, attendance=tuple(rows))
        if args.topic is not None:
            s.topics.get(args.topic)  # fail before writing anything if the assignment does not exist
        stored = s.meetings.create(meeting)
        if args.topic is not None and stored.id is not None:
            s.topics.link_meeting(args.topic, stored.id)
        summary = s.meetings.summary(stored)
    if args.json:
        print_json({"id": stored.id, "present": summary.present, "base": summary.base})
    else:
        say(str(stored.id))
    return 0


def cmd_meetings_list(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        rows = []
        for m in s.meetings.list(year=args.year):
            rows.append(
                {
                    "id": m.id,
                    "kind": m.kind.value,
                    "date": m.on,
                    "present": m.present,
                    "base": m.base,
                    "status": m.status.value,
                    "start": m.start,
                    "end": m.end,
                    "title": m.title,
                    "attendance_pct": round(m.pct, 1),
                }
            )
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["Mã", "Ngày", "Loại", "Có mặt", "Tỷ lệ", "Trạng thái"],
            [
                [r["id"], format_dmy(r["date"]), labels.MEETING_KIND[r["kind"]], f"{r['present']}/{r['base']}",
                 vntext.percent(r["attendance_pct"]), labels.MEETING_STATUS[r["status"]]]
                for r in rows
            ],
        )  # fmt: skip
    return 0


def cmd_meetings_adopt(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        meeting = s.meetings.adopt(args.id)
    say(f"Đã thông qua biên bản ngày {format_dmy(meeting.on)}; mã niêm phong {meeting.content_hash[:16]}.")
    return 0


# ---------------------------------------------------------------------------- topics
def cmd_topics_assign(args: argparse.Namespace) -> int:
    ids = parse_ids(args.members, "--members")
    if not ids:
        raise ValidationError({"members": "required"})
    due = parse_optional_date(args.due, "due")
    with services_for(args) as s:
        stored = s.topics.assign(args.year, args.quarter, nfc(args.title), ids, due=due)
    if args.json:
        print_json({"id": stored.id})
    else:
        say(str(stored.id))
    return 0


def cmd_topics_list(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        rows = [
            {
                "id": a.id,
                "year": a.year,
                "quarter": a.quarter,
                "title": a.title,
                "status": a.status.value,
                "assignees": [{"id": p.member_id, "name": p.name, "lead": p.lead} for p in a.assignees],
                "draft_due": a.draft_due,
                "meeting_id": a.meeting_id,
            }
            for a in s.topics.list(args.year)
        ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["Mã", "Năm", "Quý", "Chuyên đề", "Người chuẩn bị", "Trạng thái"],
            [
                [r["id"], r["year"], r["quarter"], _short(r["title"], 60), ", ".join(p["name"] for p in r["assignees"]),
                 labels.TOPIC_STATUS[r["status"]]]
                for r in rows
            ],
        )  # fmt: skip
    return 0


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------- checks and search
def cmd_check(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        year = args.year or s.today().year
        findings = s.checks.run(year)
    if args.json:
        print_json(
            [
                {
                    "rule": f.rule,
                    "severity": f.severity.value,
                    "message": f.message,
                    "member_id": f.member_id,
                    "meeting_id": f.meeting_id,
                    "period": f.period,
                    "basis": f.facts.get("basis", ""),  # the rule's legal basis in force on the day judged
                }
                for f in findings
            ]
        )
    else:
        if not findings:
            say(f"Năm {year}: không có vấn đề nào cần lưu ý.")
        for f in findings:
            say(f"[{labels.SEVERITY[f.severity]}] {f.message}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        hits = s.search.search(nfc(args.text))
    if args.json:
        print_json([{"kind": h.kind, "id": h.id, "title": h.title, "snippet": h.snippet} for h in hits])
    else:
        kinds = {"member": "Đảng viên", "meeting": "Sinh hoạt", "topic": "Chuyên đề"}
        if not hits:
            say("Không tìm thấy kết quả nào.")
        for h in hits:
            say(f"{kinds.get(h.kind, h.kind)} #{h.id}: {h.title}\n    {h.snippet}")
    return 0
