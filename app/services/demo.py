"""A realistic demo branch, deterministic for a seed: for trying the app, screenshots and benchmarks.

It fills an empty database only, in one transaction, with a few gaps left on purpose so that the
rule checks have something to find.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from app.domain import periods
from app.domain.attendance import default_attendance, summarize, visiting_ids
from app.domain.branch_profile import BranchProfile
from app.domain.dates import add_months
from app.domain.errors import ConflictError, ValidationError
from app.domain.meeting_record import (
    AttendanceCode,
    Guest,
    Meeting,
    MeetingKind,
    MeetingPart,
    MeetingStatus,
    Opinion,
    Section,
    Task,
    Vote,
)
from app.domain.membership import Member, PartyPosition, StatusEvent, StatusEventKind
from app.domain.seal import content_digest
from app.domain.topic_plan import Assignee, TopicAssignment, TopicStatus
from app.domain.vntext import split_name
from app.services.context import ServiceContext
from app.services.demo_dues import FIRST as DUES_FROM
from app.services.demo_dues import fill_dues
from app.services.demo_kl01 import fill_kl01
from app.services.demo_ratings import fill_ratings
from app.services.dues import builtin_dues_rules
from app.services.search import SearchService

HO = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
)
DEM_NAM = ("Văn", "Hữu", "Minh", "Đức", "Quốc", "Thành", "Công", "Xuân")
DEM_NU = ("Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích", "Hồng")
TEN_NAM = ("An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Khánh", "Lâm", "Long", "Minh", "Nam", "Phúc",
           "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Ẩn", "Ơn", "Đạt", "Lộc")  # fmt: skip
TEN_NU = ("Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc",
          "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Yến", "Ý", "Uyên")  # fmt: skip
JOBS = ("Giáo viên Toán", "Giáo viên Ngữ văn", "Giáo viên Lịch sử", "Kế toán", "Phó Hiệu trưởng", "Hiệu trưởng",
        "Nhân viên văn thư", "Giáo viên Tiếng Anh", "Giáo viên Tin học", "Tổng phụ trách Đội")  # fmt: skip
REASONS = ("Đi công tác", "Ốm, có đơn xin phép", "Việc gia đình", "Đi học lớp bồi dưỡng", "Con ốm")
PLACE = "Phòng họp Hội đồng, Trường THPT chuyên Vị Thanh"
OPINIONS = (
    "Thống nhất với báo cáo đánh giá kết quả tháng qua; đề nghị chi bộ quan tâm hơn đến chất lượng sinh hoạt tổ chuyên môn.",
    "Đề nghị tăng cường công tác nắm bắt tư tưởng của cán bộ, giáo viên trước kỳ kiểm tra học kỳ.",
    "Việc thực hiện nghị quyết tháng trước cơ bản đạt yêu cầu; còn chậm ở khâu cập nhật hồ sơ đảng viên trên Sổ tay.",
    "Bản thân cam kết thực hiện nghiêm túc nhiệm vụ được giao, giữ gìn đạo đức, lối sống của người đảng viên.",
    "Đề nghị phân công đảng viên giúp đỡ quần chúng ưu tú để chuẩn bị hồ sơ kết nạp trong năm.",
    "Liên hệ bản thân: cần nêu gương hơn nữa trong việc chấp hành giờ giấc và tiết kiệm trong chi tiêu.",
)
SECTIONS = (
    ("Thông tin thời sự; quán triệt văn bản của cấp trên",
     "Đồng chí Bí thư thông tin tình hình thời sự trong nước, trong tỉnh; quán triệt Chỉ thị số 50-CT/TW ngày "
     "23/7/2025 của Ban Bí thư về tiếp tục đổi mới và nâng cao chất lượng sinh hoạt chi bộ."),
    ("Đánh giá kết quả thực hiện nghị quyết tháng trước",
     "Chi bộ đã lãnh đạo hoàn thành các nhiệm vụ chuyên môn; 100% đảng viên hoàn thành nhiệm vụ được giao."),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "Đảng viên tiếp tục thực hiện bản cam kết tu dưỡng, rèn luyện, phấn đấu năm; duy trì gương người tốt, việc tốt."),
    ("Phương hướng, nhiệm vụ tháng tới",
     "Tiếp tục thực hiện tốt nhiệm vụ chính trị của đơn vị; chuẩn bị nội dung sinh hoạt chuyên đề quý."),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DemoSummary:
    members: int
    meetings: int
    assignments: int


class DemoService:
    def __init__(self, ctx: ServiceContext, search: SearchService) -> None:
        self._ctx = ctx
        self._search = search

    def fill(self, *, members: int = 24, years: int = 2, seed: int = 2026) -> DemoSummary:
        """Fill an empty database with a demo branch. Refuses a database that already has data."""
        if not 3 <= members <= 20000:
            raise ValidationError({"members": "invalid"})
        if not 1 <= years <= 30:
            raise ValidationError({"year": "year_range"})
        ctx = self._ctx
        with ctx.db.transaction():
            if ctx.members.count() or ctx.meetings.count() or ctx.branch.get().is_set_up:
                raise ConflictError("database_not_empty")
            rng = random.Random(seed)
            today = ctx.today()
            roll = self._members(rng, members, today, years)
            self._profile(roll, today, years)
            meetings = self._meetings(rng, roll, today, years)
            assignments = self._topics(rng, roll, meetings, today, years)
            fill_kl01(ctx, random.Random(seed + 1), roll, today, years)
            fill_dues(ctx, builtin_dues_rules(), roll, today, random.Random(seed + 13))
            fill_ratings(ctx, roll, today, seed, place=PLACE)  # the yearly review and rating (issue 14)
            self._search.rebuild()
            ctx.log("branch", 1, "demo", f"seed={seed}")
        return DemoSummary(len(roll), ctx.meetings.count(), assignments)  # the review meeting too

    # ------------------------------------------------------------------ members
    def _members(self, rng: random.Random, count: int, today: date, years: int) -> list[Member]:
        start = date(today.year - years + 1, 1, 1)
        out: list[Member] = []
        used: set[str] = set()
        for i in range(count):
            female = rng.random() < 0.45
            for _ in range(50):
                name = " ".join(
                    (
                        rng.choice(HO),
                        rng.choice(DEM_NU if female else DEM_NAM),
                        rng.choice(TEN_NU if female else TEN_NAM),
                    )
                )
                if name not in used or count > 2000:
                    break
            used.add(name)
            born = date(rng.randint(1950, 1998), rng.randint(1, 12), rng.randint(1, 28))
            latest = today - timedelta(days=3 * 365)  # officers and most members joined years ago
            joined = min(add_months(born, 12 * rng.randint(22, 35) + rng.randint(0, 11)), latest)
            if i % 9 == 4:  # a few probationary members, one near the end of probation
                joined = today - timedelta(days=340 if i == 4 else rng.randint(60, 300))
            if i == 7:  # a badge anniversary this year
                joined = date(today.year - 30, min(12, today.month + 1), 3)
                born = date(joined.year - 26, 4, 12)
            if i == 18:  # a retired veteran with 51 years of Party age: exempt from dues (QĐ 01-QĐ/TW, Điều 5)
                joined, born = date(today.year - 51, 6, 15), date(today.year - 76, 3, 10)
            joined = max(joined, add_months(born, 12 * 19))
            official = add_months(joined, 12) if add_months(joined, 12) <= today else None
            ho, dem, ten = split_name(name)
            position = PartyPosition.MEMBER.value
            if i == 0:
                position = PartyPosition.SECRETARY.value
            elif i == 1:
                position = PartyPosition.DEPUTY_SECRETARY.value
            elif i == 2:
                position = PartyPosition.COMMITTEE_MEMBER.value
            member = Member(
                full_name=name, ho=ho, dem=dem, ten=ten, date_of_birth=born, joined_on=joined,
                official_on=official, branch_since=max(joined, start - timedelta(days=365)) if i % 5 else None,
                gender="Nữ" if female else "Nam", ethnicity="Kinh", religion="Không",
                hometown=rng.choice(("Hậu Giang", "Cần Thơ", "Sóc Trăng", "Bạc Liêu", "Kiên Giang")),
                cccd=f"0{rng.randint(10, 96):02d}{i:09d}"[:12], phone=f"09{rng.randint(10000000, 99999999)}",
                party_card_no=f"{rng.randint(10, 99)}{i:06d}" if official else "",
                party_position=position, job_position=rng.choice(JOBS),
                theory_level=rng.choice(("Sơ cấp", "Trung cấp", "Cao cấp")),
            )  # fmt: skip
            out.append(self._ctx.members.add(replace(member, events=self._events(i, member, today, start))))
        return out

    @staticmethod
    def _events(i: int, m: Member, today: date, start: date) -> tuple[StatusEvent, ...]:
        """One member in each special situation, so every status appears in the demo."""
        roll = m.branch_since or m.joined_on
        mid = max(roll + timedelta(days=30), start + timedelta(days=200))
        if i == 10:
            return (StatusEvent(StatusEventKind.EXEMPTED, mid, "Tuổi cao, sức yếu", "Quyết định số 02-QĐ/CB"),)
        if i == 11:
            return (StatusEvent(StatusEventKind.TEMPORARY_AWAY, mid, "Đi học cao cấp lý luận chính trị tại Cần Thơ"),)
        if i == 12:
            return (StatusEvent(StatusEventKind.TEMPORARY_VISIT, roll, "Từ Chi bộ Sở Giáo dục và Đào tạo"),)
        if i == 13 and mid < today - timedelta(days=40):
            return (
                StatusEvent(
                    StatusEventKind.TRANSFERRED_OUT, mid, "Chuyển công tác về Sở Giáo dục", "Giấy giới thiệu số 15"
                ),
            )
        if i == 14 and mid < today - timedelta(days=40):
            return (StatusEvent(StatusEventKind.DECEASED, mid, "Từ trần"),)
        return ()

    def _profile(self, roll: list[Member], today: date, years: int) -> None:
        first_year = today.year - years + 1  # the demo's record starts with its first year of meetings
        self._ctx.branch.save(
            BranchProfile(
                branch_name="Chi bộ Trường THPT chuyên Vị Thanh",
                upper_body="Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
                upper_body_2="Đảng bộ tỉnh Hậu Giang",
                place_name="Vị Thanh",
                term_start=date(today.year - 1, 9, 1),
                term_end=date(today.year + 1, 8, 31),
                secretary_id=roll[0].id,
                deputy_id=roll[1].id,
                committee_ids=tuple(m.id for m in roll[:3] if m.id is not None),
                # One code per demo file: two demo branches must never consolidate as one.
                branch_code="demo-" + uuid.uuid4().hex[:12],
                record_start=date(first_year, 1, 1),
            )
        )
        self._ctx.branch.set_setting("default_place", PLACE)

    # ------------------------------------------------------------------ meetings
    def _meetings(self, rng: random.Random, roll: list[Member], today: date, years: int) -> list[Meeting]:
        first_year = today.year - years + 1
        gaps = {(first_year, 8), (today.year, 2)} if years > 1 else {(today.year, 2)}
        thematic_gap = (first_year, 2)
        problem_members = [m for m in roll[15:17] if m.id is not None]
        out: list[Meeting] = []
        for year in range(first_year, today.year + 1):
            for month in range(1, 13):
                day = date(year, month, 5 if month % 2 else 8)
                if day >= today or (year, month) in gaps:
                    continue
                quarter = (month - 1) // 3 + 1
                third = month % 3 == 0
                if third and (year, quarter) != thematic_gap and quarter % 2 == 0:
                    kind = MeetingKind.COMBINED
                else:
                    kind = MeetingKind.REGULAR
                out.append(self._meeting(rng, roll, kind, day, problem_members, today))
                if third and kind is MeetingKind.REGULAR and (year, quarter) != thematic_gap:
                    out.append(self._meeting(rng, roll, MeetingKind.THEMATIC, day + timedelta(days=12), [], today))
        return out

    def _meeting(
        self, rng: random.Random, roll: list[Member], kind: MeetingKind, day: date, problems: list[Member], today: date
    ) -> Meeting:
        # Two members skip regular meetings this year: one three months (alert), one two months (warning).
        skipped = dict(zip((p.id for p in problems), ((3, 5, 7), (4, 9)), strict=False))
        rows = []
        for row in default_attendance(roll, day):
            if row.code is AttendanceCode.PRESENT:
                r = rng.random()
                if kind.counts_as_regular and day.year == today.year and day.month in skipped.get(row.member_id, ()):
                    row = replace(row, code=AttendanceCode.ABSENT_UNEXCUSED)
                elif r < 0.06:
                    row = replace(row, code=AttendanceCode.ABSENT_EXCUSED, reason=rng.choice(REASONS))
                elif r < 0.075:
                    row = replace(row, code=AttendanceCode.LATE)
            rows.append(row)
        present = [r for r in rows if r.code.is_present]
        counted = summarize(rows, visiting_ids(roll, day))  # the vote: full members only, on the kernel's vote base
        ids = {m.id: m for m in roll}
        speakers = rng.sample(present, k=min(3, len(present)))
        secretary, recorder = roll[0], roll[2]
        minutes = 120 if kind is MeetingKind.COMBINED else rng.choice((120, 120, 105, 95, 75))
        start = time(14, 0)
        end = time(14 + minutes // 60, minutes % 60)
        thematic = kind in (MeetingKind.THEMATIC, MeetingKind.COMBINED)
        presenter = rng.choice(roll[:8])
        part = MeetingPart.THEMATIC if kind is MeetingKind.THEMATIC else MeetingPart.REGULAR
        sections: list[Section] = []
        if kind is not MeetingKind.THEMATIC:
            sections = [Section(t, b, MeetingPart.REGULAR) for t, b in SECTIONS]
        if thematic:
            sections.append(
                Section(
                    "Mục đích, yêu cầu",
                    "Nâng cao nhận thức của đảng viên về học tập và làm theo tư tưởng, đạo đức, phong cách "
                    "Hồ Chí Minh; mỗi đảng viên liên hệ bản thân, đề ra việc làm cụ thể.",
                    MeetingPart.THEMATIC,
                )
            )
        opinions = [Opinion(ids[s.member_id].full_name, rng.choice(OPINIONS), s.member_id, part) for s in speakers]
        if kind is MeetingKind.COMBINED and present:
            s = rng.choice(present)
            opinions.append(
                Opinion(ids[s.member_id].full_name, rng.choice(OPINIONS), s.member_id, MeetingPart.THEMATIC)
            )
        meeting = Meeting(
            kind=kind, on=day, start=start, end=end, place=PLACE, title="",
            presider_id=secretary.id, presider_name=secretary.full_name,
            recorder_id=recorder.id, recorder_name=recorder.full_name,
            guests=(Guest("Lê Văn Tám", "Đảng ủy viên", "Đảng ủy Khối"),) if day.month == 12 else (),
            agenda=self._ctx.rules.agenda_for(kind), sections=tuple(sections), opinions=tuple(opinions),
            conclusion="Đồng chí chủ trì kết luận: chi bộ thống nhất đánh giá kết quả tháng qua và các nhiệm vụ "
            "tháng tới; yêu cầu đảng viên thực hiện nghiêm túc nhiệm vụ được phân công." if kind is not MeetingKind.THEMATIC else "",
            thematic_conclusion="Chuyên đề được chuẩn bị công phu, có liên hệ thực tiễn; đề nghị mỗi đảng viên "
            "đăng ký việc làm cụ thể để thực hiện trong quý." if thematic else "",
            presenter_ids=(presenter.id,) if thematic and presenter.id else (),
            presenter_names=(presenter.full_name,) if thematic else (),
            topic_summary="Đồng chí trình bày những nội dung cơ bản của chuyên đề, nêu ý nghĩa và yêu cầu "
            "vận dụng vào công việc hằng ngày của đơn vị." if thematic else "",
            votes=(Vote("Thông qua nghị quyết tháng" if kind is not MeetingKind.THEMATIC else "Thông qua kết luận chuyên đề",
                        counted.present_voting, 0, 0, counted.vote_base),),
            tasks=(Task("Hoàn thành hồ sơ đánh giá đảng viên", recorder.full_name, recorder.id, day + timedelta(days=20)),
                   Task("Chuẩn bị nội dung sinh hoạt tháng tới", secretary.full_name, secretary.id, day + timedelta(days=25))),
            # From 03/2026 the minutes' dues paragraph comes from the dues book (app.services.demo_dues).
            dues_note="100% đảng viên nộp đảng phí đầy đủ." if kind is not MeetingKind.THEMATIC and day < DUES_FROM.next().first else "",
            attendance=tuple(rows),
        )  # fmt: skip
        meeting_id = self._ctx.meetings.add(meeting)
        stored = replace(meeting, id=meeting_id)
        if day < today - timedelta(days=20):  # older minutes are adopted and sealed; the newest stays a draft
            digest = content_digest(stored)
            self._ctx.meetings.set_status(meeting_id, MeetingStatus.ADOPTED.value, day, digest)
            stored = replace(stored, status=MeetingStatus.ADOPTED, content_hash=digest, adopted_on=day)
        return stored

    # ------------------------------------------------------------------ topics
    def _topics(self, rng: random.Random, roll: list[Member], meetings: list[Meeting], today: date, years: int) -> int:
        catalogue = self._ctx.topics.catalogue()
        thematic = {(m.on.year, m.quarter): m for m in meetings if m.kind.counts_as_thematic}
        count = 0
        current_q = periods.quarter(today.year, (today.month - 1) // 3 + 1)
        for year in range(today.year - years + 1, today.year + 1):
            choices = [t for t in catalogue if t.year == year] or catalogue
            for q in range(1, 5):
                quarter = periods.quarter(year, q)
                if quarter.start > current_q.start:
                    continue  # later quarters stay unassigned: the planner shows them
                topic = choices[(q - 1) % len(choices)] if choices else None
                title = topic.title if topic else "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
                meeting = thematic.get((year, q))
                people = rng.sample(roll[:12], k=2)
                if meeting and meeting.presenter_ids:
                    lead = next((m for m in roll if m.id == meeting.presenter_ids[0]), people[0])
                    people = [lead, *[p for p in people if p.id != lead.id]][:2]
                presented = meeting is not None and meeting.on <= today
                status = TopicStatus.PRESENTED if presented else TopicStatus.DRAFTING
                if quarter.start == current_q.start and not presented:
                    status = TopicStatus.PLANNED
                self._ctx.topics.add(
                    TopicAssignment(
                        year=year, quarter=q, title=title, group=topic.group if topic else "",
                        basis_doc=topic.basis_doc if topic else "",
                        assignees=tuple(Assignee(p.id, p.full_name, n == 0) for n, p in enumerate(people) if p.id),
                        assigned_on=quarter.start - timedelta(days=10), draft_due=quarter.start + timedelta(days=45),
                        approved_on=quarter.start + timedelta(days=55) if presented else None,
                        status=status, meeting_id=meeting.id if presented and meeting else None,
                    )
                )  # fmt: skip
                count += 1
        return count
