"""Every fixed phrase printed in the Word documents (minutes, resolution, report), written once.

Only strings and format templates: no logic, no I/O. Labels that depend on the formatting guideline
(signature titles, "Nơi nhận") live in the layout profiles (resources/layouts/*.json) instead.
"""

from __future__ import annotations

from app.domain.findings import RuleId

PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
STAR = "*"
NUMBER = "Số {number}-{code}/CB"
SUBJECT_RULE = "-----"

#: Blanks printed where the record has nothing, so the secretary fills them in by hand.
BLANK = "……………………"
BLANK_SHORT = "……"
BLANK_TIME = "…… giờ …… phút"

DRAFT_MARK = "BẢN NHÁP — chưa thông qua"
SEAL = "Mã niêm phong: {seal}"

# ----------------------------------------------------------------------------- minutes
MINUTES = "BIÊN BẢN"
SUBJECT_REGULAR = "Sinh hoạt chi bộ thường kỳ {month}"  # month: "tháng 5 năm 2026"
SUBJECT_THEMATIC = "Sinh hoạt chuyên đề {quarter} năm {year}"  # quarter: "quý II"
SUBJECT_COMBINED = "Sinh hoạt chi bộ thường kỳ {month}"
SUBJECT_COMBINED_2 = "kết hợp sinh hoạt chuyên đề {quarter} năm {year}"
SUBJECT_REVIEW = "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm {year}"
SUBJECT_EXTRAORDINARY = "Sinh hoạt chi bộ bất thường ngày {day}"
SUBJECT_TOPIC = "Chuyên đề: \u201c{title}\u201d"

TIME_LINE = "- Thời gian: bắt đầu lúc {time}, ngày {day}."
PLACE_LINE = "- Địa điểm: {place}."
FORM_LINE = "- Hình thức: {form}."
MEMBERS_HEAD = "- Thành phần:"
TOTAL_LINE = (
    "+ Tổng số đảng viên của chi bộ: {total} đồng chí (chính thức: {official}; dự bị: {probationary}{visiting})."
)
TOTAL_VISITING = "; sinh hoạt tạm thời tại chi bộ: {visiting}"
EXEMPT_LINE = "+ Số đảng viên được miễn công tác và sinh hoạt đảng: {exempt} đồng chí."
AWAY_LINE = "+ Số đảng viên được giới thiệu sinh hoạt tạm thời nơi khác: {away} đồng chí."
SUSPENDED_LINE = "+ Số đảng viên bị đình chỉ sinh hoạt: {suspended} đồng chí."
PRESENT_LINE = "+ Có mặt: {present}/{base} đồng chí phải dự (chính thức: {official}; dự bị: {probationary}); đạt {pct}."
ABSENT_LINE = "+ Vắng mặt: {absent} đồng chí, trong đó:"
ABSENT_NONE = "+ Vắng mặt: không."
EXCUSED_LINE = "Có lý do: {count} đồng chí ({names})."
EXCUSED_NONE = "Có lý do: không."
UNEXCUSED_LINE = "Không có lý do: {count} đồng chí ({names})."
UNEXCUSED_NONE = "Không có lý do: không."
NAME_REASON = "đồng chí {name} – {reason}"
NAME_ONLY = "đồng chí {name}"
NO_REASON_GIVEN = "chưa ghi lý do"
GUESTS_LINE = "+ Đại biểu, khách mời: {guests}."
GUESTS_NONE = "+ Đại biểu, khách mời: không."
GUEST = "đồng chí {name}"
PRESIDER_LINE = "- Chủ trì: đồng chí {name}{title}."
RECORDER_LINE = "- Thư ký: đồng chí {name}{title}."
PERSON_TITLE = " – {title}"

