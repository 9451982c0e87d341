"""What every screen offers the main window: refresh, the Ctrl+N / Ctrl+S actions, navigation and closing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.bootstrap import Services
from app.domain.changes import Area
from ui.settings import UiSettings

if TYPE_CHECKING:
    from ui.idle_lock import IdleLock


@runtime_checkable
class WindowHost(Protocol):
    """What a screen may ask of the window it sits in (ui/main_window.py). A screen built on its own has none."""

    idle_lock: IdleLock

    def can_leave_all(self) -> bool:
        """False when a screen with unsaved work was asked and the user chose to stay."""
        ...

    def reopen_services(self, sentence: str = "") -> None:
        """Open the data file again (after a restore) and rebuild every screen over it."""
        ...

    def set_font_size(self, size: str) -> None:
        """Apply and remember the text size, for every screen."""
        ...


class View(QWidget):
    """A screen of the main window. Subclasses override what they support."""

    #: Ask the main window to show something elsewhere: ("member" | "meeting" | "topic" | "period" | view key, id or key)
    navigate = Signal(str, object)
    #: A short sentence for the status bar.
    status = Signal(str)
    #: Data changed here: the window takes the services' Change and marks stale the screens that show it.
    changed = Signal()

    key = ""
    title = ""
    #: The areas this screen shows (app.domain.changes): a change elsewhere touching none of them leaves it be.
    shows: frozenset[Area] = frozenset()
    new_label = ""  # what Ctrl+N creates here; "" = nothing

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.stale = True
        self.host: WindowHost | None = parent if isinstance(parent, WindowHost) else None

    def refresh(self) -> None:
        """Reload from the services."""
        self.stale = False

    def new_item(self) -> None:
        """Ctrl+N."""

    def save(self) -> None:
        """Ctrl+S."""

    def show_item(self, kind: str, ref: object) -> None:
        """Bring *ref* (a member id, meeting id, …) into view."""

    def can_leave(self) -> bool:
        """False when the user chose to stay (unsaved work); True otherwise."""
        return True

    def remember_layout(self) -> None:
        """Store splitter positions before the window closes."""

    @staticmethod
    def page_title(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("pageTitle")
        return label

    @staticmethod
    def section_title(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        label.setWordWrap(True)
        return label

    @staticmethod
    def fill_years(combo: QComboBox, years: Iterable[int], default: int) -> None:
        """Newest year first; keep the chosen year if it is still offered. No change signal is emitted."""
        current = combo.currentData() or default
        combo.blockSignals(True)
        combo.clear()
        for y in sorted(set(years), reverse=True):
            combo.addItem(str(y), y)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
