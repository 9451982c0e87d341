"""Add or edit one member. Validation is the member service's; errors appear under the field they concern."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import DateInputError
from app.domain.errors import AppError, StaleEditError, ValidationError
from app.domain.membership import Member, PartyPosition
from app.domain.vntext import clean, fold
from app.services.members import MemberService, member_from_fields, soft_warnings
from ui.errors import plain_message
from ui.style import comfortable_size, set_level
from ui.widgets import prompts
from ui.widgets.fields import DateEdit, Form
from ui.widgets.prompts import button_box

MAIN_TEXT = ("full_name", "party_card_no", "job_position")
OTHER_TEXT = (
    "record_no",
    "cccd",
    "phone",
    "ethnicity",
    "religion",
    "hometown",
    "residence",
    "theory_level",
    "education",
)


class MemberDialog(QDialog):
    """``saved`` holds the stored member after a successful save."""

    def __init__(
        self,
        service: MemberService,
        member: Member | None = None,
        *,
        others: Sequence[Member] = (),
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._member = member
        self._others = [m for m in others if member is None or m.id != member.id]
        self._today = today or date.today()
        self.saved: Member | None = None
        self.stale = False  # a save was refused because the member changed since the form opened
        self.dirty = False
        self.setWindowTitle("Sửa thông tin đảng viên" if member else "Thêm đảng viên")
        self.setMinimumWidth(620)

        self.main_form = Form()
        f = self.main_form
        self.full_name = f.add("full_name", "Họ và tên: *", QLineEdit())
        self.gender = f.add("gender", "Giới tính:", QComboBox())
        self.gender.addItems(["", "Nam", "Nữ"])
        self.date_of_birth = f.add("date_of_birth", "Ngày sinh:", DateEdit("date_of_birth"))
        self.joined_on = f.add("joined_on", "Ngày vào Đảng: *", DateEdit("joined_on"))
        self.official_on = f.add("official_on", "Ngày chính thức:", DateEdit("official_on"), "Để trống nếu còn dự bị.")
        self.branch_since = f.add(
            "branch_since", "Ngày sinh hoạt tại chi bộ:", DateEdit("branch_since"), "Để trống nếu từ ngày vào Đảng."
        )
        self.party_position = f.add("party_position", "Chức vụ trong chi bộ:", QComboBox())
        self.party_position.setEditable(True)
        self.party_position.addItems([p.value for p in PartyPosition])
        # What is true for most members; an edited member shows what is stored (_fill), never a guess.
        self.party_position.setCurrentText(PartyPosition.MEMBER.value)
        self.job_position = f.add("job_position", "Chức vụ, đơn vị công tác:", QLineEdit())
        self.party_card_no = f.add("party_card_no", "Số thẻ đảng viên:", QLineEdit())

        self.other_form = Form()
        o = self.other_form
        self.record_no = o.add("record_no", "Số lý lịch:", QLineEdit())
        self.cccd = o.add("cccd", "Số CCCD:", QLineEdit(), "12 chữ số.")
        self.phone = o.add("phone", "Điện thoại:", QLineEdit())
        self.ethnicity = o.add("ethnicity", "Dân tộc:", QLineEdit())
        self.religion = o.add("religion", "Tôn giáo:", QLineEdit())
        self.hometown = o.add("hometown", "Quê quán:", QLineEdit())
        self.residence = o.add("residence", "Nơi ở hiện nay:", QLineEdit())
        self.theory_level = o.add("theory_level", "Trình độ lý luận chính trị:", QLineEdit())
        self.education = o.add("education", "Trình độ chuyên môn:", QLineEdit())
        self.note = o.add("note", "Ghi chú:", QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(120)

        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolled(self.main_form), "Thông tin chính")
        self.tabs.addTab(_scrolled(self.other_form), "Giấy tờ, liên hệ, trình độ")

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.buttons = button_box(QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

        if member is not None:
            self._fill(member)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        for editor in self._line_edits():
            editor.textEdited.connect(self._mark_dirty)
        self.note.textChanged.connect(self._mark_dirty)
        self.gender.currentIndexChanged.connect(self._mark_dirty)
        self.party_position.currentTextChanged.connect(self._mark_dirty)
        self.party_card_no.editingFinished.connect(self._check_card)
        self.full_name.editingFinished.connect(self._check_person)
        self.date_of_birth.editingFinished.connect(self._check_person)
        self.official_on.editingFinished.connect(self._show_soft_warnings)
        self.dirty = False
        comfortable_size(self, 90, 40)  # every field fits with its hint/error line
        self.full_name.setFocus()

    # ------------------------------------------------------------------ filling and reading
    def _line_edits(self) -> list[QLineEdit]:
        return [
            w for form in (self.main_form, self.other_form) for w in form.fields.values() if isinstance(w, QLineEdit)
        ]

    def _fill(self, m: Member) -> None:
        self.full_name.setText(m.full_name)
        self.gender.setCurrentText(m.gender)
        for name in ("date_of_birth", "joined_on", "official_on", "branch_since"):
            editor = getattr(self, name)
            assert isinstance(editor, DateEdit)
            editor.set_value(getattr(m, name))
        self.party_position.setCurrentText(m.party_position)
        for name in (*MAIN_TEXT[1:], *OTHER_TEXT):
            editor = getattr(self, name)
            assert isinstance(editor, QLineEdit)
            editor.setText(getattr(m, name))
        self.note.setPlainText(m.note)

    def fields(self) -> dict[str, str]:
        """Every value as typed, under the names member_from_fields reads."""
        values = {name: getattr(self, name).text() for name in (*MAIN_TEXT, *OTHER_TEXT)}
        for name in ("date_of_birth", "joined_on", "official_on", "branch_since"):
            values[name] = getattr(self, name).text()
        values["gender"] = self.gender.currentText()
        values["party_position"] = self.party_position.currentText()
        values["note"] = self.note.toPlainText()
        return values

    # ------------------------------------------------------------------ inline checks (warnings, not refusals)
    def _mark_dirty(self, *_: object) -> None:
        self.dirty = True

    def _check_card(self) -> None:
        card = clean(self.party_card_no.text())
        owner = next((m for m in self._others if card and m.party_card_no == card), None)
        if owner is not None:
            self.main_form.set_error(
                "party_card_no",
                "",
                f"Số thẻ này đã ghi cho đồng chí {owner.full_name}. Hãy kiểm tra lại, không nhập trùng.",
            )
        elif self.main_form.error_text("party_card_no"):
            self.main_form.set_error("party_card_no", "")
        self._show_soft_warnings()

    def _check_person(self) -> None:
        name = fold(clean(self.full_name.text()))
        try:
            born = self.date_of_birth.value()
        except DateInputError:
            return
        twin = next((m for m in self._others if name and fold(m.full_name) == name and m.date_of_birth == born), None)
        if twin is not None and born is not None:
            self.main_form.set_error("full_name", "duplicate_person")
        elif self.main_form.error_text("full_name"):
            self.main_form.set_error("full_name", "")

    def _show_soft_warnings(self) -> None:
        try:
            member = member_from_fields(self.fields(), base=self._member)
        except ValidationError:
            return
        notes = soft_warnings(member, self._today)
        self.banner.setText("\n".join(notes))
        set_level(self.banner, "warning")
        self.banner.setVisible(bool(notes))

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        try:
            member = member_from_fields(self.fields(), base=self._member)
            self.saved = self._service.add(member) if self._member is None else self._service.update(member)
        except ValidationError as exc:
            self._show_errors(exc.field_errors)
            return
        except StaleEditError as exc:
            self._show_stored(exc)
            return
        except AppError as exc:
            self._show_banner(plain_message(exc))
            return
        self.dirty = False
        self.accept()

    def _show_stored(self, exc: StaleEditError) -> None:
        """Refused as stale: nothing was written; the form now shows the member as stored, to edit again."""
        assert isinstance(exc.current, Member)
        self.stale = True
        self._member = exc.current
        self.main_form.clear_errors()
        self.other_form.clear_errors()
        self._fill(exc.current)
        self.dirty = False
        self._show_banner(plain_message(exc))

    def _show_errors(self, errors: dict[str, str]) -> None:
        main = {k: v for k, v in errors.items() if k in self.main_form.fields}
        other = {k: v for k, v in errors.items() if k in self.other_form.fields}
        rest = [self.main_form.sentence(k, v) for k, v in errors.items() if k not in main and k not in other]
        self.tabs.setCurrentIndex(0 if main or not other else 1)
        self.other_form.show_errors(other)
        self.main_form.show_errors(main)  # last, so that its first field gets the focus
        self._show_banner(" ".join(["Chưa lưu được: hãy sửa những chỗ ghi màu đỏ.", *rest]))

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        set_level(self.banner, "alert")
        self.banner.show()

    def reject(self) -> None:
        if self.dirty:
            answer = prompts.ask_save_changes(self, "Thông tin đảng viên đã thay đổi nhưng chưa lưu. Có lưu lại không?")
            if answer == "cancel":
                return
            if answer == "save":
                self.save()
                return
        super().reject()


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
