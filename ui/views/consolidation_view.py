"""Tổng hợp (upper committee): pick branch summary files or folders, watch each file being read, export the workbook and receipt.

Reading and writing run in a background task: the consolidation service needs no database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain import error_text, labels, notices, periods, xlsx_text
from app.domain.periods import Period, PeriodKind
from app.services.consolidation import ConsolidationService
from ui import exports
from ui.settings import UiSettings
from ui.style import set_level
from ui.tasks import BackgroundTask, TaskProgress
from ui.views.base import View
from ui.widgets import prompts

FATE_COLOUR = {"accepted": "#dff6dd", "rejected": "#fde7e9", "superseded": "#f3f3f3"}


class ConsolidationView(View):
    key = "consolidation"
    shows = frozenset()  # the branches' files only, no database
    title = "Tổng hợp số liệu các chi bộ"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self.inputs: list[Path] = []
        self.files: list[Path] = []
        self.result: Any = None
        self.task: BackgroundTask | None = None
        intro = QLabel(
            "Dành cho cấp ủy cấp trên: chọn các tệp bảng tổng hợp (.xlsx) do các chi bộ nộp, hoặc cả thư mục "
            "(ví dụ thư mục trên USB). Sổ Chi bộ đọc từng tệp, kiểm tra tệp có bị sửa tay không, rồi lập bảng "
            "tổng hợp chung và biên nhận."
        )
        intro.setWordWrap(True)
        self.add_files_button = QPushButton("Chọn tệp…")
        self.add_folder_button = QPushButton("Chọn thư mục…")
        self.clear_button = QPushButton("Bỏ danh sách")
        self.only_period = QCheckBox("Chỉ nhận số liệu của kỳ:")
        self.kind = QComboBox()
        self.kind.addItem(labels.PERIOD_KIND[PeriodKind.QUARTER], PeriodKind.QUARTER)
        self.kind.addItem(labels.PERIOD_KIND[PeriodKind.HALF], PeriodKind.HALF)
        self.kind.addItem(labels.PERIOD_KIND[PeriodKind.YEAR], PeriodKind.YEAR)
        self.number = QComboBox()
        self.year = QComboBox()
        today = services.today()
        for y in range(today.year, today.year - 6, -1):
            self.year.addItem(str(y), y)
        self.read_button = QPushButton("Đọc và kiểm tra các tệp")
        self.export_button = QPushButton("Xuất bảng tổng hợp và biên nhận…")
        self.export_button.setEnabled(False)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Tệp", "Chi bộ", "Kết quả"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 280)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        row1 = QHBoxLayout()
        for w in (self.add_files_button, self.add_folder_button, self.clear_button):
            row1.addWidget(w)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        for w in (self.only_period, self.kind, self.number, QLabel("Năm:"), self.year):
            row2.addWidget(w)
        row2.addStretch(1)
        row3 = QHBoxLayout()
        row3.addWidget(self.read_button)
        row3.addWidget(self.export_button)
        row3.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_title(self.title))
        layout.addWidget(intro)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addLayout(row3)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)

        self.add_files_button.clicked.connect(self.add_files)
        self.add_folder_button.clicked.connect(self.add_folder)
        self.clear_button.clicked.connect(lambda: self.set_inputs([]))
        self.read_button.clicked.connect(self.read)
        self.export_button.clicked.connect(self.export)
        self.only_period.toggled.connect(self._period_enabled)
        self.kind.currentIndexChanged.connect(lambda _i: self._period_enabled(self.only_period.isChecked()))
        self._period_enabled(False)

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()

    def can_leave(self) -> bool:
        if self.task is not None and self.task.running:
            prompts.show_info(self, "Đang tổng hợp: hãy chờ xong hoặc bấm Hủy trước khi đóng.")
            return False
        return True

    # ------------------------------------------------------------------ inputs
    def _period_enabled(self, on: bool) -> None:
        kind = self.kind.currentData()
        current = self.number.currentData()
        self.number.clear()
        if kind == PeriodKind.QUARTER:
            for q in range(1, 5):
                self.number.addItem(f"Quý {('I', 'II', 'III', 'IV')[q - 1]}", q)
        elif kind == PeriodKind.HALF:
            self.number.addItem("6 tháng đầu năm", 1)
            self.number.addItem("6 tháng cuối năm", 2)
        self.number.setCurrentIndex(max(0, self.number.findData(current)))
        self.number.setVisible(kind != PeriodKind.YEAR)
        self.kind.setEnabled(on)
        self.year.setEnabled(on)
        self.number.setEnabled(on and self.kind.currentData() != "year")

    def period(self) -> Period | None:
        if not self.only_period.isChecked():
            return None
        year = int(self.year.currentData())
        kind, number = self.kind.currentData(), int(self.number.currentData() or 1)
        if kind == PeriodKind.QUARTER:
            return periods.quarter(year, number)
        if kind == PeriodKind.HALF:
            return periods.half(year, number)
        return periods.year(year)

    def _service(self) -> ConsolidationService:
        return self.services.consolidation

    def add_files(self) -> None:
        start = self.settings.folder("consolidation", exports.export_folder())
        files = prompts.choose_open_files(
            self, "Chọn các tệp tổng hợp của chi bộ", start, "Bảng tính Excel (*.xlsx)", kind="consolidation"
        )
        if files:
            self.settings.set_folder("consolidation", files[0].parent)
            self.set_inputs([*self.inputs, *files])

    def add_folder(self) -> None:
        start = self.settings.folder("consolidation", exports.export_folder())
        folder = prompts.choose_folder(self, "Chọn thư mục chứa các tệp của chi bộ", start, kind="consolidation")
        if folder is not None:
            self.settings.set_folder("consolidation", folder)
            self.set_inputs([*self.inputs, folder])

    def set_inputs(self, inputs: list[Path]) -> None:
        """The files and folders to read; lists every .xlsx found, each waiting to be read."""
        self.inputs = list(inputs)
        self.files = self._service().collect(self.inputs) if self.inputs else []
        self.result = None
        self.export_button.setEnabled(False)
        self.table.setRowCount(0)
        for path in self.files:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(path.name))
            self.table.item(row, 0).setToolTip(str(path))
            self.table.setItem(row, 1, QTableWidgetItem(""))
            self.table.setItem(row, 2, QTableWidgetItem("Chờ đọc"))
        self._say("info", f"Có {len(self.files)} tệp .xlsx để đọc." if self.files else "Chưa chọn tệp nào.")

    # ------------------------------------------------------------------ reading and writing
    def read(self) -> None:
        if not self.files:
            self._say("warning", error_text.ERROR["consolidate_no_input"])
            return
        service, inputs, period = self._service(), list(self.inputs), self.period()

        def work(progress: TaskProgress) -> Any:
            return service.run(
                inputs,
                period=period,
                progress=lambda done, total, path: progress.report(done, total, path),
                cancelled=lambda: progress.cancelled,
            )

        self.task = BackgroundTask(self, "Đang đọc các tệp của chi bộ…", work)
        self.task.progressed.connect(self._progress)
        self.task.finished.connect(self._read_done)
        self.task.failed.connect(lambda sentence: self._say("alert", sentence))
        self.task.cancelled.connect(lambda: self._say("info", error_text.ERROR["consolidate_cancelled"]))
        self.task.start()

    def _progress(self, done: int, total: int, text: str) -> None:
        for row in range(min(done, self.table.rowCount())):
            if self.table.item(row, 2).text() in ("Chờ đọc", "Đang đọc…"):
                self.table.item(row, 2).setText("Đã đọc")
        if done < self.table.rowCount():
            self.table.item(done, 2).setText("Đang đọc…")

    def _read_done(self, result: Any) -> None:
        self.result = result
        for row, outcome in enumerate(result.outcomes[: self.table.rowCount()]):
            self.table.setItem(row, 1, QTableWidgetItem(outcome.branch_name))
            fate = xlsx_text.FILE_FATE.get(outcome.status, outcome.status)
            item = QTableWidgetItem(f"{fate}: {outcome.reason}" if outcome.reason else fate)
            item.setBackground(QBrush(QColor(FATE_COLOUR.get(outcome.status, "#ffffff"))))
            self.table.setItem(row, 2, item)
        self.table.resizeRowsToContents()
        counts = notices.CONSOLIDATION_RECEIPT_COUNTS.format(
            accepted=len(result.branches), rejected=len(result.rejected), superseded=len(result.superseded)
        )
        self.export_button.setEnabled(bool(result.branches))
        self._say("ok" if result.branches and not result.rejected else "warning", counts)

    def export(self) -> None:
        if self.result is None:
            return
        suggested = exports.export_folder() / f"tong-hop-{self.result.period_key or 'cac-chi-bo'}.xlsx"
        out = prompts.choose_save_path(
            self, "Lưu bảng tổng hợp", suggested, "Bảng tính Excel (*.xlsx)", kind="consolidated"
        )
        if out is None:
            return
        service, result = self._service(), self.result
        self.task = BackgroundTask(self, "Đang ghi bảng tổng hợp…", lambda progress: service.write(result, out))
        self.task.finished.connect(self._written)
        self.task.failed.connect(lambda sentence: self._say("alert", sentence))
        self.task.start()

    def _written(self, files: Any) -> None:
        text = f"Đã ghi bảng tổng hợp: {files.workbook}\nBiên nhận: {files.receipt_text}"
        self._say("ok", text)
        self.status.emit(f"Đã ghi bảng tổng hợp: {files.workbook}")
        exports.show_saved(self, text, Path(files.workbook))

    def _say(self, level: str, text: str) -> None:
        self.banner.setText(text)
        set_level(self.banner, level)
        self.banner.show()
