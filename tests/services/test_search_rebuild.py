"""SearchService.rebuild inserts into a cleared index without per-row deletes: same content as saving one by one."""

from __future__ import annotations

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
