"""Reads that must stay light: one topic assignment without the branch's others, a meeting list without content."""

from __future__ import annotations

from app.bootstrap import Services


def _statements(s: Services, call) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    s.ctx.db.conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        s.ctx.db.conn.set_trace_callback(None)
    return seen


def test_topic_get_reads_only_that_assignment(demo: Services) -> None:
    every = demo.ctx.topics.assignments()
    assert len(every) > 4
    wanted = every[3]
    assert wanted.id is not None and wanted.assignees
    assert demo.ctx.topics.get(wanted.id) == wanted
    assert demo.ctx.topics.get(99_999) is None
    statements = _statements(demo, lambda: demo.ctx.topics.get(wanted.id))
    assert statements and all("WHERE id =" in sql for sql in statements)  # never a scan of every assignment


def test_meeting_list_reads_no_opinion_vote_task_or_attendance_row(demo: Services) -> None:
    statements = _statements(demo, lambda: demo.meetings.list(year=2026))
    joined = "\n".join(statements)
    assert "FROM opinion" not in joined and "FROM vote" not in joined and "FROM task" not in joined
    assert "reason" not in joined  # attendance is counted per code, its rows are never built
