"""The year at a glance: twelve months in four quarter rows, coloured by the rule checks; a click opens the month."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from app.domain.dates import roman

#: state -> (background, text colour, sentence)
STATES = {
    "held": ("#dff6dd", "#0e5c0e", "Đã sinh hoạt"),
    "missing": ("#fde7e9", "#a40000", "Thiếu"),
    "pending": ("#f3f3f3", "#333333", "Chưa đến"),
    "thematic_done": ("#dff6dd", "#0e5c0e", "Có chuyên đề"),
    "thematic_missing": ("#fde7e9", "#a40000", "Thiếu chuyên đề"),
    "thematic_pending": ("#f3f3f3", "#333333", "Chưa có"),
}
#: Longer sentences for tooltips and screen readers.
SENTENCES = {
    "held": "đã có buổi sinh hoạt thường kỳ",
    "missing": "thiếu buổi sinh hoạt thường kỳ",
    "pending": "chưa đến hạn",
    "thematic_done": "đã có buổi sinh hoạt chuyên đề",
    "thematic_missing": "thiếu buổi sinh hoạt chuyên đề",
    "thematic_pending": "chưa có buổi sinh hoạt chuyên đề",
}


@dataclass(frozen=True, slots=True)
class MonthState:
    month: int
    state: str  # held | missing | pending
    meetings: int = 0
    drafts: int = 0


class YearCalendar(QWidget):
    """``month_clicked("2026-03")`` and ``quarter_clicked("2026-Q1")`` when a cell is chosen (mouse or keyboard)."""

    month_clicked = Signal(str)
    quarter_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = 0
        self.grid = QGridLayout(self)
        self.grid.setSpacing(6)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.month_buttons: dict[int, QPushButton] = {}
        self.quarter_buttons: dict[int, QPushButton] = {}
        for q in range(1, 5):
            for i in range(3):
                month = 3 * (q - 1) + i + 1
                button = self._cell()
                button.clicked.connect(lambda _c=False, m=month: self.month_clicked.emit(f"{self.year}-{m:02d}"))
                self.grid.addWidget(button, q - 1, i)
                self.month_buttons[month] = button
            qbutton = self._cell()
            qbutton.clicked.connect(lambda _c=False, n=q: self.quarter_clicked.emit(f"{self.year}-Q{n}"))
            self.grid.addWidget(qbutton, q - 1, 3)
            self.quarter_buttons[q] = qbutton
        for column in range(4):
            self.grid.setColumnStretch(column, 1)

    @staticmethod
    def _cell() -> QPushButton:
        button = QPushButton()
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def set_year(self, year: int, months: Iterable[MonthState], quarters: dict[int, str]) -> None:
        self.year = year
        for state in months:
            button = self.month_buttons[state.month]
            background, colour, short = STATES[state.state]
            detail = f"{short}\n{state.drafts} bản nháp" if state.drafts else short
            button.setText(f"Tháng {state.month}\n{detail}")
            button.setToolTip(
                f"Tháng {state.month}/{year}: {SENTENCES[state.state]}. Bấm để xem các buổi sinh hoạt của tháng."
            )
            button.setAccessibleName(f"Tháng {state.month}: {SENTENCES[state.state]}")
            button.setStyleSheet(_cell_style(background, colour))
            button.setProperty("state", state.state)
        for q, state in quarters.items():
            button = self.quarter_buttons[q]
            background, colour, short = STATES[state]
            button.setText(f"Quý {roman(q)}\n{short}")
            button.setToolTip(f"Quý {roman(q)}/{year}: {SENTENCES[state]}. Bấm để xem chuyên đề của quý.")
            button.setAccessibleName(f"Quý {roman(q)}: {SENTENCES[state]}")
            button.setStyleSheet(_cell_style(background, colour))
            button.setProperty("state", state)


def _cell_style(background: str, colour: str) -> str:
    return (
        f"QPushButton {{ background: {background}; color: {colour}; border: 1px solid #c8c8c8; "
        f"border-radius: 4px; padding: 6px; text-align: center; }}"
        f"QPushButton:focus {{ border: 2px solid #1f5fa8; }}"
    )
