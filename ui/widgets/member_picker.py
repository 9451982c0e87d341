"""Choosing a member from the roll (speaker, presider, assignee), with room for a name typed by hand."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.membership import Member

NOBODY = "— chưa chọn —"


class MemberPicker(QComboBox):
    """Editable combo: pick a member (their id is kept) or type a guest's name. Typing filters nothing; it is free text."""

    def __init__(self, members: Sequence[Member] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(NOBODY)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_members(members)

    def set_members(self, members: Sequence[Member]) -> None:
        current_id, current_name = self.member_id(), self.name()
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        for member in members:
            self.addItem(member.full_name, member.id)
        self.blockSignals(False)
        self.set_member(current_id, current_name)

    def set_member(self, member_id: int | None, name: str = "") -> None:
        index = self.findData(member_id) if member_id is not None else -1
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(0)
            self.setEditText(name)

    def member_id(self) -> int | None:
        """The chosen member's id, or None when the text is not exactly a member's name (a guest)."""
        index = self.findText(self.currentText().strip())
        data = self.itemData(index) if index > 0 else None
        return data if isinstance(data, int) else None

    def name(self) -> str:
        return self.currentText().strip()
