"""The main window: navigation on the left, one screen at a time, the keyboard shortcuts, closing safely."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.bootstrap import Services, startup_backup
from app.config import AppPaths
from app.domain.changes import EVERYTHING, Area, Change
from app.domain.errors import AppError, StorageError
from ui.errors import plain_message
from ui.folders import FolderMemory
from ui.launcher import real_branch, recover_damaged
from ui.settings import FONT_SIZES, UiSettings
from ui.style import apply_font_size, set_level
from ui.tasks import BackgroundReader
from ui.views.base import View
from ui.widgets import prompts

#: (key, label, "module:Class") in navigation order; views are built the first time they are shown.
SCREENS: tuple[tuple[str, str, str], ...] = (
    ("overview", "Tổng quan", "ui.views.overview_view:OverviewView"),
    ("members", "Đảng viên", "ui.views.members_view:MembersView"),
    ("meetings", "Sinh hoạt", "ui.views.meetings_view:MeetingsView"),
    ("topics", "Chuyên đề", "ui.views.topics_view:TopicsView"),
    ("kl01", "Làm theo Bác", "ui.views.kl01_view:Kl01View"),  # học tập và làm theo Bác (KL 01)
    ("reports", "Báo cáo", "ui.views.reports_view:ReportsView"),
    ("consolidation", "Tổng hợp", "ui.views.consolidation_view:ConsolidationView"),
    ("backups", "Sao lưu", "ui.views.backups_view:BackupsView"),
    ("settings", "Cài đặt", "ui.views.settings_view:SettingsView"),
    ("dues", "Đảng phí", "ui.views.dues_view:DuesView"),
    ("ratings", "Xếp loại", "ui.views.ratings_view:RatingsView"),  # the eleventh: no digit left for it
)
#: Which screen shows which kind of thing (for search results and findings).
SCREEN_FOR = {"member": "members", "meeting": "meetings", "month": "meetings", "topic": "topics", "quarter": "topics"}
FONT_LABELS = {"normal": "Chữ bình thường", "large": "Chữ lớn", "very_large": "Chữ rất lớn"}
HEALTH_POLL_MS = 100  # how often the window asks whether the background quick_check has its verdict


def window_title(services: Services, *, demo: bool) -> str:
    name = services.branch.profile().branch_name or "CHI BỘ CHƯA ĐẶT TÊN"
    title = f"{APP_NAME} — {name}"
    return f"{title} (CHI BỘ MẪU — chỉ để xem thử)" if demo else title


def screen_shortcut(index: int) -> str:
    """Ctrl+1 … Ctrl+9 for the first nine screens, Ctrl+0 for the tenth; none beyond (the digits run out)."""
    return f"Ctrl+{index % 10}" if index <= 10 else ""


class MainWindow(QMainWindow):
    def __init__(
        self, services: Services, settings: UiSettings, *, demo: bool = False, real_paths: AppPaths | None = None
    ) -> None:
        super().__init__()
        self.services = services
        services.take_changes()  # what was written before the window (a demo filled) is not news to its screens
        self.settings = settings
        prompts.use_folder_memory(FolderMemory(settings))  # every file dialog starts in the last folder of its kind
        self.demo = demo
        self.real_paths = real_paths
        self.successor: MainWindow | None = None  # the window over the user's own branch, once the demo is left
        self.views: dict[str, View] = {}
        self.search_dialog: QWidget | None = None
        self._closing_checked = False
        self._services_closed = False  # a damaged file's services, closed when the restore was offered
        self._health_started = False
        self.health_timer = QTimer(self)  # polls the background quick_check (Qt-safe: no callback from its thread)
        self.health_timer.setInterval(HEALTH_POLL_MS)
        self.health_timer.timeout.connect(self._poll_health)
        self.background = BackgroundReader(self)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        for index, (key, label, _) in enumerate(SCREENS, start=1):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(screen_shortcut(index))
            self.navigation.addItem(item)
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if demo:
            outer.addWidget(self._demo_banner())
        body = QHBoxLayout()
        body.setContentsMargins(6, 6, 6, 6)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        from ui.idle_lock import IdleLock

        # Before the first screen is built: it moves the central widget into its stack (cheap while still empty).
        self.idle_lock = IdleLock(self)  # locks after the idle time when a program password is set
        self._fit_navigation()

        self._build_actions()
        self.navigation.currentRowChanged.connect(self._show_row)
        self.setWindowTitle(window_title(services, demo=demo))
        if not settings.restore_geometry("main", self):
            self.resize(1280, 760)
        self.navigation.setCurrentRow(0)
        self.statusBar().showMessage("Sẵn sàng.", 4000)

    # ------------------------------------------------------------------ the file's health, after the first paint
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._health_started:
            self._health_started = True
            QTimer.singleShot(0, self._start_health_check)

    def _start_health_check(self) -> None:
        """After a clean close the quick_check was left for now: run it in the background, then ask for its verdict."""
        if not self._services_closed and self.services.start_health_check():
            self.health_timer.start()

    def _poll_health(self) -> None:
        verdict = self.services.health_verdict()
        if verdict is None:
            return
        self.health_timer.stop()
        if verdict != "ok":
            self._damaged_after_start(verdict)
        elif self.services.backup_owed:  # now the file is known good: the start-up backup, off the GUI thread
            self.services.backup_owed = False
            self.background.read(self.services, startup_backup, self._backed_up, self._backup_failed)

    def _backed_up(self, result: Path | AppError | None) -> None:
        if isinstance(result, AppError):
            self._backup_failed(plain_message(result))
            self.services.backup_problem = result
            if "overview" in self.views:  # its to-do list names the failed backup
                self.views["overview"].stale = True
                if self.current_view() is self.views["overview"]:
                    self.views["overview"].refresh()
        else:
            self.services.startup_backup = result

    def _backup_failed(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 15000)

    def _damaged_after_start(self, problem: str) -> None:
        """The usual restore offer; nothing was written (every write waited for this verdict and was refused)."""
        paths = self.services.paths
        error = StorageError("database_damaged", path=str(paths.database), detail=problem)
        self.services.close()  # the damaged file is not marked closed cleanly: the next start checks first
        self._services_closed = True
        services = recover_damaged(paths, error, self)
        if services is None:
            self._closing_checked = True  # nothing to save into a damaged file
            self.close()
            return
        self._services_closed = False
        self._show_services(services, "")

    # ------------------------------------------------------------------ building
    def _demo_banner(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        label = QLabel(
            "Đây là CHI BỘ MẪU để xem thử, lưu trong tệp riêng: dữ liệu thật của đồng chí không bị thay đổi."
        )
        label.setObjectName("banner")
        label.setWordWrap(True)
        set_level(label, "info")
        self.leave_demo_button = QPushButton("Lập chi bộ của tôi…")
        self.leave_demo_button.clicked.connect(self.leave_demo)
        row.addWidget(label, 1)
        row.addWidget(self.leave_demo_button)
        return box

    def _build_actions(self) -> None:
        menu_file = self.menuBar().addMenu("&Tệp")
        self.new_action = QAction("&Mới", self, shortcut=QKeySequence.StandardKey.New, triggered=self._new)
        self.save_action = QAction("&Lưu", self, shortcut=QKeySequence.StandardKey.Save, triggered=self._save)
        self.search_action = QAction(
            "&Tìm kiếm…", self, shortcut=QKeySequence.StandardKey.Find, triggered=self.open_search
        )
        self.quit_action = QAction("T&hoát", self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        for action in (self.new_action, self.save_action, self.search_action):
            menu_file.addAction(action)
        menu_file.addSeparator()
        menu_file.addAction(self.quit_action)

        menu_view = self.menuBar().addMenu("&Xem")
        self.screen_actions: list[QAction] = []
        for index, (key, label, _) in enumerate(SCREENS, start=1):
            action = QAction(label, self, shortcut=QKeySequence(screen_shortcut(index)))
            action.triggered.connect(lambda _checked=False, k=key: self.show_view(k))
            menu_view.addAction(action)
            self.screen_actions.append(action)
        menu_view.addSeparator()
        group = QActionGroup(self)
        self.font_actions: dict[str, QAction] = {}
        for size in FONT_SIZES:
            action = QAction(FONT_LABELS[size], self, checkable=True)
            action.setChecked(size == self.settings.font_size)
            action.triggered.connect(lambda _checked=False, s=size: self.set_font_size(s))
            group.addAction(action)
            menu_view.addAction(action)
            self.font_actions[size] = action
        self.addActions([self.new_action, self.save_action, self.search_action, self.quit_action, *self.screen_actions])

    def _fit_navigation(self) -> None:
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(label) for _, label, _ in SCREENS)
        self.navigation.setFixedWidth(widest + 60)

    # ------------------------------------------------------------------ screens
    def view(self, key: str) -> View:
        """The screen *key*, built on first use (keeps start-up fast)."""
        if key not in self.views:
            spec = next(target for k, _, target in SCREENS if k == key)
            module_name, class_name = spec.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            view = cls(self.services, self.settings, self)
            view.navigate.connect(self.go_to)
            view.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            view.changed.connect(self._route_change)
            self.stack.addWidget(view)
            self.views[key] = view
        return self.views[key]

    def show_view(self, key: str) -> View:
        row = next(i for i, (k, _, _) in enumerate(SCREENS) if k == key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        return self.views[key]

    def current_view(self) -> View | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, View) else None

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = SCREENS[row][0]
        view = self.view(key)
        self.stack.setCurrentWidget(view)
        if view.stale:
            view.refresh()
        self.new_action.setEnabled(bool(view.new_label))
        self.new_action.setText(f"&Mới: {view.new_label}" if view.new_label else "&Mới")

    def _route_change(self) -> None:
        """A screen wrote: refresh only the screens that show what the services say changed.

        The screen that wrote has shown its own result; the current screen refreshes at once, the others when
        next shown. A rule change reaches every screen (and, through the meetings screen, its open editor).
        A write the services recorded nothing for is taken as a change to everything, as before.
        """
        self.route(self.services.take_changes() or EVERYTHING, self.sender())

    def route(self, change: Change, source: QObject | None = None) -> None:
        for view in self.views.values():
            if view is not source and change.touches(view.shows):
                view.stale = True
        current = self.current_view()
        if current is not None and current is not source and current.stale:
            current.refresh()
        if change.touches({Area.BRANCH}):
            self.setWindowTitle(window_title(self.services, demo=self.demo))

    def go_to(self, kind: str, ref: object) -> None:
        """Show the screen for *kind* and bring *ref* into view."""
        key = SCREEN_FOR.get(kind, kind)
        if not any(k == key for k, _, _ in SCREENS):
            return
        view = self.show_view(key)
        view.show_item(kind, ref)

    # ------------------------------------------------------------------ actions
    def _new(self) -> None:
        view = self.current_view()
        if view is not None and view.new_label:
            view.new_item()

    def _save(self) -> None:
        view = self.current_view()
        if view is not None:
            view.save()

    def open_search(self) -> None:
        from ui.dialogs.search_dialog import SearchDialog

        if self.search_dialog is None:
            dialog = SearchDialog(self.services, self)
            dialog.chosen.connect(self.go_to)
            self.search_dialog = dialog
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.activateWindow()

    def set_font_size(self, size: str) -> None:
        self.settings.font_size = size
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_font_size(app, size)
        self.font_actions[size].setChecked(True)
        self._fit_navigation()

    def refresh_all(self) -> None:
        """Every screen again (after unlocking: the protected fields read differently now)."""
        self.services.take_changes()
        self.route(EVERYTHING)

    def can_leave_all(self) -> bool:
        """Every screen agrees to let go (unsaved work saved or discarded)."""
        return all(view.can_leave() for view in self.views.values())

    def reopen_services(self, sentence: str = "") -> None:
        """After a restore: open the database again and rebuild every screen over it."""
        from app.bootstrap import reopen

        current = self.current_view()
        key = current.key if current is not None else "overview"
        try:
            services = reopen(self.services)
        except AppError as exc:
            prompts.show_error(self, plain_message(exc))
            self.close()
            return
        self._show_services(services, sentence, key)

    def _show_services(self, services: Services, sentence: str, key: str = "overview") -> None:
        """Every screen rebuilt over *services* (a restored file), showing *key*."""
        self.services = services
        for view in list(self.views.values()):
            self.stack.removeWidget(view)
            view.deleteLater()
        self.views.clear()
        if self.search_dialog is not None:
            self.search_dialog.deleteLater()
            self.search_dialog = None
        self.navigation.setCurrentRow(-1)
        self.show_view(key)
        self.setWindowTitle(window_title(self.services, demo=self.demo))
        if sentence:
            self.statusBar().showMessage(sentence, 15000)
            prompts.show_info(self, sentence)
        if self.services.security.locked:  # the restored file has its own program password
            from app.domain.security_messages import UNLOCK_PROMPT

            self.idle_lock.lock(UNLOCK_PROMPT)
        else:
            self.idle_lock.restart()

    def leave_demo(self) -> None:
        """Close the demo branch and set up the user's own branch in the real data file."""
        if self.real_paths is None:
            return
        services = real_branch(self.real_paths, parent=self)
        if services is None:
            return
        window = MainWindow(services, self.settings, demo=False, real_paths=self.real_paths)
        self.successor = window
        window.show()
        self.close()

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_checked:
            for view in self.views.values():
                if not view.can_leave():
                    event.ignore()
                    return
        self._closing_checked = True
        for view in self.views.values():
            view.remember_layout()
        self.settings.save_geometry("main", self)
        self.settings.sync()
        self.idle_lock.stop()
        self.health_timer.stop()
        if self.search_dialog is not None:
            self.search_dialog.close()
        if not self._services_closed:
            self.services.close()
            self._services_closed = True
        event.accept()
