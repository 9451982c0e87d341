"""SQL for the full-text index (FTS5 over folded Vietnamese text). Never commits."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from app.domain.vntext import fold

_TOKEN = re.compile(r"\w+", re.UNICODE)
#: How many of the newest matching rows are ranked when a query matches more (see SearchIndex.query).
RANK_WINDOW = 5000


def query_terms(text: str) -> list[str]:
    """The folded words of a user's query, as FTS5 will see them."""
    return _TOKEN.findall(fold(text))


def fts_query(terms: Iterable[str]) -> str:
    """Every term must occur; the last one may be a prefix (as-you-type). Quoted: no FTS syntax leaks in."""
    words = list(terms)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
    return " ".join(quoted)


class SearchIndex:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def put(self, kind: str, ref_id: int, title: str, body: str) -> None:
        self.remove(kind, ref_id)
        self.add(kind, ref_id, title, body)

    def add(self, kind: str, ref_id: int, title: str, body: str) -> None:
        """Insert without removing an older row: only for an index just cleared (rebuild, bulk load).

        kind and ref_id are UNINDEXED, so remove() scans the whole index: fine for one save, quadratic
        for a rebuild (6 s of a 5,000-member demo fill went there).
        """
        self._conn.execute(
            "INSERT INTO search_index (kind, ref_id, title, body, raw_title, raw_body) VALUES (?, ?, ?, ?, ?, ?)",
            (kind, ref_id, fold(title), fold(body), title, body),
        )

    def remove(self, kind: str, ref_id: int) -> None:
        self._conn.execute("DELETE FROM search_index WHERE kind = ? AND ref_id = ?", (kind, ref_id))

    def remove_many(self, kind: str, ref_ids: list[int]) -> None:
        """remove() for many rows in one scan of the index per 500 ids (a scan per row made imports quadratic)."""
        for start in range(0, len(ref_ids), 500):
            chunk = [int(i) for i in ref_ids[start : start + 500]]
            marks = ", ".join("?" * len(chunk))
            self._conn.execute(f"DELETE FROM search_index WHERE kind = ? AND ref_id IN ({marks})", (kind, *chunk))

    def clear(self) -> None:
        self._conn.execute("DELETE FROM search_index")

    def query(self, text: str, *, limit: int = 20) -> list[tuple[str, int, str, str, float]]:
        """(kind, ref_id, raw_title, raw_body, rank) of the best matches, best first (bm25, title weighted).

        bm25 costs time for every matching row: on a consolidated file where common words match all
        50,000 minutes that is 60-200 ms. So when more than RANK_WINDOW rows match, only the newest
        RANK_WINDOW of them (rowid order: a re-saved row is re-inserted) are ranked, together with every
        title match. bm25 uses whole-index statistics, so scores from both sets compare directly.
        """
        match = fts_query(query_terms(text))
        if not match:
            return []
        select = (
            "SELECT rowid, kind, ref_id, raw_title, raw_body, bm25(search_index, 0, 0, 8.0, 1.0, 0, 0) AS rank "
            "FROM search_index WHERE search_index MATCH ? "
        )
        edge = self._conn.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (match, RANK_WINDOW - 1),
        ).fetchone()
        if edge is None:  # few matches: rank them all
            rows = self._conn.execute(select + "ORDER BY rank LIMIT ?", (match, limit)).fetchall()
        else:
            newest = self._conn.execute(select + "AND rowid >= ? ORDER BY rank LIMIT ?", (match, edge[0], limit))
            titled = self._conn.execute(select + "ORDER BY rank LIMIT ?", (f"{{title}} : ({match})", limit))
            merged = {row[0]: row for row in [*newest.fetchall(), *titled.fetchall()]}
            rows = sorted(merged.values(), key=lambda row: row[5])[:limit]
        return [(r[1], int(r[2]), r[3], r[4], float(r[5])) for r in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM search_index").fetchone()[0])
