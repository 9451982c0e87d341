"""Fixed phrases of the KL 01 documents (personal plan and commitment form, learning-report cover sheet,
the report's KL 01 section), written once. Strings only."""

from __future__ import annotations

PLAN_DOC = "KẾ HOẠCH CÁ NHÂN VÀ BẢN CAM KẾT"
PLAN_SUBJECT = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm {year}"
PLACE_DATE_BLANK = "{place}, ngày … tháng … năm {year}"
PLACE_BLANK = "……………"
FIELD_NAME = "Họ và tên: "
FIELD_BORN = "Ngày sinh: "
FIELD_PARTY_POSITION = "Chức vụ đảng: "
FIELD_JOB = "Chức vụ, đơn vị công tác: "
FIELD_SEP = ";  "
FIELD_TOPIC = "Chuyên đề năm: "
BRANCH_ITEMS = "Nội dung đột phá của chi bộ: {breakthrough}. Chuẩn mực đạo đức của đơn vị: {ethics}."
H_COMMITMENTS = "I. NỘI DUNG CAM KẾT VÀ TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN"
H_BREAKTHROUGH = "II. NỘI DUNG ĐỘT PHÁ CỦA BẢN THÂN"
H_COMMENT = "III. NHẬN XÉT CỦA CHI ỦY (CHI BỘ)"
REVIEW_HEADER = ("STT", "Nội dung cam kết", "Sơ kết", "Cuối năm")
REVIEW_WIDTHS_MM = (10, 107, 24, 24)
REVIEW_OVERALL = "Chung"
REVIEW_NOTE = "Ghi chú tự đánh giá: {note}"
SIGN_COMMITTEE = ("XÁC NHẬN CỦA CHI ỦY", "BÍ THƯ")
SIGN_MEMBER = ("NGƯỜI CAM KẾT",)
SIGN_HINT = "(Ký, ghi rõ họ tên)"

COVER_DOC = "BÀI THU HOẠCH"
COVER_SUBJECT = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
COVER_TOPIC = "Chuyên đề năm {year}: \u201c{topic}\u201d"
COVER_TOPIC_BLANK = "Chuyên đề năm {year}: ……………………………………………"
COVER_BRANCH = "Sinh hoạt tại: "
COVER_SUBMITTED = "Ngày nộp: "
COVER_PLACE_YEAR = "{place}, năm {year}"

# ----------------------------------------------------------------------------- periodic report, section II.4
REP_PLANS = (
    "- Kế hoạch cá nhân, bản cam kết: {signed}/{expected} đồng chí đã xây dựng và ký ({pct}; chỉ tiêu {target})"
    "{others}."
)
REP_PLANS_OTHERS = "; {exempt} đồng chí miễn sinh hoạt và {away} đồng chí sinh hoạt tạm thời nơi khác không tính"
REP_REPORTS = "- Bài thu hoạch: {count}/{expected} đồng chí đã nộp ({pct})."
REP_REVIEWS = "- Tự đánh giá việc thực hiện cam kết: sơ kết 6 tháng {midyear} đồng chí; cuối năm {year_end} đồng chí."
REP_BREAKTHROUGH = "- Nội dung đột phá của chi bộ: {text}."
REP_ETHICS = "- Chuẩn mực đạo đức của đơn vị: {text}."
REP_MODELS = "- Mô hình, cách làm hay ({count}):"
REP_EXEMPLARS = "- Điển hình tiên tiến ({count}):"
REP_AWARDS = "- Khen thưởng ({count}; tập thể {collective}, cá nhân {individual}):"
REP_ITEM = "+ {text}"
REP_NONE = "không có."
REP_NONE_LINE = "{lead} {none}"
REP_BRANCH = "Chi bộ"  # an award or exemplar of the collective
