"""Excel wording: sheet names, titles, column headers and fixed cells of the workbooks Sổ Chi bộ writes."""

from __future__ import annotations

from app.domain import messages_kl01 as _kl01

#: Sheet names (at most 31 characters) and titles of the summary, roster and consolidated workbooks.
XLSX_SHEET = {
    "overview": "Tổng hợp",
    "meetings": "Sinh hoạt",
    "topics": "Chuyên đề",
    "attendance": "Điểm danh",
    "hcm": "Học tập và làm theo",
    "roster": "Danh sách đảng viên",
    "branches": "Tổng hợp các chi bộ",
    "rejected": "Tệp bị từ chối",
    "files": "Biên nhận",
}

XLSX_TITLE = {
    "overview": "BẢNG TỔNG HỢP SỐ LIỆU SINH HOẠT CHI BỘ",
    "meetings": "TỔNG HỢP CÁC CUỘC SINH HOẠT CHI BỘ",
    "topics": "TỔNG HỢP SINH HOẠT CHUYÊN ĐỀ THEO QUÝ",
    "attendance": "THEO DÕI SINH HOẠT ĐẢNG CỦA ĐẢNG VIÊN",
    "hcm": "KẾT QUẢ HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH",
    "roster": "DANH SÁCH ĐẢNG VIÊN",
    "branches": "BẢNG TỔNG HỢP SINH HOẠT CỦA CÁC CHI BỘ",
    "rejected": "CÁC TỆP KHÔNG ĐƯA VÀO TỔNG HỢP",
    "files": "BIÊN NHẬN CÁC TỆP ĐÃ XỬ LÝ",
}

XLSX_PERIOD_LINE = "{label} (từ ngày {start} đến ngày {end})"

XLSX_PERIOD_RANGE = "Từ ngày {start} đến ngày {end}"

XLSX_ROSTER_PERIOD = "Tính đến ngày {day}"

XLSX_COLUMN = {
    "stt": "STT",
    "indicator": "Chỉ tiêu",
    "value": "Số liệu",
    "unit": "Ghi chú",
    "month": "Tháng",
    "date": "Ngày sinh hoạt",
    "kind": "Loại",
    "minutes": "Thời lượng (phút)",
    "total": "Tổng số ĐV",
    "exempt": "Miễn SH",
    "away": "SHTT nơi khác",
    "base": "Phải dự",
    "present": "Có mặt",
    "pct": "Tỷ lệ",
    "excused": "Vắng có LD",
    "unexcused": "Vắng không LD",
    "unexcused_names": "Họ tên vắng không LD",
    "guests": "Đại biểu cấp trên dự",
    "topic": "Chuyên đề",
    "presenters": "Người trình bày",
    "opinions": "Số ý kiến phát biểu",
    "votes": "Biểu quyết (tán thành/tổng)",
    "minutes_status": "Biên bản",
    "note": "Ghi chú",
    "year": "Năm",
    "quarter": "Quý",
    "title": "Tên chuyên đề",
    "basis": "Căn cứ",
    "assignees": "Người được phân công",
    "assigned_on": "Ngày giao",
    "approved_on": "Ngày chi ủy thông qua dự thảo",
    "meeting_date": "Ngày sinh hoạt",
    "result": "Kết quả",
    "status": "Tình trạng",
    "name": "Họ và tên",
    "born": "Ngày sinh",
    "gender": "Giới tính",
    "ethnicity": "Dân tộc",
    "joined": "Ngày vào Đảng",
    "official": "Ngày chính thức",
    "card": "Số thẻ đảng viên",
    "party_position": "Chức vụ Đảng",
    "job": "Chức vụ, đơn vị công tác",
    "cccd": "Số CCCD",
    "phone": "Số điện thoại",
    "months_unexcused": "Số tháng vắng không LD",
    "months_excused": "Số tháng vắng có LD",
    "flag": "Lưu ý",
    "branch": "Chi bộ",
    "members": "Số đảng viên",
    "months_held": "Số tháng có SH thường kỳ",
    "topics_presented": "Chuyên đề đã trình bày",
    "generated": "Ngày lập",
    "file": "Tệp",
    "reason": "Lý do",
    "attendance_pct": "Tỷ lệ dự sinh hoạt",
    "fate": "Kết quả xử lý",
}

XLSX_RESULT = {"done": "Đạt", "pending": "Chưa thực hiện", "late": "Quá hạn, chưa thực hiện"}

XLSX_ATTENDANCE_FLAG = {"alert": "Xem xét theo Điều 8 Điều lệ", "warning": "Cần nhắc nhở"}

XLSX_ATTENDANCE_LEGEND = (
    "Ký hiệu: x có mặt; M đến muộn; S về sớm; P vắng có lý do; K vắng không lý do; Mi miễn sinh hoạt; "
    "T sinh hoạt tạm thời nơi khác; Đ đình chỉ; ô trống: tháng không có sinh hoạt thường kỳ hoặc chưa sinh hoạt tại chi bộ. "
    "Tháng có hai buổi thường kỳ: ghi buổi vắng nặng hơn (K trước P)."
)

XLSX_TOTAL = "Tổng cộng"

XLSX_RUNNING = "Chưa hết kỳ: chưa tính là thiếu"

XLSX_NO_DATA = "Sổ Chi bộ chưa theo dõi chỉ tiêu này: điền tay nếu cấp trên yêu cầu."

XLSX_HIDDEN_NOTE = "Dữ liệu để cấp trên tổng hợp tự động. Không sửa trang này."

#: Indicators of the "học tập và làm theo" sheet (DOMAIN §4.4, sheet D), in order. None: not in the data.
XLSX_HCM = {
    "members_total": "Tổng số đảng viên của chi bộ",
    "thematic_meetings": "Số buổi sinh hoạt chuyên đề trong kỳ",
    "studied": "Số đảng viên dự sinh hoạt chuyên đề (ít nhất một buổi)",
    "studied_pct": "Tỷ lệ đảng viên dự sinh hoạt chuyên đề",
    "hcm_topics": "Số chuyên đề về học tập và làm theo Bác đã phân công",
    "topics_presented": "Số chuyên đề đã trình bày tại sinh hoạt chi bộ",
    "presenters": "Số đảng viên được phân công chuẩn bị, trình bày chuyên đề",
    "learning_reports": "Số bài thu hoạch",
    "personal_plans": "Số đảng viên có kế hoạch cá nhân, bản cam kết",
    "models": "Mô hình, cách làm hay",
    "exemplars": "Điển hình tiêu biểu",
    "awards": "Khen thưởng (tập thể, cá nhân; hình thức; cấp)",
    "reminded": "Số đảng viên bị nhắc nhở, phê bình vì không thực hiện cam kết",
}

#: What happened to each file given to consolidation (receipt and "Biên nhận" sheet).
FILE_FATE = {"accepted": "Đã tổng hợp", "rejected": "Bị từ chối", "superseded": "Bản cũ, không dùng"}


XLSX_HCM.update(_kl01.XLSX_HCM)
