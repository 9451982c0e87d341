"""Global search (Ctrl+F) over members, meetings and topics; matched words highlighted; Enter opens the result."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.bootstrap import Services
from app.domain.search_hit import SearchHit
from ui.style import comfortable_size

KIND_LABEL = {"member": "Đảng viên", "meeting": "Sinh hoạt", "topic": "Chuyên đề"}
HIGHLIGHT = '<span style="background:#ffe07a;font-weight:bold">'


def highlighted(snippet: str) -> str:
    """The service marks matches as [word]; show them highlighted, everything else escaped."""
    out, inside = [], False
    for char in snippet:
        if char == "[" and not inside:
            out.append(HIGHLIGHT)
            inside = True
        elif char == "]" and inside:
            out.append("</span>")
            inside = False
        else:
            out.append(html.escape(char))
    if inside:
        out.append("</span>")
    return "".join(out)


class SearchDialog(QDialog):
    """Non-modal. ``chosen(kind, id)`` asks the main window to show the result."""

    chosen = Signal(str, object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.hits: list[SearchHit] = []
        self.setWindowTitle("Tìm kiếm")
        self.setMinimumSize(640, 460)
        self.query = QLineEdit()
        self.query.setPlaceholderText("Gõ tên đảng viên, nội dung biên bản, tên chuyên đề… (không cần dấu)")
        self.query.setClearButtonEnabled(True)
        self.summary = QLabel("Gõ ít nhất 2 chữ cái để tìm.")
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setSpacing(2)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.installEventFilter(self)
        self.results.itemActivated.connect(self._open)
        comfortable_size(self, 90, 26)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow or Enter in the search box moves into the results: no mouse needed.
        moves = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in moves
        ):
            if self._timer.isActive():
                self.run_search()
            if self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().showEvent(event)
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        self.results.clear()
        self.hits = []
        if len(text) < 2:
            self.summary.setText("Gõ ít nhất 2 chữ cái để tìm.")
            return
        self.hits = self._services.search.search(text, limit=50)
        self.summary.setText(f"Tìm thấy {len(self.hits)} kết quả." if self.hits else "Không tìm thấy kết quả nào.")
        for hit in self.hits:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, (hit.kind, hit.id))
            label = QLabel(
                f"<b>{html.escape(KIND_LABEL.get(hit.kind, hit.kind))}: {html.escape(hit.title)}</b><br>"
                f"{highlighted(hit.snippet)}"
            )
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(6, 4, 6, 4)
            item.setText("")
            item.setToolTip(hit.title)
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each result as tall as its wrapped text at the list's current width."""
        width = max(self.results.viewport().width() - 8, 200)
        for row in range(self.results.count()):
            item = self.results.item(row)
            label = self.results.itemWidget(item)
            if label is not None:
                item.setSizeHint(QSize(width, label.heightForWidth(width) + 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _open(self, item: QListWidgetItem) -> None:
        kind, ref = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.emit(kind, ref)
        self.hide()
