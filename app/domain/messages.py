"""Every Vietnamese sentence and label the core shows, written once. The CLI and the window both use it.

No logic beyond choosing and filling a sentence. Error sentences say what is wrong and what to do.
"""

from __future__ import annotations

from app.domain import security_messages
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
    "Cần nhắc nhở trước khi đến mức {alert} tháng phải xem xét theo Điều 8 Điều lệ."
)
UNEXCUSED_ALERT = (
    "Đồng chí {name} đã vắng sinh hoạt không lý do {count} tháng trong năm {year} (tháng {months}): "
    "chi bộ cần xem xét theo Điều 8 Điều lệ Đảng."
)
PROBATION_ENDING = "Đồng chí {name} hết thời gian dự bị ngày {end}: chuẩn bị hồ sơ xét công nhận chính thức."
PROBATION_OVERDUE = "Đồng chí {name} đã hết thời gian dự bị từ ngày {end} nhưng chưa được xét công nhận chính thức."
BADGE_DUE = "Đồng chí {name} đủ {years} năm tuổi Đảng vào ngày {day}: đề nghị xét tặng Huy hiệu {years} năm tuổi Đảng."
MEETING_TOO_SHORT = "Buổi sinh hoạt ngày {day} chỉ kéo dài {minutes} phút, ít hơn mức tối thiểu {minimum} phút."
# Every threshold a sentence names is filled from the rule set in force ({threshold}, {alert}), never typed here.
ATTENDANCE_WARNING = "Buổi sinh hoạt ngày {day} có {present}/{base} đồng chí dự ({pct}), dưới {threshold}."
ATTENDANCE_ALERT = (
    "Buổi sinh hoạt ngày {day} chỉ có {present}/{base} đồng chí dự ({pct}), "
    "không quá {threshold}: nghị quyết không có giá trị."
)
# The meeting editor's live banner above the attendance grid (app.domain.attendance.quorum_verdict decides).
QUORUM_BANNER = {
    "info": "Chưa có đảng viên nào phải dự buổi sinh hoạt này.",
    "alert": (
        "Chỉ có {present}/{base} đồng chí dự ({pct}), không quá {threshold}: "
        "buổi sinh hoạt không đủ điều kiện ra nghị quyết."
    ),
    "warning": (
        "Có {present}/{base} đồng chí dự ({pct}): đủ điều kiện họp, "
        "nhưng dưới {threshold} (bị trừ điểm khi đánh giá chất lượng)."
    ),
    "ok": "Đủ điều kiện: {present}/{base} đồng chí dự ({pct}).",
}
TOPIC_UNASSIGNED = "{quarter} chưa phân công đồng chí nào chuẩn bị chuyên đề."
TOPIC_NOT_PRESENTED = "Chuyên đề \u201c{title}\u201d của {quarter} chưa được trình bày tại buổi sinh hoạt nào."

# --------------------------------------------------------------------------- the branch (CLI `branch`)
BRANCH_NOT_GIVEN = "(chưa ghi)"
BRANCH_SAVED = "Đã lưu thông tin chi bộ."
BRANCH_NOTHING_TO_SET = (
    "Chưa nêu mục nào để ghi. Ví dụ: branch set --name \u201cChi bộ Trường THPT Vị Thanh\u201d "
    "--upper \u201cĐảng ủy phường Hòa Bình\u201d --place \u201cVị Thanh\u201d."
)

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

