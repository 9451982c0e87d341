"""The meeting editor: general facts, attendance, content, opinions, conclusion; autosave, adopt (locks), exports.

Saving and adopting are MeetingService calls; the editor never decides what is allowed. While typing,
the form is kept as a draft every few seconds (DraftService), so a crash loses at most
those seconds; Lưu (Ctrl+S) stores the meeting itself.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.bootstrap import Services
from app.domain import error_text, labels
from app.domain.attendance import visiting_ids
from app.domain.dates import format_dmy
from app.domain.errors import AppError, StaleEditError, ValidationError
from app.domain.meeting_record import Meeting, MeetingKind
from ui.errors import plain_message
from ui.style import mark_locked, set_level
from ui.widgets import prompts
from ui.widgets.attendance_grid import AttendanceGrid
from ui.widgets.meeting_tabs import ConclusionPage, ContentPage, GeneralPage, OpinionsPage

AUTOSAVE_MS = 3000
FORM_FIELDS = ("kind", "on", "start", "end", "place", "form", "title")


def locked_sentence(meeting: Meeting) -> str:
    """What adopted minutes say above their (read-only) pages: why nothing can be typed, and the way to correct."""
    text = (
        f"Biên bản đã được thông qua ngày {format_dmy(meeting.adopted_on)} nên đã khóa: chỉ xem, không sửa trực tiếp. "
        "Muốn sửa một chỗ, bấm “Đính chính…” và ghi ngày, lý do, nội dung đính chính; bản gốc được giữ nguyên."
    )
    if meeting.corrections:
        done = "; ".join(f"ngày {format_dmy(c.on)}: {c.reason}" for c in meeting.corrections)
        text += f" Đã có {len(meeting.corrections)} bản đính chính ({done})."
    return text


class MeetingEditor(QWidget):
    back = Signal()
    saved = Signal(object)
    status = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.meeting: Meeting | None = None
        self.dirty = False
        self._loading = False
        self.members = services.members.all()

        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        self.back_button = QPushButton("← Danh sách")
        self.save_button = QPushButton("Lưu")
        self.save_button.setToolTip("Ctrl+S")
        self.adopt_button = QPushButton("Thông qua biên bản…")
        self.correction_button = QPushButton("Đính chính…")
        self.minutes_button = QPushButton("Xuất biên bản…")
        self.resolution_button = QPushButton("Xuất nghị quyết…")
        self.delete_button = QPushButton("Xóa bản nháp")
        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("hint")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.general = GeneralPage()
        self.attendance = AttendanceGrid(lambda: services.branch.rules)
        self.content = ContentPage()
        self.opinions = OpinionsPage()
        self.conclusion = ConclusionPage(self._default_vote_base)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, "&1. Thông tin chung")
        self.tabs.addTab(self.attendance, "&2. Điểm danh")
        self.tabs.addTab(self.content, "&3. Nội dung")
        self.tabs.addTab(self.opinions, "&4. Ý kiến phát biểu")
        self.tabs.addTab(self.conclusion, "&5. Kết luận, biểu quyết")
        self._set_members(self.members)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        actions = QHBoxLayout()
        for button in (
            self.save_button,
            self.adopt_button,
            self.correction_button,
            self.minutes_button,
            self.resolution_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.autosave_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        for page in (self.general, self.content, self.opinions, self.conclusion):
            page.changed.connect(self._changed)
        self.attendance.model.edited.connect(self._changed)
        self.general.date_changed.connect(self._date_changed)
        self.general.kind_changed.connect(self._kind_changed)
        self.back_button.clicked.connect(self.back)
        self.save_button.clicked.connect(self.save)
        self.adopt_button.clicked.connect(self.adopt)
        self.correction_button.clicked.connect(self.add_correction)
        self.minutes_button.clicked.connect(lambda: self.export("minutes"))
        self.resolution_button.clicked.connect(lambda: self.export("resolution"))
        self.delete_button.clicked.connect(self.delete_draft)
        for button in (self.adopt_button, self.correction_button, self.delete_button):
            button.hide()  # shown by load() for the meeting's state; never all at once

    # ------------------------------------------------------------------ loading
    def _set_members(self, members: list) -> None:  # type: ignore[type-arg]
        self.general.set_members(members)
        self.content.set_members(members)
        self.opinions.members = members
        self.conclusion.members = members

    def load(self, meeting: Meeting) -> None:
        self._loading = True
        self.members = self.services.members.all()
        self._set_members(self.members)
        self.meeting = meeting
        for page in (self.general, self.content, self.opinions, self.conclusion):
            page.load(meeting)  # type: ignore[attr-defined]
        self.attendance.set_rows(meeting.attendance, self._visiting(meeting))
        self._loading = False
        self.dirty = False
        self.autosave_label.clear()
        self._apply_lock_state()
        self.tabs.setCurrentIndex(0)

    def _visiting(self, meeting: Meeting) -> frozenset[int]:
        return visiting_ids(self.members, meeting.on)

    def _apply_lock_state(self) -> None:
        meeting = self.meeting
        assert meeting is not None
        editable = meeting.is_editable
        for page in (self.general, self.content, self.opinions, self.conclusion):
            page.set_read_only(not editable)
        self.attendance.set_read_only(not editable)
        self.save_button.setVisible(editable)
        self.adopt_button.setVisible(editable and meeting.id is not None)
        self.delete_button.setVisible(editable and meeting.id is not None)
        self.correction_button.setVisible(not editable)
        exports_ok = meeting.id is not None
        self.minutes_button.setEnabled(exports_ok)
        self.resolution_button.setEnabled(exports_ok)
        kind = labels.MEETING_KIND[meeting.kind]
        state = labels.MEETING_STATUS[meeting.status]
        new = " (chưa lưu)" if meeting.id is None else ""
        locked = "" if editable else " (chỉ xem)"
        self.heading.setText(f"{kind} ngày {format_dmy(meeting.on)} — {state}{locked}{new}")
        mark_locked(self.tabs, not editable)
        if editable:
            self.banner.hide()
        else:
            self._show_banner("warning", locked_sentence(meeting))

    # ------------------------------------------------------------------ building the meeting from the form
    def build(self) -> Meeting:
        """The meeting as the form shows it. Raises ValidationError for dates and times that cannot be read."""
        assert self.meeting is not None
        errors: dict[str, str] = {}
        meeting = self.general.apply(self.meeting, errors)
        if errors:
            raise ValidationError(errors)
        meeting = self.content.apply(meeting)
        meeting = self.opinions.apply(meeting)
        meeting = self.conclusion.apply(meeting)
        return replace(meeting, attendance=self.attendance.model.rows())

    def _default_vote_base(self) -> int:
        """A vote's base: the full members counted by the rule (probationary members never vote)."""
        return self.attendance.summary().vote_base

    # ------------------------------------------------------------------ changes and autosave
    def _changed(self) -> None:
        if self._loading or self.meeting is None or not self.meeting.is_editable:
            return
        self.dirty = True
        self._autosave.start()
        self.autosave_label.setText("Có thay đổi chưa lưu…")

    def _date_changed(self) -> None:
        """A new date may change who is on the roll: rebuild the rows, keeping codes already set."""
        if self.meeting is None or not self.meeting.is_editable:
            return
        try:
            day = self.general.on.value()
        except ValueError:  # DateInputError: the field shows its own sentence
            return
        if day is None or day == self.meeting.on:
            return
        fresh = self.services.meetings.prepare(self.meeting.kind, day)
        kept = {row.member_id: row for row in self.attendance.model.rows()}
        rows = tuple(kept.get(row.member_id, row) for row in fresh.attendance)
        self.meeting = replace(self.meeting, on=day)
        self.attendance.set_rows(rows, self._visiting(self.meeting))
        self._changed()

    def _kind_changed(self) -> None:
        """A new kind brings its agenda template, unless the secretary already wrote content."""
        if self._loading or self.meeting is None or not self.meeting.is_editable:
            return
        kind = MeetingKind(self.general.kind.currentData())
        template_before = self.services.meetings.agenda_for(self.meeting.kind, self.meeting.on)
        typed_agenda = tuple(x.strip() for x in self.general.agenda.toPlainText().splitlines() if x.strip())
        untouched = typed_agenda in ((), template_before) and not any(
            s.body.strip() for s in self.content.sections.values()
        )
        fresh = self.services.meetings.prepare(kind, self.meeting.on)
        self._loading = True
        if untouched:
            self.general.agenda.setPlainText("\n".join(fresh.agenda))
            self.content.sections.set_values(list(fresh.sections))
        self.content.combined = kind is MeetingKind.COMBINED
        self.content.thematic_box.setVisible(kind.counts_as_thematic)
        self.opinions.combined = kind is MeetingKind.COMBINED
        combined = kind is MeetingKind.COMBINED
        self.conclusion.thematic_label.setVisible(combined)
        self.conclusion.thematic_conclusion.setVisible(combined)
        self._loading = False
        self.meeting = replace(self.meeting, kind=kind)
        self._changed()

    def autosave(self) -> None:
        """Keep what is typed as a draft (DraftService); Lưu stores the meeting itself."""
        if not self.dirty or self.meeting is None or not self.meeting.is_editable:
            return
        try:
            self.services.drafts.save_meeting(self.build())
        except ValidationError:
            # No sentences while the user types: they appear on leaving the field or on saving, and a form
            # that grew red lines every 3 s moved the fields under the cursor.
            self.autosave_label.setText("Chưa tự lưu được: có ô ghi chưa đúng, hãy xem lại trước khi lưu.")
            return
        except AppError as exc:
            self.autosave_label.setText(f"Chưa tự lưu được: {plain_message(exc)}")
            return
        self.autosave_label.setText(f"Đã tự lưu lúc {datetime.now():%H:%M:%S}")

    # ------------------------------------------------------------------ saving, adopting, deleting
    def _store(self, meeting: Meeting) -> Meeting:
        stored = self.services.meetings.save(meeting)
        self.services.drafts.discard(f"meeting:{stored.id}")
        if meeting.id is None:
            self.services.drafts.discard("meeting:new")
        self.meeting = stored
        self.dirty = False
        self._autosave.stop()
        self.saved.emit(stored)
        return stored

    def save(self) -> bool:
        """Ctrl+S: store the meeting. Returns False (and shows why) when it was refused."""
        if self.meeting is None:
            return False
        if not self.meeting.is_editable:
            self._show_banner("alert", error_text.ERROR["meeting_locked"])
            return False
        try:
            meeting = self.build()
            self._store(meeting)
        except ValidationError as exc:
            placed = {k: v for k, v in exc.field_errors.items() if k in FORM_FIELDS}
            self.general.form.show_errors(placed)
            if placed:
                self.tabs.setCurrentIndex(0)
            self._show_banner("alert", "Chưa lưu được. " + error_text.describe(exc))
            return False
        except StaleEditError as exc:  # saved elsewhere since it was opened: show what is stored, write nothing
            assert isinstance(exc.current, Meeting)
            self.load(exc.current)
            self._show_banner("alert", plain_message(exc))
            return False
        except AppError as exc:
            self._show_banner("alert", plain_message(exc))
            return False
        self.banner.hide()
        self.general.form.clear_errors()
        self._apply_lock_state()
        self.autosave_label.setText(f"Đã lưu lúc {datetime.now():%H:%M:%S}")
        self.status.emit("Đã lưu buổi sinh hoạt.")
        return True

    def adopt(self) -> None:
        if self.meeting is None or not self.meeting.is_editable:
            return
        if (self.dirty or self.meeting.id is None) and not self.save():
            return
        question = (
            "Thông qua biên bản? Sau khi thông qua, nội dung biên bản được khóa lại, không sửa được nữa; "
            "muốn sửa chỉ có thể lập bản đính chính có ghi lý do."
        )
        if not prompts.ask_yes_no(self, question, yes="Thông qua", no="Chưa"):
            return
        assert self.meeting.id is not None
        try:
            adopted = self.services.meetings.adopt(self.meeting.id)
        except AppError as exc:
            self._show_banner("alert", plain_message(exc))
            return
        self.load(adopted)
        self.saved.emit(adopted)
        self.status.emit("Đã thông qua biên bản. Nội dung đã được khóa.")

    def add_correction(self) -> None:
        from ui.dialogs.correction_dialog import CorrectionDialog

        if self.meeting is None or self.meeting.id is None:
            return
        dialog = CorrectionDialog(self.services.meetings, self.meeting.id, self)
        if dialog.exec() and dialog.saved is not None:
            self.load(dialog.saved)
            self.saved.emit(dialog.saved)
            self.status.emit("Đã lưu bản đính chính.")

    def delete_draft(self) -> None:
        if self.meeting is None or self.meeting.id is None or not self.meeting.is_editable:
            return
        if not prompts.ask_yes_no(self, "Xóa hẳn bản nháp buổi sinh hoạt này?", yes="Xóa", no="Không xóa"):
            return
        try:
            self.services.meetings.delete_draft(self.meeting.id)
        except AppError as exc:
            self._show_banner("alert", plain_message(exc))
            return
        self.services.drafts.discard(f"meeting:{self.meeting.id}")
        self.dirty = False
        self.meeting = None
        self.saved.emit(None)
        self.back.emit()

    def export(self, which: str) -> None:
        from ui.exports import export_meeting_document

        if self.meeting is None or self.meeting.id is None:
            return
        if self.dirty and not self.save():
            return
        export_meeting_document(self, self.services, self.meeting, which, self.status.emit)

    # ------------------------------------------------------------------ leaving
    def can_leave(self) -> bool:
        """Asks about unsaved changes; False means stay."""
        if not self.dirty or self.meeting is None or not self.meeting.is_editable:
            return True
        answer = prompts.ask_save_changes(self, "Buổi sinh hoạt có thay đổi chưa lưu. Có lưu lại không?")
        if answer == "cancel":
            return False
        if answer == "save":
            return self.save()
        self.services.drafts.discard(f"meeting:{self.meeting.id if self.meeting.id is not None else 'new'}")
        self.dirty = False
        self._autosave.stop()
        return True

    def _show_banner(self, level: str, text: str) -> None:
        self.banner.setText(text)
        set_level(self.banner, level)
        self.banner.show()
        self.banner.setAlignment(Qt.AlignmentFlag.AlignLeft)
