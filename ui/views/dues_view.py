"""Đảng phí: the dues book of a year, members × months, single-key "paid" entry, the month's totals, a member's history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
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
from app.domain import messages_dues as mdues
from app.domain.changes import Area
from app.domain.dates import format_dmy
from app.domain.dues import Channel, DuesKind, Month, parse_money
from app.domain.dues_ledger import unpaid_in_book
from app.domain.errors import AppError
from ui.errors import plain_message
from ui.exports import export_folder, run_export, show_saved
from ui.models.dues_table_model import NAME_COLUMN, DuesTableModel
from ui.settings import UiSettings
from ui.views.base import View
from ui.widgets import prompts

#: Single keys on a month cell: the month paid in full, in cash or through the portal.
PAY_KEYS = {Qt.Key.Key_X: Channel.CASH, Qt.Key.Key_C: Channel.PORTAL}


class DuesGrid(QTableView):
    """The members × months grid; X or C on a cell says "paid" (cash / portal)."""

    pay_pressed = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        channel = PAY_KEYS.get(Qt.Key(event.key()))
        if channel is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.pay_pressed.emit(channel)
            event.accept()
            return
        super().keyPressEvent(event)


class DuesView(View):
    key = "dues"
    shows = frozenset({Area.DUES, Area.ROLL})
    title = "Đảng phí"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self.model = DuesTableModel(self)
        self.year = QComboBox()
        self.table = DuesGrid()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Names are the vertical header: they stay in view while the twelve months scroll sideways.
        self.table.setColumnHidden(NAME_COLUMN, True)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(10)
        cell = self.fontMetrics().horizontalAdvance("000.000") + 14
        for column in range(1, 13):
            self.table.setColumnWidth(column, cell)
        self.table.setColumnWidth(13, self.fontMetrics().horizontalAdvance("0.000.000") + 14)

        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setObjectName("hint")
        self.book_button = QPushButton("Xuất sổ đảng phí năm…")
        self.sheet_button = QPushButton("Bảng kê thu tháng…")

        self.kind = QComboBox()
        for kind in DuesKind:
            self.kind.addItem(mdues.KIND[kind], kind.value)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("Thu nhập, ví dụ 8.500.000")
        self.basis_button = QPushButton("Ghi mức đóng")
        self.basis_button.setToolTip("Từ tháng đang chọn trong bảng")
        self.member_label = self.section_title("")
        self.history = QListWidget()

        side = QWidget()
        side.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 24)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(6, 0, 0, 0)
        sl.addWidget(self.member_label)
        sl.addWidget(QLabel("Căn cứ đóng, từ tháng đang chọn:"))
        sl.addWidget(self.kind)
        sl.addWidget(self.amount)
        sl.addWidget(self.basis_button)
        sl.addWidget(self.section_title("Các tháng đảng phí"))
        sl.addWidget(self.history, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(side)
        self.splitter.setChildrenCollapsible(False)
        if not settings.restore_splitter("dues", self.splitter):
            self.splitter.setSizes([1000, 240])

        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year)
        top.addWidget(self.book_button)
        top.addWidget(self.sheet_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_title(self.title))
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.totals)
        hint = QLabel(
            "Chọn ô của một tháng rồi gõ X (nộp tiền mặt) hoặc C (nộp qua Cổng Dịch vụ công) để ghi đã nộp đủ. "
            "Ô cam: nộp chậm; ô xanh: nộp trước; ô hồng: tháng đã qua chưa nộp; tên màu đỏ: chưa nộp từ 2 tháng."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.year.currentIndexChanged.connect(lambda _i: self._load())
        self.table.pay_pressed.connect(self.pay_current)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.basis_button.clicked.connect(self.set_basis)
        self.amount.returnPressed.connect(self.set_basis)
        self.book_button.clicked.connect(self.export_book)
        self.sheet_button.clicked.connect(self.export_sheet)

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()
        today = self.services.today()
        since = self.services.dues.ledger().since
        years = set(range(since.year if since else today.year, today.year + 1))
        self.fill_years(self.year, years, today.year)
        self._load()

    def show_item(self, kind: str, ref: object) -> None:
        if kind == "member" and isinstance(ref, int) and self.model.book is not None:
            for row, (member, _cells) in enumerate(self.model.book.rows):
                if member.id == ref:
                    self.table.setCurrentIndex(self.model.index(row, Month.of(self.services.today()).month))

    def remember_layout(self) -> None:
        self.settings.save_splitter("dues", self.splitter)

    # ------------------------------------------------------------------ content
    def _year(self) -> int:
        year = self.year.currentData()
        return year if isinstance(year, int) else self.services.today().year

    def _load(self) -> None:
        current = self.table.currentIndex()
        year = self._year()
        today = self.services.today()
        book = self.services.dues.year_book(year)  # one read of the book per change (5,000 members: ~2 s)
        self.model.set_book(book, Month.of(today), unpaid_in_book(book, today))
        if current.isValid():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        self._show_current()

    def _selected(self) -> tuple[int | None, Month | None]:
        index = self.table.currentIndex()
        if not index.isValid():
            return None, None
        return self.model.member_id(index.row()), self.model.month(index.column())

    def _show_current(self) -> None:
        member_id, month = self._selected()
        month = month or Month.of(self.services.today())
        if month.year != self._year():
            month = Month(self._year(), 12)
        book = self.model.book
        t = book.totals[month.month - 1] if book is not None else self.services.dues.month_totals(month)
        self.totals.setText(
            mdues.LIST_TOTAL.format(
                month=month.label, paid=t.paid, owed=t.owed - t.exempt, due=mdues.money(t.due_total),
                total=mdues.money(t.paid_total), collected=mdues.money(t.collected), kept=mdues.money(t.kept),
                upward=mdues.money(t.upward),
            )
            + (f" Đã nộp cấp trên ngày {format_dmy(t.sent_on)}." if t.sent_on else "")
        )  # fmt: skip
        self.history.clear()
        if member_id is None:
            self.member_label.setText("Chọn một đồng chí trong bảng")
            return
        h = self.services.dues.member_history(member_id)
        self.member_label.setText(h.member.full_name)
        for r in h.months:
            amount = r.paid or (0 if r.due is None or r.status == "exempt" else r.due)
            money = f" {mdues.money(amount)} đ" if amount else ""
            day = f" ({format_dmy(r.paid_on)})" if r.paid_on else ""
            self.history.addItem(f"{r.month.label}: {mdues.STATUS[r.status]}{money}{day}")

    # ------------------------------------------------------------------ actions
    def pay_current(self, channel: Channel) -> None:
        index = self.table.currentIndex()
        member_id, month = self._selected()
        cell = self.model.cell(index.row(), index.column()) if index.isValid() else None
        if member_id is None or month is None or cell is None:
            self.status.emit("Hãy chọn ô tháng của một đồng chí.")
            return
        if cell.status in ("paid", "late", "exempt"):
            self.status.emit(f"{cell.full_name}, tháng {month.label}: {mdues.STATUS[cell.status].lower()}.")
            return
        if cell.due is None:
            prompts.show_error(self, mdues.BASIS_MISSING.format(name=cell.full_name, month=month.label))
            return
        try:
            result = self.services.dues.pay(member_id, month, month, cell.due - cell.paid, channel=channel)
        except AppError as exc:
            prompts.show_error(self, plain_message(exc))
            return
        r = result.receipt
        self.status.emit(
            mdues.PAY_SAVED.format(name=cell.full_name, amount=mdues.money(r.amount), day=format_dmy(r.paid_on),
                                   channel=mdues.CHANNEL[r.channel], months=month.label)
        )  # fmt: skip
        self.changed.emit()
        self._load()

    def set_basis(self) -> None:
        member_id, month = self._selected()
        if member_id is None or month is None:
            prompts.show_error(self, "Hãy chọn ô tháng bắt đầu của một đồng chí trong bảng.")
            return
        kind = DuesKind(self.kind.currentData())
        try:
            base = (
                parse_money(self.amount.text(), "base")
                if self.amount.text().strip() or kind is not DuesKind.STUDENT
                else None
            )
            _basis, due = self.services.dues.set_basis(member_id, month, kind, base=base)
        except AppError as exc:
            prompts.show_error(self, plain_message(exc))
            return
        self.status.emit(f"Đã ghi mức đóng từ tháng {month.label}: {mdues.money(due.amount or 0)} đồng/tháng.")
        self.amount.clear()
        self.changed.emit()
        self._load()

    def export_book(self) -> None:
        year = self._year()
        docs = self.services.dues_documents
        path = prompts.choose_save_path(
            self, f"Lưu sổ đảng phí năm {year}", export_folder() / docs.book_file_name(year), "Bảng tính Excel (*.xlsx)"
        )
        if path is not None:
            self._export(lambda: docs.prepare_book(year), path, mdues.BOOK_WRITTEN.format(year=year, path="{path}"))

    def export_sheet(self) -> None:
        _member, month = self._selected()
        month = month or Month.of(self.services.today())
        docs = self.services.dues_documents
        suggested = export_folder() / f"bang-ke-dang-phi_{month.key}.xlsx"
        path = prompts.choose_save_path(self, f"Lưu bảng kê tháng {month.label}", suggested, "Bảng tính Excel (*.xlsx)")
        if path is not None:
            self._export(
                lambda: docs.prepare_sheet(month), path, mdues.SHEET_WRITTEN.format(month=month.label, path="{path}")
            )

    def _export(self, prepare_job: Any, path: Path, sentence: str) -> None:
        docs = self.services.dues_documents

        def prepare() -> Any:
            job = prepare_job()
            return lambda progress: docs.write(job, path)

        def done(written: Any) -> None:
            text = sentence.format(path=written)
            self.status.emit(text)
            show_saved(self, text, Path(written))

        run_export(self, "Đang xuất đảng phí…", prepare, done, self.status.emit)
