"""Chuyên đề: the year's topic plan quarter by quarter, the catalogue, and who has never prepared a topic yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.changes import Area
from app.domain.errors import AppError
from app.domain.topic_plan import TopicAssignment
from ui.dialogs.topic_dialog import TopicDialog
from ui.errors import plain_message
from ui.models.topic_table_model import TopicColumn, TopicTableModel
from ui.settings import UiSettings
from ui.views.base import View
from ui.widgets import prompts


class TopicsView(View):
    key = "topics"
    shows = frozenset({Area.TOPICS, Area.MEETINGS, Area.ROLL})  # assignees and who never prepared a topic
    title = "Chuyên đề"
    new_label = "Phân công chuyên đề"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self.dialog: TopicDialog | None = None
        self.model = TopicTableModel(self)
        self.year = QComboBox()
        self.assign_button = QPushButton("Phân công chuyên đề")
        self.assign_button.setToolTip("Ctrl+N")
        self.edit_button = QPushButton("Sửa, cập nhật tình trạng")
        self.delete_button = QPushButton("Xóa phân công")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # Only the quarter sizes to its text; the rest share the width and wrap, so the title never vanishes.
        header.setSectionResizeMode(TopicColumn.QUARTER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TopicColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TopicColumn.PEOPLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TopicColumn.STATUS, QHeaderView.ResizeMode.Interactive)
        width = self.fontMetrics().horizontalAdvance("Nguyễn Văn Thành (chính)")
        self.table.setColumnWidth(TopicColumn.PEOPLE, width)
        self.table.setColumnWidth(TopicColumn.STATUS, width)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.fresh = QListWidget()
        self.fresh.setToolTip("Nhấn đúp để phân công đồng chí này")
        self.catalogue = QListWidget()
        self.catalogue.setWordWrap(True)
        self.catalogue.setToolTip("Nhấn đúp để phân công chuyên đề này")
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(6, 0, 0, 0)
        sl.addWidget(self.section_title("Chưa từng được phân công"))
        sl.addWidget(self.fresh, 1)
        sl.addWidget(self.section_title("Danh mục chuyên đề của năm"))
        sl.addWidget(self.catalogue, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(side)
        self.splitter.setChildrenCollapsible(False)
        if not settings.restore_splitter("topics", self.splitter):
            self.splitter.setSizes([820, 320])

        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year)
        top.addWidget(self.assign_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_title(self.title))
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        hint = QLabel(
            "Mỗi quý ít nhất một chuyên đề. Dòng màu hồng là quý chưa phân công. Danh sách bên phải giúp luân phiên "
            "công bằng: ưu tiên các đồng chí chưa từng chuẩn bị chuyên đề."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.year.currentIndexChanged.connect(lambda _i: self._load_year())
        self.assign_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        # Only activated: a double-click emits both signals, and two forms of one assignment were opened.
        self.table.activated.connect(lambda _i: self.edit_current())
        self.fresh.itemActivated.connect(self._assign_member)
        self.catalogue.itemActivated.connect(self._assign_title)

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()
        today = self.services.today()
        self.fill_years(
            self.year, {a.year for a in self.services.topics.list()} | {today.year, today.year + 1}, today.year
        )
        self._load_year()

    def new_item(self) -> None:
        self.open_dialog(None)

    def show_item(self, kind: str, ref: object) -> None:
        if kind == "quarter" and isinstance(ref, str) and "-Q" in ref:
            year, quarter = (int(x) for x in ref.split("-Q"))
            self.year.setCurrentIndex(max(0, self.year.findData(year)))
            rows = self.model.rows_of_quarter(quarter)
            if rows:
                self._select(rows[0])
        elif kind == "topic" and isinstance(ref, int):
            try:
                assignment = self.services.topics.get(ref)
            except AppError:
                return
            self.year.setCurrentIndex(max(0, self.year.findData(assignment.year)))
            row = self.model.row_of(ref)
            if row >= 0:
                self._select(row)

    def remember_layout(self) -> None:
        self.settings.save_splitter("topics", self.splitter)

    # ------------------------------------------------------------------ content
    def _year(self) -> int:
        year = self.year.currentData()
        return year if isinstance(year, int) else self.services.today().year

    def _load_year(self) -> None:
        year = self._year()
        assignments = self.services.topics.list(year)
        # Only the meetings the plan points to, as figures: loading every meeting ever took seconds.
        meetings = self.services.meetings.overview_rows_of(a.meeting_id for a in assignments if a.meeting_id)
        self.model.set_plan(assignments, meetings)
        self.table.resizeRowsToContents()
        roll = self.services.members.list()
        self.fresh.clear()
        for member in self.services.topics.never_assigned(roll):
            item = QListWidgetItem(member.full_name)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.fresh.addItem(item)
        if not self.fresh.count():
            self.fresh.addItem("Mọi đồng chí đều đã từng được phân công.")
        self.catalogue.clear()
        for topic in self.services.topics.catalogue(year) or self.services.topics.catalogue():
            item = QListWidgetItem(topic.title)
            item.setData(Qt.ItemDataRole.UserRole, topic.title)
            self.catalogue.addItem(item)

    def _select(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(row, 0))

    def current(self) -> tuple[int, TopicAssignment | None] | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    # ------------------------------------------------------------------ actions
    def open_dialog(
        self, assignment: TopicAssignment | None, *, title: str = "", member_id: int | None = None
    ) -> TopicDialog:
        if self.dialog is not None and self.dialog.isVisible():  # one form at a time
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        year = self._year()
        current = self.current()
        quarter = current[0] if current else (self.services.today().month - 1) // 3 + 1
        roll = self.services.members.list()
        shown = assignment.year if assignment else year
        meetings = [
            m
            for m in self.services.meetings.overview_rows(date(shown, 1, 1), date(shown, 12, 31))
            if m.kind.counts_as_thematic
        ]
        dialog = TopicDialog(
            self.services.topics,
            year=year,
            quarter=quarter,
            members=roll,
            never_assigned=[m.id for m in self.services.topics.never_assigned(roll) if m.id is not None],
            catalogue=self.services.topics.catalogue(year) or self.services.topics.catalogue(),
            meetings=meetings,
            assignment=assignment,
            title=title,
            parent=self,
        )
        if member_id is not None:
            dialog.check_members([member_id])
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.rejected.connect(lambda: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: TopicDialog) -> None:
        self.dialog = None
        if dialog.stale:  # refused as stale: the plan shows what is stored now
            self._load_year()

    def _saved(self, assignment: TopicAssignment | None) -> None:
        self.dialog = None
        if assignment is None:
            return
        if assignment.year != self._year():
            self.year.setCurrentIndex(max(0, self.year.findData(assignment.year)))
        self._load_year()
        row = self.model.row_of(assignment.id or -1)
        if row >= 0:
            self._select(row)
        self.status.emit(f"Đã lưu phân công chuyên đề “{assignment.title}”.")
        self.changed.emit()

    def edit_current(self) -> None:
        current = self.current()
        if current is None:
            self.status.emit("Hãy chọn một dòng trong kế hoạch trước.")
            return
        self.open_dialog(current[1])

    def delete_current(self) -> None:
        current = self.current()
        if current is None or current[1] is None or current[1].id is None:
            return
        if not prompts.ask_yes_no(self, f"Xóa phân công chuyên đề “{current[1].title}”?", yes="Xóa", no="Không xóa"):
            return
        try:
            self.services.topics.delete(current[1].id)
        except AppError as exc:
            prompts.show_error(self, plain_message(exc))
            return
        self._load_year()
        self.changed.emit()

    def _assign_member(self, item: QListWidgetItem) -> None:
        member_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(member_id, int):
            self.open_dialog(None, member_id=member_id)

    def _assign_title(self, item: QListWidgetItem) -> None:
        title = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(title, str):
            self.open_dialog(None, title=title)
