"""Layout profiles as data: the shipped JSON files load, bad values are refused, overrides merge."""

from __future__ import annotations

import json

import pytest

from app.resources import resource_path
from exporters.layout_profile import LayoutProfile, merged


@pytest.mark.parametrize("name", ["HD36-2018", "HD05-2026"])
def test_shipped_profiles_load_with_the_decided_page(name: str) -> None:
    data = json.loads(resource_path("layouts", f"{name}.json").read_text(encoding="utf-8"))
    p = LayoutProfile.from_dict(data)
    assert p.id == name and p.font == "Times New Roman"
    assert (p.page_width_mm, p.page_height_mm) == (210, 297)
    assert (p.margin_top_mm, p.margin_bottom_mm, p.margin_left_mm, p.margin_right_mm) == (20, 20, 30, 15)
    assert p.size("body") == 14 and p.size("party_title") == 15 and 15 <= p.size("doc_type") <= 16
    assert p.text_width_mm == 165 and p.header_left_mm + p.header_right_mm == 165
    assert LayoutProfile.from_dict(p.to_dict()) == p


def test_unknown_sizes_fall_back_and_labels_default() -> None:
    p = LayoutProfile.from_dict({"id": "x"})
    assert p.size("no_such_element") == 14
    assert p.label("authority") == "T/M CHI BỘ"


@pytest.mark.parametrize(
    "change",
    [
        {"page": {"margin_left_mm": -1}},
        {"page": {"margin_top_mm": 90}},
        {"sizes": {"body": 2}},
        {"sizes": {"body": "mười bốn"}},
        {"body": {"line_spacing_pt": 0}},
        {"header": {"left_width_mm": 160}},
        {"header": {"party_rule_mm": 200}},
        {"id": ""},
        {"font": " "},
    ],
)
def test_bad_values_are_refused_with_a_reason(change: dict) -> None:
    base = json.loads(resource_path("layouts", "HD36-2018.json").read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="layout profile"):
        LayoutProfile.from_dict(merged(base, change))


def test_missing_id_is_refused() -> None:
    with pytest.raises(ValueError):
        LayoutProfile.from_dict({"page": {}})


def test_merged_lays_nested_overrides_over_the_profile() -> None:
    base = {"id": "a", "page": {"margin_left_mm": 30, "margin_top_mm": 20}, "labels": {"x": "1"}}
    out = merged(base, {"page": {"margin_left_mm": 35}, "labels": {"y": "2"}})
    assert out == {"id": "a", "page": {"margin_left_mm": 35, "margin_top_mm": 20}, "labels": {"x": "1", "y": "2"}}
    assert base["page"]["margin_left_mm"] == 30  # the profile itself is not changed
