"""One Vietnamese sentence for every expected error: what is wrong and what to do. The CLI and the window use it."""

from __future__ import annotations

from app.domain import messages_dues as _dues
from app.domain import messages_kl01 as _kl01
from app.domain import security_messages
from app.domain.errors import AppError, ValidationError
from app.domain.labels import FIELD_LABEL

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


FIELD_ERROR.update(_kl01.FIELD_ERROR)
FIELD_ERROR.update({k: v for k, v in _dues.FIELD_ERROR.items() if k not in FIELD_ERROR})
