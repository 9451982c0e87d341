"""The window locks itself after the idle time set in Cài đặt → Bảo mật, when a program password is set.

Any key, click or wheel turn restarts the count. Locked, the window shows only the unlock panel: the
screens, the menu and every shortcut are out of reach until the password (or recovery code) is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.domain import security_messages as smsg

if TYPE_CHECKING:  # the window that owns the lock (ui/main_window.py imports this module)
    from app.services.security import SecurityStatus
    from ui.main_window import MainWindow

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockScreen(QWidget):
    def __init__(self, window: MainWindow, prompt: str) -> None:
        from ui.dialogs.unlock_dialog import UnlockPanel  # only once locked: not on the start-up path

        super().__init__()
        self.setObjectName("lockScreen")
        self.panel = UnlockPanel(window.services, prompt)
        title = QLabel(smsg.LOCKED_TITLE)
        title.setObjectName("pageTitle")
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(self.panel)
        column.addStretch(2)
        # Margins, not an alignment flag: an aligned widget is given its one-line size hint, which would
        # squash the wrapped sentences of the panel onto each other.
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(column, 3)
        layout.addStretch(1)


class IdleLock(QObject):
    """Watches the application's input; after ``minutes`` without any, covers *window* with a LockScreen."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.screen: LockScreen | None = None
        self._enabled: dict[QObject, bool] = {}
        self.pages = QStackedWidget()
        central = window.takeCentralWidget()
        self.pages.addWidget(central)
        window.setCentralWidget(self.pages)
        self._watching = False
        self.restart()

    @property
    def locked(self) -> bool:
        return self.screen is not None

    @property
    def watching_input(self) -> bool:
        """Whether input anywhere in the program restarts the count (only with a program password)."""
        return self._watching

    def _status(self) -> SecurityStatus:
        return self.window.services.security.status()

    def restart(self, interval_ms: int | None = None) -> None:
        """Count again from now (after input, or after the idle time was changed in Cài đặt)."""
        if self.locked:
            return
        status = self._status()
        if not status.password_set:
            self.timer.stop()
            self._watch(False)
            return
        self.timer.start(interval_ms if interval_ms is not None else status.idle_minutes * 60_000)
        self._watch(True)

    def _watch(self, on: bool) -> None:
        """Watch the application's input only while there is a password to lock with.

        An application-wide filter sees every event of every object, and PySide6 builds the Python types
        (and their enums) of whatever it is handed: without a password that is start-up time for nothing.
        """
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and not self.locked and self.timer.isActive():
            self.timer.start()  # same interval, from now
        return False

    def lock(self, prompt: str = "") -> None:
        status = self._status()
        if self.locked or not status.password_set:
            return
        self.screen = LockScreen(self.window, prompt or smsg.IDLE_LOCKED.format(minutes=status.idle_minutes))
        self.screen.panel.unlocked.connect(self.unlock)
        self.pages.addWidget(self.screen)
        self.pages.setCurrentWidget(self.screen)
        self._enabled = {action: action.isEnabled() for action in self.window.actions()}
        for action in self._enabled:
            action.setEnabled(False)
        self.window.menuBar().setEnabled(False)
        if self.window.search_dialog is not None:
            self.window.search_dialog.hide()
        self.screen.panel.password.setFocus()

    def unlock(self) -> None:
        if self.screen is None:
            return
        self.pages.setCurrentIndex(0)
        self.pages.removeWidget(self.screen)
        self.screen.deleteLater()
        self.screen = None
        for action, enabled in self._enabled.items():
            action.setEnabled(enabled)
        self.window.menuBar().setEnabled(True)
        self.window.refresh_all()
        self.restart()

    def stop(self) -> None:
        self.timer.stop()
        self._watch(False)
