"""Search on big files: rebuild without per-row deletes; ranking limited to the newest matches plus title matches."""

from __future__ import annotations

import pytest

import data.repositories.search as search_repo
from app.bootstrap import Services


def test_rebuild_indexes_each_entity_once_and_is_repeatable(demo: Services) -> None:
    ctx = demo.ctx
    expected = len(ctx.members.all()) + len(ctx.meetings.all()) + len(ctx.topics.assignments())
    before = demo.search.search("nghị quyết tháng")
    with ctx.db.transaction():
        assert demo.search.rebuild() == expected
    with ctx.db.transaction():
        assert demo.search.rebuild() == expected  # cleared first: never duplicated
    after = demo.search.search("nghị quyết tháng")
    assert before and [(h.kind, h.id) for h in after] == [(h.kind, h.id) for h in before]


def test_put_after_rebuild_still_replaces_the_row(demo: Services) -> None:
    ctx = demo.ctx
    with ctx.db.transaction():
        total = demo.search.rebuild()
        member = ctx.members.all()[0]
        assert member.id is not None
        ctx.search.put("member", member.id, "Trần Thị Xuyến Khương", "ghi chú")
    assert ctx.search.count() == total
    hits = demo.search.search("xuyen khuong")
    assert [(h.kind, h.id) for h in hits] == [("member", member.id)]


def test_many_matches_rank_the_newest_window_plus_every_title_match(
    demo: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = demo.ctx
    full = ctx.search.query("dang vien", limit=50)  # below the window: everything ranked
    assert len(full) > 5
    monkeypatch.setattr(search_repo, "RANK_WINDOW", 3)
    with ctx.db.transaction():  # an old member whose name matches: a title hit far outside the newest 3
        member = ctx.members.all()[0]
        assert member.id is not None
        ctx.search.put("member", member.id, "Đặng Viên Xưa", "")
        for ref in range(900, 904):  # the newest rows: bodies that match
            ctx.search.put("meeting", ref, f"Họp {ref}", "đảng viên dự họp đầy đủ")
    windowed = ctx.search.query("dang vien", limit=50)
    keys = [(kind, ref) for kind, ref, *_ in windowed]
    assert ("member", member.id) in keys  # the title match survives the window
    assert {("meeting", r) for r in range(901, 904)} <= set(keys)  # the newest three matches are ranked
    assert ("meeting", 900) not in keys  # the fourth newest body-only match fell outside the window
    ranks = [rank for *_, rank in windowed]
    assert ranks == sorted(ranks)  # still best first (bm25: lower is better)
    assert len(keys) == len(set(keys))
