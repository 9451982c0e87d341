"""Vietnamese labels of the core's values (meeting kinds, statuses, rules, fields, key figures), written once.

Enum labels are keyed by the enum member. No logic beyond choosing a label.
"""

from __future__ import annotations

from app.domain import messages_dues as _dues
from app.domain import messages_kl01 as _kl01
from app.domain import messages_ratings as _ratings
from app.domain.findings import RuleId, Severity
from app.domain.meeting_record import AttendanceCode, MeetingForm, MeetingKind, MeetingStatus, VoteRule
from app.domain.membership import MemberStatus, StatusEventKind
from app.domain.periods import PeriodKind
from app.domain.topic_plan import TopicStatus

MEETING_KIND = {
    MeetingKind.REGULAR: "Sinh hoạt thường kỳ",
    MeetingKind.THEMATIC: "Sinh hoạt chuyên đề",
    MeetingKind.COMBINED: "Thường kỳ kết hợp chuyên đề",
    MeetingKind.EXTRAORDINARY: "Sinh hoạt bất thường",
    MeetingKind.YEARLY_REVIEW: "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng hằng năm",
}

MEETING_STATUS = {
    MeetingStatus.DRAFT: "Bản nháp",
    MeetingStatus.ADOPTED: "Đã thông qua",
    MeetingStatus.LOCKED: "Đã khóa",
}

MEETING_FORM = {
    MeetingForm.IN_PERSON: "Trực tiếp",
    MeetingForm.ONLINE: "Trực tuyến",
    MeetingForm.HYBRID: "Trực tiếp kết hợp trực tuyến",
}

#: How many votes a decision needs (the editor's choice; the minutes word it themselves, exporters/docx_common.py).
VOTE_RULE = {VoteRule.MAJORITY: "Quá một nửa", VoteRule.TWO_THIRDS: "Từ 2/3 trở lên"}
VOTE_RULE_HINT = "Kết nạp đảng viên, công nhận đảng viên chính thức cần từ 2/3 đảng viên chính thức trở lên."

MEMBER_STATUS = {
    MemberStatus.PROBATIONARY: "Dự bị",
    MemberStatus.FULL: "Chính thức",
    MemberStatus.EXEMPT: "Miễn sinh hoạt",
    MemberStatus.AWAY: "Sinh hoạt tạm thời nơi khác",
    MemberStatus.VISITING: "Sinh hoạt tạm thời tại chi bộ",
    MemberStatus.SUSPENDED: "Đình chỉ sinh hoạt",
    MemberStatus.TRANSFERRED_OUT: "Đã chuyển sinh hoạt đi",
    MemberStatus.REMOVED: "Đã xóa tên",
    MemberStatus.EXPELLED: "Đã khai trừ",
    MemberStatus.RESIGNED: "Đã ra khỏi Đảng",
    MemberStatus.DECEASED: "Đã từ trần",
    MemberStatus.NOT_YET_ON_ROLL: "Chưa sinh hoạt tại chi bộ",
}

STATUS_EVENT = {
    StatusEventKind.FULL_MEMBERSHIP: "Công nhận đảng viên chính thức",
    StatusEventKind.EXEMPTED: "Miễn công tác và sinh hoạt đảng",
    StatusEventKind.EXEMPTION_ENDED: "Thôi miễn sinh hoạt",
    StatusEventKind.TEMPORARY_AWAY: "Giới thiệu sinh hoạt tạm thời nơi khác",
    StatusEventKind.TEMPORARY_AWAY_ENDED: "Trở về sinh hoạt tại chi bộ",
    StatusEventKind.TEMPORARY_VISIT: "Đến sinh hoạt tạm thời",
    StatusEventKind.TEMPORARY_VISIT_ENDED: "Kết thúc sinh hoạt tạm thời",
    StatusEventKind.TRANSFERRED_IN: "Chuyển sinh hoạt đảng đến",
    StatusEventKind.TRANSFERRED_OUT: "Chuyển sinh hoạt đảng đi",
    StatusEventKind.SUSPENDED: "Đình chỉ sinh hoạt",
    StatusEventKind.SUSPENSION_ENDED: "Hết đình chỉ sinh hoạt",
    StatusEventKind.REMOVED: "Xóa tên",
    StatusEventKind.EXPELLED: "Khai trừ",
    StatusEventKind.RESIGNED: "Ra khỏi Đảng",
    StatusEventKind.DECEASED: "Từ trần",
}