FIELD_ERROR = {
    "required": "{label}: chưa nhập. Hãy điền thông tin này.",
    "empty": "{label}: chưa nhập. Hãy điền thông tin này.",
    "format": "{label}: không đúng dạng ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026.",
    "time_format": "{label}: không đúng dạng giờ. Hãy nhập theo dạng giờ:phút, ví dụ 19:30.",
    "impossible": "{label}: ngày không có thật (ví dụ 31/02). Hãy kiểm tra lại ngày, tháng.",
    "time_impossible": "{label}: giờ không có thật (giờ từ 0 đến 23, phút từ 0 đến 59). Hãy nhập lại, ví dụ 19:30.",
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
    "stale_edit": "Chưa lưu: {what} đã được sửa và lưu ở chỗ khác sau khi đồng chí mở ra. "
    "Để không ghi đè lên thông tin mới hơn, lần lưu này bị từ chối; thông tin hiện tại đang hiện ra, "
    "hãy xem lại rồi nhập lại thay đổi của mình.",
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
    # The database's storage failed mid-action (data/storage.py): one sentence per kind, everywhere.
    "storage_full": "Ổ đĩa chứa \u201c{path}\u201d đã đầy nên việc vừa làm chưa được lưu. "
    "Dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy giải phóng bớt dung lượng ổ đĩa rồi làm lại.",
    "storage_read_only": "Không ghi được vào \u201c{path}\u201d (ổ đĩa hoặc thư mục chỉ đọc, hoặc không có quyền ghi) "
    "nên việc vừa làm chưa được lưu. Dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy chép tệp dữ liệu sang ổ đĩa "
    "của máy rồi mở lại.",
    "storage_busy": "Tệp dữ liệu \u201c{path}\u201d đang bị một chương trình khác giữ nên việc vừa làm chưa được lưu. "
    "Hãy đóng chương trình đó (hoặc đợi một lát) rồi làm lại.",
    "storage_io": "Ổ đĩa báo lỗi khi đọc hoặc ghi \u201c{path}\u201d nên việc vừa làm chưa được lưu. "
    "Hãy kiểm tra ổ đĩa (USB có bị rút ra không?) rồi làm lại; dữ liệu đã lưu trước đó vẫn được giữ.",
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
    # Excel files (exporters/xlsx_reader.py, member import, consolidation, USB package)
    "xlsx_missing": "Không tìm thấy tệp \u201c{path}\u201d. Hãy kiểm tra lại tên và thư mục của tệp.",
    "xlsx_is_folder": "\u201c{path}\u201d là một thư mục, không phải tệp Excel. Hãy chọn tệp .xlsx.",
    "xlsx_not_xlsx": "Tệp \u201c{path}\u201d không phải tệp Excel .xlsx hợp lệ (hoặc đã bị hỏng). "
    "Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) kiểu \u201cExcel Workbook (.xlsx)\u201d rồi thử lại.",
    "xlsx_old_format": "Tệp \u201c{path}\u201d là tệp Excel đời cũ (.xls) hoặc có đặt mật khẩu. "
    "Hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi Lưu thành kiểu \u201cExcel Workbook (.xlsx)\u201d.",
    "xlsx_is_word": "Tệp \u201c{path}\u201d là tài liệu Word, không phải bảng tính Excel. Hãy chọn đúng tệp Excel.",
    "xlsx_damaged": "Tệp \u201c{path}\u201d bị hỏng, dữ liệu bên trong không đọc được. "
    "Hãy xin lại tệp từ nơi gửi hoặc chép lại từ bản gốc.",
    "xlsx_too_large": "Tệp \u201c{path}\u201d khi giải nén quá lớn ({size} MB, giới hạn {limit} MB), có thể là tệp độc hại. "
    "Tệp không được đọc.",
    "xlsx_entities": "Tệp \u201c{path}\u201d chứa khai báo XML không được phép, có thể là tệp độc hại. Tệp không được đọc.",
    "xlsx_locked": "Không đọc được tệp \u201c{path}\u201d: tệp đang mở trong chương trình khác hoặc không có quyền đọc. "
    "Hãy đóng tệp rồi thử lại.",
    "xlsx_reader_unsafe": "Thiếu thư viện defusedxml nên Sổ Chi bộ không mở tệp Excel từ bên ngoài. "
    "Hãy cài lại Sổ Chi bộ.",
    "xlsx_too_many_rows": "Trang \u201c{sheet}\u201d của tệp \u201c{path}\u201d có quá nhiều dòng (hơn {limit}), "
    "không giống một danh sách đảng viên nên không được đọc. Hãy chép riêng danh sách sang một tệp Excel mới rồi thử lại.",
    "import_no_sheet": "Tệp \u201c{path}\u201d không có trang tính nào có dữ liệu. Hãy kiểm tra lại tệp.",
    "import_no_header": "Không tìm thấy dòng tiêu đề trong tệp \u201c{path}\u201d: cần có cột \u201cHọ và tên\u201d và "
    "cột \u201cNgày vào Đảng\u201d (có dấu hoặc không dấu). Hãy thêm dòng tiêu đề vào trên danh sách rồi thử lại.",
    "import_missing_column": "Tệp \u201c{path}\u201d có dòng tiêu đề (dòng {row}) nhưng thiếu cột \u201c{column}\u201d. "
    "Hãy thêm cột này rồi thử lại.",
    "import_empty": "Trang \u201c{sheet}\u201d của tệp \u201c{path}\u201d không có dòng đảng viên nào dưới dòng tiêu đề.",
    "import_rejected": "Không nhập đảng viên nào: {count} dòng có lỗi (xem từng dòng ở trên). "
    "Hãy sửa trong tệp Excel rồi nhập lại; dữ liệu hiện có không bị thay đổi.",
    "branch_not_set_up": "Chưa nhập tên chi bộ. Hãy điền thông tin chi bộ trước khi xuất báo cáo.",
    "consolidate_no_input": "Không tìm thấy tệp .xlsx nào trong các đường dẫn đã chọn. Hãy chọn tệp hoặc thư mục khác.",
    "consolidate_nothing": "Không có tệp hợp lệ nào để tổng hợp ({rejected} tệp bị từ chối, lý do ở trên). "
    "Chưa ghi tệp tổng hợp.",
    "package_verify_failed": "Đọc lại gói trên \u201c{path}\u201d thấy tệp \u201c{file}\u201d khác bản gốc, có thể USB bị lỗi. "
    "Gói đã được xóa; hãy thử lại hoặc dùng USB khác.",
    "package_exists": "Thư mục \u201c{path}\u201d đã có và đang được dùng (có tệp đang mở?). "
    "Hãy đóng các tệp trong thư mục đó rồi thử lại.",
    "summary_not_ours": "Tệp \u201c{path}\u201d không phải bảng tổng hợp do Sổ Chi bộ lập (không có trang dữ liệu ẩn).",
    "summary_too_new": "Tệp \u201c{path}\u201d được lập bằng phiên bản Sổ Chi bộ mới hơn (dạng {found}, phiên bản này đọc "
    "đến dạng {supported}). Hãy cập nhật Sổ Chi bộ.",
    "summary_hidden_damaged": "Trang dữ liệu ẩn của tệp \u201c{path}\u201d bị sửa hoặc hỏng ({detail}). "
    "Hãy đề nghị chi bộ xuất lại tệp.",
    "summary_tampered": "Tệp \u201c{path}\u201d đã bị sửa tay: ô \u201c{label}\u201d ghi {visible}, số liệu gốc là {hidden}. "
    "Hãy đề nghị chi bộ xuất lại tệp.",
    "summary_manifest_mismatch": "Tệp \u201c{path}\u201d không khớp với manifest.json của gói (kích thước hoặc mã SHA-256 "
    "khác): tệp đã bị thay đổi hoặc chép lỗi. Hãy chép lại gói từ chi bộ.",
    "summary_manifest_invalid": "Tệp manifest.json bên cạnh \u201c{path}\u201d bị hỏng nên không kiểm tra được tệp. "
    "Hãy chép lại gói từ chi bộ.",
    "summary_wrong_period": "Tệp \u201c{path}\u201d là số liệu {found}, không phải {wanted}.",
    "summary_superseded": "{branch} có tệp mới hơn: \u201c{newer}\u201d. Tệp này không được dùng.",
    "summary_not_xlsx_name": "\u201c{path}\u201d không phải tệp .xlsx nên không được đọc.",
    "summary_unexpected": "Không đọc được tệp \u201c{path}\u201d ({detail}). Các tệp khác vẫn được tổng hợp.",
    "consolidate_cancelled": "Đã dừng tổng hợp theo yêu cầu. Chưa ghi tệp nào.",
    "xlsx_wrong_extension": "Tên tệp \u201c{path}\u201d phải có đuôi .xlsx (bảng tính Excel). Hãy đổi tên tệp, ví dụ {example}.",
    "package_cancelled": "Đã dừng tạo gói theo yêu cầu. Không có tệp nào bị ghi dở trên USB.",
    # Backups and restore (app/services/backups.py, data/backup.py)
    "backup_failed": "Không sao lưu được vào \u201c{path}\u201d ({detail}). Dữ liệu không bị thay đổi. "
    "Hãy kiểm tra chỗ trống trên ổ đĩa rồi thử lại.",
    "backup_missing": "Không tìm thấy tệp sao lưu \u201c{path}\u201d. Hãy chọn lại tệp.",
    "backup_unreadable": "Không đọc được tệp \u201c{path}\u201d ({detail}). Hãy kiểm tra USB hoặc quyền đọc tệp rồi thử lại.",
    "backup_not_ours": "Tệp \u201c{path}\u201d không phải bản sao lưu dữ liệu Sổ Chi bộ. Hãy chọn tệp có đuôi .sqlite3 "
    "do Sổ Chi bộ tạo ra. Dữ liệu hiện tại không bị thay đổi.",
    "backup_damaged": "Tệp sao lưu \u201c{path}\u201d bị hỏng ({detail}) nên không dùng được. "
    "Hãy chọn một bản sao lưu khác. Dữ liệu hiện tại không bị thay đổi.",
    "backup_too_new": "Tệp sao lưu \u201c{path}\u201d được tạo bởi phiên bản Sổ Chi bộ mới hơn (phiên bản dữ liệu {found}, "
    "phiên bản này đọc được đến {supported}). Hãy cài phiên bản mới hơn rồi khôi phục.",
    "backup_incomplete": "Bản sao lưu \u201c{path}\u201d đọc lại không khớp với dữ liệu gốc nên đã bị bỏ. Hãy thử lại.",
    "copy_unverified": "Đọc lại bản sao lưu trên \u201c{path}\u201d thấy không khớp với dữ liệu gốc (USB có thể bị lỗi). "
    "Bản chép lỗi đã được xóa; hãy thử lại hoặc dùng USB khác.",
    "restore_failed": "Không khôi phục được từ \u201c{path}\u201d ({detail}). Dữ liệu hiện tại vẫn được giữ nguyên.",
    # Word documents (app/services/documents.py)
    "target_is_folder": "\u201c{path}\u201d là một thư mục. Hãy ghi rõ tên tệp cần tạo, ví dụ {example}.",
    "wrong_extension": "Tên tệp \u201c{path}\u201d phải có đuôi .docx (tài liệu Word). Hãy đổi tên tệp, ví dụ {example}.",
    "folder_is_file": "\u201c{path}\u201d là một tệp, không phải thư mục. Hãy chọn một thư mục để ghi các biên bản.",
    "layout_invalid": "Mẫu trình bày \u201c{layout}\u201d không dùng được ({detail}). "
    "Hãy chọn lại mẫu trình bày (HD36-2018 hoặc HD05-2026) trong phần thông tin chi bộ.",
}

