"""Báo cáo: choose a period, preview its figures, export the report, the minutes, the summary workbook and the USB package."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
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
from app.domain import error_text, labels, periods, vntext
from app.domain.changes import EVERY_AREA, Area
from app.domain.errors import AppError
from app.domain.periods import Period, PeriodKind
from ui import exports
from ui.errors import plain_message
from ui.settings import UiSettings
from ui.views.base import View
from ui.widgets import prompts

PERIOD_KINDS = (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR, PeriodKind.MONTH)
PERCENT_KEYS = {"attendance_pct"}


class ReportsView(View):
    key = "reports"
    shows = EVERY_AREA - {Area.BACKUPS}  # a period report gathers everything
    title = "Báo cáo"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self.kind = QComboBox()
        for kind in PERIOD_KINDS:
            self.kind.addItem(labels.PERIOD_KIND[kind], kind)
        self.number = QComboBox()
        self.year = QComboBox()
        self.preview_button = QPushButton("Xem số liệu")
        self.period_label = QLabel()
        self.period_label.setObjectName("sectionTitle")
        self.period_label.setWordWrap(True)
        self.figures = QTableWidget(0, 2)
        self.figures.setHorizontalHeaderLabels(["Chỉ tiêu", "Số liệu"])
        self.figures.verticalHeader().hide()
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.figures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.report_button = QPushButton("Xuất báo cáo (Word)…")
        self.minutes_button = QPushButton("Xuất mọi biên bản trong kỳ…")
        self.summary_button = QPushButton("Xuất bảng tổng hợp (Excel)…")
        self.package_button = QPushButton("Tạo gói nộp cấp trên (USB)…")

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel("Kỳ báo cáo:"))
        chooser.addWidget(self.kind)
        chooser.addWidget(self.number)
        chooser.addWidget(QLabel("Năm:"))
        chooser.addWidget(self.year)
        chooser.addWidget(self.preview_button)
        chooser.addStretch(1)
        buttons = QGridLayout()  # two by two: the row stays narrow at the largest font
        buttons.addWidget(self.report_button, 0, 0)
        buttons.addWidget(self.minutes_button, 0, 1)
        buttons.addWidget(self.summary_button, 1, 0)
        buttons.addWidget(self.package_button, 1, 1)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_title(self.title))
        layout.addLayout(chooser)
        layout.addWidget(self.period_label)
        layout.addWidget(self.figures, 1)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(lambda _i: self._fill_numbers())
        self.preview_button.clicked.connect(self.preview)
        self.number.currentIndexChanged.connect(lambda _i: self.preview())
        self.year.currentIndexChanged.connect(lambda _i: self.preview())
        self.report_button.clicked.connect(lambda: self._export(exports.export_report))
        self.minutes_button.clicked.connect(lambda: self._export(exports.export_minutes_batch))
        self.summary_button.clicked.connect(lambda: self._export(exports.export_summary))
        self.package_button.clicked.connect(lambda: self._export(exports.export_package))

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()
        today = self.services.today()
        self.fill_years(self.year, {*self.services.meetings.years(), today.year}, today.year)
        if self.number.count() == 0:
            self._fill_numbers(select=(today.month - 1) // 3 + 1)
        self.preview()

    def _fill_numbers(self, select: int | None = None) -> None:
        kind = self.kind.currentData()
        self.number.blockSignals(True)
        self.number.clear()
        if kind == PeriodKind.QUARTER:
            for q in range(1, 5):
                self.number.addItem(f"Quý {('I', 'II', 'III', 'IV')[q - 1]}", q)
        elif kind == PeriodKind.HALF:
            self.number.addItem("6 tháng đầu năm", 1)
            self.number.addItem("6 tháng cuối năm", 2)
        elif kind == PeriodKind.MONTH:
            for m in range(1, 13):
                self.number.addItem(f"Tháng {m}", m)
        self.number.setVisible(kind != PeriodKind.YEAR)
        if select is not None:
            self.number.setCurrentIndex(max(0, self.number.findData(select)))
        self.number.blockSignals(False)
        self.preview()

    def period(self) -> Period:
        year = self.year.currentData()
        year = year if isinstance(year, int) else self.services.today().year
        kind, number = self.kind.currentData(), self.number.currentData()
        if kind == PeriodKind.QUARTER:
            return periods.quarter(year, int(number or 1))
        if kind == PeriodKind.HALF:
            return periods.half(year, int(number or 1))
        if kind == PeriodKind.MONTH:
            return periods.month(year, int(number or 1))
        return periods.year(year)

    # ------------------------------------------------------------------ preview and exports
    def preview(self) -> None:
        if self.year.count() == 0:
            return
        period = self.period()
        try:
            report = self.services.reports.period_report(period)
        except AppError as exc:
            self.period_label.setText(plain_message(exc))
            return
        self.period_label.setText(
            f"Số liệu {periods.label(period)} (từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y})"
        )
        figures = report.key_figures()
        self.figures.setRowCount(0)
        for key, value in figures.items():
            row = self.figures.rowCount()
            self.figures.insertRow(row)
            self.figures.setItem(row, 0, QTableWidgetItem(labels.figure_label(key)))
            shown = vntext.percent(float(value)) if key in PERCENT_KEYS else str(value)
            self.figures.setItem(row, 1, QTableWidgetItem(shown))

    def _export(self, action: object) -> None:
        if not self.services.branch.profile().is_set_up:
            prompts.show_error(self, error_text.ERROR.get("branch_not_set_up", "Chưa nhập tên chi bộ."))
            return
        assert callable(action)
        action(self, self.services, self.period(), self.status.emit)