ATTENDANCE_CODE = {
    AttendanceCode.PRESENT: "Có mặt",
    AttendanceCode.LATE: "Đến muộn",
    AttendanceCode.LEFT_EARLY: "Về sớm",
    AttendanceCode.ABSENT_EXCUSED: "Vắng có lý do",
    AttendanceCode.ABSENT_UNEXCUSED: "Vắng không lý do",
    AttendanceCode.EXEMPT: "Miễn sinh hoạt",
    AttendanceCode.AWAY: "Sinh hoạt tạm thời nơi khác",
    AttendanceCode.SUSPENDED: "Đình chỉ",
}

#: One-letter codes for the attendance matrix and single-key entry (x = có mặt).
ATTENDANCE_LETTER = {
    AttendanceCode.PRESENT: "x",
    AttendanceCode.LATE: "M",
    AttendanceCode.LEFT_EARLY: "S",
    AttendanceCode.ABSENT_EXCUSED: "P",
    AttendanceCode.ABSENT_UNEXCUSED: "K",
    AttendanceCode.EXEMPT: "Mi",
    AttendanceCode.AWAY: "T",
    AttendanceCode.SUSPENDED: "Đ",
}

TOPIC_STATUS = {
    TopicStatus.PLANNED: "Đã lên kế hoạch",
    TopicStatus.DRAFTING: "Đang chuẩn bị",
    TopicStatus.APPROVED: "Chi ủy đã duyệt",
    TopicStatus.PRESENTED: "Đã trình bày",
    TopicStatus.REPORTED: "Đã báo cáo",
}

SEVERITY = {Severity.INFO: "Lưu ý", Severity.WARNING: "Cảnh báo", Severity.ALERT: "Nghiêm trọng"}

PERIOD_KIND = {
    PeriodKind.QUARTER: "Quý",
    PeriodKind.HALF: "6 tháng",
    PeriodKind.YEAR: "Cả năm",
    PeriodKind.MONTH: "Tháng",
    PeriodKind.CUSTOM: "Khoảng ngày",
}

RULE_NAME = {
    RuleId.MONTHLY_MEETING_MISSING: "Thiếu sinh hoạt thường kỳ",
    RuleId.THEMATIC_MEETING_MISSING: "Thiếu sinh hoạt chuyên đề",
    RuleId.UNEXCUSED_ABSENCES: "Vắng không lý do (Điều 8 Điều lệ)",
    RuleId.PROBATION_ENDING: "Hết thời gian dự bị",
    RuleId.PARTY_BADGE_DUE: "Xét tặng Huy hiệu Đảng",
    RuleId.MEETING_TOO_SHORT: "Thời lượng sinh hoạt chưa đủ",
    RuleId.LOW_ATTENDANCE: "Tỷ lệ dự họp thấp",
    RuleId.TOPIC_UNASSIGNED: "Chưa phân công chuyên đề",
    RuleId.TOPIC_NOT_PRESENTED: "Chuyên đề chưa được trình bày",
}

FIELD_LABEL = {
    "name": "Họ và tên",
    "full_name": "Họ và tên",
    "date_of_birth": "Ngày sinh",
    "born": "Ngày sinh",
    "joined_on": "Ngày vào Đảng",
    "joined": "Ngày vào Đảng",
    "official_on": "Ngày chính thức",
    "official": "Ngày chính thức",
    "branch_since": "Ngày sinh hoạt tại chi bộ",
    "party_card_no": "Số thẻ đảng viên",
    "card": "Số thẻ đảng viên",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "hometown": "Quê quán",
    "residence": "Nơi ở hiện nay",
    "record_no": "Số lý lịch",
    "party_position": "Chức vụ Đảng",
    "job_position": "Chức vụ, đơn vị công tác",
    "theory_level": "Trình độ lý luận chính trị",
    "education": "Trình độ chuyên môn",
    "note": "Ghi chú",
    "ho": "Họ",
    "dem": "Tên đệm",
    "ten": "Tên",
    "from": "Từ ngày",
    "until": "Đến ngày",
    "cccd": "Số CCCD",
    "phone": "Số điện thoại",
    "gender": "Giới tính",
    "date": "Ngày sinh hoạt",
    "on": "Ngày",
    "start": "Giờ bắt đầu",
    "end": "Giờ kết thúc",
    "record_start": "Ngày bắt đầu ghi sổ",
    "kind": "Loại sinh hoạt",
    "members": "Đảng viên",
    "excused": "Danh sách vắng có lý do",
    "unexcused": "Danh sách vắng không lý do",
    "year": "Năm",
    "quarter": "Quý",
    "title": "Tên",
    "due": "Hạn nộp",
    "branch_name": "Tên chi bộ",
    "upper_body": "Cấp ủy cấp trên trực tiếp",
    "upper_body_2": "Cấp trên nữa",
    "place_name": "Địa danh",
    "term": "Nhiệm kỳ",
    "term_start": "Nhiệm kỳ từ ngày",
    "term_end": "Nhiệm kỳ đến ngày",
    "secretary_id": "Bí thư chi bộ",
    "deputy_id": "Phó bí thư chi bộ",
    "event": "Thay đổi",
    "status": "Trạng thái hoạt động",
    "status_on": "Ngày rời/mất/miễn SH",
    "attendance": "Điểm danh",
    "votes": "Biểu quyết",
    "reason": "Lý do",
    "draft": "Bản nháp",
    "key": "Mã bản nháp",
    # Word documents: the fields printed as blanks to fill in by hand
    "place": "Địa điểm",
    "presider": "Người chủ trì",
    "recorder": "Thư ký",
    "content": "Nội dung sinh hoạt",
    "opinions": "Ý kiến thảo luận",
    "conclusion": "Kết luận của chủ trì",
    "tasks": "Phân công nhiệm vụ",
    "topic": "Tên chuyên đề",
    "presenter": "Người trình bày chuyên đề",
    "topic_summary": "Nội dung trình bày chuyên đề",
    "signer": "Người ký (bí thư chi bộ)",
}