PART_REGULAR = "PHẦN A. SINH HOẠT THƯỜNG KỲ"
PART_THEMATIC = "PHẦN B. SINH HOẠT CHUYÊN ĐỀ"
H_CONTENT = "NỘI DUNG SINH HOẠT"
H_THEMATIC_CONTENT = "NỘI DUNG SINH HOẠT CHUYÊN ĐỀ"
H_OPINIONS = "Ý KIẾN THẢO LUẬN"
H_THEMATIC_OPINIONS = "Ý KIẾN THẢO LUẬN, LIÊN HỆ"
H_CONCLUSION = "KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ"
H_VOTES = "BIỂU QUYẾT"
H_TASKS = "PHÂN CÔNG NHIỆM VỤ"
NUMBERED = "{n}. {title}"
HEADING = "{roman}. {title}"
DUES_ITEM = "Tình hình nộp đảng phí"
#: Folded keyword of a content block about dues (the dues note is printed inside it, not as a second item).
DUES_KEY = "dang phi"
PRESENTATION_ITEM = "Trình bày chuyên đề"
PRESENTED_BY = "Đồng chí {names} trình bày chuyên đề \u201c{title}\u201d."
NAMES_JOIN = ", "
NAMES_LAST = " và "
OPINION_SPEAKER = "Đồng chí {name}: "
VOTE_LINE = (
    "Chi bộ biểu quyết {item}: tán thành {for_}/{base} đồng chí ({pct}); "
    "không tán thành {against} đồng chí; ý kiến khác {other} đồng chí (hình thức: {method})."
)
VOTE_BLANK = "Chi bộ biểu quyết: tán thành ……/…… đồng chí (……%); không tán thành …… đồng chí; ý kiến khác …… đồng chí."
VOTE_PASSED = "Kết quả: được thông qua."
VOTE_FAILED_MAJORITY = "Kết quả: không được thông qua (chưa quá một nửa số đảng viên được biểu quyết)."
VOTE_FAILED_TWO_THIRDS = "Kết quả: không được thông qua (chưa đạt hai phần ba số đảng viên chính thức)."
TASK_HEADER = ("STT", "Nhiệm vụ", "Người thực hiện", "Thời hạn")
TASK_WIDTHS_MM = (13.0, 80.0, 44.0, 28.0)
CLOSING_READ = "Thư ký đã đọc lại biên bản trước chi bộ; các đồng chí dự họp nhất trí với nội dung biên bản."
CLOSING_END = "Buổi sinh hoạt kết thúc lúc {time} cùng ngày."
CORRECTION_HEAD = "ĐÍNH CHÍNH ngày {day}"
CORRECTION_REASON = "Lý do: {reason}"
CORRECTION_TEXT = "Nội dung: {text}"

#: Party position (as stored on the member) -> title printed after the name; plain members get none.
POSITION_TITLE = {
    "Bí thư": "Bí thư chi bộ",
    "Phó Bí thư": "Phó Bí thư chi bộ",
    "Chi ủy viên": "Chi ủy viên",
}

# ----------------------------------------------------------------------------- resolution
RESOLUTION = "NGHỊ QUYẾT"
RES_SUBJECT_MONTH = "Chi bộ {month}"
RES_BASIS_CHARTER = "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"
RES_BASIS = "Căn cứ {doc};"
RES_BASIS_MEETING = "Căn cứ kết quả sinh hoạt chi bộ ngày {day},"
RES_OPENING = (
    "Ngày {day}, từ {start} đến {end}{duration}, tại {place}, Chi bộ tổ chức {kind}. "
    "Tổng số đảng viên của chi bộ: {total} đồng chí; được miễn sinh hoạt: {exempt} đồng chí; "
    "sinh hoạt tạm thời nơi khác: {away} đồng chí. Có mặt {present}/{base} đồng chí phải dự, đạt {pct}; "
    "vắng {absent} đồng chí (có lý do: {excused}; không có lý do: {unexcused})."
)
RES_DURATION = " (thời lượng {minutes} phút)"
RES_OFFICERS = "Chủ trì: đồng chí {presider}; thư ký: đồng chí {recorder}."
RES_DUES = "Tình hình nộp đảng phí: {note}"
RES_KIND = {
    "thuong_ky": "sinh hoạt chi bộ thường kỳ {month}",
    "chuyen_de": "sinh hoạt chuyên đề {quarter} năm {year}",
    "ket_hop": "sinh hoạt chi bộ thường kỳ {month} kết hợp sinh hoạt chuyên đề {quarter}",
    "bat_thuong": "sinh hoạt chi bộ bất thường",
    "kiem_diem": "hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm {year}",
}
RES_AGREED = "Sau khi nghe báo cáo và thảo luận, Chi bộ thống nhất"
RES_DECIDES = "QUYẾT NGHỊ:"
RES_H_RESULTS = "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THỜI GIAN QUA"
RES_H_TASKS = "NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI"
RES_H_ORGANISE = "TỔ CHỨC THỰC HIỆN"
RES_ORGANISE = (
    "Chi ủy, các đồng chí đảng viên trong chi bộ căn cứ nghị quyết này tổ chức thực hiện; phân công cụ thể như sau:"
)
RES_VOTE = "Nghị quyết được Chi bộ biểu quyết thông qua với {for_}/{base} đồng chí tán thành, đạt tỷ lệ {pct}."
RES_VOTE_BLANK = "Nghị quyết được Chi bộ biểu quyết thông qua với ……/…… đồng chí tán thành, đạt tỷ lệ ……%."
RES_TO_UPPER = "- {body} (để báo cáo);"
RES_TO_MEMBERS = "- Đảng viên trong chi bộ (để thực hiện);"
RES_ARCHIVE = "- {archive}"
#: Folded keywords that mark a content section as looking forward (goes to "tasks", not "results").
FORWARD_KEYS = ("thang toi", "phuong huong", "thoi gian toi", "ke hoach thang", "nhiem vu thang sau")
#: Folded keyword of the vote that adopts the resolution (otherwise the first vote is used).
RESOLUTION_VOTE_KEY = "nghi quyet"

