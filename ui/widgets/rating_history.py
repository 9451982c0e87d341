"""The member's yearly ratings as lines for the member's detail panel. Reads through the rating service only."""

from __future__ import annotations

from app.bootstrap import Services


def rating_history_lines(services: Services, member_id: int) -> list[str]:
    """ "Năm 2025 — Xếp loại: Hoàn thành tốt nhiệm vụ (Quyết định …)" per year, newest first (member detail)."""
    rules = services.ratings.rules()
    lines = []
    for r in services.ratings.history(member_id):
        level = r.final or r.proposed
        if level is None:
            continue
        state = "" if r.final else " (chi bộ đề xuất)"
        extra = f" — {r.decision}" if r.final and r.decision else ""
        lines.append(f"Năm {r.year} — Xếp loại: {rules.label(level)}{state}{extra}")
    return lines
