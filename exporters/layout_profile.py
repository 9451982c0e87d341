"""Layout profiles of Party documents (HD 36-2018, HD 05-2026) as data: page, type sizes, spacing, labels.

Read from resources/layouts/*.json by the service and handed to the Word writers. No I/O, no python-docx.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

DEFAULT_SIZES: dict[str, float] = {
    "party_title": 15,
    "upper_body": 14,
    "branch": 14,
    "number": 14,
    "place_date": 14,
    "doc_type": 16,
    "subject": 14,
    "heading": 14,
    "body": 14,
    "table": 13,
    "signer": 14,
    "signer_hint": 13,
    "recipients_label": 14,
    "recipients": 12,
    "page_number": 13,
    "footer": 9,
    "mark": 12,
}
DEFAULT_LABELS: dict[str, str] = {
    "minutes_recorder": "THƯ KÝ",
    "minutes_presider": "CHỦ TRÌ",
    "sign_hint": "(Ký, ghi rõ họ tên)",
    "authority": "T/M CHI BỘ",
    "secretary": "BÍ THƯ",
    "deputy_secretary": "PHÓ BÍ THƯ",
    "recipients": "Nơi nhận:",
    "archive": "Lưu Chi bộ.",
}


@dataclass(frozen=True, slots=True)
class LayoutProfile:
    """Page, type sizes, spacing and fixed labels of one formatting guideline (resources/layouts/*.json)."""

    id: str
    title: str = ""
    font: str = "Times New Roman"
    page_width_mm: float = 210
    page_height_mm: float = 297
    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    header_distance_mm: float = 10
    footer_distance_mm: float = 8
    sizes: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_SIZES))
    line_spacing_pt: float = 18
    space_before_pt: float = 6
    space_after_pt: float = 0
    first_line_indent_mm: float = 10
    justify: bool = True
    header_left_mm: float = 78
    party_rule_mm: float = 73  # "ĐẢNG CỘNG SẢN VIỆT NAM" at 15 pt bold measures 72.9 mm (LibreOffice, Liberation Serif)
    show_upper_body_2: bool = False
    recipients_underline: bool = True
    labels: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def header_right_mm(self) -> float:
        return self.text_width_mm - self.header_left_mm

    def size(self, key: str) -> float:
        return float(self.sizes.get(key, DEFAULT_SIZES.get(key, DEFAULT_SIZES["body"])))

    def label(self, key: str) -> str:
        return self.labels.get(key, DEFAULT_LABELS.get(key, ""))

    # ------------------------------------------------------------------ data
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LayoutProfile:
        """Build from the JSON shape of resources/layouts/*.json; raises ValueError naming the bad value."""
        try:
            page = dict(data.get("page", {}))
            body = dict(data.get("body", {}))
            header = dict(data.get("header", {}))
            closing = dict(data.get("closing", {}))
            sizes = {**DEFAULT_SIZES, **{str(k): float(v) for k, v in dict(data.get("sizes", {})).items()}}
            labels = {**DEFAULT_LABELS, **{str(k): str(v) for k, v in dict(data.get("labels", {})).items()}}
            d = cls(id="defaults")
            profile = cls(
                id=str(data["id"]),
                title=str(data.get("title", "")),
                font=str(data.get("font", d.font)),
                page_width_mm=float(page.get("width_mm", d.page_width_mm)),
                page_height_mm=float(page.get("height_mm", d.page_height_mm)),
                margin_top_mm=float(page.get("margin_top_mm", d.margin_top_mm)),
                margin_bottom_mm=float(page.get("margin_bottom_mm", d.margin_bottom_mm)),
                margin_left_mm=float(page.get("margin_left_mm", d.margin_left_mm)),
                margin_right_mm=float(page.get("margin_right_mm", d.margin_right_mm)),
                header_distance_mm=float(page.get("header_distance_mm", d.header_distance_mm)),
                footer_distance_mm=float(page.get("footer_distance_mm", d.footer_distance_mm)),
                sizes=sizes,
                line_spacing_pt=float(body.get("line_spacing_pt", d.line_spacing_pt)),
                space_before_pt=float(body.get("space_before_pt", d.space_before_pt)),
                space_after_pt=float(body.get("space_after_pt", d.space_after_pt)),
                first_line_indent_mm=float(body.get("first_line_indent_mm", d.first_line_indent_mm)),
                justify=bool(body.get("justify", d.justify)),
                header_left_mm=float(header.get("left_width_mm", d.header_left_mm)),
                party_rule_mm=float(header.get("party_rule_mm", d.party_rule_mm)),
                show_upper_body_2=bool(header.get("show_upper_body_2", d.show_upper_body_2)),
                recipients_underline=bool(closing.get("recipients_underline", d.recipients_underline)),
                labels=labels,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"layout profile: {exc}") from exc
        profile._check()
        return profile

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape ``from_dict`` reads (for settings screens and round trips)."""
        return {
            "format": 1,
            "id": self.id,
            "title": self.title,
            "font": self.font,
            "page": {
                "width_mm": self.page_width_mm,
                "height_mm": self.page_height_mm,
                "margin_top_mm": self.margin_top_mm,
                "margin_bottom_mm": self.margin_bottom_mm,
                "margin_left_mm": self.margin_left_mm,
                "margin_right_mm": self.margin_right_mm,
                "header_distance_mm": self.header_distance_mm,
                "footer_distance_mm": self.footer_distance_mm,
            },
            "sizes": dict(self.sizes),
            "body": {
                "line_spacing_pt": self.line_spacing_pt,
                "space_before_pt": self.space_before_pt,
                "space_after_pt": self.space_after_pt,
                "first_line_indent_mm": self.first_line_indent_mm,
                "justify": self.justify,
            },
            "header": {
                "left_width_mm": self.header_left_mm,
                "party_rule_mm": self.party_rule_mm,
                "show_upper_body_2": self.show_upper_body_2,
            },
            "closing": {"recipients_underline": self.recipients_underline},
            "labels": dict(self.labels),
        }

    def _check(self) -> None:
        def within(name: str, value: float, low: float, high: float) -> None:
            if not low <= value <= high:
                raise ValueError(f"layout profile: {name}={value:g} outside {low:g}..{high:g}")

        if not self.id.strip():
            raise ValueError("layout profile: empty id")
        if not self.font.strip():
            raise ValueError("layout profile: empty font")
        within("page.width_mm", self.page_width_mm, 100, 500)
        within("page.height_mm", self.page_height_mm, 100, 500)
        for f in fields(self):
            if f.name.startswith("margin_") or f.name.endswith("_distance_mm"):
                within(f"page.{f.name}", getattr(self, f.name), 0, 60)
        for key, value in self.sizes.items():
            within(f"sizes.{key}", value, 5, 40)
        within("body.line_spacing_pt", self.line_spacing_pt, 8, 60)
        within("body.space_before_pt", self.space_before_pt, 0, 40)
        within("body.space_after_pt", self.space_after_pt, 0, 40)
        within("body.first_line_indent_mm", self.first_line_indent_mm, 0, 40)
        within("header.left_width_mm", self.header_left_mm, 30, self.text_width_mm - 30)
        within("header.party_rule_mm", self.party_rule_mm, 5, self.header_right_mm)


def merged(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``override`` laid over it, nested objects merged key by key (settings over a profile)."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out
