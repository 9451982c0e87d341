"""Đảng viên: the roll in Vietnamese name order, search as you type, status filters, the member's history and attendance."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain import labels
from app.domain.changes import Area
from app.domain.dates import format_dmy
from app.domain.membership import Member
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.status_change_dialog import StatusChangeDialog
from ui.models.member_table_model import STATUS_FILTERS, MemberColumn, MemberFilterProxy, MemberTableModel
from ui.models.roles import ObjectRole
from ui.settings import UiSettings
from ui.views.base import View
from ui.widgets.rating_history import rating_history_lines
from ui.widgets.row_number_header import RowNumberHeader

#: Meeting kinds in a few letters, for the narrow attendance list beside the table.
SHORT_KIND = {
    "thuong_ky": "Thường kỳ",
    "chuyen_de": "Chuyên đề",
    "ket_hop": "Kết hợp",
    "bat_thuong": "Bất thường",
    "kiem_diem": "Kiểm điểm",
}


#: How long the detail panel waits after the last keystroke of a search before following the selection.
DETAIL_DELAY_MS = 150


class MembersView(View):
    key = "members"
    shows = frozenset({Area.MEMBERS, Area.ROLL, Area.MEETINGS, Area.DUES})  # the detail: attendance and dues
    title = "Đảng viên"
    new_label = "Thêm đảng viên"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self.dialog: MemberDialog | StatusChangeDialog | None = None  # the open form, if any
        self.model = MemberTableModel(self)
        self.proxy = MemberFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm theo tên, số thẻ, đơn vị… (gõ có dấu hay không dấu đều được)")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItems(list(STATUS_FILTERS))
        self.status_filter.setToolTip("Lọc theo tình trạng")
        self.add_button = QPushButton("Thêm đảng viên")
        self.add_button.setToolTip("Ctrl+N")
        self.edit_button = QPushButton("Sửa thông tin")
        self.status_button = QPushButton("Thay đổi tình trạng…")
        self.import_button = QPushButton("Nhập từ Excel…")
        self.export_button = QPushButton("Xuất danh sách Excel…")
        self.count_label = QLabel()

        self.table = QTableView()
        self.row_numbers = RowNumberHeader(self.table)
        self.table.setVerticalHeader(self.row_numbers)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MemberColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Fit ~2 screens of rows, not the first 1,000: measuring them took ~70 ms of every keystroke at 5,000.
        # (0, "visible rows only", falls back to every row while the view is re-laid out: 300 ms at times.)
        header.setResizeContentsPrecision(50)
        header.setStretchLastSection(True)
        for changed in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            changed.connect(lambda *_: self.row_numbers.fit_rows(self.model.rowCount()))

        self.detail_name = QLabel()
        self.detail_name.setObjectName("sectionTitle")
        self.detail_name.setWordWrap(True)
        self.detail_facts = QLabel()
        self.detail_facts.setWordWrap(True)
        self.detail_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QListWidget()
        self.attendance = QListWidget()
        for listing in (self.history, self.attendance):
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(6, 0, 0, 0)
        dl.addWidget(self.detail_name)
        dl.addWidget(self.detail_facts)
        history_title = QLabel("Quá trình sinh hoạt")
        history_title.setObjectName("sectionTitle")
        history_title.setWordWrap(True)
        dl.addWidget(history_title)
        dl.addWidget(self.history, 1)
        att_title = QLabel("Dự sinh hoạt 12 tháng gần đây")
        att_title.setObjectName("sectionTitle")
        att_title.setWordWrap(True)
        dl.addWidget(att_title)
        dl.addWidget(self.attendance, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        if not settings.restore_splitter("members", self.splitter):
            self.splitter.setSizes([820, 420])

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status_filter, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.status_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        bottom = QHBoxLayout()  # the Excel exchange sits under the list: used a few times a year
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_title(self.title))
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self._filter_changed)
        self.status_filter.currentTextChanged.connect(self._filter_changed)
        self.add_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.status_button.clicked.connect(self.change_status)
        self.import_button.clicked.connect(self.import_excel)
        self.export_button.clicked.connect(self.export_excel)
        # Only activated: a double-click emits doubleClicked *and* activated (Windows, X11), and connecting both
        # opened two forms of one member, the second of which later overwrote the first's save.
        self.table.activated.connect(lambda _index: self.edit_current())
        # While typing a search the current row changes with the filter: the detail panel (which reads the
        # member's attendance from the database) follows once typing pauses, so keystrokes stay fast.
        self._filtering = False
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._show_detail)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._current_changed())
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.table)

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()
        current = self.current_member()
        self.model.set_members(self.services.members.all(), self._today())
        self._filter_changed()
        if current is None or current.id is None or not self.select_member(current.id):
            first = self.proxy.index(0, 0)
            if first.isValid():
                self.table.selectionModel().setCurrentIndex(
                    first, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
        self._detail_timer.stop()
        self._show_detail()

    def new_item(self) -> None:
        if self._raise_open_form():
            return
        dialog = MemberDialog(self.services.members, others=self.model_members(), today=self._today(), parent=self)
        self._open(dialog, "Đã thêm đồng chí {name}.")

    def show_item(self, kind: str, ref: object) -> None:
        if kind == "member" and isinstance(ref, int) and not self.select_member(ref):
            self.status_filter.setCurrentText("Tất cả")
            self.search.clear()
            self.select_member(ref)

    def remember_layout(self) -> None:
        self.settings.save_splitter("members", self.splitter)

    # ------------------------------------------------------------------ actions
    def edit_current(self) -> None:
        if self._raise_open_form():
            return
        member = self.current_member()
        if member is None:
            self.status.emit("Hãy chọn một đảng viên trong danh sách trước.")
            return
        dialog = MemberDialog(
            self.services.members, member, others=self.model_members(), today=self._today(), parent=self
        )
        self._open(dialog, "Đã lưu thông tin đồng chí {name}.")

    def change_status(self) -> None:
        if self._raise_open_form():
            return
        member = self.current_member()
        if member is None:
            self.status.emit("Hãy chọn một đảng viên trong danh sách trước.")
            return
        dialog = StatusChangeDialog(self.services.members, member, self._today(), parent=self)
        self._open(dialog, "Đã ghi thay đổi tình trạng của đồng chí {name}.")

    def import_excel(self) -> None:
        from ui import exports
        from ui.dialogs.member_import_dialog import MemberImportDialog

        dialog = MemberImportDialog(self.services, self.settings.folder("import", exports.export_folder()), self)

        def closed() -> None:
            if dialog.path is not None:
                self.settings.set_folder("import", dialog.path.parent)
            if dialog.imported:
                self.refresh()
                self.changed.emit()

        dialog.finished.connect(lambda _result: closed())
        self.dialog = dialog  # type: ignore[assignment]
        dialog.open()

    def export_excel(self) -> None:
        from ui import exports

        exports.export_roster(self, self.services, self.status.emit)

    def _raise_open_form(self) -> bool:
        """One form at a time: a second request brings the open one to the front instead of opening another."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return True
        return False

    def _open(self, dialog: MemberDialog | StatusChangeDialog, sentence: str) -> None:
        """Window-modal, not exec(): tests and the event loop keep running while the form is open."""
        self.dialog = dialog

        def done() -> None:
            if dialog.saved is not None:
                self._after_save(dialog.saved, sentence.format(name=dialog.saved.full_name))
            self.dialog = None

        def closed() -> None:
            if dialog.stale:  # refused as stale: the roll shows what is stored now
                self.refresh()
            self.dialog = None

        dialog.accepted.connect(done)
        dialog.rejected.connect(closed)
        dialog.open()

    def _after_save(self, member: Member, sentence: str) -> None:
        self.model.upsert(member)
        if member.id is not None and not self.select_member(member.id):
            self.status_filter.setCurrentText("Tất cả")
            self.select_member(member.id)
        self._show_detail()
        self._update_count()
        self.status.emit(sentence)
        self.changed.emit()

    # ------------------------------------------------------------------ helpers
    def _today(self) -> date:
        return self.services.today()

    def model_members(self) -> list[Member]:
        return [self.model.member_at(r) for r in range(self.model.rowCount())]

    def current_member(self) -> Member | None:
        index = self.table.currentIndex()
        value = index.data(ObjectRole) if index.isValid() else None
        return value if isinstance(value, Member) else None

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def _filter_changed(self) -> None:
        self._filtering = True
        try:
            self.proxy.set_statuses(STATUS_FILTERS.get(self.status_filter.currentText()))
            self.proxy.set_search(self.search.text())
        finally:
            self._filtering = False
        self._update_count()

    def _current_changed(self) -> None:
        if self._filtering or self._detail_timer.isActive():
            self._detail_timer.start()  # (re)start: shown once typing pauses
        else:
            self._show_detail()

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        self.count_label.setText(f"{shown} đồng chí")

    def _show_detail(self) -> None:
        member = self.current_member()
        self.history.clear()
        self.attendance.clear()
        has = member is not None
        self.edit_button.setEnabled(has)
        self.status_button.setEnabled(has)
        if member is None:
            self.detail_name.setText("Chọn một đồng chí để xem chi tiết.")
            self.detail_facts.clear()
            return
        today = self._today()
        status = member.status_on(today)
        self.detail_name.setText(member.full_name)
        facts = [
            f"Tình trạng: {labels.MEMBER_STATUS[status]}",
            f"Ngày sinh: {format_dmy(member.date_of_birth) or '—'}",
            f"Vào Đảng: {format_dmy(member.joined_on)}; chính thức: {format_dmy(member.official_on) or 'chưa'}",
        ]
        if member.job_position:
            facts.append(f"Công tác: {member.job_position}")
        dues = self.services.dues.member_line(member.id) if member.id is not None else ""
        if dues:
            facts.append(dues)  # the months one by one are on the Đảng phí screen
        self.detail_facts.setText("\n".join(facts))
        self.history.addItem(f"{format_dmy(member.joined_on)} — Vào Đảng")
        if member.official_on:
            self.history.addItem(f"{format_dmy(member.official_on)} — Trở thành đảng viên chính thức")
        for event in sorted(member.events, key=lambda e: e.on):
            if event.kind.value == "chinh_thuc":
                continue
            extra = "; ".join(x for x in (event.decision, event.note) if x)
            line = f"{format_dmy(event.on)} — {labels.STATUS_EVENT[event.kind]}"
            self.history.addItem(f"{line} ({extra})" if extra else line)
        for line in rating_history_lines(self.services, member.id or 0):  # the yearly ratings, newest first
            self.history.addItem(line)
        since = today - timedelta(days=365)
        rows = []
        # Only this member's rows: loading every meeting here took seconds per click on a large branch.
        for on, meeting_kind, row in self.services.meetings.attendance_of(member.id or 0, since, today):
            reason = f": {row.reason}" if row.reason else ""
            kind = SHORT_KIND[meeting_kind.value]
            rows.append((on, f"{format_dmy(on)} — {kind}: {labels.ATTENDANCE_CODE[row.code]}{reason}"))
        for _, text in sorted(rows, reverse=True):
            self.attendance.addItem(text)
        if not rows:
            self.attendance.addItem("Chưa có buổi sinh hoạt nào được ghi trong 12 tháng qua.")
