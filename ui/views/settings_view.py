"""Cài đặt: the branch profile, the document layout, the rule thresholds, and the font size of the window."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.changes import Area
from app.domain.dates import DateInputError
from app.domain.errors import AppError, ValidationError
from app.domain.ruleset import RuleSet
from app.services.branch import builtin_rules, layout_profiles
from ui.errors import plain_message
from ui.settings import FONT_SIZES, UiSettings
from ui.style import apply_font_size, set_level
from ui.views.base import View
from ui.widgets import prompts
from ui.widgets.fields import DateEdit, Form
from ui.widgets.member_picker import MemberPicker
from ui.widgets.security_panel import SecurityPanel

FONT_CHOICES = {"normal": "Bình thường", "large": "Lớn", "very_large": "Rất lớn"}


def section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    label.setWordWrap(True)
    return label


def spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class SettingsView(View):
    key = "settings"
    shows = frozenset({Area.BRANCH, Area.ROLL, Area.BACKUPS})  # the profile, the secretary's name, the password
    title = "Cài đặt"

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(services, settings, parent)
        # ---- branch profile
        self.profile_form = Form()
        f = self.profile_form
        self.branch_name = f.add("branch_name", "Tên chi bộ: *", QLineEdit())
        self.upper_body = f.add("upper_body", "Cấp ủy cấp trên trực tiếp:", QLineEdit())
        self.upper_body_2 = f.add("upper_body_2", "Cấp trên nữa (nếu có):", QLineEdit())
        self.place_name = f.add("place_name", "Địa danh ghi ngày tháng:", QLineEdit())
        self.default_place = f.add("default_place", "Địa điểm sinh hoạt thường dùng:", QLineEdit())
        self.term_start = f.add("term_start", "Nhiệm kỳ từ ngày:", DateEdit("term_start"))
        self.term_end = f.add("term_end", "Nhiệm kỳ đến ngày:", DateEdit("term_end"))
        self.record_start = f.add(
            "record_start",
            "Bắt đầu ghi sổ từ ngày:",
            DateEdit("record_start"),
            "Tháng, quý trước ngày này không bị kiểm tra. Đưa sớm hơn khi nhập lịch sử cũ.",
        )
        self.secretary = f.add("secretary", "Bí thư:", MemberPicker())
        self.deputy = f.add("deputy", "Phó Bí thư:", MemberPicker())
        self.layout_profile = f.add(
            "layout_profile",
            "Mẫu trình bày văn bản:",
            QComboBox(),
            "Thể thức biên bản, nghị quyết, báo cáo khi xuất ra Word.",
        )
        self.layout_profile.addItems(layout_profiles() or ["HD36-2018"])
        self.save_profile_button = QPushButton("Lưu thông tin chi bộ")

        # ---- rules
        self.rules_form = Form()
        r = self.rules_form
        self.min_regular = r.add("min_regular", "Tối thiểu, sinh hoạt thường kỳ:", spin(0, 600, " phút"))
        self.min_thematic = r.add("min_thematic", "Tối thiểu, sinh hoạt chuyên đề:", spin(0, 600, " phút"))
        self.min_combined = r.add("min_combined", "Tối thiểu, sinh hoạt kết hợp:", spin(0, 600, " phút"))
        self.unexcused_warning = r.add("unexcused_warning", "Nhắc nhở khi vắng không lý do:", spin(1, 12, " tháng"))
        self.unexcused_alert = r.add("unexcused_alert", "Xét theo Điều 8 khi vắng:", spin(1, 12, " tháng"))
        self.attendance_warning = r.add("attendance_warning", "Cảnh báo khi tỷ lệ dự dưới:", QDoubleSpinBox())
        self.attendance_alert = r.add("attendance_alert", "Báo động khi tỷ lệ dự dưới:", QDoubleSpinBox())
        for box in (self.attendance_warning, self.attendance_alert):
            box.setRange(0, 100)
            box.setDecimals(0)
            box.setSuffix(" %")
        self.probation_remind = r.add("probation_remind", "Nhắc trước khi hết dự bị:", spin(0, 365, " ngày"))
        self.badge_remind = r.add("badge_remind", "Nhắc trước ngày xét Huy hiệu:", spin(0, 365, " ngày"))
        self.save_rules_button = QPushButton("Lưu ngưỡng kiểm tra")
        self.default_rules_button = QPushButton("Trở về mặc định theo quy định")

        # ---- font size
        self.font_group = QButtonGroup(self)
        self.font_buttons: dict[str, QRadioButton] = {}
        font_row = QHBoxLayout()
        for size in FONT_SIZES:
            button = QRadioButton(FONT_CHOICES[size])
            self.font_group.addButton(button)
            self.font_buttons[size] = button
            font_row.addWidget(button)
            button.toggled.connect(lambda on, s=size: on and self.set_font_size(s))
        font_row.addStretch(1)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(section("Cỡ chữ của cửa sổ"))
        column.addLayout(font_row)
        column.addWidget(section("Thông tin chi bộ"))
        column.addWidget(self.profile_form)
        row = QHBoxLayout()
        row.addWidget(self.save_profile_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(section("Ngưỡng kiểm tra theo quy định"))
        rules_hint = QLabel(
            "Các ngưỡng này dùng để tô màu lịch sinh hoạt và đưa ra cảnh báo ở mục Tổng quan. "
            "Chỉ sửa khi cấp ủy cấp trên có hướng dẫn khác."
        )
        rules_hint.setObjectName("hint")
        rules_hint.setWordWrap(True)
        column.addWidget(rules_hint)
        column.addWidget(self.rules_form)
        row2 = QHBoxLayout()
        row2.addWidget(self.save_rules_button)
        row2.addWidget(self.default_rules_button)
        row2.addStretch(1)
        column.addLayout(row2)
        column.addWidget(section("Bảo mật thông tin cá nhân của đảng viên"))
        self.security_panel = SecurityPanel(services, self.host)
        column.addWidget(self.security_panel)
        column.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_title(self.title))
        layout.addWidget(self.banner)
        layout.addWidget(area, 1)

        self.save_profile_button.clicked.connect(self.save_profile)
        self.save_rules_button.clicked.connect(self.save_rules)
        self.default_rules_button.clicked.connect(self.default_rules)

    # ------------------------------------------------------------------ View
    def refresh(self) -> None:
        super().refresh()
        self.font_buttons[self.settings.font_size].setChecked(True)
        profile = self.services.branch.profile()
        roll = self.services.members.list()
        self.secretary.set_members(roll)
        self.deputy.set_members(roll)
        self.branch_name.setText(profile.branch_name)
        self.upper_body.setText(profile.upper_body)
        self.upper_body_2.setText(profile.upper_body_2)
        self.place_name.setText(profile.place_name)
        self.default_place.setText(self.services.branch.setting("default_place"))
        self.term_start.set_value(profile.term_start)
        self.term_end.set_value(profile.term_end)
        self.record_start.set_value(self.services.branch.record_start())
        self.secretary.set_member(profile.secretary_id)
        self.deputy.set_member(profile.deputy_id)
        index = self.layout_profile.findText(profile.layout_profile)
        self.layout_profile.setCurrentIndex(max(0, index))
        self._show_rules(self.services.branch.rules)
        self.security_panel.refresh()

    def save(self) -> None:
        if self.save_profile():
            self.save_rules()

    def _show_rules(self, rules: RuleSet) -> None:
        self.min_regular.setValue(rules.min_duration.get("thuong_ky", 90))
        self.min_thematic.setValue(rules.min_duration.get("chuyen_de", 90))
        self.min_combined.setValue(rules.min_duration.get("ket_hop", 120))
        self.unexcused_warning.setValue(rules.unexcused_warning)
        self.unexcused_alert.setValue(rules.unexcused_alert)
        self.attendance_warning.setValue(rules.attendance_warning_below)
        self.attendance_alert.setValue(rules.attendance_alert_below)
        self.probation_remind.setValue(rules.probation_remind_days)
        self.badge_remind.setValue(rules.badge_remind_days)

    # ------------------------------------------------------------------ actions
    def set_font_size(self, size: str) -> None:
        if self.host is not None:
            self.host.set_font_size(size)
        else:
            self.settings.font_size = size
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_font_size(app, size)

    def save_profile(self) -> bool:
        errors: dict[str, str] = {}
        dates = {}
        editors = (("term_start", self.term_start), ("term_end", self.term_end), ("record_start", self.record_start))
        for name, editor in editors:
            try:
                dates[name] = editor.value()
            except DateInputError as exc:
                errors[name] = exc.code
        if errors:
            self.profile_form.show_errors(errors)
            return False
        current = self.services.branch.profile()
        secretary, deputy = self.secretary.member_id(), self.deputy.member_id()
        profile = replace(
            current,
            branch_name=self.branch_name.text(),
            upper_body=self.upper_body.text(),
            upper_body_2=self.upper_body_2.text(),
            place_name=self.place_name.text(),
            term_start=dates["term_start"],
            term_end=dates["term_end"],
            record_start=dates["record_start"] or current.record_start,
            secretary_id=secretary,
            deputy_id=deputy,
            layout_profile=self.layout_profile.currentText() or current.layout_profile,
        )
        try:
            self.services.branch.save_profile(profile)
            self.services.branch.set_setting("default_place", self.default_place.text().strip())
        except ValidationError as exc:
            self.profile_form.show_errors(exc.field_errors)
            self._say("alert", "Chưa lưu được: hãy sửa những chỗ ghi màu đỏ.")
            return False
        except AppError as exc:
            self._say("alert", plain_message(exc))
            return False
        self.profile_form.clear_errors()
        self._say("ok", "Đã lưu thông tin chi bộ.")
        self.changed.emit()
        return True

    def save_rules(self) -> bool:
        current = self.services.branch.rules
        durations = dict(current.min_duration)
        durations.update(
            thuong_ky=self.min_regular.value(), chuyen_de=self.min_thematic.value(), ket_hop=self.min_combined.value()
        )
        if self.unexcused_warning.value() > self.unexcused_alert.value():
            self.rules_form.set_error(
                "unexcused_alert", "", "Mức xem xét phải lớn hơn hoặc bằng mức nhắc nhở. Hãy sửa lại số tháng."
            )
            return False
        rules = replace(
            current,
            id=current.id if current.id.endswith("+chi-bo") else current.id + "+chi-bo",
            min_duration=durations,
            unexcused_warning=self.unexcused_warning.value(),
            unexcused_alert=self.unexcused_alert.value(),
            attendance_warning_below=float(self.attendance_warning.value()),
            attendance_alert_below=float(self.attendance_alert.value()),
            probation_remind_days=self.probation_remind.value(),
            badge_remind_days=self.badge_remind.value(),
        )
        try:
            self.services.branch.save_rules(rules)
        except AppError as exc:
            self._say("alert", plain_message(exc))
            return False
        self.rules_form.clear_errors()
        self._say("ok", "Đã lưu ngưỡng kiểm tra. Mục Tổng quan sẽ tính lại theo ngưỡng mới.")
        self.changed.emit()
        return True

    def default_rules(self) -> None:
        if not prompts.ask_yes_no(self, "Đưa mọi ngưỡng kiểm tra về mặc định theo quy định?", yes="Đồng ý", no="Hủy"):
            return
        try:
            rules = self.services.branch.save_rules(builtin_rules())
        except AppError as exc:
            self._say("alert", plain_message(exc))
            return
        self._show_rules(rules)
        self._say("ok", "Đã đưa ngưỡng kiểm tra về mặc định.")
        self.changed.emit()

    def _say(self, level: str, text: str) -> None:
        self.banner.setText(text)
        set_level(self.banner, level)
        self.banner.show()
        self.status.emit(text)
