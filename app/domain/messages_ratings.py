"""Every Vietnamese sentence and label of the yearly review and rating, written once (CLI, window, documents).

No logic beyond choosing and filling a sentence. Level names come from the rule set (RatingRules.label).
"""

from __future__ import annotations

from app.domain.findings import RuleId

RULE_NAME = {
    RuleId.RATING_MISSING: "Chưa xếp loại chất lượng",
    RuleId.REVIEW_MEETING_MISSING: "Chưa ghi hội nghị kiểm điểm cuối năm",
    RuleId.RATING_QUOTA_EXCEEDED: "Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ",
    RuleId.RATING_CONFLICT: "Mức xếp loại chưa phù hợp",
    RuleId.COMMENDATION_CANDIDATE: "Đề nghị khen thưởng",
}

#: Labels of the rating figures in the summary workbook (PeriodReport.extra_figures) and the consolidation.
FIGURE_LABEL = {
    "ratings_xuat_sac": "Đảng viên hoàn thành xuất sắc nhiệm vụ",
    "ratings_tot": "Đảng viên hoàn thành tốt nhiệm vụ",
    "ratings_hoan_thanh": "Đảng viên hoàn thành nhiệm vụ",
    "ratings_khong_hoan_thanh": "Đảng viên không hoàn thành nhiệm vụ",
    "branch_rating_xuat_sac": "Chi bộ hoàn thành xuất sắc nhiệm vụ (1 = có)",
    "branch_rating_tot": "Chi bộ hoàn thành tốt nhiệm vụ (1 = có)",
    "branch_rating_hoan_thanh": "Chi bộ hoàn thành nhiệm vụ (1 = có)",
    "branch_rating_khong_hoan_thanh": "Chi bộ không hoàn thành nhiệm vụ (1 = có)",
}
CONSOLIDATION_COLUMNS = (
    ("ratings_xuat_sac", "ĐV HTXSNV"),
    ("ratings_tot", "ĐV HTTNV"),
    ("ratings_hoan_thanh", "ĐV HTNV"),
    ("ratings_khong_hoan_thanh", "ĐV KHTNV"),
    ("branch_rating_xuat_sac", "Chi bộ HTXSNV"),
    ("branch_rating_tot", "Chi bộ HTTNV"),
    ("branch_rating_hoan_thanh", "Chi bộ HTNV"),
    ("branch_rating_khong_hoan_thanh", "Chi bộ KHTNV"),
)

# --------------------------------------------------------------------------- findings
MISSING_MEMBERS = (
    "Đã quá hạn kiểm điểm năm {year} ({deadline}) mà {count} đồng chí chưa có mức xếp loại chi bộ đề xuất: {names}."
)
REVIEW_MEETING_MISSING = (
    "Năm {year} đã có {count} đồng chí được xếp loại nhưng Sổ Chi bộ chưa ghi hội nghị kiểm điểm, đánh giá, "
    "xếp loại chất lượng của chi bộ, đã quá hạn {deadline}. Hãy ghi cuộc sinh hoạt loại \u201cHội nghị kiểm điểm, "
    "đánh giá, xếp loại chất lượng hằng năm\u201d (điểm danh, nội dung, kết luận) để biên bản lấy từ đó. Căn cứ: {provision}."
)
PROVISION = "{text} (áp dụng từ {since}{until}{unverified})"
PROVISION_UNTIL = " đến {day}"
UNVERIFIED = "; chưa kiểm chứng toàn văn"
NO_PROVISION = "hướng dẫn kiểm điểm của cấp ủy cấp trên"
MISSING_BRANCH = "Đã quá hạn kiểm điểm năm {year} ({deadline}) mà chi bộ chưa tự đánh giá, xếp loại tập thể."
QUOTA_EXCEEDED = (
    "Năm {year} có {top} đồng chí được đề xuất hoặc xếp loại \u201c{top_label}\u201d, vượt mức tối đa {allowed} "
    "({pct} của {second} đồng chí \u201c{second_label}\u201d). Căn cứ: {basis}."
)
CONFLICT = (
    "Đồng chí {name} được đề xuất \u201c{level}\u201d năm {year} nhưng trong năm {reasons}. "
    "Chi bộ cần xem lại mức xếp loại ({basis})."
)
CONFLICT_UNEXCUSED = "vắng sinh hoạt không lý do {count} tháng"
CONFLICT_DUES = "chưa đóng đảng phí {count} tháng"
CONFLICT_DISCIPLINE = "bị kỷ luật ({what})"
CONFLICT_SUSPENDED = "bị đình chỉ sinh hoạt từ ngày {day}"
COMMENDATION = (
    "Đồng chí {name} được xếp loại \u201c{level}\u201d {years} năm liền ({first}–{last}): "
    "đề nghị cấp trên xét khen thưởng ({basis})."
)

