"""The first window: on screen at once while the data file is opened and the main window is built.

On an office PC (a first start after a reboot, an antivirus reading every file of the program) opening can
take seconds; without a window the secretary would wonder whether the double-click took and start a second
copy. This window names the program and says what it is doing. Password, first-start and restore questions
are asked over it. Once the main window is up, at the same place and size, it goes away.

Deliberately light: only the Qt classes it shows. Not even the ``Qt`` namespace (PySide6 builds its ~100
enums in ~45 ms on the first touch); the alignment is given in the style sheet instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from app import APP_NAME
from ui.settings import FONT_POINTS, UiSettings

OPENING_TEXT = "Đang mở sổ chi bộ…"
GEOMETRY_KEY = "main"  # the main window's own: it opens where the main window will be


class OpeningWindow(QMainWindow):
    def __init__(self, settings: UiSettings) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.label = QLabel(f"{APP_NAME}\n\n{OPENING_TEXT}")
        self.label.setObjectName("opening")
        points = FONT_POINTS[settings.font_size] + 3  # a little larger than the text size the secretary chose
        self.label.setStyleSheet(f"qproperty-alignment: AlignCenter; font-size: {points}pt; color: #333;")
        self.setCentralWidget(self.label)
        if not settings.restore_geometry(GEOMETRY_KEY, self):
            self.resize(1280, 760)