# --------------------------------------------------------------------------- backups (CLI and window)
BACKUP_DONE = "Đã sao lưu và đọc lại để kiểm tra: {path} ({size}; {members} đảng viên, {meetings} cuộc sinh hoạt)."
BACKUP_AUTO_SKIPPED = "Dữ liệu chưa thay đổi từ lần sao lưu gần nhất nên không cần sao lưu thêm."
BACKUP_NONE = "Chưa có bản sao lưu nào trong thư mục {folder}."
BACKUP_FOLDER = "Thư mục sao lưu tự động: {folder}"
BACKUP_HEADERS = ("Thời điểm", "Lý do", "Dung lượng", "Tệp")
RESTORE_CHECKED = "Tệp {path} hợp lệ: {members} đảng viên, {meetings} cuộc sinh hoạt (phiên bản dữ liệu {version})."
RESTORE_DONE = (
    "Đã khôi phục dữ liệu từ {path}. Dữ liệu trước khi khôi phục được giữ ở {previous} (có thể khôi phục lại nếu cần)."
)
BACKUP_PROBLEM_AT_START = "Lưu ý: chưa sao lưu tự động được khi mở chương trình. {reason}"
DAMAGED_OFFER = (
    "Bản sao lưu tốt gần nhất: {path} ({at}). Để khôi phục, chạy: {command} "
    "(tệp hỏng được giữ lại trong thư mục sao lưu, không bị xóa)."
)
DAMAGED_NO_BACKUP = "Không tìm thấy bản sao lưu nào còn tốt trong {folder}."
DAMAGED_START_NEW_CLI = (
    "Nếu có bản sao lưu ở nơi khác (USB, máy khác), hãy khôi phục bằng lệnh \u201crestore TỆP\u201d. Nếu chắc chắn "
    "không còn gì cần giữ, hãy chuyển tệp \u201c{path}\u201d sang chỗ khác (đừng xóa) rồi chạy lại: Sổ Chi bộ sẽ bắt đầu "
    "một chi bộ mới."
)
DAMAGED_START_NEW = (
    "Có thể cất tệp hỏng vào thư mục sao lưu (không xóa) và bắt đầu nhập một chi bộ mới. "
    "Chỉ làm vậy khi chắc chắn không còn bản sao lưu nào ở nơi khác (USB, máy khác)."
)
DAMAGED_SET_ASIDE = "Tệp dữ liệu hỏng đã được cất ở {path}. Chương trình bắt đầu với một chi bộ mới."
DRAFT_FOUND = "Có bản nháp chưa lưu từ {at}. Khôi phục bản nháp này?"
DAMAGED_OFFER_WINDOW = (
    "Bản sao lưu tốt gần nhất được tạo lúc {at} ({members} đảng viên, {meetings} cuộc sinh hoạt). "
    "Khôi phục từ bản này? Tệp bị hỏng vẫn được giữ lại trong thư mục sao lưu."
)
BACKUP_USB_NOTE = (
    "Bản sao lưu chứa toàn bộ dữ liệu của chi bộ, kể cả số CCCD và số điện thoại. "
    "Hãy cất giữ USB cẩn thận và dùng \u201cgỡ USB an toàn\u201d trước khi rút ra."
)

