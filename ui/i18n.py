"""Vietnamese for the words Qt itself draws (standard buttons, text-field menus, file dialogs).

Qt ships no Vietnamese catalogue, so this translator answers Qt's own contexts from a table.
It must stay a lookup: anything not in the table falls through to Qt (returning None keeps
"Ctrl" and other untranslated strings intact; an empty string would blank them).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

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
        "File &name:": "&Tên tệp:",
        "Files of type:": "Loại tệp:",
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


class VietnameseQtTranslator(QTranslator):
    """Answers Qt's own contexts from QT_STRINGS; everything else falls through."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        table = QT_STRINGS.get(context)
        if table is None:
            return None
        return table.get(source)

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []  # Qt does not own translators: keep a reference for the app's life


def install_vietnamese(app: QCoreApplication) -> None:
    if _installed:
        return
    translator = VietnameseQtTranslator(app)
    app.installTranslator(translator)
    _installed.append(translator)
