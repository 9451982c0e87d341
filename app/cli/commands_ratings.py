"""CLI of the yearly review and rating: `ratings set|list|branch|history|deadline|export`. Parsing and printing only."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands_core import services_for
from app.cli.output import CliInputError, print_json, print_table, say
from app.domain import messages_ratings as rmsg
from app.domain.dates import parse_optional_date
from app.domain.ratings import RatingLevel
from app.domain.vntext import nfc
from app.services.ratings import quota_line

LEVELS = "xuat_sac|tot|hoan_thanh|khong_hoan_thanh"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    ratings = sub.add_parser("ratings", help="kiểm điểm, đánh giá, xếp loại chất lượng hằng năm").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = ratings.add_parser("set", help="ghi xếp loại năm của một đảng viên (chỉ đổi các mục được ghi)")
    p.add_argument("member", type=int, metavar="MÃ_ĐẢNG_VIÊN")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--self", dest="self_level", metavar="MỨC", help=f"tự xếp loại: {LEVELS}")
    p.add_argument("--proposed", metavar="MỨC", help=f"chi bộ đề xuất: {LEVELS}")
    p.add_argument("--final", metavar="MỨC", help=f"cấp trên quyết định: {LEVELS}")
    p.add_argument("--score", metavar="ĐIỂM", help="điểm đánh giá (thang 100, QĐ 366)")
    p.add_argument("--form", metavar="MẪU", help="mẫu bản kiểm điểm: 2A, 2B hoặc 2C")
    p.add_argument("--decision", metavar="VĂN_BẢN", help="số, ngày quyết định xếp loại")
    p.add_argument("--decided-by", metavar="CẤP", help="cấp quyết định, ví dụ Ban Thường vụ Đảng ủy")
    p.add_argument("--discipline", metavar="KỶ_LUẬT", help="kỷ luật trong năm (hình thức, quyết định)")
    p.add_argument("--votes", metavar="TÁN_THÀNH/TỔNG", help="biểu quyết của chi bộ, ví dụ 18/20")
    p.add_argument("--note", metavar="GHI_CHÚ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_set)

    p = ratings.add_parser("list", help="danh sách kiểm điểm, xếp loại của một năm")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = ratings.add_parser("branch", help="tự đánh giá và xếp loại của chi bộ (ghi hoặc xem)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--self", dest="self_level", metavar="MỨC", help=f"chi bộ tự xếp loại: {LEVELS}")
    p.add_argument("--proposed", metavar="MỨC", help=f"đề xuất: {LEVELS}")
    p.add_argument("--final", metavar="MỨC", help=f"cấp trên quyết định: {LEVELS}")
    p.add_argument("--score", metavar="ĐIỂM")
    p.add_argument("--decision", metavar="VĂN_BẢN")
    p.add_argument("--decided-by", metavar="CẤP")
    p.add_argument("--meeting-date", metavar="NGÀY", help="ngày hội nghị kiểm điểm (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_branch)

    p = ratings.add_parser("history", help="các năm xếp loại của một đảng viên")
    p.add_argument("member", type=int, metavar="MÃ_ĐẢNG_VIÊN")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history)

    p = ratings.add_parser("deadline", help="xem hoặc đặt hạn kiểm điểm hằng năm (ngày/tháng, mặc định 15/12)")
    p.add_argument("day", nargs="?", default=None, metavar="NGÀY/THÁNG")
    p.set_defaults(handler=cmd_deadline)

    p = ratings.add_parser("export", help="bản kiểm điểm, biên bản hội nghị, tổng hợp (Word) và bảng tính (Excel)")
    p.add_argument("what", choices=["forms", "minutes", "summary", "xlsx"], metavar="LOẠI",
                   help="forms (bản kiểm điểm cá nhân) | minutes (biên bản) | summary (tổng hợp) | xlsx")  # fmt: skip
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", metavar="TỆP", help="tệp cần ghi (.docx hoặc .xlsx); forms: mọi người trong một tệp")
    p.add_argument("--to", metavar="THƯ_MỤC", help="forms: mỗi đảng viên một tệp trong thư mục này")
    p.add_argument("--member", type=int, default=None, help="forms: chỉ một đảng viên")
    p.set_defaults(handler=cmd_export)


def _level_text(level: RatingLevel | None, rules) -> str:  # type: ignore[no-untyped-def]
    return rules.short_label(level) if level else "—"


def _votes(text: str | None) -> dict[str, int | None]:
    if text is None:
        return {}
    if not text.strip():
        return {"votes_for": None, "votes_total": None}
    try:
        votes_for, votes_total = (int(p) for p in text.replace(" ", "").split("/"))
    except ValueError as exc:
        raise CliInputError(rmsg.VOTES_INVALID + " Ví dụ: --votes 18/20.") from exc
    return {"votes_for": votes_for, "votes_total": votes_total}


def cmd_set(args: argparse.Namespace) -> int:
    changes: dict[str, object] = {}
    for key in ("self_level", "proposed", "final", "score", "form", "decision", "decided_by", "discipline", "note"):
        value = getattr(args, key)
        if value is not None:
            changes[key] = nfc(value)
    changes.update(_votes(args.votes))
    with services_for(args) as s:
        stored = s.ratings.set_member(args.member, args.year, **changes)
    if args.json:
        print_json(_row_json(stored.member_id, stored.member_name, stored))
    else:
        say(rmsg.SAVED.format(year=args.year, name=stored.member_name))
    return 0


def _row_json(member_id: int, name: str, r, not_rated=None, conflicts=()):  # type: ignore[no-untyped-def]
    return {
        "member_id": member_id,
        "full_name": name,
        "self": r.self_level.value if r and r.self_level else None,
        "proposed": r.proposed.value if r and r.proposed else None,
        "final": r.final.value if r and r.final else None,
        "form": r.form if r else "",
        "score": r.score if r else None,
        "decided_by": r.decided_by if r else "",
        "decision": r.decision if r else "",
        "votes_for": r.votes_for if r else None,
        "votes_total": r.votes_total if r else None,
        "not_rated": not_rated,
        "conflicts": list(conflicts),
    }


def cmd_list(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        season = s.ratings.season(args.year)
        rules = s.ratings.rules()
        quota = quota_line(season, s.ratings)
    rows = [_row_json(r.member.id, r.member.full_name, r.rating, r.not_rated, r.conflicts) for r in season.rows]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say(rmsg.LIST_EMPTY.format(year=args.year))
        return 0
    table = []
    for row in season.rows:
        r = row.rating
        score = "" if r is None or r.score is None else f"{r.score:g}".replace(".", ",")
        table.append(
            [row.member.id, row.member.full_name, r.form if r else "", _level_text(r and r.self_level, rules), score,
             _level_text(r and r.proposed, rules), _level_text(r and r.final, rules)]
        )  # fmt: skip
    print_table(rmsg.HEADERS, table)
    say(quota)
    return 0


def cmd_branch(args: argparse.Namespace) -> int:
    changes: dict[str, object] = {}
    for key in ("self_level", "proposed", "final", "score", "decision", "decided_by"):
        value = getattr(args, key)
        if value is not None:
            changes[key] = nfc(value)
    if args.meeting_date is not None:
        changes["meeting_on"] = parse_optional_date(args.meeting_date, "date")
    with services_for(args) as s:
        rating = s.ratings.set_branch(args.year, **changes) if changes else s.ratings.branch(args.year)
        rules = s.ratings.rules()
    payload = {
        "year": args.year,
        "self": rating.self_level.value if rating and rating.self_level else None,
        "proposed": rating.proposed.value if rating and rating.proposed else None,
        "final": rating.final.value if rating and rating.final else None,
        "score": rating.score if rating else None,
        "decided_by": rating.decided_by if rating else "",
        "decision": rating.decision if rating else "",
        "meeting_on": rating.meeting_on if rating else None,
    }
    if args.json:
        print_json(payload)
        return 0
    if changes:
        say(rmsg.BRANCH_SAVED.format(year=args.year))

    def label(level: RatingLevel | None) -> str:
        return rules.label(level) if level else rmsg.NOT_YET

    say(rmsg.BRANCH_LINE.format(
        year=args.year, self=label(rating and rating.self_level), proposed=label(rating and rating.proposed),
        final=label(rating and rating.final),
    ))  # fmt: skip
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        history = s.ratings.history(args.member)
        rules = s.ratings.rules()
    rows = [
        {"year": r.year, "self": r.self_level and r.self_level.value, "proposed": r.proposed and r.proposed.value,
         "final": r.final and r.final.value, "score": r.score, "decision": r.decision}
        for r in history
    ]  # fmt: skip
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["Năm", "Tự xếp loại", "Chi bộ đề xuất", "Cấp trên quyết định", "Quyết định"],
            [[r.year, _level_text(r.self_level, rules), _level_text(r.proposed, rules), _level_text(r.final, rules),
              r.decision] for r in history],
        )  # fmt: skip
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        if args.day is not None:
            s.ratings.set_deadline(args.day)
        deadline = s.ratings.deadline(s.today().year)
    say(rmsg.DEADLINE_SAVED.format(day=f"{deadline.day:02d}", month=f"{deadline.month:02d}"))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.what == "forms" and bool(args.out) == bool(args.to):
        raise CliInputError(
            "Hãy ghi --out TỆP.docx (mọi bản kiểm điểm trong một tệp) hoặc --to THƯ_MỤC (mỗi người một tệp)."
        )
    if args.what != "forms" and not args.out:
        raise CliInputError("Hãy ghi --out TỆP (tệp cần tạo).")
    with services_for(args) as s:
        docs = s.rating_documents
        if args.what == "forms":
            paths = docs.forms(args.year, out=Path(args.out) if args.out else None,
                               folder=Path(args.to) if args.to else None, member_id=args.member)  # fmt: skip
        elif args.what == "minutes":
            paths = [docs.minutes(args.year, Path(args.out))]
        elif args.what == "summary":
            paths = [docs.summary(args.year, Path(args.out))]
        else:
            paths = [docs.workbook(args.year, Path(args.out))]
    for path in paths:
        say(rmsg.DOC_WRITTEN.format(what=rmsg.DOC_WHAT[args.what], path=path))
    return 0
