"""Every Vietnamese sentence and label the core shows, written once. The CLI and the window both use it.

No logic beyond choosing and filling a sentence. Error sentences say what is wrong and what to do.
"""

from __future__ import annotations

from app.domain.errors import AppError, ValidationError

# --------------------------------------------------------------------------- labels
MEETING_KIND = {
    "thuong_ky": "Sinh hoạt thường kỳ",
    "chuyen_de": "Sinh hoạt chuyên đề",
    "ket_hop": "Thường kỳ kết hợp chuyên đề",
    "bat_thuong": "Sinh hoạt bất thường",
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

# --------------------------------------------------------------------------- findings
MONTHLY_MISSING = "Tháng {month}/{year} chưa có cuộc sinh hoạt chi bộ thường kỳ nào được ghi."
THEMATIC_MISSING = "{quarter} chưa có buổi sinh hoạt chuyên đề (mỗi quý ít nhất một lần)."
UNEXCUSED_WARNING = (
    "Đồng chí {name} đã vắng sinh hoạt không lý do {count} tháng trong năm {year} (tháng {months}). "
    "Cần nhắc nhở trước khi đến mức phải xem xét theo Điều 8 Điều lệ."
)
UNEXCUSED_ALERT = (
    "Đồng chí {name} đã vắng sinh hoạt không lý do {count} tháng trong năm {year} (tháng {months}): "
    "chi bộ cần xem xét theo Điều 8 Điều lệ Đảng."
)
PROBATION_ENDING = "Đồng chí {name} hết thời gian dự bị ngày {end}: chuẩn bị hồ sơ xét công nhận chính thức."
PROBATION_OVERDUE = "Đồng chí {name} đã hết thời gian dự bị từ ngày {end} nhưng chưa được xét công nhận chính thức."
BADGE_DUE = "Đồng chí {name} đủ {years} năm tuổi Đảng vào ngày {day}: đề nghị xét tặng Huy hiệu {years} năm tuổi Đảng."
MEETING_TOO_SHORT = "Buổi sinh hoạt ngày {day} chỉ kéo dài {minutes} phút, ít hơn mức tối thiểu {minimum} phút."
ATTENDANCE_WARNING = "Buổi sinh hoạt ngày {day} có {present}/{base} đồng chí dự ({pct}), dưới 90%."
ATTENDANCE_ALERT = (
    "Buổi sinh hoạt ngày {day} chỉ có {present}/{base} đồng chí dự ({pct}), "
    "chưa quá một nửa: nghị quyết không có giá trị."
)
TOPIC_UNASSIGNED = "{quarter} chưa phân công đồng chí nào chuẩn bị chuyên đề."
TOPIC_NOT_PRESENTED = "Chuyên đề \u201c{title}\u201d của {quarter} chưa được trình bày tại buổi sinh hoạt nào."

# --------------------------------------------------------------------------- fields and errors
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
    "cccd": "Số CCCD",
    "phone": "Số điện thoại",
    "gender": "Giới tính",
    "date": "Ngày sinh hoạt",
    "on": "Ngày",
    "start": "Giờ bắt đầu",
    "end": "Giờ kết thúc",
    "kind": "Loại sinh hoạt",
    "members": "Đảng viên",
    "excused": "Danh sách vắng có lý do",
    "unexcused": "Danh sách vắng không lý do",
    "year": "Năm",
    "quarter": "Quý",
    "title": "Tên",
    "due": "Hạn nộp",
    "branch_name": "Tên chi bộ",
    "event": "Thay đổi",
    "attendance": "Điểm danh",
    "votes": "Biểu quyết",
    "reason": "Lý do",
}

FIELD_ERROR = {
    "required": "{label}: chưa nhập. Hãy điền thông tin này.",
    "empty": "{label}: chưa nhập. Hãy điền thông tin này.",
    "format": "{label}: không đúng dạng ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026.",
    "time_format": "{label}: không đúng dạng giờ. Hãy nhập theo dạng giờ:phút, ví dụ 19:30.",
    "impossible": "{label}: ngày không có thật (ví dụ 31/02). Hãy kiểm tra lại ngày, tháng.",
    "future": "{label}: ngày nằm trong tương lai. Hãy kiểm tra lại.",
    "before_birth": "{label}: sớm hơn ngày sinh. Hãy kiểm tra lại.",
    "before_joined": "{label}: sớm hơn ngày vào Đảng. Hãy kiểm tra lại.",
    "too_young": "{label}: người vào Đảng phải đủ 18 tuổi. Hãy kiểm tra ngày sinh và ngày vào Đảng.",
    "too_long": "{label}: quá dài. Hãy rút gọn.",
    "duplicate": "{label}: đã có đảng viên khác dùng số này. Hãy kiểm tra lại, không nhập trùng.",
    "duplicate_person": "{label}: đã có đảng viên cùng họ tên và ngày sinh. Hãy kiểm tra xem có nhập trùng không.",
    "digits": "{label}: chỉ gồm chữ số. Hãy nhập lại.",
    "cccd_length": "{label}: phải có đúng 12 chữ số.",
    "invalid": "{label}: giá trị không hợp lệ. Hãy kiểm tra lại.",
    "unknown_member": "{label}: có mã đảng viên không có trong danh sách. Hãy xem lại bằng lệnh \u201cmembers list\u201d.",
    "not_on_roll": "{label}: có đồng chí không sinh hoạt tại chi bộ vào ngày này.",
    "both_lists": "{label}: một đồng chí không thể vừa vắng có lý do vừa vắng không lý do.",
    "end_before_start": "{label}: giờ kết thúc sớm hơn giờ bắt đầu.",
    "quarter_range": "{label}: quý phải từ 1 đến 4.",
    "year_range": "{label}: năm không hợp lệ.",
    "votes_exceed_base": "{label}: tổng số phiếu lớn hơn số đảng viên được biểu quyết.",
    "not_allowed": "{label}: thay đổi này không áp dụng được với tình trạng hiện tại của đảng viên.",
}

