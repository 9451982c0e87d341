"""The members table keeps rows in Vietnamese name order itself, so filtering never sorts; other sorts still work."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from app.bootstrap import Services
from app.domain.membership import Member
from app.domain.vntext import name_sort_key, split_name
from ui.models.member_table_model import MemberColumn, MemberFilterProxy, MemberTableModel
from ui.models.roles import ObjectRole


def _keys(model: MemberTableModel) -> list[str]:
    return [name_sort_key(m.ho, m.dem, m.ten) for m in (model.member_at(r) for r in range(model.rowCount()))]


def _renamed(member: Member, name: str) -> Member:
    ho, dem, ten = split_name(name)
    return replace(member, full_name=name, ho=ho, dem=dem, ten=ten)


def _proxy_names(proxy: MemberFilterProxy) -> list[str]:
    return [proxy.index(r, MemberColumn.NAME).data() for r in range(proxy.rowCount())]


def test_rows_stay_in_name_order_through_inserts_and_renames(qtbot, demo: Services) -> None:
    model = MemberTableModel()
    today = demo.ctx.today()
    members = demo.members.all()
    model.set_members(list(reversed(members)), today)
    assert _keys(model) == sorted(_keys(model))
    first = model.member_at(0)
    model.upsert(_renamed(first, "Vũ Thị Yến"))  # renamed: moves to its new place
    newcomer = replace(members[3], id=99_999, full_name="An Văn Ba", ho="An", dem="Văn", ten="Ba")
    model.upsert(newcomer)
    assert model.rowCount() == len(members) + 1
    assert _keys(model) == sorted(_keys(model))
    assert model.member_at(model.row_of(99_999)).full_name == "An Văn Ba"
    row = model.row_of(first.id or 0)
    assert model.member_at(row).full_name == "Vũ Thị Yến"
    assert model.filter_text_at(row).startswith("vu thi yen")


def test_proxy_name_order_both_ways_and_other_columns(qtbot, demo: Services) -> None:
    model = MemberTableModel()
    model.set_members(demo.members.all(), demo.ctx.today())
    proxy = MemberFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(MemberColumn.NAME, Qt.SortOrder.AscendingOrder)
    ascending = _proxy_names(proxy)
    assert proxy.sortColumn() == -1  # served in source order, which is name order
    proxy.set_search("th")
    narrowed = _proxy_names(proxy)
    assert narrowed == [n for n in ascending if n in narrowed] and len(narrowed) < len(ascending)
    proxy.set_search("")
    assert _proxy_names(proxy) == ascending
    proxy.sort(MemberColumn.NAME, Qt.SortOrder.DescendingOrder)
    assert _proxy_names(proxy) == list(reversed(ascending))
    proxy.sort(MemberColumn.JOINED, Qt.SortOrder.AscendingOrder)
    joined = [proxy.index(r, 0).data(ObjectRole).joined_on for r in range(proxy.rowCount())]
    assert joined == sorted(joined)


def test_filter_marks_follow_inserts_renames_and_the_model_contract(qtbot, qtmodeltester, demo: Services) -> None:
    model = MemberTableModel()
    members = demo.members.all()
    model.set_members(members, demo.ctx.today())
    proxy = MemberFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_statuses(frozenset())  # everyone
    proxy.set_search("vu thi yen")
    before = len(_proxy_names(proxy))
    newcomer = replace(members[3], id=99_999, full_name="An Văn Ba", ho="An", dem="Văn", ten="Ba")
    model.upsert(newcomer)  # inserted at the top, filtered out: every later row's mark shifts with it
    assert len(_proxy_names(proxy)) == before and "An Văn Ba" not in _proxy_names(proxy)
    model.upsert(_renamed(newcomer, "Vũ Thị Yến"))  # renamed into the filter: shown
    assert "Vũ Thị Yến" in _proxy_names(proxy)
    assert len(_proxy_names(proxy)) == before + 1
    proxy.set_search("")
    assert proxy.rowCount() == len(members) + 1
    assert list(model.accepted) == [1] * model.rowCount()
    qtmodeltester.check(proxy)
