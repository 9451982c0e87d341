"""The pages of the meeting editor (general, content, opinions, conclusion). Each loads from and applies to a Meeting.

Reading typed dates and times may fail: ``apply`` collects field -> code errors instead of raising halfway.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from app.domain import labels
from app.domain.dates import DateInputError
from app.domain.meeting_record import Guest, Meeting, MeetingForm, MeetingKind
from app.domain.membership import Member
from ui.widgets.fields import DateEdit, Form, TimeEdit
from ui.widgets.member_picker import MemberPicker
from ui.widgets.row_editors import OpinionRow, RowList, SectionRow, TaskRow, VoteRow, connect_changes, text_box


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    label.setWordWrap(True)
    return label


def parse_guests(text: str) -> tuple[Guest, ...]:
    """One guest per line: "Họ tên — chức vụ — đơn vị" (also with "-" or ",")."""
    guests = []
    for line in text.splitlines():
        if not line.strip():
            continue
        for sep in ("—", " - ", ","):
            if sep in line:
                parts = [p.strip() for p in line.split(sep)]
                break
        else:
            parts = [line.strip()]
        parts += ["", ""]
        guests.append(Guest(parts[0], parts[1], parts[2]))
    return tuple(guests)


def format_guests(guests: Sequence[Guest]) -> str:
    return "\n".join(" — ".join(p for p in (g.name, g.title, g.unit) if p) for g in guests)


class Page(QWidget):
    changed = Signal()

    def watch(self, *widgets: QWidget) -> None:
        connect_changes(self.changed, *widgets)

    def set_read_only(self, read_only: bool) -> None:
        for child in self.findChildren(QWidget):
            if isinstance(child, QLineEdit | QPlainTextEdit):
                child.setReadOnly(read_only)
            elif isinstance(child, QComboBox):
                child.setEnabled(not read_only)
            elif isinstance(child, RowList):
                child.set_read_only(read_only)


class GeneralPage(Page):
    kind_changed = Signal()
    date_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.form = Form()
        f = self.form
        self.kind = f.add("kind", "Loại sinh hoạt:", QComboBox())
        for kind in MeetingKind:
            self.kind.addItem(labels.MEETING_KIND[kind], kind.value)
        self.on = f.add("on", "Ngày sinh hoạt: *", DateEdit("on"))
        self.start = f.add("start", "Giờ bắt đầu:", TimeEdit("start"))
        self.end = f.add("end", "Giờ kết thúc:", TimeEdit("end"))
        self.place = f.add("place", "Địa điểm:", QLineEdit())
        self.form_kind = f.add("form", "Hình thức:", QComboBox())
        for form in MeetingForm:
            self.form_kind.addItem(labels.MEETING_FORM[form], form.value)
        self.title = f.add("title", "Chủ đề, tên chuyên đề:", QLineEdit())
        self.presider = f.add("presider", "Chủ trì:", MemberPicker())
        self.recorder = f.add("recorder", "Thư ký ghi biên bản:", MemberPicker())
        self.guests = f.add("guests", "Khách mời:", text_box(2), "Mỗi dòng một người: Họ tên — chức vụ — đơn vị.")
        self.guests.setMaximumHeight(self.guests.minimumHeight() + 20)
        self.agenda = f.add("agenda", "Chương trình:", text_box(5), "Mỗi dòng một nội dung.")
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(self.form))
        self.watch(self.place, self.title, self.presider, self.recorder, self.guests, self.agenda, self.form_kind)
        self.start.textEdited.connect(self.changed)
        self.end.textEdited.connect(self.changed)
        self.on.textEdited.connect(self.changed)
        self.kind.currentIndexChanged.connect(lambda _i: self.kind_changed.emit())
        self.on.editingFinished.connect(self.date_changed)

    def set_members(self, members: Sequence[Member]) -> None:
        self.presider.set_members(members)
        self.recorder.set_members(members)

    def load(self, m: Meeting) -> None:
        self.kind.setCurrentIndex(self.kind.findData(m.kind.value))
        self.on.set_value(m.on)
        self.start.set_value(m.start)
        self.end.set_value(m.end)
        self.place.setText(m.place)
        self.form_kind.setCurrentIndex(self.form_kind.findData(m.form.value))
        self.title.setText(m.title)
        self.presider.set_member(m.presider_id, m.presider_name)
        self.recorder.set_member(m.recorder_id, m.recorder_name)
        self.guests.setPlainText(format_guests(m.guests))
        self.agenda.setPlainText("\n".join(m.agenda))
        self.form.clear_errors()

    def apply(self, m: Meeting, errors: dict[str, str]) -> Meeting:
        values: dict[str, object] = {}
        for name, editor in (("on", self.on), ("start", self.start), ("end", self.end)):
            try:
                values[name] = editor.value()
            except DateInputError as exc:
                errors[name] = "time_format" if name != "on" and exc.code == "format" else exc.code
        if "on" not in errors and values.get("on") is None:
            errors["on"] = "required"
        if errors:
            return m
        return replace(
            m,
            kind=MeetingKind(self.kind.currentData()),
            on=values["on"],  # type: ignore[arg-type]
            start=values["start"],  # type: ignore[arg-type]
            end=values["end"],  # type: ignore[arg-type]
            place=self.place.text(),
            form=MeetingForm(self.form_kind.currentData()),
            title=self.title.text(),
            presider_id=self.presider.member_id(),
            presider_name=self.presider.name(),
            recorder_id=self.recorder.member_id(),
            recorder_name=self.recorder.name(),
            guests=parse_guests(self.guests.toPlainText()),
            agenda=tuple(line.strip() for line in self.agenda.toPlainText().splitlines() if line.strip()),
        )


class ContentPage(Page):
    """The numbered content sections; for thematic parts, who presented and the topic's summary."""

    def __init__(self) -> None:
        super().__init__()
        self.combined = False
        self.presenter = MemberPicker()
        self.topic_summary = text_box(3)
        self.thematic_box = QWidget()
        form = Form(self.thematic_box)
        form.add("presenter", "Đồng chí trình bày chuyên đề:", self.presenter)
        form.add("topic_summary", "Tóm tắt nội dung chuyên đề:", self.topic_summary)
        self.sections: RowList = RowList(
            "Thêm mục nội dung", lambda v: SectionRow(v, combined=self.combined), "Chưa có mục nào."
        )
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.thematic_box)
        column.addWidget(section_title("Nội dung sinh hoạt (mỗi mục một khung)"))
        column.addWidget(self.sections)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(inner))
        self.watch(self.presenter, self.topic_summary, self.sections)

    def set_members(self, members: Sequence[Member]) -> None:
        self.presenter.set_members(members)

    def load(self, m: Meeting) -> None:
        self.combined = m.kind is MeetingKind.COMBINED
        self.thematic_box.setVisible(m.kind.counts_as_thematic)
        first = m.presenter_ids[0] if m.presenter_ids else None
        self.presenter.set_member(first, m.presenter_names[0] if m.presenter_names else "")
        self.topic_summary.setPlainText(m.topic_summary)
        self.sections.set_values(list(m.sections))

    def apply(self, m: Meeting) -> Meeting:
        presenter_id = self.presenter.member_id()
        name = self.presenter.name()
        return replace(
            m,
            presenter_ids=(presenter_id,) if presenter_id is not None else (),
            presenter_names=(name,) if name else (),
            topic_summary=self.topic_summary.toPlainText(),
            sections=tuple(s for s in self.sections.values() if s.title.strip() or s.body.strip()),
        )


class OpinionsPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.members: Sequence[Member] = ()
        self.combined = False
        self.opinions: RowList = RowList(
            "Thêm ý kiến phát biểu",
            lambda v: OpinionRow(v, members=self.members, combined=self.combined),
            "Chưa ghi ý kiến nào. Bấm “Thêm ý kiến phát biểu”, chọn người phát biểu và ghi tóm tắt ý kiến.",
        )
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.opinions)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(inner))
        self.watch(self.opinions)

    def load(self, m: Meeting) -> None:
        self.combined = m.kind is MeetingKind.COMBINED
        self.opinions.set_values(list(m.opinions))

    def apply(self, m: Meeting) -> Meeting:
        return replace(m, opinions=tuple(o for o in self.opinions.values() if o.text.strip()))


class ConclusionPage(Page):
    def __init__(self, default_base: Callable[[], int]) -> None:
        super().__init__()
        self.members: Sequence[Member] = ()
        self.conclusion = text_box(5)
        self.thematic_conclusion = text_box(3)
        self.thematic_label = section_title("Kết luận phần chuyên đề")
        self.votes: RowList = RowList(
            "Thêm biểu quyết", lambda v: VoteRow(v, default_base=default_base), "Chưa có biểu quyết nào."
        )
        self.tasks: RowList = RowList(
            "Thêm việc cần làm", lambda v: TaskRow(v, members=self.members), "Chưa giao việc nào."
        )
        self.dues_note = QLineEdit()
        # The minutes print the month's figures from the dues book (Đảng phí screen); this line only adds to them.
        self.dues_note.setPlaceholderText("Ghi chú thêm (số liệu thu, nộp lấy từ sổ đảng phí)")
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(section_title("Kết luận của đồng chí chủ trì"))
        column.addWidget(self.conclusion)
        column.addWidget(self.thematic_label)
        column.addWidget(self.thematic_conclusion)
        column.addWidget(section_title("Biểu quyết"))
        column.addWidget(self.votes)
        column.addWidget(section_title("Phân công thực hiện"))
        column.addWidget(self.tasks)
        column.addWidget(section_title("Tình hình nộp đảng phí"))
        column.addWidget(self.dues_note)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(inner))
        self.watch(self.conclusion, self.thematic_conclusion, self.votes, self.tasks, self.dues_note)

    def load(self, m: Meeting) -> None:
        combined = m.kind is MeetingKind.COMBINED
        self.thematic_label.setVisible(combined)
        self.thematic_conclusion.setVisible(combined)
        self.conclusion.setPlainText(m.conclusion)
        self.thematic_conclusion.setPlainText(m.thematic_conclusion)
        self.votes.set_values(list(m.votes))
        self.tasks.set_values(list(m.tasks))
        self.dues_note.setText(m.dues_note)

    def apply(self, m: Meeting) -> Meeting:
        return replace(
            m,
            conclusion=self.conclusion.toPlainText(),
            thematic_conclusion=self.thematic_conclusion.toPlainText(),
            votes=tuple(v for v in self.votes.values() if v.item.strip()),
            tasks=tuple(t for t in self.tasks.values() if t.text.strip()),
            dues_note=self.dues_note.text(),
        )
