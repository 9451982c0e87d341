"""Attendance over the last twelve months as bars, drawn with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain import vntext

GOOD = QColor("#2e7d32")
LOW = QColor("#c77700")
BAD = QColor("#a40000")
EMPTY = QColor("#9e9e9e")


@dataclass(frozen=True, slots=True)
class MonthBar:
    label: str  # "11", or "1/2026" where the year changes
    pct: float | None  # None: no meeting that month
    level: str = "ok"  # app.domain.attendance.attendance_level: the bar's colour; the chart judges nothing


COLOUR = {"ok": GOOD, "warning": LOW, "alert": BAD}


class AttendanceChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[MonthBar] = []
        self.warning_below = 90.0  # where the dashed line is drawn
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: Sequence[MonthBar], warning_below: float) -> None:
        self.bars = list(bars)
        self.warning_below = warning_below
        text = "; ".join(f"{b.label}: {vntext.percent(b.pct) if b.pct is not None else 'không họp'}" for b in self.bars)
        self.setToolTip("Tỷ lệ dự sinh hoạt từng tháng. " + text)
        self.setAccessibleDescription(text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 2, 8))
        left = metrics.horizontalAdvance("100%") + 10
        bottom = metrics.height() + 8
        top = metrics.height() // 2 + 4
        area = QRectF(left, top, max(self.width() - left - 8, 10), max(self.height() - top - bottom, 10))

        def y_for(pct: float) -> float:
            return area.bottom() - area.height() * max(0.0, min(pct, 100.0)) / 100.0

        painter.setPen(QPen(QColor("#bdbdbd"), 1))
        for pct in (0, 50, 100):
            y = y_for(pct)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{pct}%",
            )
        painter.setPen(QPen(GOOD, 1, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(area.left(), y_for(self.warning_below)), QPointF(area.right(), y_for(self.warning_below))
        )
        if not self.bars:
            painter.setPen(QColor("#555555"))
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), "Chưa có buổi sinh hoạt nào.")
            return
        slot = area.width() / len(self.bars)
        width = slot * 0.6
        painter.setFont(small)
        for i, bar in enumerate(self.bars):
            x = area.left() + i * slot + (slot - width) / 2
            # Twice the slot: a "1/2026" label may reach over its short neighbours ("12", "2").
            label_rect = QRectF(area.left() + (i - 0.5) * slot, area.bottom() + 4, 2 * slot, bottom)
            painter.setPen(QColor("#333333"))
            painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), bar.label)
            if bar.pct is None:
                painter.setPen(QPen(EMPTY, 1, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(x, area.bottom() - 1), QPointF(x + width, area.bottom() - 1))
                continue
            colour = COLOUR.get(bar.level, GOOD)
            rect = QRectF(x, y_for(bar.pct), width, area.bottom() - y_for(bar.pct))
            painter.fillRect(rect, colour)
        painter.end()