# --------------------------------------------------------------------------- Word documents (CLI and window)
DOC_WRITTEN = "Đã ghi {what}: {path}"
DOC_WHAT = {"minutes": "biên bản", "resolution": "nghị quyết", "report": "báo cáo"}
DOC_BLANKS = "Các mục để trống cần điền tay: {fields}."
DOC_NO_BLANKS = "Không có mục nào để trống."
DOC_WARNING = "Lưu ý: {text}"
DOC_SEAL_MISMATCH = (
    "Nội dung biên bản ngày {day} không còn khớp với mã niêm phong lúc thông qua. "
    "Hãy kiểm tra lại dữ liệu hoặc khôi phục từ bản sao lưu."
)
DOC_BATCH_DONE = "Đã ghi {count} biên bản của {period} vào thư mục {folder}."
DOC_BATCH_EMPTY = "Không có cuộc sinh hoạt nào trong {period}. Hãy chọn năm hoặc quý khác."
DOC_NUMBERED = "Số văn bản: {number}"
DOC_CLI_MINUTES_USAGE = (
    "Hãy ghi một trong hai cách: \u201cexport minutes MÃ --out TỆP.docx\u201d (một biên bản) hoặc "
    "\u201cexport minutes --year NĂM [--quarter QUÝ] --to THƯ MỤC\u201d (mọi biên bản của năm hoặc quý)."
)
DOC_CLI_NO_BATCH_NUMBER = (
    "Không đánh số hàng loạt khi xuất nhiều biên bản. Hãy đánh số từng biên bản bằng "
    "\u201cexport minutes MÃ --out TỆP --number\u201d."
)


