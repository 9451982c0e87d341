"""Tổng quan: the year as a calendar coloured by the rule checks, what needs attention, attendance, what to do next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain import periods
from app.domain.attendance import attendance_level, month_attendance_pct
from app.domain.changes import EVERY_AREA, Area
from app.domain.dates import add_months, format_dmy, quarter_label, roman
from app.domain.findings import Finding, RuleId, Severity
from app.domain.meeting_record import MeetingStatus
from ui.settings import UiSettings
from ui.tasks import BackgroundReader
from ui.views.base import View
from ui.widgets.attendance_chart import AttendanceChart, MonthBar
from ui.widgets.year_calendar import MonthState, YearCalendar

if TYPE_CHECKING:  # only named here: the figures are read (and these modules imported) after the first paint
    from app.bootstrap import Services
    from app.domain.kl01 import Kl01Figures
    from app.domain.meeting_record import MeetingOutline
    from app.services.checks import YearOverview

SEVERITY_COLOUR = {Severity.ALERT: "#a40000", Severity.WARNING: "#7a5300", Severity.INFO: "#1f4e8c"}
#: Where a finding leads: rule -> what the main window shows.
TOPIC_RULES = {RuleId.TOPIC_UNASSIGNED, RuleId.TOPIC_NOT_PRESENTED, RuleId.THEMATIC_MEETING_MISSING}
COMPUTING = "Đang tính số liệu năm {year}…"


@dataclass(frozen=True)
class OverviewFigures:
    """Everything the overview shows of a year, read in one go (off the GUI thread, on a reader)."""

    year: int
    today: date
    overview: YearOverview
    branch_name: str
    kl01: Kl01Figures
    drafts_pending: bool
    next_quarter_assigned: bool
    chart_rows: list[MeetingOutline]  # the last twelve months' meetings, as figures
    years: frozenset[int]  # the years with meetings, for the year chooser


def read_figures(services: Services, year: int) -> OverviewFigures:
    """The overview's figures of *year*: the slow part of the screen (seconds on a 5,000-member branch)."""
    today = services.today()
    next_q = periods.quarter(*divmod_quarter(add_months(today, 3)))
    month_start = date(today.year, today.month, 1)
    return OverviewFigures(
        year=year,
        today=today,
        overview=services.checks.year_overview(year),  # the year loaded once, for the checks and for us
        branch_name=services.branch.profile().branch_name,
        kl01=services.kl01.year_figures(year),
        drafts_pending=bool(services.drafts.pending_meetings()),
        next_quarter_assigned=any(
            (a.year, a.quarter) == (next_q.year, next_q.number) for a in services.topics.list(next_q.year)
        ),
        # Figures only (per-code counts from the database, present/base by the kernel), not whole meetings.
        chart_rows=services.meetings.overview_rows(add_months(month_start, -11), today),
        years=frozenset(services.meetings.years()),
    )


def finding_target(finding: Finding) -> tuple[str, object] | None:
    """(kind, ref) for the main window's go_to, or None when the finding concerns nothing to open."""
    if finding.meeting_id is not None:
        return "meeting", finding.meeting_id
    from app.domain import messages_kl01 as mk

    if finding.rule in mk.RULE_NAME:  # plans and reviews: the "Làm theo Bác" grid, on the member's row
        return "kl01", finding.member_id
    if finding.member_id is not None:
        return "member", finding.member_id
    if finding.rule in TOPIC_RULES and finding.period:
        return "quarter", finding.period
    if finding.rule == RuleId.MONTHLY_MEETING_MISSING and finding.period:
        return "month", finding.period
    return None


