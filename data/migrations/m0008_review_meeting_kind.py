"""v8: the yearly review meeting (kiem_diem) becomes a meeting kind: the CHECK on meeting.kind is widened.

SQLite cannot alter a CHECK, so the table is rebuilt the documented way (lang_altertable.html §7): the
runner turns foreign keys off outside the transaction (FOREIGN_KEYS_OFF) and runs foreign_key_check before
COMMIT. Must not touch any row: every meeting and every child row keeps its id.
"""

from __future__ import annotations

import sqlite3

VERSION = 8
FOREIGN_KEYS_OFF = True

_OLD_CHECK = "CHECK (kind IN ('thuong_ky', 'chuyen_de', 'ket_hop', 'bat_thuong'))"
_NEW_CHECK = "CHECK (kind IN ('thuong_ky', 'chuyen_de', 'ket_hop', 'bat_thuong', 'kiem_diem'))"


def upgrade(conn: sqlite3.Connection) -> None:
    (table_sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'meeting'").fetchone()
    if _OLD_CHECK not in table_sql:
        raise RuntimeError("meeting.kind CHECK is not the one v7 wrote")
    # Indexes and triggers on meeting are dropped with it: keep their SQL to make them again (step 4 of §7).
    others = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'meeting' AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL ORDER BY type, name"
        )
    ]
    new_sql = table_sql.replace(_OLD_CHECK, _NEW_CHECK).replace("CREATE TABLE meeting", "CREATE TABLE meeting_v8", 1)
    conn.execute(new_sql)
    conn.execute("INSERT INTO meeting_v8 SELECT * FROM meeting")  # same SQL, so the same column order
    conn.execute("DROP TABLE meeting")
    conn.execute("ALTER TABLE meeting_v8 RENAME TO meeting")
    for sql in others:
        conn.execute(sql)
