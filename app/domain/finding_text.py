"""The sentences the rule checks and the quorum banner say, written once; numbers come from the rule set."""

from __future__ import annotations

from app.domain.findings import QuorumLevel

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
    QuorumLevel.NONE: "Chưa có đảng viên nào phải dự buổi sinh hoạt này.",
    QuorumLevel.ALERT: (
        "Chỉ có {present}/{base} đồng chí dự ({pct}), không quá {threshold}: "
        "buổi sinh hoạt không đủ điều kiện ra nghị quyết."
    ),
    QuorumLevel.WARNING: (
        "Có {present}/{base} đồng chí dự ({pct}): đủ điều kiện họp, "
        "nhưng dưới {threshold} (bị trừ điểm khi đánh giá chất lượng)."
    ),
    QuorumLevel.OK: "Đủ điều kiện: {present}/{base} đồng chí dự ({pct}).",
}

TOPIC_UNASSIGNED = "{quarter} chưa phân công đồng chí nào chuẩn bị chuyên đề."

TOPIC_NOT_PRESENTED = "Chuyên đề \u201c{title}\u201d của {quarter} chưa được trình bày tại buổi sinh hoạt nào."
