"""Sinh hoạt: the year's meetings by month, new meetings, and the editor; offers back drafts left by a crash."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.changes import Area
from app.domain.dates import format_dmy
from app.domain.meeting_record import Meeting, MeetingKind, MeetingOutline
from ui.dialogs.new_meeting_dialog import NewMeetingDialog
from ui.models.meeting_table_model import MeetingColumn, MeetingTableModel
from ui.models.roles import ObjectRole, SortRole
from ui.settings import UiSettings
from ui.style import set_level
from ui.views.base import View
from ui.views.meeting_editor import MeetingEditor


class MeetingsView(View):
    key = "meetings"
    shows = frozenset({Area.MEETINGS, Area.TOPICS})  # the year's meetings and the topic each presented
    title = "Sinh hoạt chi bộ"
    new_label = "Cuộc sinh hoạt mới"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self._pending_draft: tuple[object, Meeting] | None = None
        self.model = MeetingTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.year = QComboBox()
        self.year.setToolTip("Năm")
        self.new_button = QPushButton("Cuộc sinh hoạt mới")
        self.new_button.setToolTip("Ctrl+N")
        self.open_button = QPushButton("Mở")
        self.count_label = QLabel()
        self.draft_banner = QLabel()
        self.draft_banner.setObjectName("banner")
        self.draft_banner.setWordWrap(True)
        self.restore_button = QPushButton("Mở lại bản nháp")
        self.discard_button = QPushButton("Bỏ bản nháp")
        draft_row = QWidget()
        dr = QHBoxLayout(draft_row)
        dr.setContentsMargins(0, 0, 0, 0)
        dr.addWidget(self.draft_banner, 1)
        dr.addWidget(self.restore_button)
        dr.addWidget(self.discard_button)
        self.draft_row = draft_row
        draft_row.hide()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MeetingColumn.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MeetingColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)

        list_page = QWidget()
        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        lp = QVBoxLayout(list_page)
        lp.setContentsMargins(0, 0, 0, 0)
        lp.addWidget(self.page_title(self.title))
        lp.addWidget(draft_row)
        lp.addLayout(top)
        lp.addWidget(self.table, 1)
        hint = QLabel("Nhấn đúp (hoặc Enter) vào một dòng để mở. Dòng màu vàng là bản nháp chưa thông qua.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lp.addWidget(hint)

        self.editor = MeetingEditor(services, self)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.year.currentIndexChanged.connect(lambda _i: self._load_year())
        self.new_button.clicked.connect(self.new_item)
        self.open_button.clicked.connect(self.open_current)
        # Only activated: a double-click emits both signals (the editor was loaded twice).
        self.table.activated.connect(lambda _index: self.open_current())
        self.editor.back.connect(self.show_list)
        self.editor.saved.connect(self._editor_saved)
        self.editor.status.connect(self.status)
        self.restore_button.clicked.connect(self._restore_draft)
        self.discard_button.clicked.connect(self._discard_draft)

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()
        today = self.services.today()
        self.fill_years(self.year, {*self.services.meetings.years(), today.year}, today.year)
        self._load_year()
        self._check_drafts()

    def new_item(self) -> None:
        dialog = NewMeetingDialog(self.services.today(), parent=self)
        if dialog.exec():
            self.new_meeting(dialog.chosen_kind, dialog.chosen_date)

    def save(self) -> None:
        if self.pages.currentWidget() is self.editor:
            self.editor.save()

    def can_leave(self) -> bool:
        return self.pages.currentWidget() is not self.editor or self.editor.can_leave()

    def show_item(self, kind: str, ref: object) -> None:
        if kind == "meeting" and isinstance(ref, int):
            self.open_meeting(ref)
        elif kind == "month" and isinstance(ref, str):
            year, month = (int(x) for x in ref.split("-")[:2])
            if not self.show_list():
                return
            self.year.setCurrentIndex(max(0, self.year.findData(year)))
            rows = [r for r in range(self.model.rowCount()) if self.model.meeting_at(r).on.month == month]
            if rows:
                self._select_row(rows[0])
            else:
                self.status.emit(
                    f"Tháng {month}/{year} chưa có buổi sinh hoạt nào. Bấm “Cuộc sinh hoạt mới” (Ctrl+N) để ghi."
                )

    # ------------------------------------------------------------------ list
    def _load_year(self) -> None:
        year = self.year.currentData()
        if not isinstance(year, int):
            return
        meetings = self.services.meetings.list(year=year)
        topics = {a.meeting_id: a.title for a in self.services.topics.list(year) if a.meeting_id is not None}
        self.model.set_meetings(meetings, topics)
        self.count_label.setText(f"{len(meetings)} buổi sinh hoạt trong năm {year}")
        self.open_button.setEnabled(bool(meetings))

    def _select_row(self, source_row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def show_list(self) -> bool:
        if self.pages.currentWidget() is self.editor and not self.editor.can_leave():
            return False
        self.pages.setCurrentIndex(0)
        self._load_year()
        self.table.setFocus()
        return True

    def open_current(self) -> None:
        index = self.table.currentIndex()
        meeting = index.data(ObjectRole) if index.isValid() else None
        if isinstance(meeting, MeetingOutline):
            self.open_meeting(meeting.id)

    # ------------------------------------------------------------------ editor
    def open_meeting(self, meeting_id: int) -> None:
        if self.pages.currentWidget() is self.editor and not self.editor.can_leave():
            return
        self._show_editor(self.services.meetings.get(meeting_id))

    def new_meeting(self, kind: MeetingKind, on: date) -> MeetingEditor:
        """Open the editor on a new, unsaved meeting prepared by the service (agenda, roll, presider)."""
        if self.pages.currentWidget() is self.editor and not self.editor.can_leave():
            return self.editor
        self._show_editor(self.services.meetings.prepare(kind, on))
        self.editor.dirty = True  # a new meeting is unsaved until Lưu
        return self.editor

    def _show_editor(self, meeting: Meeting) -> None:
        self.editor.load(meeting)
        self.pages.setCurrentWidget(self.editor)
        self.editor.tabs.setFocus()

    def _editor_saved(self, meeting: object) -> None:
        self.changed.emit()
        if isinstance(meeting, Meeting) and meeting.on.year != self.year.currentData():
            self.year.setCurrentIndex(max(0, self.year.findData(meeting.on.year)))

    # ------------------------------------------------------------------ drafts left by a crash
    def _check_drafts(self) -> None:
        pending = self.services.drafts.pending_meetings()
        if not pending or self.pages.currentWidget() is self.editor:
            self.draft_row.hide()
            self._pending_draft = None
            return
        draft, meeting = pending[0]
        self._pending_draft = (draft, meeting)
        self.draft_banner.setText(
            f"Có bản nháp tự lưu lúc {draft.saved_at:%H:%M ngày %d/%m/%Y} của buổi sinh hoạt ngày "
            f"{format_dmy(meeting.on)} chưa được lưu chính thức. Mở lại để lưu tiếp, hoặc bỏ bản nháp."
        )
        set_level(self.draft_banner, "warning")
        self.draft_row.show()

    def _restore_draft(self) -> None:
        if self._pending_draft is None:
            return
        _, meeting = self._pending_draft
        self.draft_row.hide()
        self._show_editor(meeting)
        self.editor.dirty = True

    def _discard_draft(self) -> None:
        if self._pending_draft is not None:
            self.services.drafts.discard(self._pending_draft[0].key)  # type: ignore[attr-defined]
        self._check_drafts()
