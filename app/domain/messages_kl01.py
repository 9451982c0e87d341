"""Vietnamese sentences of the "học tập và làm theo Bác" area (findings, labels, CLI lines). Text only."""

from __future__ import annotations

from app.domain.findings import RuleId
from app.domain.kl01 import PlanState, RecognitionKind, ReviewResult, ReviewStage

RULE_NAME = {
    RuleId.PLAN_MISSING: "Chưa có kế hoạch cá nhân, bản cam kết",
    RuleId.REVIEW_MISSING: "Chưa tự đánh giá cuối năm",
    RuleId.COMMITMENT_NOT_KEPT: "Chưa thực hiện đúng cam kết",
}

PLAN_MISSING = "Đồng chí {name} chưa có kế hoạch cá nhân, bản cam kết năm {year} đã ký (hạn {deadline})."
REVIEW_MISSING = (
    "Đồng chí {name} chưa tự đánh giá kết quả thực hiện kế hoạch cá nhân, bản cam kết năm {year} (hạn {deadline})."
)
# Info for the secretary only: to raise kindly at a meeting; never printed into a document as an accusation.
COMMITMENT_NOT_KEPT = (
    "Đồng chí {name} tự đánh giá chưa hoàn thành cam kết năm {year} ({stage}): "
    "chi bộ trao đổi, giúp đỡ tại buổi sinh hoạt."
)

RESULT = {
    ReviewResult.DONE: "Hoàn thành",
    ReviewResult.PARTLY: "Hoàn thành một phần",
    ReviewResult.NOT_DONE: "Chưa hoàn thành",
}
RESULT_SHORT = {ReviewResult.DONE: "Đạt", ReviewResult.PARTLY: "Một phần", ReviewResult.NOT_DONE: "Chưa"}
STAGE = {ReviewStage.MIDYEAR: "sơ kết 6 tháng", ReviewStage.YEAR_END: "cuối năm"}
KIND = {RecognitionKind.MODEL: "Mô hình, cách làm hay", RecognitionKind.EXEMPLAR: "Điển hình tiên tiến"}
PLAN_STATE = {
    PlanState.SIGNED: "Đã ký",
    PlanState.DRAFT: "Chưa ký",
    PlanState.MISSING: "Chưa có",
    PlanState.EXEMPT: "Miễn sinh hoạt",
    PlanState.AWAY: "Sinh hoạt tạm thời nơi khác",
    PlanState.NOT_EXPECTED: "Không phải làm",
}
BRANCH_AWARD = "Chi bộ"

FIELD_LABEL = {
    "commitments": "Nội dung cam kết",
    "year": "Năm",
    "member": "Đảng viên",
    "signed_on": "Ngày ký",
    "submitted_on": "Ngày nộp bài thu hoạch",
    "file": "Tệp bài thu hoạch",
    "title": "Tên mô hình, điển hình",
    "kind": "Loại",
    "form": "Hình thức khen thưởng",
    "level": "Cấp khen thưởng",
    "on": "Ngày khen thưởng",
    "result": "Kết quả tự đánh giá",
    "item": "Số thứ tự cam kết",
    "plan_deadline": "Hạn kế hoạch cá nhân",
    "review_deadline": "Hạn tự đánh giá cuối năm",
    "plan": "Kế hoạch cá nhân",
}
FIELD_ERROR = {
    "no_plan": "{label}: đồng chí này chưa có kế hoạch cá nhân năm này. Hãy nhập kế hoạch trước (lệnh \u201cplans set\u201d).",
    "file_missing": "{label}: không tìm thấy tệp. Hãy kiểm tra lại đường dẫn.",
    "file_too_big": "{label}: tệp lớn hơn 20 MB. Hãy nén hoặc chọn tệp nhỏ hơn.",
    "item_range": "{label}: không có cam kết số này trong kế hoạch.",
    "month_day": "{label}: không đúng dạng ngày/tháng, ví dụ 31/03.",
    "member_or_branch": "{label}: hãy chọn một đảng viên (--member) hoặc chi bộ (--branch), không chọn cả hai.",
    "year_mismatch": "{label}: ngày không thuộc năm đã chọn.",
}

