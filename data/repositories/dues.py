"""SQL for the Party dues book: bases, reliefs, receipts (split by month) and remittances. Never commits."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.domain.dues import (
    Channel,
    DuesBasis,
    DuesKind,
    DuesLedger,
    DuesPayment,
    DuesReceipt,
    DuesRelief,
    Month,
    ReliefKind,
    Remittance,
)
from data.repositories._rows import d2s, s2d


def _month(key: str | None) -> Month | None:
    return Month.from_key(key) if key else None


class DuesRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # ------------------------------------------------------------------ reading
    def ledger(self, member_id: int | None = None, until: Month | None = None) -> DuesLedger:
        """The whole book (or one member's), optionally only the months up to *until*."""
        member_sql, params = ("AND member_id = ?", [member_id]) if member_id is not None else ("", [])
        until_key = until.key if until else "9999-12"
        bases = tuple(
            DuesBasis(r["member_id"], Month.from_key(r["start_month"]), DuesKind(r["kind"]), r["base"], r["fixed"],
                      r["note"], r["id"])
            for r in self._conn.execute(
                f"SELECT * FROM dues_basis WHERE start_month <= ? {member_sql} ORDER BY start_month, id",
                [until_key, *params],
            )
        )  # fmt: skip
        reliefs = tuple(
            DuesRelief(r["member_id"], Month.from_key(r["start_month"]), ReliefKind(r["kind"]), r["reason"],
                       _month(r["until_month"]), r["reduction_pct"], r["document"], r["id"])
            for r in self._conn.execute(
                f"SELECT * FROM dues_relief WHERE start_month <= ? {member_sql} ORDER BY start_month, id",
                [until_key, *params],
            )
        )  # fmt: skip
        member_sql_p = member_sql.replace("member_id", "p.member_id")
        # Plain tuples and memoised conversions: a large branch's book is tens of thousands of rows.
        days: dict[str, date] = {}
        channels = {c.value: c for c in Channel}
        payments = tuple(
            DuesPayment(member_id, Month.from_key(month), amount, days.get(on) or days.setdefault(on, date.fromisoformat(on)),
                        channels[channel], receipt_id)
            for member_id, month, amount, receipt_id, on, channel in self._conn.execute(
                "SELECT p.member_id, p.month, p.amount, p.receipt_id, r.paid_on, r.channel FROM dues_payment p "
                f"JOIN dues_receipt r ON r.id = p.receipt_id WHERE p.month <= ? {member_sql_p}",  # order: not needed
                [until_key, *params],
            ).fetchall()
        )  # fmt: skip
        remittances = tuple(
            Remittance(Month.from_key(r["month"]), s2d(r["sent_on"]), r["amount"], r["note"])  # type: ignore[arg-type]
            for r in self._conn.execute("SELECT * FROM dues_remittance WHERE month <= ? ORDER BY month", [until_key])
        )
        return DuesLedger(bases, reliefs, payments, remittances)

    def receipts(self, member_id: int) -> list[DuesReceipt]:
        return [
            DuesReceipt(r["member_id"], s2d(r["paid_on"]), r["amount"], Channel(r["channel"]),  # type: ignore[arg-type]
                        Month.from_key(r["first_month"]), Month.from_key(r["last_month"]), r["note"], r["id"])
            for r in self._conn.execute(
                "SELECT * FROM dues_receipt WHERE member_id = ? ORDER BY paid_on, id", (member_id,)
            )
        ]  # fmt: skip

    def count(self) -> int:
        return int(
            self._conn.execute(
                "SELECT (SELECT count(*) FROM dues_basis) + (SELECT count(*) FROM dues_receipt)"
            ).fetchone()[0]
        )

    # ------------------------------------------------------------------ writing
    def set_basis(self, b: DuesBasis) -> int:
        """Add or replace the basis starting in that month (one basis per member and month)."""
        cur = self._conn.execute(
            "INSERT INTO dues_basis (member_id, start_month, kind, base, fixed, note) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (member_id, start_month) DO UPDATE SET kind = excluded.kind, base = excluded.base, "
            "fixed = excluded.fixed, note = excluded.note RETURNING id",
            (b.member_id, b.start.key, b.kind.value, b.base, b.fixed, b.note),
        )
        return int(cur.fetchone()[0])

    def add_relief(self, r: DuesRelief) -> int:
        cur = self._conn.execute(
            "INSERT INTO dues_relief (member_id, start_month, until_month, kind, reduction_pct, reason, document) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (r.member_id, r.start.key, r.until.key if r.until else None, r.kind.value, r.reduction_pct, r.reason,
             r.document),
        )  # fmt: skip
        return int(cur.lastrowid or 0)

    def add_receipt(self, receipt: DuesReceipt, split: list[tuple[Month, int]]) -> int:
        cur = self._conn.execute(
            "INSERT INTO dues_receipt (member_id, paid_on, amount, channel, first_month, last_month, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (receipt.member_id, d2s(receipt.paid_on), receipt.amount, receipt.channel.value, receipt.first.key,
             receipt.last.key, receipt.note),
        )  # fmt: skip
        receipt_id = int(cur.lastrowid or 0)
        self._conn.executemany(
            "INSERT INTO dues_payment (receipt_id, member_id, month, amount) VALUES (?, ?, ?, ?)",
            [(receipt_id, receipt.member_id, month.key, amount) for month, amount in split],
        )
        return receipt_id

    def set_remittance(self, r: Remittance) -> None:
        self._conn.execute(
            "INSERT INTO dues_remittance (month, sent_on, amount, note) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (month) DO UPDATE SET sent_on = excluded.sent_on, amount = excluded.amount, "
            "note = excluded.note",
            (r.month.key, d2s(r.sent_on), r.amount, r.note),
        )
