"""Vietnamese sentences of the "học tập và làm theo Bác" area (findings, labels, CLI lines). Text only."""

from __future__ import annotations

RULE_NAME = {
    "plan_missing": "Chưa có kế hoạch cá nhân, bản cam kết",
    "review_missing": "Chưa tự đánh giá cuối năm",
    "commitment_not_kept": "Chưa thực hiện đúng cam kết",
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

RESULT = {"done": "Hoàn thành", "partly": "Hoàn thành một phần", "not_done": "Chưa hoàn thành"}
RESULT_SHORT = {"done": "Đạt", "partly": "Một phần", "not_done": "Chưa"}
STAGE = {"midyear": "sơ kết 6 tháng", "year_end": "cuối năm"}
KIND = {"model": "Mô hình, cách làm hay", "exemplar": "Điển hình tiên tiến"}
PLAN_STATE = {
    "signed": "Đã ký",
    "draft": "Chưa ký",
    "missing": "Chưa có",
    "exempt": "Miễn sinh hoạt",
    "away": "Sinh hoạt tạm thời nơi khác",
    "not_expected": "Không phải làm",
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
CLI_NONE = "Chưa có mục nào trong năm {year}."