class OverviewView(View):
    key = "overview"
    shows = EVERY_AREA - {Area.BACKUPS}  # the year's findings judge everything
    title = "Tổng quan"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self.year = QComboBox()
        self.calendar = YearCalendar()
        self.chart = AttendanceChart()
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setSpacing(3)
        self.todo = QListWidget()
        self.todo.setWordWrap(True)
        self.todo.setSpacing(3)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.reader = BackgroundReader(self)  # the figures are read after the window is up, never freezing it
        self.figures: OverviewFigures | None = None
        self._wanted: int | None = None  # the year whose figures are to be read once the screen is shown

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 6, 0)
        ll.addWidget(self.calendar, 3)
        ll.addWidget(self.section_title("Tỷ lệ dự sinh hoạt 12 tháng qua"))
        ll.addWidget(self.chart, 2)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        rl.addWidget(self.section_title("Việc cần làm tiếp"))
        rl.addWidget(self.todo, 1)
        rl.addWidget(self.section_title("Cần chú ý theo quy định"))
        rl.addWidget(self.findings, 2)
        hint = QLabel("Nhấn đúp hoặc Enter vào một dòng để mở nội dung liên quan.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        rl.addWidget(hint)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        if not settings.restore_splitter("overview", self.splitter):
            self.splitter.setSizes([560, 520])
        heading = QHBoxLayout()  # the year chooser shares the title's line: height is scarce at large fonts
        heading.addWidget(self.page_title(self.title))
        heading.addStretch(1)
        heading.addWidget(QLabel("Năm:"))
        heading.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

        self.year.currentIndexChanged.connect(lambda _i: self._load_year())
        self.calendar.month_clicked.connect(lambda key: self.navigate.emit("month", key))
        self.calendar.quarter_clicked.connect(lambda key: self.navigate.emit("quarter", key))
        self.findings.itemActivated.connect(self._open_item)
        self.todo.itemActivated.connect(self._open_item)

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()
        today = self.services.today()
        offered = {self.year.itemData(i) for i in range(self.year.count())}
        self.fill_years(self.year, {*offered, today.year}, today.year)  # the years with meetings come with the figures
        self._load_year()

    def remember_layout(self) -> None:
        self.settings.save_splitter("overview", self.splitter)

    @property
    def computing(self) -> bool:
        """The figures are still being read, or waiting for the screen to show (the summary says so)."""
        return self._wanted is not None or self.reader.busy

    # ------------------------------------------------------------------ content
    def _load_year(self) -> None:
        year = self.year.currentData()
        if not isinstance(year, int):
            return
        self.summary.setText(COMPUTING.format(year=year))
        self._wanted = year
        if self.isVisible():
            self._read_wanted()
        # else showEvent starts it: while the window is being built, a reading thread would only slow it down

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._wanted is not None:
            QTimer.singleShot(0, self._read_wanted)  # after the first paint

    def _read_wanted(self) -> None:
        year, self._wanted = self._wanted, None
        if year is not None:
            self.reader.read(self.services, lambda reader: read_figures(reader, year), self._show, self._failed)

    def _failed(self, sentence: str) -> None:
        self.summary.setText(sentence)

    def _show(self, figures: OverviewFigures) -> None:
        from app.domain import messages_kl01 as mk

        self.figures = figures
        year, today, overview = figures.year, figures.today, figures.overview
        self.fill_years(self.year, {*figures.years, today.year, year}, year)
        meetings, findings = overview.meetings, overview.findings
        self._fill_calendar(year, meetings, findings, today)
        self._fill_findings(findings)
        self._fill_todo(figures)
        kl01 = figures.kl01
        self.summary.setText(
            f"{figures.branch_name}: {overview.roll} đảng viên đang sinh hoạt; năm {year} đã ghi {len(meetings)} "
            f"buổi sinh hoạt; {sum(1 for f in findings if f.severity is not Severity.INFO)} điều cần chú ý. "
            + mk.OVERVIEW_LINE.format(signed=kl01.plans_signed, expected=kl01.expected, reports=kl01.learning_reports)
        )
        self._fill_chart(figures)

    def _fill_calendar(self, year: int, meetings: list[MeetingOutline], findings: list[Finding], today: date) -> None:
        missing_months = {f.period for f in findings if f.rule == RuleId.MONTHLY_MEETING_MISSING}
        missing_quarters = {f.period for f in findings if f.rule == RuleId.THEMATIC_MEETING_MISSING}
        months = []
        for month in range(1, 13):
            in_month = [m for m in meetings if m.on.month == month]
            regular = [m for m in in_month if m.kind.counts_as_regular]
            drafts = sum(1 for m in in_month if m.status is MeetingStatus.DRAFT)
            key = f"{year}-{month:02d}"
            state = "held" if regular else "missing" if key in missing_months else "pending"
            months.append(MonthState(month, state, len(in_month), drafts))
        quarters = {}
        for q in range(1, 5):
            held = any(m.kind.counts_as_thematic and m.quarter == q for m in meetings)
            key = f"{year}-Q{q}"
            quarters[q] = (
                "thematic_done" if held else "thematic_missing" if key in missing_quarters else "thematic_pending"
            )
        self.calendar.set_year(year, months, quarters)

    def _fill_findings(self, findings: list[Finding]) -> None:
        from app.domain import labels  # with the figures, after the first paint

        self.findings.clear()
        if not findings:
            self.findings.addItem("Không có điều gì cần chú ý. Chi bộ đang sinh hoạt đúng quy định.")
            return
        for finding in findings:
            item = QListWidgetItem(f"[{labels.SEVERITY[finding.severity]}] {finding.message}")
            item.setForeground(QBrush(QColor(SEVERITY_COLOUR[finding.severity])))
            item.setToolTip(labels.RULE_NAME.get(finding.rule, finding.rule))
            item.setData(Qt.ItemDataRole.UserRole, finding_target(finding))
            self.findings.addItem(item)

    def _fill_todo(self, figures: OverviewFigures) -> None:
        from app.domain import labels  # with the figures, after the first paint

        year, today = figures.year, figures.today
        meetings, findings = figures.overview.meetings, figures.overview.findings
        self.todo.clear()
        items: list[tuple[str, tuple[str, object] | None]] = []
        for m in sorted(meetings, key=lambda m: m.on):
            if m.status is MeetingStatus.DRAFT:
                items.append(
                    (
                        f"Biên bản {labels.MEETING_KIND[m.kind].lower()} ngày {format_dmy(m.on)} chưa thông qua.",
                        ("meeting", m.id),
                    )
                )
        if figures.drafts_pending:
            items.append(
                ("Có bản nháp tự lưu chưa được lưu chính thức: mở mục Sinh hoạt để lưu tiếp.", ("meetings", None))
            )
        if year == today.year:
            this_month = [m for m in meetings if m.on.month == today.month and m.kind.counts_as_regular]
            if not this_month:
                items.append(
                    (
                        f"Chưa ghi buổi sinh hoạt thường kỳ tháng {today.month}/{year}.",
                        ("month", f"{year}-{today.month:02d}"),
                    )
                )
            quarter = (today.month - 1) // 3 + 1
            if not any(m.kind.counts_as_thematic and m.quarter == quarter for m in meetings):
                items.append(
                    (
                        f"Quý {roman(quarter)} năm {year} chưa có buổi sinh hoạt chuyên đề.",
                        ("quarter", f"{year}-Q{quarter}"),
                    )
                )
            next_q = periods.quarter(*divmod_quarter(add_months(today, 3)))
            if not figures.next_quarter_assigned:
                items.append(
                    (
                        f"Chưa phân công chuyên đề cho {quarter_label(next_q.number)} năm {next_q.year}.",
                        ("quarter", next_q.key),
                    )
                )
        if self.services.backup_problem is not None:
            items.append(
                (
                    "Sao lưu tự động khi mở chương trình chưa thành công: mở mục Sao lưu để sao lưu lại.",
                    ("backups", None),
                )
            )
        for finding in findings:
            if finding.rule in (RuleId.PROBATION_ENDING, RuleId.PARTY_BADGE_DUE):
                items.append((finding.message, finding_target(finding)))
        if not items:
            items.append(("Không có việc gì tồn đọng.", None))
        for text, target in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, target)
            self.todo.addItem(item)

    def _fill_chart(self, figures: OverviewFigures) -> None:
        start = date(figures.today.year, figures.today.month, 1)
        bars = []
        meetings = figures.chart_rows
        rules = self.services.branch.rules
        for back in range(11, -1, -1):
            first = add_months(start, -back)
            # Month numbers only; the year on January (twelve bars always hold one), so labels stay short.
            label = f"{first.month}/{first.year}" if first.month == 1 else str(first.month)
            pct = month_attendance_pct(meetings, first.year, first.month)
            level = attendance_level(pct, rules).value if pct is not None else "ok"
            bars.append(MonthBar(label, pct, level))
        self.chart.set_bars(bars, rules.attendance_warning_below)

    def _open_item(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            kind, ref = target
            self.navigate.emit(kind, ref)


def divmod_quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1
