"""Học tập và làm theo: the year's grid of members (plan, commitment signed, learning report, mid-year and
year-end self-review) with single-key entry, and the branch register (breakthrough, ethical standards,
models and exemplars, awards). Every change is one service call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain import messages_kl01 as mk
from app.domain.changes import Area
from app.domain.dates import format_dmy
from app.domain.errors import AppError
from app.domain.kl01 import ReviewResult, ReviewStage
from ui.dialogs.kl01_dialogs import AwardDialog, PlanDialog, RecognitionDialog
from ui.errors import plain_message
from ui.models.kl01_table_model import Kl01Column, Kl01TableModel
from ui.settings import UiSettings
from ui.style import set_level
from ui.views.base import View
from ui.widgets import prompts

#: Single keys of the review columns (h = hoàn thành, as a secretary marks a paper list).
RESULT_KEYS = {"h": ReviewResult.DONE, "đ": ReviewResult.DONE, "m": ReviewResult.PARTLY, "c": ReviewResult.NOT_DONE}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class Kl01Table(QTableView):
    """Keys go to the view (one service call each); the cursor moves down as on a paper list."""

    def __init__(self, view: Kl01View) -> None:
        super().__init__()
        self._view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._view.handle_key(self.currentIndex(), event):
            return
        super().keyPressEvent(event)


class Kl01View(View):
    key = "kl01"
    shows = frozenset({Area.KL01, Area.ROLL, Area.BRANCH})  # the target is a branch setting
    title = "Học tập và làm theo"
    new_label = "Thêm mô hình, điển hình"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self.dialog: QDialog | None = None  # the dialog open over the screen, if any
        self._removers: dict[QObject, Callable[[int], None]] = {}
        self.year = QComboBox()
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("banner")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.model = Kl01TableModel(self)
        self.table = Kl01Table(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        # The name is what the secretary reads first: it sizes to the longest name; the rest share the width.
        header.setSectionResizeMode(Kl01Column.NAME, QHeaderView.ResizeMode.ResizeToContents)
        for column in list(Kl01Column)[1:]:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        legend = QLabel(mk.GRID_LEGEND)
        legend.setObjectName("hint")
        legend.setWordWrap(True)
        self.plan_button = QPushButton("Nội dung cam kết…")
        self.forms_button = QPushButton("In mẫu kế hoạch cá nhân (Word)…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.forms_button)
        buttons.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 6, 0)
        ll.addWidget(self.problem)
        ll.addWidget(self.table, 1)
        ll.addWidget(legend)
        ll.addLayout(buttons)

        self.breakthrough = QLineEdit()
        self.breakthrough.setPlaceholderText("Nội dung đột phá của chi bộ trong năm")
        self.ethics = QLineEdit()
        self.ethics.setPlaceholderText("Chuẩn mực đạo đức của đơn vị")
        self.branch_button = QPushButton("Lưu nội dung của chi bộ")
        self.register = QListWidget()
        self.register.setWordWrap(True)
        self.awards = QListWidget()
        self.awards.setWordWrap(True)
        self.add_model_button = QPushButton("Thêm mô hình, điển hình…")
        self.add_model_button.setToolTip("Ctrl+N")
        self.add_award_button = QPushButton("Thêm khen thưởng…")
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        rl.addWidget(self.section_title("Nội dung đột phá, chuẩn mực đạo đức"))
        rl.addWidget(self.breakthrough)
        rl.addWidget(self.ethics)
        rl.addWidget(self.branch_button)
        rl.addWidget(self.section_title("Mô hình, cách làm hay; điển hình tiên tiến"))
        rl.addWidget(self.register, 1)
        rl.addWidget(self.add_model_button)
        rl.addWidget(self.section_title("Khen thưởng"))
        rl.addWidget(self.awards, 1)
        rl.addWidget(self.add_award_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        if not settings.restore_splitter("kl01", self.splitter):
            self.splitter.setSizes([820, 300])
        heading = QHBoxLayout()
        heading.addWidget(self.page_title(self.title))
        heading.addStretch(1)
        heading.addWidget(QLabel("Năm:"))
        heading.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.splitter, 1)

        for widget, remove in ((self.register, self.services.kl01.delete_recognition),
                               (self.awards, self.services.kl01.delete_award)):  # fmt: skip
            widget.setToolTip("Chọn một dòng rồi nhấn Delete để xóa mục nhập nhầm")
            widget.installEventFilter(self)
            self._removers[widget] = remove
        self.year.currentIndexChanged.connect(lambda _i: self._load())
        self.table.doubleClicked.connect(self._double_clicked)
        self.plan_button.clicked.connect(lambda: self.edit_plan(self.table.currentIndex().row()))
        self.forms_button.clicked.connect(self.print_forms)
        self.branch_button.clicked.connect(self.save_branch)
        self.add_model_button.clicked.connect(self.new_item)
        self.add_award_button.clicked.connect(self.add_award)

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()
        today = self.services.today()
        self.fill_years(self.year, {*self.services.kl01.years(), today.year, today.year + 1}, today.year)
        self._load()

    def new_item(self) -> None:
        self.open_recognition_dialog()

    def open_recognition_dialog(self) -> RecognitionDialog:
        dialog = RecognitionDialog(self.services.kl01, self._year(), self._members(), self)
        return self._open(dialog)

    def _open(self, dialog, keep: QModelIndex | None = None):  # type: ignore[no-untyped-def]
        """Show *dialog* window-modal without blocking; reload when it saved something."""
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_change(keep))
        dialog.open()
        return dialog

    def remember_layout(self) -> None:
        self.settings.save_splitter("kl01", self.splitter)

    def show_item(self, kind: str, ref: object) -> None:
        """A finding about a member's plan: select that member's row (in the finding's year, when given)."""
        if self.stale:
            self.refresh()
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).member.id == ref:
                self.table.setCurrentIndex(self.model.index(row, Kl01Column.SIGNED))
                self.table.scrollTo(self.table.currentIndex())
                self.table.setFocus()
                return

    # ------------------------------------------------------------------ loading
    def _year(self) -> int:
        year = self.year.currentData()
        return year if isinstance(year, int) else self.services.today().year

    def _members(self) -> list:  # type: ignore[type-arg]
        return [r.member for r in self.model_rows()]

    def model_rows(self) -> list:  # type: ignore[type-arg]
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def _load(self, keep: QModelIndex | None = None) -> None:
        year = self._year()
        self.model.set_rows(self.services.kl01.grid(year))
        if keep is not None and keep.isValid() and keep.row() < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(keep.row(), keep.column()))
        f = self.services.kl01.year_figures(year)
        others = mk.GRID_OTHERS.format(exempt=f.exempt, away=f.away) if f.exempt or f.away else ""
        self.counts.setText(
            mk.GRID_COUNTS.format(year=year, signed=f.plans_signed, expected=f.expected, reports=f.learning_reports,
                                  midyear=f.midyear_reviewed, year_end=f.year_end_reviewed, others=others)
        )  # fmt: skip
        record = self.services.kl01.year(year)
        self.breakthrough.setText(record.branch.breakthrough if record.branch else "")
        self.ethics.setText(record.branch.ethics if record.branch else "")
        self.register.clear()
        for r in record.recognitions:
            who = r.member_name or mk.COLLECTIVE
            self._add_line(self.register, f"{mk.KIND[r.kind]}: {r.title} — {who}", r.id)
        self.awards.clear()
        for a in record.awards:
            who = a.member_name or mk.BRANCH_AWARD
            decision = f", {a.decision}" if a.decision else ""
            self._add_line(self.awards, f"{format_dmy(a.on)}: {a.form} {a.level} — {who}{decision}", a.id)

    @staticmethod
    def _add_line(widget: QListWidget, text: str, item_id: int | None) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        widget.addItem(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete on a line of the register removes it, after asking."""
        if (
            watched in self._removers
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in CLEAR_KEYS
        ):
            self.delete_line(watched)  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def delete_line(self, widget: QListWidget) -> None:
        item = widget.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        if not prompts.ask_yes_no(self, mk.ASK_DELETE.format(what=item.text()), yes="Xóa", no="Không xóa"):
            return
        try:
            self._removers[widget](int(item.data(Qt.ItemDataRole.UserRole)))
        except AppError as error:
            prompts.show_error(self, plain_message(error))
            return
        self._after_change()

    def _after_change(self, keep: QModelIndex | None = None) -> None:
        self._load(keep)
        self.changed.emit()

    # ------------------------------------------------------------------ single keys
    def _mark_day(self) -> date:
        """The day a single key records: today, or 31 December for a past year."""
        today, year = self.services.today(), self._year()
        return today if today.year <= year else date(year, 12, 31)

    def handle_key(self, index: QModelIndex, event: QKeyEvent) -> bool:
        """Apply a single key to the cell at *index*; True when the key was used."""
        if not index.isValid():
            return False
        column = Kl01Column(index.column())
        text = event.text().lower()
        clear = event.key() in CLEAR_KEYS
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and column in (Kl01Column.NAME, Kl01Column.PLAN):
            self.edit_plan(index.row())
            return True
        row = self.model.row_at(index.row())
        member_id = row.member.id
        assert member_id is not None
        year = self._year()
        kl01 = self.services.kl01
        if column is Kl01Column.SIGNED and (text == "x" or clear):
            call = lambda: kl01.mark_signed(member_id, year, None if clear else self._mark_day())  # noqa: E731
        elif column is Kl01Column.REPORT and (text == "x" or clear):
            if clear:
                if row.report is None:
                    return True
                call = lambda: kl01.remove_learning_report(member_id, year)  # noqa: E731
            else:
                call = lambda: kl01.add_learning_report(member_id, year, self._mark_day())  # noqa: E731
        elif column in (Kl01Column.MIDYEAR, Kl01Column.YEAR_END) and (text in RESULT_KEYS or clear):
            stage = ReviewStage.MIDYEAR if column is Kl01Column.MIDYEAR else ReviewStage.YEAR_END
            result = None if clear else RESULT_KEYS[text]
            call = lambda: kl01.review(member_id, year, stage, result)  # noqa: E731
        else:
            return False
        try:
            call()
        except AppError as error:
            self.problem.setText(f"{row.member.full_name}: {plain_message(error)}")
            set_level(self.problem, "warning")
            self.problem.show()
            return True
        self.problem.hide()
        below = self.model.index(min(index.row() + 1, self.model.rowCount() - 1), index.column())
        self._after_change(below)
        return True

    # ------------------------------------------------------------------ dialogs and documents
    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and Kl01Column(index.column()) in (Kl01Column.NAME, Kl01Column.PLAN):
            self.edit_plan(index.row())

    def edit_plan(self, row: int) -> PlanDialog | None:
        if not 0 <= row < self.model.rowCount():
            return None
        r = self.model.row_at(row)
        dialog = PlanDialog(self.services.kl01, r.member, self._year(), r.plan, self)
        return self._open(dialog, self.model.index(row, Kl01Column.PLAN))

    def add_award(self) -> AwardDialog:
        return self._open(AwardDialog(self.services.kl01, self._year(), self._members(), self))

    def save_branch(self) -> None:
        try:
            self.services.kl01.set_branch_year(
                self._year(), breakthrough=self.breakthrough.text(), ethics=self.ethics.text()
            )
        except AppError as error:
            prompts.show_error(self, plain_message(error))
            return
        self.status.emit(mk.CLI_BRANCH_SAVED.format(year=self._year()))
        self._after_change()

    def print_forms(self) -> None:
        year = self._year()
        suggested = self.services.paths.database.parent / f"ke-hoach-ca-nhan-{year}.docx"
        path = prompts.choose_save_path(self, "Lưu mẫu kế hoạch cá nhân", suggested, "Tài liệu Word (*.docx)")
        if path is None:
            return
        try:
            count, written = self.services.kl01_documents.plan_forms(year, path)
        except AppError as error:
            prompts.show_error(self, plain_message(error))
            return
        self.status.emit(mk.FORMS_SAVED.format(count=count, path=written))
