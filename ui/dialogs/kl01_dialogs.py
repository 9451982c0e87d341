"""Dialogs of the "Học tập và làm theo" screen: a member's plan and commitment, a model or exemplar, an award.
Each saves through the KL 01 service and shows its field errors next to the fields; nothing is saved otherwise."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import messages_kl01 as mk
from app.domain.dates import DateInputError
from app.domain.kl01 import PersonalPlan, RecognitionKind
from app.domain.membership import Member
from app.services.kl01 import Kl01Service
from ui.style import comfortable_size
from ui.widgets.fields import DateEdit, Form, attempt
from ui.widgets.prompts import button_box


class _Kl01Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.saved: Any = None
        self.form = Form()
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

    def _date(self, edit: DateEdit, name: str) -> date | bool | None:
        """The typed date, or False after showing why it cannot be read."""
        try:
            return edit.value()
        except DateInputError as exc:
            self.form.show_errors({name: exc.code})
            return False

    def _store(self, call: Callable[[], Any]) -> None:
        self.form.clear_errors()
        self.error.hide()
        self.saved = attempt(self.form, self.error, call)
        if self.saved is not None:
            self.accept()

    def save(self) -> None:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError


class PlanDialog(_Kl01Dialog):
    """A member's plan: commitments one per line, breakthrough, signed date, the committee's comment."""

    def __init__(
        self, service: Kl01Service, member: Member, year: int, plan: PersonalPlan | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Kế hoạch cá nhân, bản cam kết năm {year} — {member.full_name}", parent)
        self._service, self._member, self._year = service, member, year
        f = self.form
        self.commitments = f.add("commitments", "Nội dung cam kết: *", QPlainTextEdit())
        self.commitments.setPlaceholderText("Mỗi dòng một nội dung cam kết")
        self.commitments.setPlainText("\n".join(c.text for c in plan.commitments) if plan else "")
        self.breakthrough = f.add("breakthrough", "Nội dung đột phá:", QLineEdit(plan.breakthrough if plan else ""))
        self.signed = f.add("signed_on", "Ngày ký:", DateEdit("signed_on", plan.signed_on if plan else None))
        comment = plan.committee_comment if plan else ""
        self.comment = f.add("committee_comment", "Nhận xét của chi ủy:", QLineEdit(comment))
        comfortable_size(self, 70, 22)

    def save(self) -> None:
        signed = self._date(self.signed, "signed_on")
        if signed is False:
            return
        assert self._member.id is not None
        lines = self.commitments.toPlainText().splitlines()
        self._store(
            lambda: self._service.set_plan(
                self._member.id,  # type: ignore[arg-type]
                self._year,
                lines,
                breakthrough=self.breakthrough.text(),
                signed_on=signed or None,
                committee_comment=self.comment.text(),
            )
        )


class RecognitionDialog(_Kl01Dialog):
    """A model (mô hình, cách làm hay) or an exemplar (điển hình tiên tiến) of the year."""

    def __init__(self, service: Kl01Service, year: int, members: Sequence[Member], parent: QWidget | None = None):
        super().__init__(f"Thêm mô hình, điển hình năm {year}", parent)
        self._service, self._year = service, year
        f = self.form
        self.kind = f.add("kind", "Loại:", QComboBox())
        for kind in RecognitionKind:
            self.kind.addItem(mk.KIND[kind], kind.value)
        self.title = f.add("title", "Tên: *", QLineEdit())
        self.member = f.add("member", "Của:", _member_combo(members, mk.COLLECTIVE))
        self.description = f.add("description", "Nội dung, cách làm:", QLineEdit())
        self.recognised_by = f.add("recognised_by", "Cấp công nhận:", QLineEdit())
        comfortable_size(self, 64, 16)

    def save(self) -> None:
        self._store(
            lambda: self._service.add_recognition(
                self._year,
                RecognitionKind(self.kind.currentData()),
                self.title.text(),
                member_id=self.member.currentData(),
                description=self.description.text(),
                recognised_by=self.recognised_by.text(),
            )
        )


class AwardDialog(_Kl01Dialog):
    """An award to a member or to the branch: form, level, date, decision number."""

    def __init__(self, service: Kl01Service, year: int, members: Sequence[Member], parent: QWidget | None = None):
        super().__init__(f"Thêm khen thưởng năm {year}", parent)
        self._service, self._year = service, year
        f = self.form
        self.member = f.add("member", "Khen thưởng cho:", _member_combo(members, mk.BRANCH_AWARD))
        self.award_form = f.add("form", "Hình thức: *", QComboBox())
        self.award_form.setEditable(True)
        self.award_form.addItems(mk.AWARD_FORMS)
        self.level = f.add("level", "Cấp khen: *", QLineEdit())
        self.on = f.add("on", "Ngày quyết định: *", DateEdit("on"))
        self.decision = f.add("decision", "Số quyết định:", QLineEdit())
        comfortable_size(self, 60, 16)

    def save(self) -> None:
        on = self._date(self.on, "on")
        if on is False:
            return
        if on is None:
            self.form.show_errors({"on": "required"})
            return
        self._store(
            lambda: self._service.add_award(
                self._year,
                self.award_form.currentText(),
                self.level.text(),
                on,  # type: ignore[arg-type]
                member_id=self.member.currentData(),
                decision=self.decision.text(),
            )
        )


def _member_combo(members: Sequence[Member], nobody: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(nobody, None)
    for m in members:
        combo.addItem(m.full_name, m.id)
    return combo
