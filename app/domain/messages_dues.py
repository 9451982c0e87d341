"""Every Vietnamese sentence and label of the dues book, written once (window, CLI, documents, checks).

Its rule names, field labels, field errors and figures are merged into app.domain.labels and
app.domain.error_text, so a ValidationError raised by the dues service reads like every other one.
"""

from __future__ import annotations

from app.domain.dues import Channel, DuesKind, ReliefKind, format_money
from app.domain.findings import RuleId

KIND = {
    DuesKind.SALARY: "Tiền lương đóng BHXH",
    DuesKind.ALLOWANCE: "Trợ cấp ốm đau, thai sản",
    DuesKind.PENSION: "Lương hưu",
    DuesKind.OTHER: "Đảng viên khác (theo lương tối thiểu vùng)",
    DuesKind.STUDENT: "Học sinh, sinh viên",
    "fixed": "Mức cố định",  # not a kind: a fixed amount the branch decided stands in for any kind
}
CHANNEL = {Channel.CASH: "Tiền mặt tại chi bộ", Channel.PORTAL: "Cổng Dịch vụ công Quốc gia"}
CHANNEL_SHORT = {Channel.CASH: "Tiền mặt", Channel.PORTAL: "Cổng DVC"}
RELIEF = {ReliefKind.EXEMPT: "Miễn đóng", ReliefKind.REDUCE: "Giảm mức đóng", ReliefKind.DEFER: "Cho chậm đóng"}
STATUS = {
    "paid": "Đã nộp",
    "late": "Nộp chậm",
    "partial": "Nộp chưa đủ",
    "unpaid": "Chưa nộp",
    "deferred": "Được chậm đóng",
    "exempt": "Miễn",
    "no_basis": "Chưa có mức đóng",
}
#: Short names for the dues book's narrow column.
KIND_SHORT = {
    DuesKind.SALARY: "Lương",
    DuesKind.ALLOWANCE: "Trợ cấp BHXH",
    DuesKind.PENSION: "Lương hưu",
    DuesKind.OTHER: "Khác",
    DuesKind.STUDENT: "HS, SV",
    "fixed": "Cố định",
}
#: One-letter marks in the members × months grid.
STATUS_MARK = {"exempt": "Miễn", "unpaid": "—", "deferred": "Hoãn", "no_basis": "?"}
PARTY_AGE_REASON = "Đủ {years} năm tuổi Đảng"
RULE_NAME = {
    RuleId.DUES_UNPAID: "Không đóng đảng phí (Điều 8 Điều lệ)",
    RuleId.DUES_BASIS_MISSING: "Chưa có mức đóng đảng phí",
}

# --------------------------------------------------------------------------- findings
UNPAID_WARNING = (
    "Đồng chí {name} chưa đóng đảng phí {count} tháng trong năm {year} (tháng {months}) mà không có lý do "
    "chính đáng. Cần nhắc nhở trước khi đến mức phải xem xét theo Điều 8 Điều lệ."
)
UNPAID_ALERT = (
    "Đồng chí {name} không đóng đảng phí {count} tháng trong năm {year} (tháng {months}) mà không có lý do "
    "chính đáng: chi bộ cần xem xét theo Điều 8 Điều lệ Đảng."
)
BASIS_MISSING = (
    "Đồng chí {name} chưa có mức đóng đảng phí (từ tháng {month}): hãy ghi thu nhập làm căn cứ hoặc mức cố định."
)

