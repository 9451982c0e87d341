"""A member list in the national data-entry layout that other branch software exports ("File nhập liệu").

Title rows, a merged note, two-row merged headers (address groups over "Quốc gia / Tỉnh/Thành / Chi tiết"),
headers ending in " *", 12-digit numbers stored as text, a status column with its date, hidden dictionary
sheets. Built with openpyxl the way such a tool writes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TOP = [
    "STT", "Họ và tên *", "Ngày sinh *", "Giới tính *", "Số định danh cá nhân *", "Dân tộc *", "Tôn giáo *",
    "Nơi đăng ký khai sinh", None, None, "Quê quán", None, None, "Thường trú", None, None,
    "Ngày vào Đảng *", "Ngày chính thức", "Số thẻ đảng viên", "Trạng thái hoạt động *", "Ngày rời/mất/miễn SH",
]  # fmt: skip
PARTS = ["Quốc gia", "Tỉnh/Thành", "Chi tiết"]
GROUP_STARTS = (8, 11, 14)  # 1-based columns of the three address groups

#: (name, born, gender, id, ethnicity, religion, birthplace, hometown, residence, joined, official, card, status, on)
MEMBERS: list[tuple[Any, ...]] = [
    ("Nguyễn Văn An", "05/02/1975", "Nam", "001075012345", "Kinh", "Không",
     ("Việt Nam", "Hà Nội", "Xã Đông Anh"), ("Việt Nam", "Nam Định", "Xã Hải Hậu"),
     ("Việt Nam", "Hà Nội", "Số 5 phố Huế"), "03/04/2000", "03/04/2001", "001075012345", "Đang sinh hoạt Đảng", ""),
    ("Trần Thị Bình", "12/08/1950", "Nữ", "036150001234", "Tày", "Phật giáo",
     ("Việt Nam", "Cao Bằng", "Xã Hòa An"), ("Việt Nam", "Cao Bằng", "Xã Hòa An"),
     ("Việt Nam", "Hà Nội", "Ngõ 12 Láng Hạ"), "19/05/1975", "19/05/1976", "036150001234", "Miễn sinh hoạt",
     "01/03/2024"),
    ("Lê Văn Cường", "20/11/1945", "Nam", "034045009876", "Kinh", "Công giáo",
     ("Việt Nam", "Thái Bình", "Xã Vũ Thư"), ("Lào", "Viêng Chăn", "Bản Sisattanak"),
     ("Việt Nam", "Hà Nội", "Phố Kim Mã"), "02/09/1968", "02/09/1969", "034045009876", "Từ trần", "10/10/2025"),
    ("Phạm Thị Dung", "01/01/1985", "Nữ", "001185004321", "Kinh", "Không",
     ("Việt Nam", "Hà Nội", "Phường Cầu Giấy"), ("Việt Nam", "Hưng Yên", "Xã Văn Giang"),
     ("Việt Nam", "Hà Nội", "Phường Cầu Giấy"), "15/06/2010", "15/06/2011", "10234567", "Đang sinh hoạt Đảng", ""),
]  # fmt: skip


def peer_list(path: Path, members: list[tuple[Any, ...]] | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    width = len(TOP)
    ws.cell(1, 1, "DANH SÁCH ĐẢNG VIÊN (FILE NHẬP LIỆU)").font = Font(bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(2, 1, "Lưu ý: các cột có dấu (*) là bắt buộc; ngày ghi theo dạng dd/mm/yyyy; số định danh 12 chữ số.")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    for column, text in enumerate(TOP, start=1):
        if text is not None:
            cell = ws.cell(4, column, text)
            cell.alignment = Alignment(wrap_text=True)
        if column not in range(GROUP_STARTS[0], GROUP_STARTS[-1] + 3):
            ws.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
    for start in GROUP_STARTS:
        ws.merge_cells(start_row=4, start_column=start, end_row=4, end_column=start + 2)
        for offset, part in enumerate(PARTS):
            ws.cell(5, start + offset, part)
    for number, m in enumerate(members or MEMBERS, start=1):
        name, born, gender, ident, ethnicity, religion, birth, home, live, joined, official, card, status, on = m
        row = [number, name, born, gender, ident, ethnicity, religion, *birth, *home, *live, joined, official, card,
               status, on or None]  # fmt: skip
        ws.append(row)
        for column in (5, 19):  # the tool stores numbers as text so that leading zeros survive
            ws.cell(ws.max_row, column).data_type = "s"
    for title, values in (
        ("DM_DanToc", ["Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng"]),
        ("DM_TrangThai", ["Đang sinh hoạt Đảng", "Miễn sinh hoạt", "Chuyển sinh hoạt đi", "Từ trần", "Xóa tên"]),
    ):
        sheet = wb.create_sheet(title)
        sheet.append(["Mã", "Tên"])
        for code, value in enumerate(values, start=1):
            sheet.append([code, value])
        sheet.sheet_state = "hidden"
    wb.active = 0
    wb.save(path)
    return path
