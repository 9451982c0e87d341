"""The running numbers (STT) down the left of a long table, sized once per font and digit count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget


class RowNumberHeader(QHeaderView):
    """The running numbers (STT) down the left of the table, sized once per font and digit count.

    Qt's own header measures ~200 sections through headerData() each time the filter changes the rows (up to
    15 ms of a keystroke at 5,000 members); the widest number only changes with the font or a new digit.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._digits = 1
        self._hint: QSize | None = None
        self._fit_font()

    def fit_rows(self, rows: int) -> None:
        """Make room for numbers up to *rows* (the whole roll, so the column keeps its width while filtering)."""
        digits = len(str(max(rows, 1)))
        if digits != self._digits:
            self._digits = digits
            self._remeasure()

    def sizeHint(self) -> QSize:
        if self._hint is None:
            option = QStyleOptionHeader()
            self.initStyleOption(option)
            option.section = 0
            widest = max("0123456789", key=self.fontMetrics().horizontalAdvance)
            option.text = widest * max(self._digits, 2)
            # the style (and the stylesheet's bold, padded ::section) measures it as Qt's own header would
            size = self.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), self)
            hint = QSize(size.width(), self.defaultSectionSize())
            if not self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                return hint  # the stylesheet applies from the first show: measure again then
            self._hint = hint
        return QSize(self._hint)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_font()

    def _fit_font(self) -> None:
        self.setDefaultSectionSize(self.fontMetrics().height() + 12)  # same row height as before, any font size
        self._remeasure()

    def _remeasure(self) -> None:
        self._hint = None
        self.geometriesChanged.emit()  # the table re-reads sizeHint() and moves its viewport