# ----------------------------------------------------------------------------- report
REPORT = "BÁO CÁO"
REP_SUBJECT = "Kết quả sinh hoạt chi bộ và công tác đảng viên {period}"
REP_INTRO = (
    "Thực hiện chế độ báo cáo định kỳ của cấp ủy cấp trên, Chi bộ báo cáo kết quả sinh hoạt chi bộ, "
    "công tác đảng viên và việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh {period} như sau:"
)
REP_H_GENERAL = "TÌNH HÌNH CHUNG"
REP_ROLL = (
    "Đầu kỳ chi bộ có {start} đảng viên; đến ngày {day} chi bộ có {total} đảng viên, trong đó: "
    "chính thức {official}, dự bị {probationary}; được miễn công tác và sinh hoạt đảng {exempt}; "
    "sinh hoạt tạm thời nơi khác {away}; từ nơi khác đến sinh hoạt tạm thời {visiting}{suspended}."
)
REP_SUSPENDED = "; bị đình chỉ sinh hoạt {count}"
REP_H_RESULTS = "KẾT QUẢ THỰC HIỆN"
REP_H_REGULAR = "Sinh hoạt chi bộ"
REP_REGULAR = (
    "Trong kỳ, chi bộ tổ chức {count} buổi sinh hoạt, trong đó {regular} buổi sinh hoạt thường kỳ "
    "({months}/{total_months} tháng có sinh hoạt thường kỳ); tỷ lệ đảng viên dự sinh hoạt bình quân đạt {pct}; "
    "có {excused} lượt vắng có lý do và {unexcused} lượt vắng không có lý do."
)
REP_MISSING_MONTHS = "Các tháng chưa tổ chức sinh hoạt thường kỳ: {months}."
REP_MEETINGS_HEADER = ("STT", "Ngày", "Hình thức", "Có mặt", "Tỷ lệ", "Vắng có lý do", "Vắng không lý do")
REP_MEETINGS_WIDTHS_MM = (12.0, 26.0, 32.0, 17.0, 18.0, 30.0, 30.0)
REP_H_THEMATIC = "Sinh hoạt chuyên đề"
REP_THEMATIC = "Trong kỳ, chi bộ tổ chức {count} buổi sinh hoạt chuyên đề ({quarters}/{total_quarters} quý có sinh hoạt chuyên đề)."
#: When no quarter of the period is over yet (nor held): nothing to count against.
REP_THEMATIC_RUNNING = "Trong kỳ, chi bộ tổ chức {count} buổi sinh hoạt chuyên đề (quý đang diễn ra chưa kết thúc)."
REP_THEMATIC_HEADER = ("STT", "Ngày", "Chuyên đề", "Người trình bày", "Có mặt")
REP_THEMATIC_WIDTHS_MM = (12.0, 26.0, 70.0, 40.0, 17.0)
REP_NOT_PRESENTED_HEAD = "Chuyên đề đã phân công nhưng chưa trình bày:"
REP_NOT_PRESENTED = "- {quarter} năm {year}: \u201c{title}\u201d – phân công đồng chí {names}."
REP_ALL_PRESENTED = "Các chuyên đề đã phân công trong kỳ đều đã được trình bày."
REP_NO_ASSIGNEE = "(chưa có người được phân công)"
REP_H_CHANGES = "Công tác đảng viên, biến động đảng viên"
REP_CHANGES_HEADER = ("STT", "Ngày", "Đảng viên", "Nội dung")
REP_CHANGES_WIDTHS_MM = (12.0, 26.0, 50.0, 77.0)
REP_ADMITTED = "Kết nạp vào Đảng"
REP_NO_CHANGES = "Trong kỳ không có biến động đảng viên."
REP_H_HCM = "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
REP_HCM_LEAD = (
    "- Công tác lãnh đạo, quán triệt: nội dung học tập và làm theo Bác được đưa vào {regular} buổi sinh hoạt "
    "thường kỳ; chi bộ tổ chức {thematic} buổi sinh hoạt chuyên đề{topics}."
)
REP_HCM_TOPICS = " với các chuyên đề: {titles}"
REP_HCM_PLANS = "- Việc xây dựng kế hoạch, bản cam kết tu dưỡng, rèn luyện của đảng viên:"
REP_HCM_EXAMPLES = "- Vai trò nêu gương của đảng viên; gương điển hình, mô hình, cách làm hay:"
REP_H_LIMITS = "HẠN CHẾ, NGUYÊN NHÂN"
REP_FINDINGS_HEAD = "Qua tự kiểm tra, chi bộ còn những hạn chế sau:"
#: Section III's subjects, in the order the report takes them up (exporters/report_prose.py fills them).
REP_SUBJECTS = {
    "meetings": "Về nền nếp sinh hoạt chi bộ",
    "topics": "Về sinh hoạt chuyên đề",
    "attendance": "Về tỷ lệ đảng viên dự sinh hoạt",
    "members": "Về công tác đảng viên",
    "other": "Về những việc khác",
}
REP_SUBJECT_LEAD = "- {subject}: "
REP_LIM_MONTH = "tháng {month}/{year}"
REP_LIM_MONTHS = "Trong kỳ, chi bộ chưa tổ chức sinh hoạt thường kỳ {months}."
REP_LIM_QUARTERS = "Chi bộ chưa tổ chức sinh hoạt chuyên đề {quarters}."
REP_LIM_SHORT = "Có {count} buổi sinh hoạt chưa bảo đảm thời lượng tối thiểu ({items})."
REP_LIM_SHORT_ITEM = "ngày {day}: {minutes} phút, yêu cầu {minimum} phút"
REP_LIM_UNASSIGNED = "Chi bộ chưa phân công đảng viên chuẩn bị chuyên đề {quarters}."
REP_LIM_NOT_PRESENTED = "Chuyên đề \u201c{title}\u201d của {quarter} đã được phân công nhưng chưa được trình bày."
REP_LIM_LOW = "Có {count} buổi sinh hoạt tỷ lệ đảng viên dự chưa đạt yêu cầu ({items})."
REP_LIM_LOW_ITEM = "ngày {day}: {present}/{base} đồng chí, đạt {pct}"
REP_LIM_LOW_HALF = "Buổi sinh hoạt ngày {days} có số đảng viên tham dự không quá {threshold} số đảng viên phải dự."
REP_LIM_UNEXCUSED = "Đồng chí {name} vắng sinh hoạt không có lý do {count} tháng trong năm {year} (tháng {months})."
REP_LIM_UNEXCUSED_ART8 = "Chi bộ sẽ xem xét theo quy định tại {basis}."
REP_LIM_PROBATION = (
    "Đồng chí {name} đã hết thời gian dự bị từ ngày {end} nhưng chi bộ chưa xét công nhận đảng viên chính thức."
)
REP_NO_FINDINGS = "Qua tự kiểm tra, chi bộ không phát hiện vấn đề tồn tại theo các quy định được theo dõi."
REP_CAUSES = "- Nguyên nhân:"
REP_H_NEXT = "PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"
REP_NEXT_DEFAULT = (
    "- Duy trì nền nếp sinh hoạt chi bộ thường kỳ hằng tháng và sinh hoạt chuyên đề ít nhất mỗi quý một lần; "
    "nâng cao chất lượng sinh hoạt chi bộ{guide}."
)
REP_NEXT_GUIDE = " theo {guide}"  # the meeting guide in force at the period's end, from the rule set
REP_NEXT_TOPIC = "- Tổ chức trình bày chuyên đề \u201c{title}\u201d ({quarter} năm {year}) đã phân công."
#: Rule findings that are reminders of things to do, not shortcomings: listed under the next period's tasks.
REMINDER_RULES = (RuleId.PARTY_BADGE_DUE,)
REP_NEXT_REMINDER = "- {message}"
REP_NEXT_ABSENCE = (
    "- Nhắc nhở, giúp đỡ các đồng chí vắng sinh hoạt không có lý do; xem xét theo Điều 8 Điều lệ Đảng nếu tái phạm."
)
REP_H_PROPOSALS = "KIẾN NGHỊ, ĐỀ XUẤT"
REP_TO_UPPER = "- {body} (để báo cáo);"
REP_ARCHIVE = "- {archive}"
