"""CLI of "học tập và làm theo Bác": plans, learning, models, awards. Parsing and printing only."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands_core import services_for
from app.cli.output import parse_ids, print_json, print_table, say
from app.domain import messages_kl01 as mk
from app.domain.dates import format_dmy, parse_date, parse_optional_date
from app.domain.errors import ValidationError
from app.domain.kl01 import RecognitionKind, ReviewResult, ReviewStage
from app.domain.vntext import nfc


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    plans = sub.add_parser("plans", help="kế hoạch cá nhân, bản cam kết học tập và làm theo Bác").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = plans.add_parser("set", help="nhập hoặc sửa kế hoạch cá nhân, bản cam kết của một đảng viên")
    p.add_argument("member", type=int, help="mã đảng viên")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--commitments", required=True, help="các nội dung cam kết, cách nhau bằng dấu chấm phẩy")
    p.add_argument("--breakthrough", default=None, help="nội dung đột phá của năm")
    p.add_argument("--signed", default="", help="ngày ký (dd/mm/yyyy)")
    p.add_argument("--comment", default=None, help="nhận xét của chi ủy")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plans_set)
    p = plans.add_parser("review", help="ghi kết quả tự đánh giá sơ kết 6 tháng hoặc cuối năm")
    p.add_argument("member", type=int, help="mã đảng viên")
    p.add_argument("--year", type=int, required=True)
    stage = p.add_mutually_exclusive_group(required=True)
    stage.add_argument("--midyear", action="store_true", help="sơ kết 6 tháng")
    stage.add_argument("--year-end", action="store_true", help="cuối năm")
    p.add_argument("--result", required=True, choices=[r.value for r in ReviewResult])
    p.add_argument("--note", default=None)
    p.add_argument("--item", type=int, default=None, help="chỉ đánh giá cam kết số này (1, 2, …)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plans_review)
    p = plans.add_parser("list", help="kế hoạch cá nhân của năm, từng đảng viên")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plans_list)
    p = plans.add_parser("branch", help="nội dung đột phá và chuẩn mực đạo đức của chi bộ trong năm")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--breakthrough", default="")
    p.add_argument("--ethics", default="", help="chuẩn mực đạo đức của đơn vị")
    p.set_defaults(handler=cmd_plans_branch)
    p = plans.add_parser("deadlines", help="xem hoặc đổi hạn kế hoạch cá nhân và hạn tự đánh giá cuối năm")
    p.add_argument("--plan", default=None, help="hạn kế hoạch cá nhân (ngày/tháng, mặc định 31/03)")
    p.add_argument("--review", default=None, help="hạn tự đánh giá cuối năm (ngày/tháng, mặc định 15/12)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plans_deadlines)
    p = plans.add_parser("forms", help="in mẫu kế hoạch cá nhân, bản cam kết (mỗi đồng chí một trang)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True, help="tệp .docx")
    p.add_argument("--members", default="", help="chỉ các mã này: 3,5 (mặc định: mọi đồng chí phải làm)")
    p.set_defaults(handler=cmd_plans_forms)

    learning = sub.add_parser("learning", help="bài thu hoạch").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = learning.add_parser("add", help="ghi nhận bài thu hoạch của một đảng viên")
    p.add_argument("member", type=int, help="mã đảng viên")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--submitted", required=True, help="ngày nộp (dd/mm/yyyy)")
    p.add_argument("--file", default="", help="tệp bài thu hoạch (được chép vào thư mục dữ liệu)")
    p.add_argument("--topic", default="", help="chuyên đề năm")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_learning_add)
    p = learning.add_parser("list", help="các bài thu hoạch của năm")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_learning_list)
    p = learning.add_parser("cover", help="in trang bìa bài thu hoạch của một đảng viên")
    p.add_argument("member", type=int)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True, help="tệp .docx")
    p.set_defaults(handler=cmd_learning_cover)

    models = sub.add_parser("models", help="mô hình, cách làm hay; điển hình tiên tiến").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = models.add_parser("add", help="thêm mô hình hoặc điển hình")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--kind", required=True, choices=[k.value for k in RecognitionKind])
    p.add_argument("--member", type=int, default=None, help="mã đảng viên (bỏ trống: tập thể)")
    p.add_argument("--note", default="", help="nội dung, cách làm")
    p.add_argument("--by", default="", help="cấp công nhận")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_models_add)
    p = models.add_parser("list", help="mô hình và điển hình của năm")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_models_list)

    p = models.add_parser("delete", help="xóa một mô hình hoặc điển hình nhập nhầm")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_models_delete)

    awards = sub.add_parser("awards", help="khen thưởng").add_subparsers(dest="action", required=True, metavar="VIỆC")
    p = awards.add_parser("add", help="ghi một khen thưởng cho đảng viên hoặc chi bộ")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--form", required=True, help="hình thức: Giấy khen, Bằng khen …")
    p.add_argument("--level", required=True, help="cấp khen: Đảng ủy xã, Tỉnh ủy …")
    p.add_argument("--date", required=True, help="ngày quyết định (dd/mm/yyyy)")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", type=int, default=None)
    who.add_argument("--branch", action="store_true", help="khen thưởng tập thể chi bộ")
    p.add_argument("--decision", default="", help="số quyết định")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_awards_add)
    p = awards.add_parser("list", help="khen thưởng của năm")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_awards_list)
    p = awards.add_parser("delete", help="xóa một khen thưởng nhập nhầm")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_awards_delete)


# ---------------------------------------------------------------------------- plans
def cmd_plans_set(args: argparse.Namespace) -> int:
    items = [nfc(c) for c in args.commitments.split(";")]
    signed = parse_optional_date(args.signed, "signed_on")
    with services_for(args) as s:
        plan = s.kl01.set_plan(
            args.member, args.year, items,
            breakthrough=nfc(args.breakthrough) if args.breakthrough is not None else None,
            signed_on=signed,
            committee_comment=nfc(args.comment) if args.comment is not None else None,
        )  # fmt: skip
        name = s.members.get(args.member).full_name
    if args.json:
        print_json({"id": plan.id, "member_id": plan.member_id, "year": plan.year, "signed_on": plan.signed_on,
                    "commitments": [c.text for c in plan.commitments]})  # fmt: skip
    else:
        say(mk.CLI_PLAN_SAVED.format(year=plan.year, name=name))
    return 0


def cmd_plans_review(args: argparse.Namespace) -> int:
    stage = ReviewStage.MIDYEAR if args.midyear else ReviewStage.YEAR_END
    result = ReviewResult(args.result)
    with services_for(args) as s:
        plan = s.kl01.review(
            args.member, args.year, stage, result, note=nfc(args.note) if args.note is not None else None,
            item=args.item,
        )  # fmt: skip
        name = s.members.get(args.member).full_name
    if args.json:
        print_json({"member_id": plan.member_id, "year": plan.year, "midyear": _v(plan.midyear),
                    "year_end": _v(plan.year_end)})  # fmt: skip
    else:
        say(mk.CLI_REVIEW_SAVED.format(stage=mk.STAGE[stage.value], year=plan.year, name=name,
                                        result=mk.RESULT[result.value]))  # fmt: skip
    return 0


def _v(result: ReviewResult | None) -> str | None:
    return result.value if result else None


def cmd_plans_list(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        rows = [
            {
                "member_id": r.member.id,
                "full_name": r.member.full_name,
                "state": r.state.value,
                "signed_on": r.plan.signed_on if r.plan else None,
                "midyear": _v(r.plan.midyear) if r.plan else None,
                "year_end": _v(r.plan.year_end) if r.plan else None,
                "commitments": [c.text for c in r.plan.commitments] if r.plan else [],
                "breakthrough": r.plan.breakthrough if r.plan else "",
                "learning_report": r.report.submitted_on if r.report else None,
            }
            for r in s.kl01.grid(args.year)
        ]
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["Mã", "Họ và tên", "Kế hoạch", "Ngày ký", "Sơ kết", "Cuối năm", "Thu hoạch"],
        [
            [r["member_id"], r["full_name"], mk.PLAN_STATE[r["state"]], format_dmy(r["signed_on"]),
             mk.RESULT_SHORT.get(r["midyear"] or "", ""), mk.RESULT_SHORT.get(r["year_end"] or "", ""),
             format_dmy(r["learning_report"])]
            for r in rows
        ],
    )  # fmt: skip
    return 0


def cmd_plans_branch(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        s.kl01.set_branch_year(args.year, breakthrough=nfc(args.breakthrough), ethics=nfc(args.ethics))
    say(mk.CLI_BRANCH_SAVED.format(year=args.year))
    return 0


def cmd_plans_deadlines(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        if args.plan is not None or args.review is not None:
            rules = s.kl01.set_deadlines(plan=args.plan, review=args.review)
        else:
            rules = s.kl01.rules(s.today().year)
    plan = f"{rules.plan_deadline[1]:02d}/{rules.plan_deadline[0]:02d}"
    review = f"{rules.review_deadline[1]:02d}/{rules.review_deadline[0]:02d}"
    if args.json:
        print_json({"plan_deadline": plan, "review_deadline": review})
    else:
        say(mk.CLI_DEADLINES.format(plan=plan, review=review))
    return 0


def cmd_plans_forms(args: argparse.Namespace) -> int:

    ids = parse_ids(args.members, "--members")
    with services_for(args) as s:
        count, path = s.kl01_documents.plan_forms(args.year, Path(args.out), member_ids=ids or None)
    say(mk.CLI_FORMS_DONE.format(count=count, year=args.year, path=path))
    return 0


# ---------------------------------------------------------------------------- learning reports
def cmd_learning_add(args: argparse.Namespace) -> int:
    submitted = parse_date(args.submitted, "submitted_on")
    file = Path(args.file).expanduser() if args.file.strip() else None
    with services_for(args) as s:
        report = s.kl01.add_learning_report(args.member, args.year, submitted, file=file, topic=nfc(args.topic))
        name = s.members.get(args.member).full_name
    if args.json:
        print_json({"id": report.id, "member_id": report.member_id, "year": report.year,
                    "submitted_on": report.submitted_on, "file": report.file_name})  # fmt: skip
    else:
        say(mk.CLI_REPORT_SAVED.format(year=report.year, name=name))
    return 0


def cmd_learning_list(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        names = {m.id: m.full_name for m in s.members.all()}
        rows = [
            {"id": r.id, "member_id": r.member_id, "full_name": names.get(r.member_id, ""), "year": r.year,
             "submitted_on": r.submitted_on, "topic": r.topic, "file": r.file_name}
            for r in s.kl01.year(args.year).reports.values()
        ]  # fmt: skip
    if args.json:
        print_json(rows)
    elif not rows:
        say(mk.CLI_NONE.format(year=args.year))
    else:
        print_table(
            ["Mã", "Họ và tên", "Ngày nộp", "Tệp"],
            [[r["member_id"], r["full_name"], format_dmy(r["submitted_on"]), r["file"]] for r in rows],
        )
    return 0


def cmd_learning_cover(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        path = s.kl01_documents.learning_cover(args.member, args.year, Path(args.out))
    say(mk.CLI_COVER_DONE.format(path=path))
    return 0


# ---------------------------------------------------------------------------- models and awards
def cmd_models_add(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        item = s.kl01.add_recognition(
            args.year, RecognitionKind(args.kind), nfc(args.title), member_id=args.member,
            description=nfc(args.note), recognised_by=nfc(args.by),
        )  # fmt: skip
    if args.json:
        print_json({"id": item.id})
    else:
        say(str(item.id))
    return 0


def cmd_models_list(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        rows = [
            {"id": r.id, "year": r.year, "kind": r.kind.value, "title": r.title, "member_id": r.member_id,
             "member_name": r.member_name, "note": r.description, "recognised_by": r.recognised_by}
            for r in s.kl01.year(args.year).recognitions
        ]  # fmt: skip
    if args.json:
        print_json(rows)
    elif not rows:
        say(mk.CLI_NONE.format(year=args.year))
    else:
        print_table(
            ["Mã", "Loại", "Tên", "Đảng viên / tập thể", "Cấp công nhận"],
            [[r["id"], mk.KIND[r["kind"]], r["title"], r["member_name"] or mk.BRANCH_AWARD, r["recognised_by"]]
             for r in rows],
        )  # fmt: skip
    return 0


def cmd_awards_add(args: argparse.Namespace) -> int:
    on = parse_date(args.date, "on")
    if args.member is None and not args.branch:  # argparse's group already refuses both
        raise ValidationError({"member": "member_or_branch"})
    with services_for(args) as s:
        award = s.kl01.add_award(
            args.year, nfc(args.form), nfc(args.level), on, member_id=args.member, decision=nfc(args.decision)
        )
    if args.json:
        print_json({"id": award.id})
    else:
        say(str(award.id))
    return 0


def cmd_awards_list(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        rows = [
            {"id": a.id, "year": a.year, "form": a.form, "level": a.level, "date": a.on, "decision": a.decision,
             "member_id": a.member_id, "member_name": a.member_name, "branch": a.member_id is None}
            for a in s.kl01.year(args.year).awards
        ]  # fmt: skip
    if args.json:
        print_json(rows)
    elif not rows:
        say(mk.CLI_NONE.format(year=args.year))
    else:
        print_table(
            ["Mã", "Ngày", "Hình thức", "Cấp", "Số quyết định", "Người / tập thể"],
            [[r["id"], format_dmy(r["date"]), r["form"], r["level"], r["decision"],
              r["member_name"] or mk.BRANCH_AWARD] for r in rows],
        )  # fmt: skip
    return 0


def cmd_models_delete(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        s.kl01.delete_recognition(args.id)
    say(mk.CLI_DELETED.format(id=args.id))
    return 0


def cmd_awards_delete(args: argparse.Namespace) -> int:
    with services_for(args) as s:
        s.kl01.delete_award(args.id)
    say(mk.CLI_DELETED.format(id=args.id))
    return 0
