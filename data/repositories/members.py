"""SQL for members and their status history. Rows <-> app.domain objects; never commits."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from app.domain.crypto import FieldCipher, is_encrypted_field
from app.domain.errors import StorageError
from app.domain.membership import Member, StatusEvent, StatusEventKind
from app.domain.vntext import fold, name_sort_key
from data.repositories._rows import d2s, like_pattern, s2d

_COLUMNS = (
    "full_name, ho, dem, ten, date_of_birth, gender, ethnicity, religion, hometown, residence, "
    "joined_on, official_on, branch_since, party_card_no, record_no, party_position, job_position, "
    "theory_level, education, note"
)
#: CCCD and phone: encrypted (with a keyed digest of the CCCD) once a program password is set.
_PRIVATE = "cccd, phone, cccd_digest"


def _values(m: Member) -> tuple[object, ...]:
    return (
        m.full_name, m.ho, m.dem, m.ten, d2s(m.date_of_birth), m.gender, m.ethnicity, m.religion,
        m.hometown, m.residence, d2s(m.joined_on), d2s(m.official_on), d2s(m.branch_since),
        m.party_card_no, m.record_no, m.party_position, m.job_position, m.theory_level, m.education, m.note,
    )  # fmt: skip


def _to_member(row: sqlite3.Row, events: tuple[StatusEvent, ...], cipher: FieldCipher | None) -> Member:
    joined = s2d(row["joined_on"])
    assert joined is not None
    return Member(
        id=row["id"],
        full_name=row["full_name"],
        ho=row["ho"],
        dem=row["dem"],
        ten=row["ten"],
        date_of_birth=s2d(row["date_of_birth"]),
        gender=row["gender"],
        ethnicity=row["ethnicity"],
        religion=row["religion"],
        hometown=row["hometown"],
        residence=row["residence"],
        cccd=_reveal(cipher, "cccd", row["cccd"]),
        phone=_reveal(cipher, "phone", row["phone"]),
        joined_on=joined,
        official_on=s2d(row["official_on"]),
        branch_since=s2d(row["branch_since"]),
        party_card_no=row["party_card_no"],
        record_no=row["record_no"],
        party_position=row["party_position"],
        job_position=row["job_position"],
        theory_level=row["theory_level"],
        education=row["education"],
        note=row["note"],
        events=events,
        version=row["version"],
    )


def _reveal(cipher: FieldCipher | None, field_name: str, stored: str) -> str:
    """The clear value; "" while the program is locked (the stored ciphertext is kept on any update)."""
    if not is_encrypted_field(stored):
        return stored
    return cipher.decrypt(field_name, stored) if cipher is not None else ""


class MemberRepository:
    """``cipher`` is set by SecurityService once the password (or recovery code) opened the data key;
    ``sealed`` says the file's private fields are encrypted, so that nothing writes them in the clear."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.cipher: FieldCipher | None = None
        self.sealed = False

    def _private(self, m: Member) -> tuple[str, str, str]:
        if self.cipher is not None:
            c = self.cipher
            return c.encrypt("cccd", m.cccd), c.encrypt("phone", m.phone), c.digest("cccd", m.cccd)
        if self.sealed:
            raise StorageError("fields_locked")
        return m.cccd, m.phone, ""

    @property
    def locked(self) -> bool:
        """Private fields are encrypted and the key is not open: they read as "" and are never overwritten."""
        return self.sealed and self.cipher is None

    def _events_for(self, ids: Iterable[int] | None) -> dict[int, tuple[StatusEvent, ...]]:
        if ids is None:
            rows = self._conn.execute("SELECT * FROM member_event ORDER BY on_date, id").fetchall()
        else:
            id_list = list(ids)
            if not id_list:
                return {}
            marks = ",".join("?" * len(id_list))
            rows = self._conn.execute(
                f"SELECT * FROM member_event WHERE member_id IN ({marks}) ORDER BY on_date, id", id_list
            ).fetchall()
        grouped: dict[int, list[StatusEvent]] = defaultdict(list)
        for r in rows:
            on = s2d(r["on_date"])
            assert on is not None
            grouped[r["member_id"]].append(
                StatusEvent(StatusEventKind(r["kind"]), on, r["note"], r["decision"], r["id"])
            )
        return {k: tuple(v) for k, v in grouped.items()}

    def get(self, member_id: int) -> Member | None:
        row = self._conn.execute("SELECT * FROM member WHERE id = ?", (member_id,)).fetchone()
        if row is None:
            return None
        return _to_member(row, self._events_for([member_id]).get(member_id, ()), self.cipher)

    def all(self) -> list[Member]:
        """Every member ever on the roll, in Vietnamese name order (tên, họ, đệm)."""
        rows = self._conn.execute("SELECT * FROM member ORDER BY sort_key, date_of_birth, id").fetchall()
        events = self._events_for(None)
        return [_to_member(r, events.get(r["id"], ()), self.cipher) for r in rows]

    def with_event(self, kind: StatusEventKind) -> list[Member]:
        """Members who have at least one event of *kind* (e.g. the few visiting from another branch)."""
        rows = self._conn.execute(
            "SELECT * FROM member WHERE id IN (SELECT member_id FROM member_event WHERE kind = ?) ORDER BY sort_key, id",
            (kind.value,),
        ).fetchall()
        events = self._events_for([r["id"] for r in rows])
        return [_to_member(r, events.get(r["id"], ()), self.cipher) for r in rows]

    def search_ids(self, text: str) -> list[int]:
        """Ids whose folded name contains the folded *text*, in name order."""
        rows = self._conn.execute(
            "SELECT id FROM member WHERE name_fold LIKE ? ESCAPE '\\' ORDER BY sort_key, id",
            (like_pattern(fold(text)),),
        ).fetchall()
        return [r[0] for r in rows]

    def add(self, member: Member) -> Member:
        if self.locked and (member.cccd or member.phone):
            raise StorageError("fields_locked")
        private = ("", "", "") if self.locked else self._private(member)
        marks = ",".join("?" * (len(_COLUMNS.split(",")) + 5))
        cursor = self._conn.execute(
            f"INSERT INTO member ({_COLUMNS}, {_PRIVATE}, name_fold, sort_key) VALUES ({marks})",
            (*_values(member), *private, fold(member.full_name), name_sort_key(member.ho, member.dem, member.ten)),
        )
        assert cursor.lastrowid is not None
        new_id = int(cursor.lastrowid)
        for event in member.events:
            self.add_event(new_id, event)
        return self.get(new_id)  # type: ignore[return-value]

    def update(self, member: Member) -> None:
        columns = _COLUMNS
        values = _values(member)
        if self.locked:  # the stored ciphertext stays as it is; a new number needs the key
            if member.cccd or member.phone:
                raise StorageError("fields_locked")
        else:
            columns, values = f"{_COLUMNS}, {_PRIVATE}", (*values, *self._private(member))
        assignments = ", ".join(f"{c.strip()} = ?" for c in columns.split(","))
        self._conn.execute(
            f"UPDATE member SET {assignments}, name_fold = ?, sort_key = ?, version = version + 1 WHERE id = ?",
            (*values, fold(member.full_name), name_sort_key(member.ho, member.dem, member.ten), member.id),
        )

    def add_event(self, member_id: int, event: StatusEvent) -> int:
        cursor = self._conn.execute(
            "INSERT INTO member_event (member_id, kind, on_date, note, decision) VALUES (?, ?, ?, ?, ?)",
            (member_id, event.kind.value, d2s(event.on), event.note, event.decision),
        )
        self._touch(member_id)
        return int(cursor.lastrowid or 0)

    def _touch(self, member_id: int) -> None:
        """The history is part of the member: a new or removed event makes an open form stale."""
        self._conn.execute("UPDATE member SET version = version + 1 WHERE id = ?", (member_id,))

    def find_by_card(self, card: str) -> int | None:
        row = self._conn.execute("SELECT id FROM member WHERE party_card_no = ?", (card,)).fetchone()
        return int(row[0]) if row else None

    def find_by_cccd(self, cccd: str) -> int | None:
        if self.cipher is not None:
            sql, key = "SELECT id FROM member WHERE cccd_digest = ? OR cccd = ?", self.cipher.digest("cccd", cccd)
            row = self._conn.execute(sql, (key, cccd)).fetchone()
        else:
            row = self._conn.execute("SELECT id FROM member WHERE cccd = ?", (cccd,)).fetchone()
        return int(row[0]) if row else None

    def find_by_person(self, name_fold: str, date_of_birth: str | None) -> int | None:
        row = self._conn.execute(
            "SELECT id FROM member WHERE name_fold = ? AND date_of_birth IS ?", (name_fold, date_of_birth)
        ).fetchone()
        return int(row[0]) if row else None

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM member").fetchone()[0])
