"""Every Vietnamese line of the review documents (self-review form, review minutes, summary, workbook).

Text only. The section titles of the self-review form follow the layout of the earlier guides (HD 21,
HD 25); the wording of HD 43's Mẫu 2A/2B/2C was not available to check (README, Rules and assumptions).
"""

from __future__ import annotations

from exporters.wording import SUBJECT_REVIEW

FORM_TITLE = "BẢN KIỂM ĐIỂM CÁ NHÂN"
FORM_SUBJECT = "Năm {year}"
FORM_KIND = "({form})"
FORM_IDENTITY = (
    ("Họ và tên", "name"),
    ("Ngày sinh", "born"),
    ("Ngày vào Đảng", "joined"),
    ("Ngày chính thức", "official"),
    ("Chức vụ Đảng", "party_position"),
    ("Chức vụ chính quyền, đoàn thể, đơn vị công tác", "job"),
    ("Sinh hoạt tại", "branch"),
)
FORM_SECTIONS = (
    "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC",
    "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
    "III. KẾT QUẢ KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC",
    "IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (nếu có)",
    "V. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM",
    "VI. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG",
)
FORM_MERITS = (
    "1. Về tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc:",
    "2. Về thực hiện chức trách, nhiệm vụ được giao:",
    "3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm:",
)
FORM_ATTENDANCE_HEAD = "4. Tham gia sinh hoạt chi bộ (theo Sổ Chi bộ):"
FORM_ATTENDANCE = (
    "Năm {year} chi bộ có {expected} buổi sinh hoạt thường kỳ đồng chí phải dự; đồng chí có mặt {present} buổi, "
    "vắng có lý do {excused} buổi, vắng không lý do {unexcused} buổi."
)
FORM_NO_ATTENDANCE = "Sổ Chi bộ chưa ghi buổi sinh hoạt thường kỳ nào của đồng chí trong năm {year}."
FORM_TOPICS = "Được phân công chuẩn bị, trình bày chuyên đề: {titles}."
FORM_PLAN = "- {text}"
FORM_LEVELS_HEAD = "Tự nhận mức xếp loại (đánh dấu X vào một ô):"
FORM_BOX = "{mark} {label}"
FORM_CHECKED = "\u2612"  # ☒
FORM_UNCHECKED = "\u2610"  # ☐
FORM_SCORE = "Tự chấm điểm theo thang 100 điểm: {score} điểm."
FORM_SCORE_BLANK = "Tự chấm điểm theo thang 100 điểm: …… điểm."
FORM_BRANCH_HEAD = "NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY (CHI BỘ)"
FORM_BRANCH_PROPOSED = "Chi bộ đề xuất xếp loại: {level}."
FORM_BRANCH_PROPOSED_BLANK = "Chi bộ đề xuất xếp loại: …………………………………………"
FORM_SELF_SIGN = "NGƯỜI TỰ KIỂM ĐIỂM"
FORM_NOT_RATED = "Ghi chú: {text}."

SUMMARY_TITLE = "TỔNG HỢP"
SUMMARY_SUBJECT = "kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {year}"
SUMMARY_BASIS = "Căn cứ {text};"
SUMMARY_INTRO = (
    "Chi bộ tổng hợp kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {year} "
    "(mức chi bộ đề xuất, mức cấp trên quyết định khi đã có) như sau:"
)
SUMMARY_HEADER = ("STT", "Họ và tên", "Mẫu", "Tự xếp loại", "Điểm", "Biểu quyết", "Chi bộ đề xuất",
                  "Cấp trên quyết định")  # fmt: skip
SUMMARY_WIDTHS_MM = (11, 41, 13, 21, 13, 18, 24, 24)
SUMMARY_NOTES_HEAD = "Những trường hợp cần lưu ý:"
SUMMARY_NOTE = "- Đồng chí {name}: {text}."
SUMMARY_COUNTS_HEAD = "Kết quả: tổng số {total} đồng chí được xếp loại, trong đó:"
SUMMARY_COUNT = "- {label}: {count} đồng chí ({pct});"
SUMMARY_NOT_RATED = "- Không xếp loại: {count} đồng chí ({names})."
SUMMARY_QUOTA = "{line}."
SUMMARY_QUOTA_OVER = (
    "Lưu ý: số đồng chí ở mức cao nhất vượt tỷ lệ tối đa theo quy định; đề nghị cấp ủy cấp trên xem xét."
)
SUMMARY_BRANCH = "Chi bộ tự đánh giá, xếp loại: {self}; cấp trên quyết định: {final}."
SUMMARY_LEGEND = "Ghi chú: {legend}."
SUMMARY_VOTES = "{votes_for}/{votes_total}"