#: Labels of PeriodReport.key_figures() keys; per-month and per-quarter keys are labelled by figure_label().
FIGURE_LABEL = {
    "members_total": "Tổng số đảng viên",
    "members_official": "Đảng viên chính thức",
    "members_probationary": "Đảng viên dự bị",
    "members_exempt": "Đảng viên miễn sinh hoạt",
    "members_away": "Sinh hoạt tạm thời nơi khác",
    "members_visiting": "Sinh hoạt tạm thời tại chi bộ",
    "meetings_total": "Tổng số cuộc sinh hoạt",
    "meetings_regular": "Số cuộc sinh hoạt thường kỳ",
    "meetings_thematic": "Số cuộc sinh hoạt chuyên đề",
    "months_in_period": "Số tháng trong kỳ",
    "months_with_regular_meeting": "Số tháng có sinh hoạt thường kỳ",
    "quarters_with_thematic_meeting": "Số quý có sinh hoạt chuyên đề",
    "attendance_pct": "Tỷ lệ đảng viên dự sinh hoạt",
    "attendance_present": "Tổng lượt đảng viên có mặt",
    "attendance_base": "Tổng lượt đảng viên phải dự",
    "absences_excused": "Lượt vắng có lý do",
    "absences_unexcused": "Lượt vắng không lý do",
    "topics_assigned": "Số chuyên đề đã phân công",
    "topics_presented": "Số chuyên đề đã trình bày",
    "topics_not_presented": "Số chuyên đề quá hạn chưa trình bày",
    "findings_alert": "Số vấn đề nghiêm trọng",
    "findings_warning": "Số cảnh báo",
}


def figure_label(key: str) -> str:
    """Vietnamese label of a key figure, including "meetings_2026-07" and "thematic_2026-Q3"."""
    if key in FIGURE_LABEL:
        return FIGURE_LABEL[key]
    if key.startswith("meetings_") and len(key) == len("meetings_2026-07"):
        year, month = key[9:13], int(key[14:16])
        return f"Sinh hoạt thường kỳ tháng {month}/{year}"
    if key.startswith("thematic_") and "-Q" in key:
        year, quarter = key[9:].split("-Q")
        return f"Sinh hoạt chuyên đề quý {('I', 'II', 'III', 'IV')[int(quarter) - 1]}/{year}"
    return key


# The areas with their own sentences add their rules, fields and figures (the core's own win for dues).
RULE_NAME.update(_kl01.RULE_NAME)
RULE_NAME.update(_ratings.RULE_NAME)
RULE_NAME.update({k: v for k, v in _dues.RULE_NAME.items() if k not in RULE_NAME})
FIELD_LABEL.update(_kl01.FIELD_LABEL)
FIELD_LABEL.update({k: v for k, v in _dues.FIELD_LABEL.items() if k not in FIELD_LABEL})
FIGURE_LABEL.update(_kl01.FIGURE_LABEL)
FIGURE_LABEL.update(_ratings.FIGURE_LABEL)
FIGURE_LABEL.update({k: v for k, v in _dues.FIGURE_LABEL.items() if k not in FIGURE_LABEL})
