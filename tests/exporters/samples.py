"""Plain domain objects for the Word writers' tests: a branch, its layout and meetings of each kind, no database."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time

from app.domain.attendance import AttendanceSummary, summarize
from app.domain.branch_profile import BranchProfile
from app.domain.meeting_record import (
    Attendance,
    AttendanceCode,
    Correction,
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
from app.resources import resource_path
from exporters.layout_profile import LayoutProfile

PROFILE = BranchProfile(
    branch_name="Chi bộ Trường THPT chuyên Vị Thanh",
    upper_body="Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
    upper_body_2="Đảng bộ tỉnh Hậu Giang",
    place_name="Vị Thanh",
    secretary_id=1,
    deputy_id=2,
)
TITLES = {1: "Bí thư chi bộ", 3: "Chi ủy viên"}


def layout(name: str = "HD36-2018") -> LayoutProfile:
    return LayoutProfile.from_dict(json.loads(resource_path("layouts", f"{name}.json").read_text(encoding="utf-8")))


def attendance() -> tuple[Attendance, ...]:
    """10 on the roll: 7 present (one probationary), 1 excused, 1 unexcused, 1 exempt."""
    rows = [Attendance(i, AttendanceCode.PRESENT, member_name=f"Nguyễn Văn Số{i}", official=True) for i in range(1, 7)]
    rows.append(Attendance(7, AttendanceCode.PRESENT, member_name="Trần Thị Dự Bị", official=False))
    rows.append(Attendance(8, AttendanceCode.ABSENT_EXCUSED, "Đi công tác", "Lê Thị Vắng", True))
    rows.append(Attendance(9, AttendanceCode.ABSENT_UNEXCUSED, "", "Phạm Văn Không", True))
    rows.append(Attendance(10, AttendanceCode.EXEMPT, "", "Hồ Văn Miễn", True))
    return tuple(rows)


def regular(**changes: object) -> Meeting:
    m = Meeting(
        kind=MeetingKind.REGULAR,
        on=date(2026, 2, 5),
        start=time(14, 0),
        end=time(16, 0),
        place="Phòng họp Hội đồng",
        presider_id=1,
        presider_name="Nguyễn Văn Số1",
        recorder_id=3,
        recorder_name="Nguyễn Văn Số3",
        guests=(Guest("Lê Văn Tám", "Đảng ủy viên", "Đảng ủy Khối"),),
        sections=(
            Section("Đánh giá kết quả tháng trước", "Hoàn thành nhiệm vụ.\nNộp đảng phí đủ."),
            Section("Phương hướng, nhiệm vụ tháng tới", "Chuẩn bị chuyên đề quý."),
        ),
        opinions=(Opinion("Nguyễn Văn Số4", "Thống nhất với báo cáo.", 4),),
        conclusion="Chi bộ thống nhất các nhiệm vụ tháng tới.",
        votes=(Vote("Thông qua nghị quyết tháng", 7, 0, 0, 9),),
        tasks=(Task("Hoàn thành hồ sơ đảng viên", "Nguyễn Văn Số3", 3, date(2026, 2, 25)),),
        dues_note="100% đảng viên nộp đảng phí.",
        attendance=attendance(),
        status=MeetingStatus.ADOPTED,
        adopted_on=date(2026, 2, 5),
        content_hash="ab12cd34ef56" + "0" * 52,
        doc_number="05",
        resolution_number="03",
        id=11,
    )
    return replace(m, **changes)  # type: ignore[arg-type]


def thematic(**changes: object) -> Meeting:
    m = replace(
        regular(),
        kind=MeetingKind.THEMATIC,
        on=date(2026, 3, 17),
        title="",
        sections=(Section("Mục đích, yêu cầu", "Nâng cao nhận thức.", MeetingPart.THEMATIC),),
        opinions=(Opinion("Nguyễn Văn Số5", "Liên hệ bản thân.", 5, MeetingPart.THEMATIC),),
        conclusion="",
        thematic_conclusion="Chuyên đề được chuẩn bị công phu.",
        presenter_ids=(2,),
        presenter_names=("Nguyễn Văn Số2",),
        topic_summary="Trình bày ba nội dung chính.",
        votes=(),
        tasks=(),
        dues_note="",
        doc_number="",
    )
    return replace(m, **changes)  # type: ignore[arg-type]


def combined(**changes: object) -> Meeting:
    m = replace(
        regular(),
        kind=MeetingKind.COMBINED,
        on=date(2026, 6, 8),
        title="Học tập và làm theo Bác về tự lực, tự cường",
        sections=(
            Section("Đánh giá kết quả tháng trước", "Hoàn thành nhiệm vụ.", MeetingPart.REGULAR),
            Section("Mục đích, yêu cầu", "Liên hệ thực tiễn.", MeetingPart.THEMATIC),
        ),
        opinions=(
            Opinion("Nguyễn Văn Số4", "Ý kiến phần thường kỳ.", 4, MeetingPart.REGULAR),
            Opinion("Nguyễn Văn Số5", "Ý kiến phần chuyên đề.", 5, MeetingPart.THEMATIC),
        ),
        thematic_conclusion="Kết luận phần chuyên đề.",
        presenter_ids=(2,),
        presenter_names=("Nguyễn Văn Số2",),
        topic_summary="Tóm tắt chuyên đề.",
        corrections=(Correction(date(2026, 7, 2), "Ghi thiếu ý kiến", "Bổ sung ý kiến của đồng chí Số6."),),
    )
    return replace(m, **changes)  # type: ignore[arg-type]


def summary(meeting: Meeting) -> AttendanceSummary:
    return summarize(meeting.attendance)
