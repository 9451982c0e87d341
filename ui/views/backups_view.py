"""Sao lưu: the automatic backups, backing up now or to a USB stick, and restoring a backup safely."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from app.domain import notices, vntext
from app.domain import security_messages as smsg
from app.domain.changes import Area
from app.domain.errors import AppError
from app.services.backups import BackupService, read_header
from ui.dialogs.backup_password_dialog import BackupPasswordDialog, RestorePasswordDialog
from ui.errors import plain_message
from ui.exports import open_path
from ui.settings import UiSettings
from ui.style import set_level
from ui.tasks import BackgroundTask
from ui.views.base import View
from ui.widgets import prompts


class BackupsView(View):
    key = "backups"
    shows = frozenset({Area.BACKUPS, Area.BRANCH})  # the files and whether a password is set
    title = "Sao lưu và khôi phục"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        self.task: BackgroundTask | None = None
        self.password_dialog: QWidget | None = None
        self.encrypted_copy = True
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.backup_button = QPushButton("Sao lưu ngay")
        self.usb_button = QPushButton("Sao lưu ra USB hoặc thư mục khác…")
        self.restore_button = QPushButton("Khôi phục bản đã chọn…")
        self.restore_file_button = QPushButton("Khôi phục từ tệp khác…")
        self.folder_button = QPushButton("Mở thư mục sao lưu")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(list(notices.BACKUP_HEADERS[:3]))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        intro = QLabel(
            "Sổ Chi bộ tự sao lưu mỗi lần mở chương trình nếu dữ liệu có thay đổi, và giữ bản theo ngày, tuần, tháng. "
            "Nên sao lưu thêm ra USB mỗi tháng một lần và cất USB ở nơi khác máy tính."
        )
        intro.setWordWrap(True)
        encryption = QLabel(smsg.BACKUP_EXPLAIN)
        encryption.setObjectName("hint")
        encryption.setWordWrap(True)
        row1 = QHBoxLayout()
        for button in (self.backup_button, self.usb_button, self.folder_button):
            row1.addWidget(button)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.restore_button)
        row2.addWidget(self.restore_file_button)
        row2.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_title(self.title))
        layout.addWidget(intro)
        layout.addWidget(encryption)
        layout.addWidget(self.where)
        layout.addWidget(self.banner)
        layout.addLayout(row1)
        layout.addWidget(self.table, 1)
        layout.addLayout(row2)

        self.backup_button.clicked.connect(self.backup_now)
        self.usb_button.clicked.connect(self.backup_to_folder)
        self.folder_button.clicked.connect(lambda: open_path(self._backups().folder))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)

    def _backups(self) -> BackupService:
        return self.services.backups

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()
        backups = self._backups()
        self.where.setText(
            f"Tệp dữ liệu: {self.services.paths.database}\n" + notices.BACKUP_FOLDER.format(folder=backups.folder)
        )
        problem = self.services.backup_problem
        if problem is not None:
            self._say("warning", notices.BACKUP_PROBLEM_AT_START.format(reason=plain_message(problem)))
        self.table.setRowCount(0)
        for info in backups.list():
            row = self.table.rowCount()
            self.table.insertRow(row)
            when = QTableWidgetItem(info.at.strftime("%H:%M:%S ngày %d/%m/%Y"))
            when.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, QTableWidgetItem(info.label_text))
            self.table.setItem(row, 2, QTableWidgetItem(vntext.file_size(info.size)))
        if self.table.rowCount():
            self.table.selectRow(0)
        else:
            self.table.setRowCount(0)
            self.status.emit(notices.BACKUP_NONE.format(folder=backups.folder))

    # ------------------------------------------------------------------ actions
    def _busy(self, work: Callable[[], Any]) -> Any:
        """Run *work* (it needs the database connection, so on this thread) with the wait cursor."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return work()
        finally:
            QGuiApplication.restoreOverrideCursor()

    def backup_now(self) -> None:
        backups = self._backups()
        try:
            path = self._busy(lambda: backups.snapshot("thu-cong"))
            check = backups.validate(path)
        except AppError as exc:
            self._say("alert", plain_message(exc))
            return
        self._say(
            "ok",
            notices.BACKUP_DONE.format(
                path=path, size=vntext.file_size(check.size), members=check.members, meetings=check.meetings
            ),
        )
        self.refresh()

    def backup_to_folder(self) -> None:
        """Ask where and with which password (or knowingly none); then snapshot here (it needs the database),
        copy to the stick and read it back in the background."""
        folder = prompts.choose_folder(
            self, "Chọn USB hoặc thư mục để sao lưu", self.settings.folder("usb", Path.home()), kind="usb"
        )
        if folder is None:
            return
        self.settings.set_folder("usb", folder)
        dialog = BackupPasswordDialog(self.services.security.status().password_set, self)
        self.password_dialog = dialog
        dialog.accepted.connect(lambda: self._copy_to(folder, dialog.password, dialog.encrypt))
        dialog.open()

    def _copy_to(self, folder: Path, password: str | None, encrypt: bool) -> None:
        backups = self._backups()
        self.encrypted_copy = encrypt
        try:
            job = self._busy(lambda: backups.prepare_copy(folder, password=password, encrypt=encrypt))
        except AppError as exc:
            self._say("alert", plain_message(exc))
            return
        self.task = BackgroundTask(self, "Đang chép bản sao lưu ra USB…", lambda progress: job.write())
        self.task.finished.connect(self._copied)
        self.task.failed.connect(lambda sentence: self._say("alert", sentence))
        self.task.cancelled.connect(lambda: self._say("info", "Đã hủy. Không có tệp nào bị ghi dở."))
        self.task.start()

    def _copied(self, check: Any) -> None:
        size = vntext.file_size(check.size)
        done = notices.BACKUP_DONE.format(path=check.path, size=size, members=check.members, meetings=check.meetings)
        note = smsg.USB_ENCRYPTED_NOTE if self.encrypted_copy else notices.BACKUP_USB_NOTE
        self._say("ok" if self.encrypted_copy else "warning", done + " " + note)
        self.refresh()

    def can_leave(self) -> bool:
        if self.task is not None and self.task.running:
            prompts.show_info(self, "Đang chép bản sao lưu: hãy chờ xong trước khi đóng.")
            return False
        return True

    def restore_selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        if item is None:
            self._say("info", "Hãy chọn một bản sao lưu trong danh sách trước.")
            return
        self.restore(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def restore_from_file(self) -> None:
        path = prompts.choose_open_file(
            self,
            "Chọn tệp sao lưu để khôi phục",
            self.settings.folder("usb", Path.home()),
            "Dữ liệu Sổ Chi bộ (*.sqlite3 *.mahoa)",
            kind="usb",
        )
        if path is not None:
            self.restore(path)

    def restore(self, path: Path) -> None:
        backups = self._backups()
        header = read_header(path)
        if header is not None:  # encrypted: the password first (a wrong one is asked again)
            dialog = RestorePasswordDialog(
                smsg.encrypted_header_text(path, header),
                lambda pw: self._busy(lambda: backups.validate(path, pw)),
                self,
            )
            self.password_dialog = dialog
            dialog.accepted.connect(lambda: self._confirm_restore(path, dialog.result_value, dialog.password))
            dialog.open()
            return
        try:
            check = self._busy(lambda: backups.validate(path))
        except AppError as exc:
            self._say("alert", plain_message(exc))
            return
        self._confirm_restore(path, check, None)

    def _confirm_restore(self, path: Path, check: Any, password: str | None) -> None:
        backups = self._backups()
        question = (
            notices.RESTORE_CHECKED.format(
                path=path, members=check.members, meetings=check.meetings, version=check.schema_version
            )
            + "\n\nKhôi phục sẽ thay toàn bộ dữ liệu hiện tại bằng dữ liệu trong tệp này. "
            "Dữ liệu hiện tại được sao lưu trước nên có thể lấy lại. Tiếp tục khôi phục?"
        )
        if not prompts.ask_yes_no(self, question, yes="Khôi phục", no="Không"):
            return
        if self.host is not None and not self.host.can_leave_all():
            return
        try:
            result = self._busy(lambda: backups.restore(path, password))
        except AppError as exc:
            self._say("alert", plain_message(exc))
            return
        text = notices.RESTORE_DONE.format(path=path, previous=result.previous)
        if self.host is not None:
            self.host.reopen_services(text)  # the restored file may need an upgrade: every screen starts again over it
        else:
            self._say("ok", text)
            self.refresh()

    def _say(self, level: str, text: str) -> None:
        self.banner.setText(text)
        set_level(self.banner, level)
        self.banner.show()
        self.status.emit(text)