ERROR = {
    "not_found": "Không tìm thấy bản ghi này (có thể đã bị xóa). Hãy tải lại danh sách.",
    "meeting_locked": "Biên bản đã được thông qua nên không sửa được nội dung. "
    "Nếu cần, hãy lập bản đính chính có ghi lý do.",
    "database_not_empty": "Cơ sở dữ liệu đã có dữ liệu nên không tạo chi bộ mẫu. "
    "Hãy dùng một tệp mới (tùy chọn --db) để xem chi bộ mẫu.",
    "database_too_new": "Tệp dữ liệu được tạo bởi phiên bản Sổ Chi bộ mới hơn (phiên bản dữ liệu {found}, "
    "phiên bản này đọc được đến {supported}). Hãy cài phiên bản mới hơn; tệp không bị thay đổi.",
    "not_a_database": "Tệp \u201c{path}\u201d không phải là dữ liệu Sổ Chi bộ hoặc đã bị hỏng. "
    "Hãy chọn đúng tệp, hoặc khôi phục từ bản sao lưu.",
    "database_damaged": "Tệp dữ liệu bị hỏng ({detail}). Sổ Chi bộ không ghi gì vào tệp này. "
    "Hãy khôi phục từ bản sao lưu gần nhất.",
    "database_locked": "Sổ Chi bộ đang mở tệp dữ liệu này ở một cửa sổ khác. Hãy dùng cửa sổ đang mở.",
    "cannot_open": "Không mở được tệp dữ liệu \u201c{path}\u201d: {detail}. "
    "Hãy kiểm tra thư mục có tồn tại và có quyền ghi.",
    "rules_invalid": "Tệp quy tắc \u201c{path}\u201d không hợp lệ: {detail}.",
    "file_locked": "Tệp \u201c{path}\u201d đang được mở trong chương trình khác (Word/Excel). "
    "Hãy đóng tệp đó rồi thử lại. Tệp cũ vẫn được giữ nguyên.",
    "disk_full": "Không đủ chỗ trống để ghi \u201c{path}\u201d. Hãy giải phóng bớt dung lượng hoặc chọn nơi khác. "
    "Tệp cũ vẫn được giữ nguyên.",
    "read_only": "Không ghi được vào \u201c{path}\u201d (thư mục chỉ đọc hoặc không có quyền). Hãy chọn thư mục khác.",
    "write_failed": "Không ghi được tệp \u201c{path}\u201d: {detail}. Tệp cũ vẫn được giữ nguyên.",
    "meeting_not_adopted": "Biên bản này chưa được thông qua: hãy sửa trực tiếp nội dung, không cần đính chính.",
    "topic_exists": "{quarter} đã có phân công chuyên đề. Hãy sửa phân công hiện có.",
    "no_members": "Chi bộ chưa có đảng viên nào. Hãy thêm đảng viên trước.",
}


def percent(value: float, digits: int = 1) -> str:
    """Vietnamese percentage with a decimal comma: 95.5 -> "95,5%", 100 -> "100%"."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return text.replace(".", ",") + "%"


def field_error(field: str, code: str) -> str:
    label = FIELD_LABEL.get(field, field)
    return FIELD_ERROR.get(code, FIELD_ERROR["invalid"]).format(label=label)


def describe(error: AppError) -> str:
    """One Vietnamese sentence (or one per field) for any expected error."""
    if isinstance(error, ValidationError):
        return " ".join(field_error(f, c) for f, c in error.field_errors.items())
    template = ERROR.get(error.code)
    if template is None:
        return str(error.details.get("detail") or "Đã có lỗi xảy ra. Dữ liệu không bị thay đổi.")
    try:
        return template.format(**error.details)
    except (KeyError, IndexError):
        return template
