"""Vietnamese labels of the core's values (meeting kinds, statuses, rules, fields, key figures), written once.

Enum labels are keyed by the enum member. No logic beyond choosing a label.
"""

from __future__ import annotations

from app.domain import messages_dues as _dues
from app.domain import messages_kl01 as _kl01
from app.domain import messages_ratings as _ratings

MEETING_KIND = {
    "thuong_ky": "Sinh hoạt thường kỳ",
    "chuyen_de": "Sinh hoạt chuyên đề",
    "ket_hop": "Thường kỳ kết hợp chuyên đề",
    "bat_thuong": "Sinh hoạt bất thường",
    "kiem_diem": "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng hằng năm",
}

MEETING_STATUS = {"draft": "Bản nháp", "adopted": "Đã thông qua", "locked": "Đã khóa"}

MEETING_FORM = {"truc_tiep": "Trực tiếp", "truc_tuyen": "Trực tuyến", "ket_hop": "Trực tiếp kết hợp trực tuyến"}

MEMBER_STATUS = {
    "du_bi": "Dự bị",
    "chinh_thuc": "Chính thức",
    "mien_sh": "Miễn sinh hoạt",
    "shtt_di": "Sinh hoạt tạm thời nơi khác",
    "shtt_den": "Sinh hoạt tạm thời tại chi bộ",
    "dinh_chi": "Đình chỉ sinh hoạt",
    "chuyen_di": "Đã chuyển sinh hoạt đi",
    "xoa_ten": "Đã xóa tên",
    "khai_tru": "Đã khai trừ",
    "ra_khoi_dang": "Đã ra khỏi Đảng",
    "tu_tran": "Đã từ trần",
    "chua_vao": "Chưa sinh hoạt tại chi bộ",
}

STATUS_EVENT = {
    "chinh_thuc": "Công nhận đảng viên chính thức",
    "mien_sh": "Miễn công tác và sinh hoạt đảng",
    "het_mien_sh": "Thôi miễn sinh hoạt",
    "shtt_di": "Giới thiệu sinh hoạt tạm thời nơi khác",
    "shtt_di_ve": "Trở về sinh hoạt tại chi bộ",
    "shtt_den": "Đến sinh hoạt tạm thời",
    "shtt_den_het": "Kết thúc sinh hoạt tạm thời",
    "chuyen_den": "Chuyển sinh hoạt đảng đến",
    "chuyen_di": "Chuyển sinh hoạt đảng đi",
    "dinh_chi": "Đình chỉ sinh hoạt",
    "het_dinh_chi": "Hết đình chỉ sinh hoạt",
    "xoa_ten": "Xóa tên",
    "khai_tru": "Khai trừ",
    "ra_khoi_dang": "Ra khỏi Đảng",
    "tu_tran": "Từ trần",
}

ATTENDANCE_CODE = {
    "co_mat": "Có mặt",
    "den_muon": "Đến muộn",
    "ve_som": "Về sớm",
    "vang_co_ly_do": "Vắng có lý do",
    "vang_khong_ly_do": "Vắng không lý do",
    "mien_sh": "Miễn sinh hoạt",
    "shtt_noi_khac": "Sinh hoạt tạm thời nơi khác",
    "dinh_chi": "Đình chỉ",
}

#: One-letter codes for the attendance matrix and single-key entry (x = có mặt).
ATTENDANCE_LETTER = {
    "co_mat": "x",
    "den_muon": "M",
    "ve_som": "S",
    "vang_co_ly_do": "P",
    "vang_khong_ly_do": "K",
    "mien_sh": "Mi",
    "shtt_noi_khac": "T",
    "dinh_chi": "Đ",
}

TOPIC_STATUS = {
    "planned": "Đã lên kế hoạch",
    "drafting": "Đang chuẩn bị",
    "approved": "Chi ủy đã duyệt",
    "presented": "Đã trình bày",
    "reported": "Đã báo cáo",
}

SEVERITY = {"info": "Lưu ý", "warning": "Cảnh báo", "alert": "Nghiêm trọng"}

RULE_NAME = {
    "monthly_meeting_missing": "Thiếu sinh hoạt thường kỳ",
    "thematic_meeting_missing": "Thiếu sinh hoạt chuyên đề",
    "unexcused_absences": "Vắng không lý do (Điều 8 Điều lệ)",
    "probation_ending": "Hết thời gian dự bị",
    "party_badge_due": "Xét tặng Huy hiệu Đảng",
    "meeting_too_short": "Thời lượng sinh hoạt chưa đủ",
    "low_attendance": "Tỷ lệ dự họp thấp",
    "topic_unassigned": "Chưa phân công chuyên đề",
    "topic_not_presented": "Chuyên đề chưa được trình bày",
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