# --------------------------------------------------------------------------- CLI and window
BASIS_SAVED = "Đã ghi mức đóng của đồng chí {name} từ tháng {month}: {what}; đảng phí tháng {month} là {due} đồng."
EXEMPT_SAVED = "Đã ghi {relief} đảng phí cho đồng chí {name} từ tháng {first}{until}: {reason}."
PAY_SAVED = "Đã ghi đồng chí {name} nộp {amount} đồng ngày {day} ({channel}) cho tháng {months}."
SENT_SAVED = "Đã ghi chi bộ nộp cấp trên {amount} đồng đảng phí tháng {month} ngày {day}."
LIST_TOTAL = (
    "Tháng {month}: {paid}/{owed} đồng chí đã nộp; phải thu {due} đồng, đã thu {total} đồng; "
    "thu trong tháng {collected} đồng, chi bộ giữ lại {kept} đồng, nộp cấp trên {upward} đồng."
)
BOOK_WRITTEN = "Đã ghi sổ thu, nộp đảng phí năm {year}: {path}"
SHEET_WRITTEN = "Đã ghi bảng kê thu đảng phí tháng {month}: {path}"
UNTIL = " đến tháng {month}"
MEMBER_LINE = "Đảng phí: {due}; đã nộp đến tháng {through}"
MEMBER_LINE_EXEMPT = "Đảng phí: được miễn ({reason})."
MEMBER_LINE_NONE = "Đảng phí: {due}; chưa nộp tháng nào"
MEMBER_LINE_BEHIND = "; chưa nộp {count} tháng năm {year} (tháng {months})"
MEMBER_DUE = "{amount} đồng/tháng"
AMOUNT_WHAT_BASE = "{kind}, căn cứ {base} đồng"
AMOUNT_WHAT_FIXED = "mức cố định {fixed} đồng"
MONEY = "{amount} đồng"

# --------------------------------------------------------------------------- minutes' dues paragraph
MINUTES_DUES = (
    "Tình hình thu, nộp đảng phí tháng {month} (tính đến ngày {day}): {paid}/{owed} đồng chí đã nộp, "
    "tổng số tiền {total} đồng."
)
MINUTES_EXEMPT = " Được miễn đóng: {count} đồng chí."
MINUTES_UNPAID = " Chưa nộp: {names}."
MINUTES_ALL_PAID = " Không có đồng chí nào chưa nộp."
MINUTES_SENT = " Chi bộ đã nộp cấp trên {amount} đồng ngày {day}."

REPORT_DUES = (
    "Công tác thu, nộp đảng phí: phải thu {dues_due} đồng, đã thu {dues_paid} đồng; tiền thu trong kỳ {dues_collected} "
    "đồng, chi bộ giữ lại {dues_kept} đồng, phải nộp cấp trên {dues_upward} đồng, đã nộp {dues_sent} đồng; "
    "{dues_unpaid_months} lượt tháng đảng viên chưa nộp."
)

# --------------------------------------------------------------------------- workbooks
BOOK_TITLE = "SỔ THU, NỘP ĐẢNG PHÍ"
BOOK_PERIOD = "Năm {year}"
BOOK_SHEET = "Sổ đảng phí {year}"
BOOK_SUMMARY_SHEET = "Tổng hợp {year}"
SHEET_TITLE = "BẢNG KÊ THU ĐẢNG PHÍ"
SHEET_PERIOD = "Tháng {month}"
SHEET_SHEET = "Thu tháng {month}"
COL = {
    "stt": "STT",
    "name": "Họ và tên",
    "kind": "Căn cứ",
    "base": "Thu nhập căn cứ",
    "due": "Phải đóng",
    "paid": "Đã nộp",
    "paid_on": "Ngày nộp",
    "channel": "Hình thức",
    "sign": "Ký nhận",
    "note": "Ghi chú",
    "total": "Cả năm",
    "month": "Tháng",
    "owed": "Số ĐV phải đóng",
    "exempt": "Miễn",
    "unpaid": "Chưa nộp",
    "due_total": "Phải thu",
    "paid_total": "Đã thu cho tháng",
    "collected": "Thu trong tháng",
    "kept": "Chi bộ giữ lại",
    "upward": "Phải nộp cấp trên",
    "sent": "Đã nộp cấp trên",
    "sent_on": "Ngày nộp",
}
MONTH_HEAD = "T{month}"
TOTAL_ROW = "Cộng"
MONEY_UNIT = "Đơn vị tính: đồng."
BOOK_LEGEND = (
    "Ô ghi số tiền đã nộp cho tháng; \u201cMiễn\u201d: được miễn đóng; \u201c—\u201d: chưa nộp; \u201c?\u201d: chưa có mức đóng; "
    "ô trống: không sinh hoạt tại chi bộ tháng đó. Ghi chú \u201cchậm\u201d/\u201ctrước\u201d: nộp sau tháng/nộp trước."
)
SHARE_NOTE = "Tỷ lệ chi bộ giữ lại {pct}% theo {basis}{verified}."
UNVERIFIED = " (chưa kiểm chứng, cần hỏi cấp ủy cấp trên)"
SIGN_LEFT = "NGƯỜI LẬP"
SIGN_RIGHT = "T/M CHI BỘ"
SIGN_RIGHT_2 = "BÍ THƯ"
SIGN_HINT = "(Ký, ghi rõ họ tên)"
SHEET_TOTAL_LINE = "Tổng số tiền thu: {total} đồng (bằng chữ: ......................................................)."
LATE_MARK = "chậm"
ADVANCE_MARK = "trước"

