"""Assign a quarter's topic (or edit an assignment): title from the catalogue, who prepares it, due date, status, meeting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import labels
from app.domain.dates import DateInputError, format_dmy, roman
from app.domain.errors import StaleEditError
from app.domain.meeting_record import MeetingOutline
from app.domain.membership import Member
from app.domain.topic_plan import Assignee, CatalogueTopic, TopicAssignment, TopicStatus
from app.services.topics import TopicService, topic_groups
from ui.errors import plain_message
from ui.style import comfortable_size
from ui.widgets.fields import DateEdit, Form, attempt
from ui.widgets.prompts import button_box


class TopicDialog(QDialog):
    def __init__(
        self,
        service: TopicService,
        *,
        year: int,
        quarter: int,
        members: Sequence[Member],
        never_assigned: Sequence[int],
        catalogue: Sequence[CatalogueTopic],
        meetings: Sequence[MeetingOutline] = (),
        assignment: TopicAssignment | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._assignment = assignment
        self.saved: TopicAssignment | None = None
        self.stale = False  # a save was refused because the assignment changed since the form opened
        self.setWindowTitle("Sửa phân công chuyên đề" if assignment else "Phân công chuyên đề")
        self.setMinimumWidth(640)

        self.form = Form()
        f = self.form
        self.year = f.add("year", "Năm:", QSpinBox())
        self.year.setRange(1990, 2100)
        self.year.setValue(assignment.year if assignment else year)
        self.quarter = f.add("quarter", "Quý:", QComboBox())
        for q in range(1, 5):
            self.quarter.addItem(f"Quý {roman(q)}", q)
        self.quarter.setCurrentIndex((assignment.quarter if assignment else quarter) - 1)
        self.title = f.add("title", "Tên chuyên đề: *", QComboBox())
        self.title.setEditable(True)
        self.title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._catalogue = {t.title: t for t in catalogue}
        self.title.addItems(list(self._catalogue))
        self.title.setCurrentText(assignment.title if assignment else title)
        self.title.lineEdit().setPlaceholderText("Chọn trong danh mục hoặc gõ tên chuyên đề")
        self.group = f.add("group", "Nhóm:", QComboBox())
        self.group.setEditable(True)
        self.group.addItems(["", *topic_groups()])
        self.basis_doc = f.add("basis_doc", "Căn cứ (văn bản):", QLineEdit())
        self.people = f.add("members", "Người chuẩn bị: *", QListWidget())
        self.people.setToolTip("Đánh dấu một hoặc vài đồng chí; người đầu tiên được đánh dấu là người chính.")
        self.people.setMinimumHeight(self.fontMetrics().height() * 8)
        chosen = [p.member_id for p in assignment.assignees] if assignment else []
        fresh = set(never_assigned)
        for member in members:
            label = member.full_name + ("  (chưa từng được phân công)" if member.id in fresh else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if member.id in chosen else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self._lead_id = assignment.lead.member_id if assignment and assignment.lead else None
        self.due = f.add("due", "Hạn nộp đề cương:", DateEdit("due", assignment.draft_due if assignment else None))
        self.note = f.add("note", "Ghi chú:", QLineEdit())
        self.status = QComboBox()
        self.meeting = QComboBox()
        if assignment is not None:
            self.group.setCurrentText(assignment.group)
            self.basis_doc.setText(assignment.basis_doc)
            self.note.setText(assignment.note)
            f.add("status", "Tình trạng:", self.status)
            for status in TopicStatus:
                self.status.addItem(labels.TOPIC_STATUS[status], status.value)
            self.status.setCurrentIndex(self.status.findData(assignment.status.value))
            f.add("meeting", "Đã trình bày tại buổi:", self.meeting)
            self.meeting.addItem("— chưa trình bày —", None)
            for m in meetings:
                self.meeting.addItem(f"{labels.MEETING_KIND[m.kind]} ngày {format_dmy(m.on)}", m.id)
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(assignment.meeting_id)))
        self.title.currentTextChanged.connect(self._catalogue_chosen)
        self._catalogue_chosen(self.title.currentText())

        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = button_box(QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        comfortable_size(self, 100, 30)

    def _catalogue_chosen(self, title: str) -> None:
        topic = self._catalogue.get(title)
        if topic is not None and self._assignment is None:
            self.group.setCurrentText(topic.group)
            self.basis_doc.setText(topic.basis_doc)

    def check_members(self, member_ids: Sequence[int]) -> None:
        for i in range(self.people.count()):
            item = self.people.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in member_ids else Qt.CheckState.Unchecked
            )

    def checked_ids(self) -> list[int]:
        return [
            int(self.people.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        try:
            due: date | None = self.due.value()
        except DateInputError as exc:
            self.form.show_errors({"due": exc.code})
            return
        ids = self.checked_ids()
        lead = self._lead_id if self._lead_id in ids else (ids[0] if ids else None)

        def store() -> TopicAssignment:
            if self._assignment is None:
                return self._service.assign(
                    self.year.value(),
                    int(self.quarter.currentData()),
                    self.title.currentText(),
                    ids,
                    lead_id=lead,
                    due=due,
                    group=self.group.currentText(),
                    basis_doc=self.basis_doc.text(),
                    note=self.note.text(),
                )
            else:
                meeting_id = self.meeting.currentData()
                status = TopicStatus(self.status.currentData())
                if meeting_id is not None and not status.reached_meeting:
                    status = TopicStatus.PRESENTED
                return self._service.update(
                    replace(
                        self._assignment,
                        year=self.year.value(),
                        quarter=int(self.quarter.currentData()),
                        title=self.title.currentText(),
                        group=self.group.currentText(),
                        basis_doc=self.basis_doc.text(),
                        assignees=tuple(Assignee(i, "", i == lead) for i in ids),
                        draft_due=due,
                        note=self.note.text(),
                        status=status,
                        meeting_id=meeting_id if isinstance(meeting_id, int) else None,
                    )
                )

        refused: list[StaleEditError] = []

        def store_unless_stale() -> TopicAssignment | None:
            try:
                return store()
            except StaleEditError as exc:
                refused.append(exc)
                return None

        self.saved = attempt(self.form, self.error, store_unless_stale)
        if refused:
            self._show_stored(refused[0])
        elif self.saved is not None:
            self.accept()

    def _show_stored(self, exc: StaleEditError) -> None:
        """Refused as stale: nothing was written; the form now shows the assignment as stored, to edit again."""
        current = exc.current
        assert isinstance(current, TopicAssignment)
        self.stale = True
        self._assignment = current
        self.form.clear_errors()
        self.year.setValue(current.year)
        self.quarter.setCurrentIndex(current.quarter - 1)
        self.title.setCurrentText(current.title)
        self.group.setCurrentText(current.group)
        self.basis_doc.setText(current.basis_doc)
        self.note.setText(current.note)
        self.due.set_value(current.draft_due)
        self.status.setCurrentIndex(self.status.findData(current.status.value))
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(current.meeting_id)))
        chosen = {p.member_id for p in current.assignees}
        for row in range(self.people.count()):
            item = self.people.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._lead_id = current.lead.member_id if current.lead else None
        self.error.setText(plain_message(exc))
        self.error.show()
