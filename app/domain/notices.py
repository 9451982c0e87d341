"""What the CLI and the window tell the user about an action: done, nothing to do, how to ask again."""

from __future__ import annotations

BRANCH_NOT_GIVEN = "(chưa ghi)"

BRANCH_SAVED = "Đã lưu thông tin chi bộ."

BRANCH_NOTHING_TO_SET = (
    "Chưa nêu mục nào để ghi. Ví dụ: branch set --name \u201cChi bộ Trường THPT Vị Thanh\u201d "
    "--upper \u201cĐảng ủy phường Hòa Bình\u201d --place \u201cVị Thanh\u201d."
)

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