# --------------------------------------------------------------------------- errors and CLI
LEVEL_INVALID = (
    "{field}: mức xếp loại \u201c{value}\u201d không hợp lệ. Hãy dùng một trong: "
    "xuat_sac (hoàn thành xuất sắc), tot (hoàn thành tốt), hoan_thanh (hoàn thành), "
    "khong_hoan_thanh (không hoàn thành nhiệm vụ)."
)
FORM_INVALID = "Mẫu kiểm điểm \u201c{value}\u201d không có trong hướng dẫn áp dụng cho năm {year}. Hãy chọn: {kinds}."
SCORE_INVALID = "Điểm đánh giá phải là số từ 0 đến 100 (ví dụ 85 hoặc 92,5)."
VOTES_INVALID = "Số phiếu tán thành phải từ 0 đến tổng số phiếu, và tổng số phiếu phải lớn hơn 0."
YEAR_INVALID = "Năm {year} không hợp lệ: chỉ xếp loại cho năm từ 1930 đến năm sau năm hiện tại."
NOT_ON_ROLL = "Đồng chí {name} không sinh hoạt tại chi bộ trong năm {year} nên không xếp loại ở chi bộ này."
MEMBER_UNKNOWN = "Không có đảng viên mã {member_id}. Hãy xem lại bằng lệnh \u201cmembers list\u201d."
DEADLINE_INVALID = "Hạn kiểm điểm \u201c{value}\u201d không hợp lệ. Hãy nhập ngày/tháng, ví dụ 15/12."
TOO_LONG = "{field}: quá dài (tối đa {limit} ký tự). Hãy rút gọn."
RULES_INVALID = "Tệp quy tắc xếp loại \u201c{path}\u201d không hợp lệ: {detail}."
FIELD = {
    "self": "Tự xếp loại",
    "proposed": "Chi bộ đề xuất",
    "final": "Cấp trên quyết định",
    "form": "Mẫu kiểm điểm",
    "score": "Điểm",
    "decision": "Quyết định",
    "decided_by": "Cấp quyết định",
    "discipline": "Kỷ luật trong năm",
    "note": "Ghi chú",
}
SAVED = "Đã lưu xếp loại năm {year} của đồng chí {name}."
BRANCH_SAVED = "Đã lưu xếp loại chi bộ năm {year}."
DEADLINE_SAVED = "Hạn kiểm điểm hằng năm: ngày {day} tháng {month}."
LIST_EMPTY = "Năm {year} chưa có đảng viên nào trong danh sách kiểm điểm."
HEADERS = ("Mã", "Họ và tên", "Mẫu", "Tự xếp loại", "Điểm", "Chi bộ đề xuất", "Cấp trên quyết định")
BRANCH_LINE = "Chi bộ năm {year}: tự xếp loại {self}; đề xuất {proposed}; cấp trên quyết định {final}."
NOT_YET = "chưa có"
QUOTA_LINE = "Tỷ lệ: {top}/{allowed} đồng chí {top_short} (tối đa {pct} của {second} đồng chí {second_short})"
QUOTA_NONE = "Quy định áp dụng cho năm {year} không giới hạn tỷ lệ mức cao nhất."
NOT_RATED = "Không xếp loại ({why})"
NOT_RATED_WHY = {"exempt": "miễn công tác và sinh hoạt đảng", "new": "dự bị chưa đủ {months} tháng"}
FORM_PLAN_LINE = "Kế hoạch cá nhân học tập và làm theo Bác ({signed}); kết quả tổng kết năm: {result}."
FORM_COMMITMENT_LINE = "Cam kết \u201c{text}\u201d: {result}."
FORM_LEARNING_LINE = "Bài thu hoạch nộp ngày {day}{topic}."
DOC_WRITTEN = "Đã ghi {what}: {path}"
DOC_WHAT = {
    "forms": "bản kiểm điểm cá nhân",
    "summary": "bảng tổng hợp kết quả xếp loại",
    "minutes": "biên bản hội nghị kiểm điểm",
    "xlsx": "bảng tính xếp loại",
}