MINUTES_TITLE = "BIÊN BẢN"
MINUTES_SUBJECT = SUBJECT_REVIEW  # one wording for the review meeting's subject, whichever minutes print it
MINUTES_OPEN = "Vào lúc …… giờ …… phút, {day}, tại {place}, Chi bộ tổ chức hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tập thể chi bộ và đảng viên năm {year}."
MINUTES_ATTEND = "Tổng số đảng viên của chi bộ: {total} đồng chí; có mặt: …… đồng chí; vắng: …… đồng chí (có lý do: ……; không lý do: ……)."
MINUTES_PRESIDER = "- Chủ trì: đồng chí {name}."
MINUTES_RECORDER = "- Thư ký: đồng chí ……………………"
MINUTES_AGENDA = "NỘI DUNG HỘI NGHỊ"
MINUTES_COLLECTIVE = "I. KIỂM ĐIỂM TẬP THỂ CHI BỘ"
MINUTES_COLLECTIVE_TEXT = "Đồng chí Bí thư trình bày báo cáo kiểm điểm của tập thể chi bộ năm {year}. Ý kiến thảo luận:"
MINUTES_MEMBERS = "II. KIỂM ĐIỂM TỪNG ĐẢNG VIÊN"
MINUTES_MEMBER = "{n}. Đồng chí {name} trình bày bản kiểm điểm, tự nhận mức \u201c{level}\u201d. Ý kiến góp ý:"
MINUTES_VOTES = "III. KẾT QUẢ BIỂU QUYẾT ĐỀ XUẤT MỨC XẾP LOẠI"
MINUTES_VOTES_HEADER = ("STT", "Họ và tên", "Tự xếp loại", "Biểu quyết (tán thành/tổng số)", "Chi bộ đề xuất")
MINUTES_VOTES_WIDTHS_MM = (12, 50, 30, 40, 38)
MINUTES_BRANCH = "Chi bộ tự đánh giá, xếp loại tập thể: {level}."
MINUTES_CONCLUSION = "IV. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ"
# the minutes of a recorded review meeting: its proceedings and opinions as the editor holds them
MINUTES_PROCEEDINGS = "I. DIỄN BIẾN HỘI NGHỊ"
MINUTES_OPINIONS = "II. Ý KIẾN THẢO LUẬN, GÓP Ý"
MINUTES_END = "Hội nghị kết thúc lúc {time} cùng ngày."
MINUTES_CLOSE = "Hội nghị kết thúc vào lúc …… giờ …… phút cùng ngày. Biên bản đã được đọc lại cho hội nghị nghe và nhất trí thông qua."

XLSX_SHEET = "Xếp loại {year}"
XLSX_TITLE = "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN"
XLSX_PERIOD = "Năm {year}"
XLSX_COLUMNS = (
    ("STT", 6, "num"),
    ("Họ và tên", 26, "text"),
    ("Ngày sinh", 12, "date"),
    ("Chức vụ", 24, "wrap"),
    ("Mẫu", 7, "center"),
    ("Tự xếp loại", 12, "center"),
    ("Điểm", 8, "num"),
    ("Tán thành", 10, "int"),
    ("Tổng số phiếu", 10, "int"),
    ("Chi bộ đề xuất", 12, "center"),
    ("Cấp trên quyết định", 12, "center"),
    ("Cấp quyết định", 22, "wrap"),
    ("Quyết định", 28, "wrap"),
    ("Kỷ luật trong năm", 22, "wrap"),
    ("Ghi chú", 30, "wrap"),
)
XLSX_COUNT = "{label}: {count}"
XLSX_BRANCH = "Chi bộ tự xếp loại: {self}; cấp trên quyết định: {final}"

REPORT_HEADING = "Kiểm điểm, đánh giá, xếp loại chất lượng"
REPORT_MEMBERS = (
    "Kết quả xếp loại đảng viên năm {year} (mức cấp trên quyết định, hoặc chi bộ đề xuất khi chưa có quyết định): "
    "hoàn thành xuất sắc nhiệm vụ {xuat_sac} đồng chí; hoàn thành tốt nhiệm vụ {tot} đồng chí; hoàn thành nhiệm vụ "
    "{hoan_thanh} đồng chí; không hoàn thành nhiệm vụ {khong_hoan_thanh} đồng chí."
)
REPORT_BRANCH = "Chi bộ được xếp loại: {level}."
REPORT_BRANCH_NONE = "Chi bộ chưa có kết quả tự đánh giá, xếp loại tập thể."
