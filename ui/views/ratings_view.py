"""Xếp loại: the review season — members × (form, self level, score, proposal, final), the quota shown live
as levels are chosen, conflicts marked, the branch's own rating, and the season's documents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain import checks_ratings as rchecks
from app.domain import messages_ratings as rmsg
from app.domain.changes import Area
from app.domain.dates import format_dmy
from app.domain.errors import AppError
from app.domain.ratings import MemberRating, RatingLevel
from app.services.ratings import Season, SeasonRow, quota_line
from ui import exports
from ui.errors import plain_message
from ui.models.rating_table_model import RatingColumn, RatingTableModel
from ui.settings import UiSettings
from ui.views.base import View
from ui.widgets import prompts

EXPORTS = (
    ("forms", "Bản kiểm điểm (Word)…", "ban-kiem-diem-{year}.docx", "Tài liệu Word (*.docx)"),
    ("minutes", "Biên bản hội nghị (Word)…", "bien-ban-kiem-diem-{year}.docx", "Tài liệu Word (*.docx)"),
    ("summary", "Tổng hợp xếp loại (Word)…", "tong-hop-xep-loai-{year}.docx", "Tài liệu Word (*.docx)"),
    ("xlsx", "Bảng tính (Excel)…", "xep-loai-{year}.xlsx", "Bảng tính Excel (*.xlsx)"),
)


class RatingsView(View):
    key = "ratings"
    shows = frozenset({Area.RATINGS, Area.ROLL, Area.MEETINGS, Area.DUES, Area.BRANCH})  # conflicts: absences, dues
    title = "Xếp loại"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self.season: Season | None = None
        self.model = RatingTableModel(self)
        self.year = QComboBox()
        self.quota = QLabel()
        self.quota.setObjectName("ratingQuota")
        self.quota.setWordWrap(True)
        self.deadline = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RatingColumn.NOTE, QHeaderView.ResizeMode.Stretch)

        # the selected member's rating
        self.member_title = self.section_title("Chọn một đồng chí trong bảng.")
        self.form = QComboBox()
        self.self_level, self.proposed, self.final = QComboBox(), QComboBox(), QComboBox()
        self.score = QLineEdit()
        self.score.setPlaceholderText("0–100")
        self.votes = QLineEdit()
        self.votes.setPlaceholderText("tán thành/tổng, ví dụ 18/20")
        self.decided_by = QLineEdit()
        self.decision = QLineEdit()
        self.discipline = QLineEdit()
        self.conflict = QLabel()
        self.conflict.setObjectName("ratingConflict")
        self.conflict.setWordWrap(True)
        self.conflict.setStyleSheet("color: #b00020;")
        self.error = QLabel()
        self.error.setObjectName("ratingError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton("Lưu xếp loại")
        self.save_button.setToolTip("Ctrl+S")
        form = QFormLayout()
        form.addRow(rmsg.FIELD["form"], self.form)
        form.addRow(rmsg.FIELD["self"], self.self_level)
        form.addRow(rmsg.FIELD["score"], self.score)
        form.addRow("Biểu quyết", self.votes)
        form.addRow(rmsg.FIELD["proposed"], self.proposed)
        form.addRow(rmsg.FIELD["final"], self.final)
        form.addRow(rmsg.FIELD["decided_by"], self.decided_by)
        form.addRow(rmsg.FIELD["decision"], self.decision)
        form.addRow(rmsg.FIELD["discipline"], self.discipline)
        panel = QWidget()
        pl = QVBoxLayout(panel)
        pl.addWidget(self.member_title)
        pl.addLayout(form)
        pl.addWidget(self.conflict)
        pl.addWidget(self.error)
        pl.addWidget(self.save_button)
        pl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(panel)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        # the branch's own rating and the documents
        self.branch_self, self.branch_final = QComboBox(), QComboBox()
        self.branch_button = QPushButton("Lưu xếp loại chi bộ")
        branch = QHBoxLayout()
        branch.addWidget(QLabel("Chi bộ tự xếp loại"))
        branch.addWidget(self.branch_self, 1)
        branch.addWidget(QLabel("Cấp trên quyết định"))
        branch.addWidget(self.branch_final, 1)
        branch.addWidget(self.branch_button)
        self.export_buttons: dict[str, QPushButton] = {}
        documents = QHBoxLayout()
        for what, label, _, _ in EXPORTS:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, w=what: self.export(w))
            self.export_buttons[what] = button
            documents.addWidget(button)
        documents.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.page_title("Kiểm điểm, xếp loại chất lượng"))
        top.addWidget(QLabel("Năm"))
        top.addWidget(self.year)
        top.addWidget(self.deadline)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.quota)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(branch)
        layout.addLayout(documents)

        for combo in (self.self_level, self.proposed, self.final, self.branch_self, self.branch_final):
            self._fill_levels(combo)
        for combo in (self.form, self.self_level, self.proposed, self.final, self.branch_self, self.branch_final):
            # the long level names must not force the window wider than a 1366-pixel screen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.splitter.setSizes([700, 420])
        self.year.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._show_member)
        self.proposed.currentIndexChanged.connect(self._update_quota)
        self.final.currentIndexChanged.connect(self._update_quota)
        self.save_button.clicked.connect(self.save)
        self.branch_button.clicked.connect(self.save_branch)

    # ------------------------------------------------------------------ loading
    def _fill_levels(self, combo: QComboBox) -> None:
        rules = self.services.ratings.rules()
        combo.addItem("—", "")
        for level in RatingLevel:
            combo.addItem(rules.label(level), level.value)

    def current_year(self) -> int:
        return int(self.year.currentData() or self.services.today().year)

    def refresh(self) -> None:
        super().refresh()
        today = self.services.today()
        self.fill_years(self.year, range(today.year - 5, today.year + 1), today.year)
        year = self.current_year()
        selected = self.current_row()
        self.season = self.services.ratings.season(year)
        rules = self.services.ratings.rules()
        self.model.set_season(self.season.rows, rules)
        self.deadline.setText(f"Hạn kiểm điểm: {format_dmy(self.season.deadline)}")
        forms = rules.forms_for(year)
        self.form.blockSignals(True)
        self.form.clear()
        self.form.addItem("—", "")
        for kind, name in forms.kinds.items() if forms else ():
            self.form.addItem(name, kind)
        self.form.blockSignals(False)
        branch = self.season.branch
        _choose(self.branch_self, branch.self_level if branch else None)
        _choose(self.branch_final, branch.final if branch else None)
        row = self.model.row_of(selected.member.id) if selected and selected.member.id is not None else -1
        self.table.selectRow(max(row, 0)) if self.model.rowCount() else None
        self._show_member()
        self._update_quota()

    def current_row(self) -> SeasonRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def show_item(self, kind: str, ref: object) -> None:
        if kind == "member" and isinstance(ref, int):
            row = self.model.row_of(ref)
            if row >= 0:
                self.table.selectRow(row)

    def _show_member(self) -> None:
        row = self.current_row()
        self.error.clear()
        enabled = row is not None
        for w in (self.form, self.self_level, self.score, self.votes, self.proposed, self.final, self.decided_by,
                  self.decision, self.discipline, self.save_button):  # fmt: skip
            w.setEnabled(enabled)
        if row is None:
            self.member_title.setText("Chọn một đồng chí trong bảng.")
            self.conflict.clear()
            return
        r = row.rating or MemberRating(row.member.id or 0, self.current_year())
        self.member_title.setText(row.member.full_name)
        self.form.setCurrentIndex(max(0, self.form.findData(r.form)))
        for combo, level in ((self.self_level, r.self_level), (self.proposed, r.proposed), (self.final, r.final)):
            combo.blockSignals(True)
            _choose(combo, level)
            combo.blockSignals(False)
        self.score.setText("" if r.score is None else f"{r.score:g}".replace(".", ","))
        self.votes.setText(f"{r.votes_for}/{r.votes_total}" if r.votes_total else "")
        self.decided_by.setText(r.decided_by)
        self.decision.setText(r.decision)
        self.discipline.setText(r.discipline)
        self.conflict.setText(self.model.note(row))

    # ------------------------------------------------------------------ live quota
    def pending(self) -> list[MemberRating]:
        """The season's ratings with the levels chosen (not yet saved) for the selected member."""
        if self.season is None:
            return []
        ratings = [r.rating for r in self.season.rows if r.rating is not None]
        row = self.current_row()
        if row is None or row.member.id is None:
            return ratings
        mine = row.rating or MemberRating(row.member.id, self.season.year)
        mine = replace(mine, proposed=_level(self.proposed), final=_level(self.final))
        return [r for r in ratings if r.member_id != row.member.id] + [mine]

    def _update_quota(self) -> None:
        if self.season is None:
            return
        rules = self.services.ratings.rules()
        state = rchecks.quota_state(self.pending(), rules, self.season.year)
        live = replace(self.season, quota=state)
        text = quota_line(live, self.services.ratings)
        self.quota.setText(("\u26a0 " if state and state.exceeded else "") + text)
        self.quota.setStyleSheet("color: #b00020; font-weight: bold;" if state and state.exceeded else "")

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        row = self.current_row()
        if row is None or row.member.id is None:
            return
        changes: dict[str, Any] = {
            "form": self.form.currentData() or "",
            "self_level": self.self_level.currentData() or "",
            "score": self.score.text().strip(),
            "proposed": self.proposed.currentData() or "",
            "final": self.final.currentData() or "",
            "decided_by": self.decided_by.text(),
            "decision": self.decision.text(),
            "discipline": self.discipline.text(),
        }
        votes = self.votes.text().replace(" ", "")
        try:
            if votes:
                votes_for, votes_total = (int(p) for p in votes.split("/"))
                changes.update(votes_for=votes_for, votes_total=votes_total)
            else:
                changes.update(votes_for=None, votes_total=None)
        except ValueError:
            self.error.setText(rmsg.VOTES_INVALID)
            return
        try:
            stored = self.services.ratings.set_member(row.member.id, self.current_year(), **changes)
        except AppError as exc:
            self.error.setText(plain_message(exc))
            return
        self.status.emit(rmsg.SAVED.format(year=stored.year, name=stored.member_name))
        self.changed.emit()
        self.refresh()

    def save_branch(self) -> None:
        try:
            self.services.ratings.set_branch(
                self.current_year(),
                self_level=self.branch_self.currentData() or "",
                final=self.branch_final.currentData() or "",
            )
        except AppError as exc:
            prompts.show_error(self, plain_message(exc))
            return
        self.status.emit(rmsg.BRANCH_SAVED.format(year=self.current_year()))
        self.changed.emit()
        self.refresh()

    # ------------------------------------------------------------------ documents
    def export(self, what: str) -> None:
        year = self.current_year()
        spec = next(e for e in EXPORTS if e[0] == what)
        target = prompts.choose_save_path(
            self, spec[1].rstrip("…"), exports.export_folder() / spec[2].format(year=year), spec[3], kind="ratings"
        )
        if target is None:
            return
        documents = self.services.rating_documents
        say = self.status.emit

        def prepare() -> Any:
            write = documents.job(what, year, Path(target))  # the database is read here, on the GUI thread
            return lambda progress: write()

        def done(written: list[Path]) -> None:
            text = rmsg.DOC_WRITTEN.format(what=rmsg.DOC_WHAT[what], path=written[0])
            say(text)
            exports.show_saved(self, text, Path(written[0]))

        exports.run_export(self, "Đang ghi tài liệu…", prepare, done, say)


def _level(combo: QComboBox) -> RatingLevel | None:
    return RatingLevel.parse(combo.currentData() or "")


def _choose(combo: QComboBox, level: RatingLevel | None) -> None:
    combo.setCurrentIndex(max(0, combo.findData(level.value if level else "")))