CLI_PLAN_SAVED = "Đã lưu kế hoạch cá nhân năm {year} của đồng chí {name}."
CLI_REVIEW_SAVED = "Đã ghi kết quả tự đánh giá {stage} năm {year} của đồng chí {name}: {result}."
CLI_REPORT_SAVED = "Đã ghi bài thu hoạch năm {year} của đồng chí {name}."
CLI_BRANCH_SAVED = "Đã lưu nội dung đột phá và chuẩn mực đạo đức năm {year} của chi bộ."
CLI_DEADLINES = "Hạn kế hoạch cá nhân: {plan}; hạn tự đánh giá cuối năm: {review}."
CLI_FORMS_DONE = "Đã ghi {count} mẫu kế hoạch cá nhân, bản cam kết năm {year} vào \u201c{path}\u201d."
CLI_COVER_DONE = "Đã ghi trang bìa bài thu hoạch vào \u201c{path}\u201d."
CLI_DELETED = "Đã xóa mục số {id}."
ASK_DELETE = "Xóa \u201c{what}\u201d khỏi sổ? Việc xóa được ghi vào nhật ký thay đổi."
CLI_NONE = "Chưa có mục nào trong năm {year}."

#: Labels of the KL 01 key figures (summary overview sheet, consolidation).
FIGURE_LABEL = {
    "kl01_expected": "Số đảng viên phải làm kế hoạch cá nhân",
    "kl01_plans_signed": "Số đảng viên có kế hoạch cá nhân, bản cam kết",
    "kl01_learning_reports": "Số bài thu hoạch",
    "kl01_year_end_reviewed": "Số đảng viên đã tự đánh giá cuối năm",
    "kl01_not_kept": "Số đảng viên chưa thực hiện đúng cam kết",
    "kl01_models": "Số mô hình, cách làm hay",
    "kl01_exemplars": "Số điển hình tiên tiến",
    "kl01_awards_collective": "Khen thưởng tập thể",
    "kl01_awards_individual": "Khen thưởng cá nhân",
}

#: The "Học tập và làm theo" sheet's rows added by this area, and the notes beside them.
XLSX_HCM = {
    "learning_reports_pct": "Tỷ lệ đảng viên đã nộp bài thu hoạch",
    "personal_plans_pct": "Tỷ lệ đảng viên có kế hoạch cá nhân, bản cam kết",
}
XLSX_OF_EXPECTED = "Trên {count} đồng chí phải thực hiện"
XLSX_NOT_COUNTED = "Không tính {exempt} đồng chí miễn sinh hoạt, {away} đồng chí sinh hoạt tạm thời nơi khác"
XLSX_SHEET = "Học tập và làm theo"
XLSX_TITLE = "TỔNG HỢP KẾT QUẢ HỌC TẬP VÀ LÀM THEO BÁC CỦA CÁC CHI BỘ"
XLSX_TOTAL = "Tổng cộng ({count} chi bộ)"
XLSX_COLUMN = {
    "stt": "STT",
    "branch": "Chi bộ",
    "expected": "Số ĐV phải làm kế hoạch",
    "plans": "Có kế hoạch, cam kết",
    "plans_pct": "Tỷ lệ",
    "reports": "Bài thu hoạch",
    "reports_pct": "Tỷ lệ",
    "models": "Mô hình, cách làm hay",
    "exemplars": "Điển hình tiên tiến",
    "awards_collective": "Khen thưởng tập thể",
    "awards_individual": "Khen thưởng cá nhân",
    "not_kept": "ĐV chưa thực hiện đúng cam kết",
}
COLLECTIVE = "Tập thể chi bộ"
AWARD_FORMS = ("Giấy khen", "Bằng khen", "Cờ thi đua", "Huy hiệu", "Kỷ niệm chương")
GRID_LEGEND = (
    "Chọn một ô rồi gõ phím: ở cột Ngày ký và Thu hoạch, X là đã ký / đã nộp hôm nay; ở cột Sơ kết và "
    "Cuối năm, H hoàn thành, M một phần, C chưa hoàn thành; Delete để xóa. Nhấn đúp vào tên để nhập nội dung cam kết."
)
GRID_COUNTS = (
    "Năm {year}: {signed}/{expected} đồng chí đã ký kế hoạch, cam kết; {reports}/{expected} bài thu hoạch; "
    "tự đánh giá sơ kết {midyear}, cuối năm {year_end}{others}."
)
GRID_OTHERS = " (không tính {exempt} đồng chí miễn sinh hoạt, {away} đồng chí sinh hoạt tạm thời nơi khác)"
OVERVIEW_LINE = (
    "Học tập và làm theo Bác: {signed}/{expected} đồng chí đã ký kế hoạch, cam kết; {reports} bài thu hoạch."
)
FORMS_SAVED = "Đã ghi {count} mẫu kế hoạch cá nhân, bản cam kết vào \u201c{path}\u201d."
