"""Demo data of "học tập và làm theo Bác": plans and reviews, learning reports, models, exemplars and
awards, deterministic for a seed, with gaps left on purpose (a few members without a plan, one commitment
not kept) so that the checks and the report have something to show. Called inside the demo's transaction."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from app.domain.kl01 import (
    EXPECTED_STATUSES,
    Award,
    BranchYear,
    Commitment,
    LearningReport,
    PersonalPlan,
    Recognition,
    RecognitionKind,
    ReviewResult,
)
from app.domain.membership import Member
from app.services.context import ServiceContext

COMMITMENTS = (
    "Chấp hành nghiêm giờ giấc làm việc, sinh hoạt chi bộ đầy đủ, đúng giờ",
    "Nói đi đôi với làm, nêu gương trong thực hiện nhiệm vụ chuyên môn",
    "Thực hành tiết kiệm, chống lãng phí trong sử dụng điện, nước, văn phòng phẩm",
    "Tận tụy với học sinh, không dạy thêm trái quy định",
    "Thường xuyên tự học, ứng dụng công nghệ thông tin trong giảng dạy",
    "Giữ gìn đoàn kết nội bộ, chân thành giúp đỡ đồng nghiệp",
    "Gương mẫu thực hiện nếp sống văn minh nơi cư trú",
    "Tự soi, tự sửa: khắc phục tính nóng vội khi giải quyết công việc",
)
BREAKTHROUGHS = (
    "Đổi mới phương pháp dạy học, lấy học sinh làm trung tâm",
    "Chuyển đổi số trong quản lý hồ sơ chuyên môn",
    "Nâng cao chất lượng bồi dưỡng học sinh giỏi",
    "Thực hiện văn hóa ứng xử trong trường học",
)
BRANCH_BREAKTHROUGH = "Nâng cao chất lượng dạy học gắn với chuyển đổi số trong nhà trường"
BRANCH_ETHICS = "Trung thực, trách nhiệm, gương mẫu, tận tụy với học sinh; nói đi đôi với làm"
MODELS = (
    (
        "Tủ sách \u201cLời Bác dạy\u201d trong thư viện trường",
        "Mỗi tháng giới thiệu một câu chuyện kể về Bác tại buổi chào cờ",
    ),
    ("Mỗi đảng viên nhận giúp đỡ một học sinh khó khăn", "Đảng viên kèm cặp, hỗ trợ học tập và đồ dùng cho học sinh"),
    ("Giờ học không giấy với sổ điểm điện tử", "Giảm in ấn, công khai điểm số kịp thời cho cha mẹ học sinh"),
)
EXEMPLARS = (
    "Gương mẫu trong bồi dưỡng học sinh giỏi cấp tỉnh",
    "Tận tụy với học sinh vùng khó khăn",
)


def fill_kl01(ctx: ServiceContext, rng: random.Random, roll: Sequence[Member], today: date, years: int) -> int:
    """Fill the demo's KL 01 records; returns how many plans were made."""
    plans = 0
    for year in range(today.year - years + 1, today.year + 1):
        ctx.kl01.save_branch_year(BranchYear(year, BRANCH_BREAKTHROUGH, BRANCH_ETHICS))
        for i, member in enumerate(roll):
            plans += _member_year(ctx, rng, i, member, year, today)
        _register(ctx, rng, roll, year, today)
    return plans


def _member_year(ctx: ServiceContext, rng: random.Random, i: int, member: Member, year: int, today: date) -> int:
    assert member.id is not None
    signed = date(year, rng.choice((2, 3)), rng.randint(1, 28))
    if signed > today or member.status_on(signed) not in EXPECTED_STATUSES:
        return 0
    current = year == today.year
    if current and i % 11 == 6:
        return 0  # gap: no plan after the deadline (plan_missing)
    items = tuple(Commitment(t) for t in rng.sample(COMMITMENTS, k=3))
    plan = PersonalPlan(member.id, year, items, rng.choice(BREAKTHROUGHS), None if current and i % 11 == 8 else signed)
    midyear_done = date(year, 7, 10) <= today
    year_end_done = date(year, 12, 10) <= today
    if midyear_done and plan.signed:
        result = ReviewResult.PARTLY if i % 7 == 3 else ReviewResult.DONE
        plan = _reviewed(plan, "midyear", result)
    if year_end_done and plan.signed and i % 13 != 9:  # gap: one member never reviewed at year end
        result = ReviewResult.NOT_DONE if i % 17 == 5 else ReviewResult.DONE
        plan = _reviewed(
            plan, "year_end", result, "Còn đến muộn một số buổi họp" if result is ReviewResult.NOT_DONE else ""
        )
    plan = PersonalPlan(
        plan.member_id, plan.year, plan.commitments, plan.breakthrough, plan.signed_on, plan.midyear,
        plan.midyear_note, plan.year_end, plan.year_end_note,
        "Thực hiện tốt cam kết, gương mẫu" if plan.year_end is ReviewResult.DONE else "",
    )  # fmt: skip
    ctx.kl01.save_plan(plan)
    handed_in = date(year, rng.choice((4, 5, 6)), rng.randint(1, 28))
    if handed_in <= today and i % 6 != 2:  # gap: some reports still missing
        ctx.kl01.save_report(LearningReport(member.id, year, handed_in))
    return 1


def _reviewed(plan: PersonalPlan, stage: str, result: ReviewResult, note: str = "") -> PersonalPlan:
    items = tuple(
        Commitment(c.text, result if stage == "midyear" else c.midyear, result if stage == "year_end" else c.year_end)
        for c in plan.commitments
    )
    if stage == "midyear":
        return PersonalPlan(plan.member_id, plan.year, items, plan.breakthrough, plan.signed_on, result, note)
    return PersonalPlan(
        plan.member_id, plan.year, items, plan.breakthrough, plan.signed_on, plan.midyear, plan.midyear_note,
        result, note,
    )  # fmt: skip


def _register(ctx: ServiceContext, rng: random.Random, roll: Sequence[Member], year: int, today: date) -> None:
    on_roll = [m for m in roll[:12] if m.id is not None and m.status_on(date(year, 6, 30)) in EXPECTED_STATUSES]
    for n, (title, what) in enumerate(MODELS[: 2 + year % 2]):
        member = on_roll[n] if n == 1 and on_roll else None
        ctx.kl01.add_recognition(
            Recognition(year, RecognitionKind.MODEL, title, member.id if member else None, what, "Chi bộ")
        )
    for n, title in enumerate(EXEMPLARS):
        member = on_roll[(n * 3 + year) % len(on_roll)] if on_roll else None
        ctx.kl01.add_recognition(
            Recognition(year, RecognitionKind.EXEMPLAR, title, member.id if member else None, "",
                        "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh")
        )  # fmt: skip
    awarded = date(year, 5, 19)
    if awarded <= today and on_roll:
        person = on_roll[(year + 2) % len(on_roll)]
        ctx.kl01.add_award(Award(year, "Giấy khen", "Đảng ủy Khối", awarded, f"{rng.randint(100, 400)}-QĐ/ĐUK", person.id,
                                 "Điển hình học tập và làm theo Bác"))  # fmt: skip
    branch_day = date(year, 9, 2)
    if branch_day <= today:
        ctx.kl01.add_award(Award(year, "Bằng khen", "Tỉnh ủy", branch_day, f"{rng.randint(1000, 3000)}-QĐ/TU", None,
                                 "Tập thể có thành tích tiêu biểu trong học tập và làm theo Bác"))  # fmt: skip
