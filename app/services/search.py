"""Global search over members, meetings and topics: what gets indexed, and ranked hits with snippets."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.domain import labels
from app.domain.dates import format_dmy
from app.domain.meeting_record import Meeting
from app.domain.membership import Member
from app.domain.search_hit import SearchHit
from app.domain.topic_plan import TopicAssignment
from app.domain.vntext import fold
from app.services.context import ServiceContext
from data.repositories.search import query_terms

SNIPPET_BEFORE = 50
SNIPPET_LENGTH = 160


def member_text(m: Member) -> tuple[str, str]:
    body = " ".join(x for x in (m.job_position, m.party_position, m.hometown, m.party_card_no, m.note) if x)
    return m.full_name, body


def meeting_title(m: Meeting) -> str:
    title = f"{labels.MEETING_KIND[m.kind]} ngày {format_dmy(m.on)}"
    return f"{title} — {m.title}" if m.title else title


def meeting_text(m: Meeting) -> tuple[str, str]:
    parts: list[str] = [*m.agenda]
    parts += [f"{s.title}. {s.body}" for s in m.sections]
    parts += [m.topic_summary] if m.topic_summary else []
    parts += [f"Đồng chí {o.speaker_name}: {o.text}" for o in m.opinions]
    parts += [m.conclusion, m.thematic_conclusion, m.dues_note]
    parts += [v.item for v in m.votes] + [t.text for t in m.tasks]
    parts += [c.text for c in m.corrections]
    return meeting_title(m), "\n".join(p for p in parts if p)


def topic_text(a: TopicAssignment) -> tuple[str, str]:
    names = ", ".join(p.name for p in a.assignees)
    return a.title, f"Quý {a.quarter}/{a.year}. {a.basis_doc} {a.group} {names} {a.note}".strip()


def index_member(ctx: ServiceContext, m: Member) -> None:
    assert m.id is not None
    ctx.search.put("member", m.id, *member_text(m))


def index_members(ctx: ServiceContext, added: Sequence[Member], updated: Sequence[Member]) -> None:
    """index_member for a batch: one scan of the index removes the updated members' rows, then plain inserts."""
    ctx.search.remove_many("member", [m.id for m in updated if m.id is not None])
    for m in (*added, *updated):
        assert m.id is not None
        ctx.search.add("member", m.id, *member_text(m))


def index_meeting(ctx: ServiceContext, m: Meeting) -> None:
    assert m.id is not None
    ctx.search.put("meeting", m.id, *meeting_text(m))


def index_topic(ctx: ServiceContext, a: TopicAssignment) -> None:
    assert a.id is not None
    ctx.search.put("topic", a.id, *topic_text(a))


def snippet(text: str, terms: list[str]) -> str:
    """A short excerpt of *text* around the first match, matched words wrapped in [ ].

    fold() keeps positions for NFC text, so matches found in the folded copy are cut from the original.
    """
    if not text:
        return ""
    folded = fold(text)
    if len(folded) != len(text):  # stray combining marks: fall back to the folded text
        text = folded
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\w*")
    first = pattern.search(folded) if terms else None
    start = max(0, (first.start() if first else 0) - SNIPPET_BEFORE)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + SNIPPET_LENGTH)
    out, pos = [], start
    for match in pattern.finditer(folded, start, end) if terms else ():
        out += [text[pos : match.start()], "[", text[match.start() : match.end()], "]"]
        pos = match.end()
    out.append(text[pos:end])
    excerpt = "".join(out).replace("\n", " ")
    return ("…" if start else "") + excerpt + ("…" if end < len(text) else "")


class SearchService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Best matches across members, meetings and topics; diacritics, case and đ/d ignored."""
        terms = query_terms(text)
        hits = []
        for kind, ref_id, title, body, rank in self._ctx.search.query(text, limit=limit):
            body_snip = snippet(body, terms)
            shown = body_snip if "[" in body_snip or not title else snippet(title, terms)
            hits.append(SearchHit(kind, ref_id, title, shown or body_snip, rank))
        return hits

    def rebuild(self) -> int:
        """Re-index everything (after an upgrade or a restore). Call inside a transaction."""
        ctx = self._ctx
        ctx.search.clear()
        for member in ctx.members.all():  # add(), not put(): the index is empty, no old row to look for
            ctx.search.add("member", _id(member.id), *member_text(member))
        for meeting in ctx.meetings.all():
            ctx.search.add("meeting", _id(meeting.id), *meeting_text(meeting))
        for assignment in ctx.topics.assignments():
            ctx.search.add("topic", _id(assignment.id), *topic_text(assignment))
        return ctx.search.count()


def _id(ref: int | None) -> int:
    assert ref is not None  # rows read back from the database always have their id
    return ref
