"""Vietnamese for the words Qt itself draws (standard buttons, text-field menus, file dialogs).

Qt ships no Vietnamese catalogue. QT_STRINGS is ours, compiled into resources/i18n/qt_vi.qm by
scripts/build_translations.py and loaded as an ordinary QTranslator. (A Python subclass overriding
translate() was tried first: PySide6 6.12 loses a reference to None on every call, and the process
aborts once None's count reaches zero.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from app.resources import resource_path

#: Qt's own English strings -> Vietnamese, by Qt translation context. "&" marks the mnemonic.
QT_STRINGS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "Đồng ý",
        "Save": "Lưu",
        "Save All": "Lưu tất cả",
        "Open": "Mở",
        "&Yes": "&Có",
        "Yes to &All": "Có với tất cả",
        "&No": "&Không",
        "N&o to All": "Không với tất cả",
        "Abort": "Dừng",
        "Retry": "Thử lại",
        "Ignore": "Bỏ qua",
        "Close": "Đóng",
        "Cancel": "Hủy",
        "Discard": "Bỏ thay đổi",
        "Help": "Trợ giúp",
        "Apply": "Áp dụng",
        "Reset": "Đặt lại",
        "Restore Defaults": "Khôi phục mặc định",
        "Don't Save": "Không lưu",
        "Close without Saving": "Đóng, không lưu",
    },
    "QMessageBox": {
        "Show Details...": "Xem chi tiết…",
        "Hide Details...": "Ẩn chi tiết…",
        "OK": "Đồng ý",
    },
    "QProgressDialog": {"Cancel": "Hủy"},
    "QLineEdit": {
        "&Undo": "&Hoàn tác",
        "&Redo": "&Làm lại",
        "Cu&t": "&Cắt",
        "&Copy": "&Sao chép",
        "&Paste": "&Dán",
        "Delete": "Xóa",
        "Select All": "Chọn tất cả",
    },
    "QWidgetTextControl": {
        "&Undo": "&Hoàn tác",
        "&Redo": "&Làm lại",
        "Cu&t": "&Cắt",
        "&Copy": "&Sao chép",
        "Copy &Link Location": "Sao chép địa chỉ liên kết",
        "&Paste": "&Dán",
        "Delete": "Xóa",
        "Select All": "Chọn tất cả",
    },
    "QAbstractSpinBox": {"&Step up": "Tăng", "Step &down": "Giảm", "&Select All": "Chọn tất cả"},
    "QFileDialog": {
        "Look in:": "Tìm trong:",
        "&Look in:": "&Tìm trong:",  # Qt 6 puts a mnemonic in it: the line above no longer matched
        "File &name:": "&Tên tệp:",
        "Files of type:": "Loại tệp:",
        "Files of &type:": "&Loại tệp:",
        "&Open": "&Mở",
        "&Save": "&Lưu",
        "&Choose": "&Chọn",
        "Cancel": "Hủy",
        "Directory:": "Thư mục:",
        "Back": "Quay lại",
        "Forward": "Tiến tới",
        "Parent Directory": "Thư mục cha",
        "Create New Folder": "Tạo thư mục mới",
        "New Folder": "Thư mục mới",
        "&New Folder": "Thư mục &mới",
        "Show ": "Hiện cột ",
        "List View": "Dạng danh sách",
        "Detail View": "Dạng chi tiết",
        "All Files (*)": "Mọi tệp (*)",
        "My Computer": "Máy tính",
        "Recent Places": "Nơi mở gần đây",
        "&Rename": "Đổi &tên",
        "&Delete": "&Xóa",
        "Show &hidden files": "Hiện tệp ẩn",
        "Are you sure you want to delete '%1'?": "Có chắc muốn xóa “%1” không?",
        "%1 already exists.\nDo you want to replace it?": "“%1” đã có.\nCó muốn ghi đè không?",
        "Directories": "Thư mục",
        "Open": "Mở",
        "Save As": "Lưu thành",
        "Find Directory": "Chọn thư mục",
    },
    "QFileSystemModel": {"Name": "Tên", "Size": "Cỡ", "Type": "Loại", "Date Modified": "Ngày sửa", "Kind": "Loại"},
    "QInputDialog": {"Enter a value:": "Nhập giá trị:"},
    "QDialogButtonBox": {"OK": "Đồng ý", "Cancel": "Hủy"},
    "QScrollBar": {
        "Scroll here": "Cuộn đến đây",
        "Top": "Đầu",
        "Bottom": "Cuối",
        "Page up": "Lên một trang",
        "Page down": "Xuống một trang",
        "Scroll up": "Cuộn lên",
        "Scroll down": "Cuộn xuống",
        "Left edge": "Mép trái",
        "Right edge": "Mép phải",
        "Page left": "Trang trái",
        "Page right": "Trang phải",
        "Scroll left": "Cuộn sang trái",
        "Scroll right": "Cuộn sang phải",
    },
}


#: The compiled catalogue of QT_STRINGS (scripts/build_translations.py writes it; a test keeps them in step).
CATALOGUE = resource_path("i18n", "qt_vi.qm")

_installed: list[QTranslator] = []  # Qt does not own translators: keep a reference for the app's life


def install_vietnamese(app: QCoreApplication) -> bool:
    """Load the Vietnamese catalogue for Qt's own strings. False when it is missing (English buttons remain)."""
    if _installed:
        return True
    translator = QTranslator(app)
    if not translator.load(str(CATALOGUE)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