def file_size(size: int) -> str:
    """Bytes for people: "1,2 MB", "640 KB" (decimal comma, as Vietnamese writes it)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} KB"


# --------------------------------------------------------------------------- Excel workbooks
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
#: What happened to each file given to consolidation (receipt and "Biên nhận" sheet).
FILE_FATE = {"accepted": "Đã tổng hợp", "rejected": "Bị từ chối", "superseded": "Bản cũ, không dùng"}
CONSOLIDATION_RECEIPT_TITLE = "BIÊN NHẬN TỔNG HỢP SỐ LIỆU CÁC CHI BỘ — {period}"
CONSOLIDATION_RECEIPT_COUNTS = (
    "Đã tổng hợp {accepted} chi bộ; {rejected} tệp bị từ chối; {superseded} tệp là bản cũ của chi bộ đã có bản mới hơn."
)
CONSOLIDATION_RECEIPT_MADE = "Lập lúc {at}. Tệp tổng hợp: {out}"
IMPORT_ROW_ERROR = "Dòng {row}: {reason}"
CARD_UNUSUAL_ONE = "Số thẻ đảng viên không giống mẫu thẻ nào đã biết ({formats}). Hãy kiểm tra lại."
CARD_UNUSUAL_ROWS = (
    "Số thẻ đảng viên ở {count} dòng không giống mẫu thẻ nào đã biết ({formats}): dòng {rows}. Hãy kiểm tra lại."
)
CARD_OLD_FORMAT = (
    "{count} đồng chí còn ghi số thẻ theo {name} ({digits} chữ số). Toàn Đảng đã đổi thẻ mới trước ngày {until} "
    "(Chỉ thị 51-CT/TW): khi có số thẻ mới, hãy cập nhật."
)
IMPORT_STATUS_KNOWN = (
    "Đang sinh hoạt Đảng, Miễn sinh hoạt, Sinh hoạt tạm thời nơi khác, Đình chỉ sinh hoạt, Chuyển sinh hoạt đi, "
    "Xóa tên, Khai trừ, Ra khỏi Đảng, Từ trần"
)
IMPORT_STATUS_PROBLEM = {
    "unknown": "Đồng chí {name}: trạng thái hoạt động \u201c{value}\u201d không nhận ra nên dòng này không được nhập. "
    "Hãy ghi một trong: {known}.",
    "no_date": "Đồng chí {name}: trạng thái \u201c{value}\u201d cần có ngày ở cột \u201cNgày rời/mất/miễn SH\u201d.",
    "date": "Đồng chí {name}: ngày ở cột \u201cNgày rời/mất/miễn SH\u201d không đúng dạng ngày/tháng/năm.",
    "future": "Đồng chí {name}: ngày của trạng thái \u201c{value}\u201d nằm trong tương lai.",
    "before_joined": "Đồng chí {name}: ngày của trạng thái \u201c{value}\u201d sớm hơn ngày vào Đảng.",
    "not_allowed": "Đồng chí {name}: trạng thái \u201c{value}\u201d không ghi được với tình trạng hiện có của đồng chí "
    "(xem lịch sử sinh hoạt của đồng chí).",
}
IMPORT_UNREAD_COLUMNS = "Các cột không có chỗ lưu trong Sổ Chi bộ nên không được nhập: {columns}."
IMPORT_DUPLICATE_IN_FILE = "trùng với dòng {other} ({what}). Hãy giữ lại một dòng."
IMPORT_AMBIGUOUS = "khớp với nhiều đảng viên khác nhau đã có ({names}). Hãy kiểm tra số thẻ, CCCD, họ tên và ngày sinh."
IMPORT_LEGACY = "Đã chuyển {count} ô từ phông chữ cũ (TCVN3/.VnTime hoặc VNI) sang Unicode."
IMPORT_SUMMARY = "Thêm mới {added} đồng chí, cập nhật {updated} đồng chí, giữ nguyên {unchanged} đồng chí."
IMPORT_DRY_RUN = "Chạy thử: chưa ghi gì vào dữ liệu."
IMPORT_SKIPPED = "Bỏ qua {count} dòng không phải đảng viên (dòng tổng cộng, chữ ký …): dòng {rows}."
PACKAGE_DONE = "Đã ghi xong và kiểm tra lại gói \u201c{path}\u201d ({count} tệp, {size}). Có thể rút USB an toàn."
IMPORT_WILL_ADD = "Sẽ thêm mới:"
IMPORT_WILL_UPDATE = "Sẽ cập nhật (các ô có thay đổi):"
XLSX_SUMMARY_DONE = "Đã ghi bảng tổng hợp {period} vào \u201c{path}\u201d."
XLSX_ROSTER_DONE = "Đã ghi danh sách đảng viên vào \u201c{path}\u201d."
XLSX_CLI_PERIOD_USAGE = (
    "Hãy chọn kỳ: --year NĂM cùng một trong --quarter QUÝ, --half 1|2, --full-year; "
    "hoặc một khoảng ngày --from dd/mm/yyyy --until dd/mm/yyyy (chỉ với export summary)."
)


XLSX_ASK_PRIVATE = (
    "Có ghi cả số CCCD và số điện thoại của đảng viên vào tệp Excel không?\n"
    "Nếu tệp sẽ gửi lên cấp trên mà cấp trên không yêu cầu, nên chọn \u201cKhông ghi\u201d."
)
PACKAGE_STEP_COPY = "Đang chép {file} …"
PACKAGE_STEP_VERIFY = "Đang đọc lại và kiểm tra gói trên USB…"
IMPORT_DIALOG_HINT = (
    "Chọn tệp Excel (.xlsx) có dòng tiêu đề như \u201cHọ và tên\u201d, \u201cNgày sinh\u201d, \u201cNgày vào Đảng\u201d, "
    "\u201cSố thẻ\u201d (có dấu hay không dấu đều được). Sổ Chi bộ kiểm tra mọi dòng trước; chỉ khi không còn dòng "
    "nào lỗi mới nhập, và nhập tất cả cùng lúc."
)
IMPORT_RESULT = {"added": "Thêm mới", "updated": "Cập nhật", "unchanged": "Giữ nguyên", "error": "Lỗi"}
IMPORT_DONE = "Đã nhập xong: thêm mới {added} đồng chí, cập nhật {updated} đồng chí."


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


def percent(value: float, digits: int = 1) -> str:
    """Vietnamese percentage with a decimal comma: 95.5 -> "95,5%", 100 -> "100%"."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return text.replace(".", ",") + "%"