# --------------------------------------------------------------------------- field labels and errors
FIELD_LABEL = {
    "month": "Tháng",
    "from_month": "Từ tháng",
    "until_month": "Đến tháng",
    "amount": "Số tiền",
    "base": "Thu nhập làm căn cứ",
    "fixed": "Mức cố định",
    "dues_kind": "Căn cứ đóng đảng phí",
    "channel": "Hình thức nộp",
    "member": "Đảng viên",
    "paid_on": "Ngày nộp",
    "sent_on": "Ngày nộp",
    "reduction": "Mức giảm",
}
FIELD_ERROR = {
    "month_format": "{label}: không đúng dạng tháng. Hãy nhập tháng/năm, ví dụ 11/2026 hoặc 01/2026-03/2026.",
    "month_order": "{label}: tháng cuối sớm hơn tháng đầu. Hãy kiểm tra lại.",
    "month_span": "{label}: một lần nộp chỉ ghi được tối đa 36 tháng.",
    "money_format": "{label}: chỉ gồm chữ số (có thể có dấu chấm ngăn cách hàng nghìn), ví dụ 85.000.",
    "money_range": "{label}: số tiền không hợp lệ.",
    "base_or_fixed": "{label}: hãy ghi một trong hai: thu nhập làm căn cứ (--base) hoặc mức cố định (--fixed).",
    "no_rule": "{label}: không có quy định về mức đóng cho tháng này. Hãy ghi mức cố định (--fixed).",
    "not_owing": "{label}: đồng chí này không đóng đảng phí tại chi bộ trong tháng này.",
    "reduction_choice": "{label}: chỉ được giảm 30%, 50% hoặc 70%.",
    "relief_too_long": "{label}: mỗi lần xét miễn, giảm tối đa 12 tháng. Hãy ghi tháng kết thúc (--until).",
    "zero": "{label}: số tiền phải lớn hơn 0.",
}
FIGURE_LABEL = {
    "dues_due": "Đảng phí phải thu (đồng)",
    "dues_paid": "Đảng phí đã thu cho các tháng trong kỳ (đồng)",
    "dues_collected": "Đảng phí thu trong kỳ (đồng)",
    "dues_kept": "Đảng phí chi bộ giữ lại (đồng)",
    "dues_upward": "Đảng phí phải nộp cấp trên (đồng)",
    "dues_sent": "Đảng phí đã nộp cấp trên (đồng)",
    "dues_unpaid_months": "Số lượt tháng đảng viên chưa nộp đảng phí (đảng viên × tháng)",
}
CONSOLIDATED_COLUMNS = {"dues_collected": "Đảng phí thu (đồng)", "dues_upward": "Đảng phí nộp cấp trên (đồng)"}


def money(amount: int) -> str:
    """1234000 -> "1.234.000" (the Vietnamese thousands separator)."""
    return format_money(amount)
