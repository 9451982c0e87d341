"""Nhập đảng viên từ Excel: choose a file, see every row's fate (add, update, unchanged, error), then import all at once.

The file is read in the background (it may sit on a slow USB stick); checking and saving use the database and
run on the GUI thread. Nothing is saved while any row has a problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
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
from app.domain import error_text, labels, notices
from app.domain.dates import format_dmy
from app.domain.errors import AppError
from app.services.member_import import ImportReport
from ui.errors import plain_message
from ui.style import set_level
from ui.tasks import BackgroundTask, TaskProgress
from ui.widgets import prompts

COLOURS = {"added": "#dff6dd", "updated": "#fff4ce", "unchanged": "#f3f3f3", "error": "#fde7e9"}
COLUMNS = ["Dòng", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Kết quả"]


class MemberImportDialog(QDialog):
    def __init__(self, services: Services, start_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.start_folder = start_folder
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.task: BackgroundTask | None = None
        self.imported = False
        self.setWindowTitle("Nhập danh sách đảng viên từ Excel")
        self.resize(900, 560)

        hint = QLabel(notices.IMPORT_DIALOG_HINT)
        hint.setWordWrap(True)
        self.choose_button = QPushButton("Chọn tệp Excel…")
        self.file_label = QLabel("Chưa chọn tệp.")
        self.file_label.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.buttons = prompts.button_box(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton("Nhập vào Sổ Chi bộ", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.choose)
        self.import_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------------ steps
    def choose(self) -> None:
        path = prompts.choose_open_file(
            self, "Chọn danh sách đảng viên", self.start_folder, "Bảng tính Excel (*.xlsx)", kind="import"
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read *path* in the background, then check it here and show the preview."""
        self.path = path
        self.report = None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        self.file_label.setText(str(path))
        importer = self.services.importer
        self.task = BackgroundTask(self, "Đang đọc tệp Excel…", lambda progress: _read(importer, path, progress))
        self.task.finished.connect(self._read_done)
        self.task.failed.connect(lambda sentence: self._say("alert", sentence))
        self.task.start()

    def _read_done(self, sheet: Any) -> None:
        try:
            report = self.services.importer.check(sheet)
        except AppError as exc:
            self._say("alert", plain_message(exc))
            return
        report.dry_run = True
        self.show_report(report)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        rows: list[tuple[int, str, str, str, str, str]] = []
        for kind, results in (("added", report.added), ("updated", report.updated), ("unchanged", report.unchanged)):
            for r in results:
                m = r.member
                text = notices.IMPORT_RESULT[kind]
                if r.changed:
                    text += ": " + ", ".join(labels.FIELD_LABEL.get(f, f) for f in r.changed)
                for e in (e for e in m.events if e.id is None):  # an imported status, as a dated event
                    text += f"\n{labels.STATUS_EVENT.get(e.kind.value, e.kind.value)}, ngày {format_dmy(e.on)}"
                if r.warnings:
                    text += "\n" + "\n".join(r.warnings)
                rows.append((r.row, m.full_name, format_dmy(m.date_of_birth), format_dmy(m.joined_on), text, kind))
        for p in report.problems:
            rows.append((p.row, "", "", "", p.message, "error"))
        rows.sort(key=lambda r: (r[0], r[5] != "error"))
        self.table.setRowCount(len(rows))
        for i, (row, name, born, joined, text, kind) in enumerate(rows):
            for column, value in enumerate((str(row), name, born, joined, text)):
                item = QTableWidgetItem(value)
                item.setBackground(QBrush(QColor(COLOURS[kind])))
                self.table.setItem(i, column, item)
        self.table.resizeRowsToContents()
        lines = []
        if report.legacy_cells:
            lines.append(notices.IMPORT_LEGACY.format(count=report.legacy_cells))
        lines += report.notices  # card numbers, unread columns: said once for the file
        if report.problems:
            lines.append(error_text.ERROR["import_rejected"].format(count=len({p.row for p in report.problems})))
            self._say("alert", "\n".join(lines))
        else:
            summary = notices.IMPORT_SUMMARY.format(
                added=len(report.added), updated=len(report.updated), unchanged=len(report.unchanged)
            )
            lines.append(f"{notices.IMPORT_DRY_RUN} {summary}")
            self._say("info", "\n".join(lines))
        self.import_button.setEnabled(not report.problems and bool(report.added or report.updated))

    def apply(self) -> None:
        if self.report is None or self.report.problems:
            return
        try:
            done = self.services.importer.apply(self.report)
        except AppError as exc:
            self._say("alert", plain_message(exc))
            self.import_button.setEnabled(False)
            return
        self.imported = True
        self.import_button.setEnabled(False)
        self._say("ok", notices.IMPORT_DONE.format(added=len(done.added), updated=len(done.updated)))

    def _say(self, level: str, text: str) -> None:
        self.banner.setText(text)
        set_level(self.banner, level)
        self.banner.show()


def _read(importer: Any, path: Path, progress: TaskProgress) -> Any:
    progress.report(0, 0, "Đang đọc tệp Excel…")
    return importer.read(path)