def field_error(field: str, code: str) -> str:
    label = FIELD_LABEL.get(field) or security_messages.FIELD_LABELS.get(field, field)
    template = FIELD_ERROR.get(code) or security_messages.FIELD_ERRORS.get(code, FIELD_ERROR["invalid"])
    return template.format(label=label)


def describe(error: AppError) -> str:
    """One Vietnamese sentence (or one per field) for any expected error."""
    if isinstance(error, ValidationError):
        return " ".join(field_error(f, c) for f, c in error.field_errors.items())
    template = ERROR.get(error.code) or security_messages.ERRORS.get(error.code)
    if template is None:
        return str(error.details.get("detail") or "Đã có lỗi xảy ra. Dữ liệu không bị thay đổi.")
    try:
        return template.format(**error.details)
    except (KeyError, IndexError):
        return template


# --------------------------------------------------------------------------- areas with their own sentences
from app.domain import messages_kl01 as _kl01  # noqa: E402  (that module imports nothing of ours)

RULE_NAME.update(_kl01.RULE_NAME)
FIELD_LABEL.update(_kl01.FIELD_LABEL)
FIELD_ERROR.update(_kl01.FIELD_ERROR)
FIGURE_LABEL.update(_kl01.FIGURE_LABEL)
XLSX_HCM.update(_kl01.XLSX_HCM)

from app.domain import messages_ratings as _ratings  # noqa: E402  (that module imports nothing of ours)

RULE_NAME.update(_ratings.RULE_NAME)
FIGURE_LABEL.update(_ratings.FIGURE_LABEL)
