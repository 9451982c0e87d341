"""First start: a short setup of the branch (name, upper body, place, term, secretary), or the demo branch."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain import security_messages
from app.domain.branch_profile import BranchProfile
from app.domain.dates import DateInputError
from app.domain.errors import ValidationError
from app.domain.membership import PartyPosition
from app.services.members import member_from_fields
from ui.style import comfortable_size
from ui.widgets.fields import DateEdit, Form


class FirstStartDialog(QDialog):
    """``choice`` is "setup" after the branch was saved, "demo" when the user wants to look at the demo first."""

    def __init__(self, services: Services, *, allow_demo: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.choice = ""
        self.setWindowTitle("Sổ Chi bộ — Bắt đầu")
        self.setMinimumWidth(640)

        title = QLabel("Chào mừng đồng chí đến với Sổ Chi bộ")
        title.setObjectName("pageTitle")
        intro = QLabel(
            "Hãy điền vài thông tin về chi bộ. Những thông tin này in ở đầu biên bản, nghị quyết và báo cáo; "
            "sau này có thể sửa trong mục Cài đặt. Chỉ tên chi bộ là bắt buộc."
        )
        intro.setWordWrap(True)

        self.form = Form()
        self.branch_name = self.form.add(
            "branch_name",
            "Tên chi bộ: *",
            QLineEdit(),
            "Viết như tên riêng, ví dụ: Chi bộ Trường THPT Vị Thanh (đầu văn bản tự in hoa)",
        )
        self.upper_body = self.form.add(
            "upper_body", "Cấp ủy cấp trên trực tiếp:", QLineEdit(), "Ví dụ: Đảng ủy xã Vị Thủy"
        )
        self.place_name = self.form.add("place_name", "Địa danh ghi ngày tháng:", QLineEdit(), "Ví dụ: Vị Thanh")
        self.term_start = self.form.add("term_start", "Nhiệm kỳ chi ủy từ ngày:", DateEdit("term_start"))
        self.term_end = self.form.add("term_end", "Nhiệm kỳ đến ngày:", DateEdit("term_end"))
        self.secretary_name = self.form.add("secretary_name", "Họ tên đồng chí Bí thư:", QLineEdit())
        self.secretary_joined = self.form.add(
            "secretary_joined", "Ngày vào Đảng của Bí thư:", DateEdit("secretary_joined")
        )
        self.secretary_official = self.form.add(
            "secretary_official",
            "Ngày chính thức của Bí thư:",
            DateEdit("secretary_official"),
            "Ngày được công nhận đảng viên chính thức. Để trống nếu còn dự bị.",
        )
        for editor in (self.branch_name, self.upper_body, self.place_name, self.secretary_name):
            editor.setMaxLength(200)

        self.start_button = QPushButton("Bắt đầu sử dụng")
        self.start_button.setDefault(True)
        self.demo_button = QPushButton("Xem chi bộ mẫu trước")
        self.demo_button.setToolTip("Mở một chi bộ mẫu có sẵn dữ liệu, lưu trong tệp riêng, để làm quen.")
        self.demo_button.setVisible(allow_demo)
        self.quit_button = QPushButton("Thoát")
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        # Scrolled: at the largest font the form is taller than a 768-pixel screen, and a squashed form cut
        # its error lines in half.
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(self.form)
        layout.addWidget(area, 1)
        privacy = QLabel(security_messages.FIRST_START_NOTE)  # the optional password, explained up front
        privacy.setObjectName("hint")
        privacy.setWordWrap(True)
        layout.addWidget(privacy)
        layout.addLayout(buttons)

        self.start_button.clicked.connect(self._save)
        self.demo_button.clicked.connect(self._demo)
        self.quit_button.clicked.connect(self.reject)
        comfortable_size(self, 90, 38)

    def _demo(self) -> None:
        self.choice = "demo"
        self.accept()

    def _save(self) -> None:
        errors: dict[str, str] = {}
        dates = {}
        editors = (
            ("term_start", self.term_start),
            ("term_end", self.term_end),
            ("secretary_joined", self.secretary_joined),
            ("secretary_official", self.secretary_official),
        )
        for name, editor in editors:  # every date is read first: all its errors show at once
            try:
                dates[name] = editor.value()
            except DateInputError as exc:
                errors[name] = exc.code
        name = self.branch_name.text().strip()
        if not name:
            errors["branch_name"] = "required"
        start, end = dates.get("term_start"), dates.get("term_end")
        if start and end and end < start:
            errors["term_end"] = "invalid"
        secretary = self.secretary_name.text().strip()
        joined_text = self.secretary_joined.text()
        if secretary and not joined_text.strip() and "secretary_joined" not in errors:
            errors["secretary_joined"] = "required"
        if errors:
            self.form.show_errors(errors)
            return
        members = self._services.members
        secretary_id = None
        try:
            if secretary:
                member = member_from_fields(
                    {
                        "full_name": secretary,
                        "joined_on": joined_text,
                        "official_on": self.secretary_official.text(),
                        "party_position": PartyPosition.SECRETARY.value,  # what the form asked, not a guess
                    }
                )
                secretary_id = members.add(member).id
            self._services.branch.save_profile(
                BranchProfile(
                    branch_name=name,
                    upper_body=self.upper_body.text(),
                    place_name=self.place_name.text(),
                    term_start=start,
                    term_end=end,
                    secretary_id=secretary_id,
                    committee_ids=(secretary_id,) if secretary_id else (),
                )
            )
        except ValidationError as exc:
            renamed = {
                "full_name": "secretary_name",
                "joined_on": "secretary_joined",
                "official_on": "secretary_official",
            }
            self.form.show_errors({renamed.get(k, k): v for k, v in exc.field_errors.items()})
            return
        self.choice = "setup"
        self.accept()
