"""Member use cases: the roll, the member form, status changes kept as history. One transaction each."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from app.domain.attendance import roll_on
from app.domain.changes import Area, Change
from app.domain.dates import DateInputError, add_months, parse_optional_date, years_between
from app.domain.errors import NotFoundError, StaleEditError, StorageError, ValidationError
from app.domain.membership import LEAVING_EVENTS, Member, MemberStatus, StatusEvent, StatusEventKind
from app.domain.notices import CARD_UNUSUAL_ONE
from app.domain.party_card import CardFormat, card_format_of, card_formats, describe_formats
from app.domain.vntext import clean, fold, split_name
from app.resources import resource_path
from app.services.context import ServiceContext
from app.services.search import index_member, index_members

MAX_NAME = 120
MAX_TEXT = 500
_DIGITS = re.compile(r"\d+")

#: Text fields of the member form, with their length limits.
TEXT_FIELDS = {
    "gender": 10, "ethnicity": 50, "religion": 50, "hometown": MAX_TEXT, "residence": MAX_TEXT,
    "cccd": 12, "phone": 20, "party_card_no": 20, "record_no": 20, "party_position": 50,
    "job_position": MAX_TEXT, "theory_level": 50, "education": 200, "note": 2000,
}  # fmt: skip
DATE_FIELDS = ("date_of_birth", "joined_on", "official_on", "branch_since")

#: Which status changes make sense from which situation (today's status).
ALLOWED_FROM: dict[StatusEventKind, frozenset[MemberStatus]] = {
    StatusEventKind.FULL_MEMBERSHIP: frozenset({MemberStatus.PROBATIONARY}),
    StatusEventKind.EXEMPTED: frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY}),
    StatusEventKind.EXEMPTION_ENDED: frozenset({MemberStatus.EXEMPT}),
    StatusEventKind.TEMPORARY_AWAY: frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY}),
    StatusEventKind.TEMPORARY_AWAY_ENDED: frozenset({MemberStatus.AWAY}),
    StatusEventKind.SUSPENDED: frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPT}),
    StatusEventKind.SUSPENSION_ENDED: frozenset({MemberStatus.SUSPENDED}),
}


def _as_listed(m: Member) -> tuple[object, ...]:
    """What the screens that list members by name show of one (name, order, status, position): see Area.ROLL."""
    return (m.full_name, m.ho, m.dem, m.ten, m.date_of_birth, m.joined_on, m.official_on, m.branch_since,
            m.party_position, m.events)  # fmt: skip


def member_from_fields(fields: Mapping[str, str], *, base: Member | None = None) -> Member:
    """Parse the member form (every value as typed) into a Member. Collects every field error at once."""
    errors: dict[str, str] = {}
    full_name = clean(fields.get("full_name", base.full_name if base else ""))
    if not full_name:
        errors["full_name"] = "required"
    elif len(full_name) > MAX_NAME:
        errors["full_name"] = "too_long"
    dates: dict[str, date | None] = {}
    for name in DATE_FIELDS:
        if name in fields:
            try:
                dates[name] = parse_optional_date(fields[name], name)
            except DateInputError as exc:
                errors[name] = exc.code
        elif base is not None:
            dates[name] = getattr(base, name)
        else:
            dates[name] = None
    if "joined_on" not in errors and dates.get("joined_on") is None:
        errors["joined_on"] = "required"
    texts = {}
    for name, limit in TEXT_FIELDS.items():
        value = clean(fields.get(name, getattr(base, name) if base else ""))
        if len(value) > limit:
            errors[name] = "too_long"
        texts[name] = value
    if errors:
        raise ValidationError(errors)
    ho, dem, ten = split_name(full_name)
    if base is not None and base.full_name == full_name and base.ten:
        ho, dem, ten = base.ho, base.dem, base.ten  # keep an earlier override of the split
    overrides = {p: clean(fields[p]) for p in ("ho", "dem", "ten") if clean(fields.get(p, ""))}
    ho, dem, ten = overrides.get("ho", ho), overrides.get("dem", dem), overrides.get("ten", ten)
    joined = dates["joined_on"]
    assert joined is not None
    return Member(
        id=base.id if base else None,
        version=base.version if base else 0,
        events=base.events if base else (),
        full_name=full_name,
        ho=ho,
        dem=dem,
        ten=ten,
        date_of_birth=dates["date_of_birth"],
        joined_on=joined,
        official_on=dates["official_on"],
        branch_since=dates["branch_since"],
        **texts,
    )


@lru_cache(maxsize=1)
def party_card_formats() -> tuple[CardFormat, ...]:
    """The known Party card number formats (resources/rules/party_cards.json), read once."""
    path = resource_path("rules", "party_cards.json")
    try:
        return card_formats(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise StorageError("rules_invalid", path=str(path), detail=str(exc)) from exc


def unusual_card(number: str) -> bool:
    """True when *number* fits no known card (8 digits: 2003 card; 12 digits: 2025 card)."""
    return bool(number) and card_format_of(number, party_card_formats()) is None


def soft_warnings(member: Member, today: date, *, card: bool = True) -> list[str]:
    """Things worth a second look that do not stop saving. *card*: include the card-number note (an import
    says it once for the whole file instead, see MemberImportService)."""
    notes = []
    if card and unusual_card(member.party_card_no):
        notes.append(CARD_UNUSUAL_ONE.format(formats=describe_formats(party_card_formats())))
    if member.official_on is None and add_months(member.joined_on, 24) < today:
        notes.append("Đảng viên vào Đảng đã lâu nhưng chưa có ngày chính thức. Hãy bổ sung nếu đã được công nhận.")
    return notes


class UniqueKeys:
    """The unique keys of members (party card, CCCD, folded name + birth date) held in memory, for batches.

    Answers like the repository's find_by_* methods, without a query per row.
    """

    def __init__(self, members: Sequence[Member]) -> None:
        self._card: dict[str, int] = {}
        self._cccd: dict[str, int] = {}
        self._person: dict[tuple[str, str], int] = {}
        self._of: dict[int, tuple[str, str, tuple[str, str] | None]] = {}
        for m in members:
            self.put(m)

    def put(self, m: Member) -> None:
        assert m.id is not None
        old = self._of.pop(m.id, None)
        if old is not None:
            card, cccd, person = old
            if self._card.get(card) == m.id:
                del self._card[card]
            if self._cccd.get(cccd) == m.id:
                del self._cccd[cccd]
            if person is not None and self._person.get(person) == m.id:
                del self._person[person]
        person = (fold(m.full_name), m.date_of_birth.isoformat()) if m.date_of_birth else None
        if m.party_card_no:
            self._card[m.party_card_no] = m.id
        if m.cccd:
            self._cccd[m.cccd] = m.id
        if person is not None:
            self._person[person] = m.id
        self._of[m.id] = (m.party_card_no, m.cccd, person)

    def find_by_card(self, card: str) -> int | None:
        return self._card.get(card)

    def find_by_cccd(self, cccd: str) -> int | None:
        return self._cccd.get(cccd)

    def find_by_person(self, name_fold: str, date_of_birth: str | None) -> int | None:
        return self._person.get((name_fold, date_of_birth or ""))


class MemberService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # ------------------------------------------------------------------ reading
    def list(self, *, search: str = "", on: date | None = None, include_former: bool = False) -> list[Member]:
        """Members in Vietnamese name order; by default only those on the roll on *on* (today)."""
        day = on or self._ctx.today()
        members = self._ctx.members.all()
        if search.strip():
            wanted = set(self._ctx.members.search_ids(search))
            members = [m for m in members if m.id in wanted]
        if include_former:
            return members
        return roll_on(members, day)

    def get(self, member_id: int) -> Member:
        member = self._ctx.members.get(member_id)
        if member is None:
            raise NotFoundError(id=member_id)
        return member

    def all(self) -> list[Member]:
        return self._ctx.members.all()

    def status(self, member: Member, on: date | None = None) -> MemberStatus:
        return member.status_on(on or self._ctx.today())

    # ------------------------------------------------------------------ writing
    def add(self, member: Member) -> Member:
        with self._ctx.db.transaction():
            self._validate(member)
            stored = self._ctx.members.add(member)
            assert stored.id is not None
            index_member(self._ctx, stored)
            self._ctx.log("member", stored.id, "add", stored.full_name)
            return stored

    def update(self, member: Member) -> Member:
        """Save an edit. Refused with StaleEditError (carrying the stored member) when *member* was read
        at an older version: someone saved in between, and their change must not be overwritten."""
        if member.id is None:
            raise NotFoundError()
        with self._ctx.db.transaction():
            stored = self._ctx.members.get(member.id)
            if stored is None:
                raise NotFoundError(id=member.id)
            if stored.version != member.version:
                raise StaleEditError(f"thông tin đồng chí {stored.full_name}", stored)
            self._validate(member)
            before = stored
            self._ctx.members.update(member)
            stored = self._ctx.members.get(member.id)
            assert stored is not None
            index_member(self._ctx, stored)
            self._ctx.log("member", member.id, "update", member.full_name)
            if _as_listed(before) != _as_listed(stored):
                self._ctx.changes.note(Change.of(Area.ROLL, ids=(member.id,)))
            return stored

    def change_status(
        self, member_id: int, kind: StatusEventKind, on: date, *, note: str = "", decision: str = ""
    ) -> Member:
        """Record a dated change (exemption, transfer, full membership …); history is never rewritten."""
        with self._ctx.db.transaction():
            member = self._ctx.members.get(member_id)
            if member is None:
                raise NotFoundError(id=member_id)
            current = member.status_on(on)
            allowed = ALLOWED_FROM.get(kind)
            if kind in LEAVING_EVENTS:
                allowed = frozenset(s for s in MemberStatus if s.on_roll)
            if kind in (StatusEventKind.TRANSFERRED_IN, StatusEventKind.TEMPORARY_VISIT):
                allowed = frozenset(set(MemberStatus))
            if on < member.joined_on:
                raise ValidationError({"on": "before_joined"})
            if allowed is not None and current not in allowed:
                raise ValidationError({"event": "not_allowed"}, status=current.value)
            if kind is StatusEventKind.FULL_MEMBERSHIP:
                member = replace(member, official_on=on)
                self._ctx.members.update(member)
            self._ctx.members.add_event(member_id, StatusEvent(kind, on, clean(note), clean(decision)))
            self._ctx.log("member", member_id, f"status:{kind.value}", f"{on.isoformat()} {clean(note)}".strip())
            stored = self._ctx.members.get(member_id)
            assert stored is not None
            return stored

    def save_many(self, members: Sequence[Member], action: str = "import") -> list[Member]:
        """Add (id None) or update each member, all in one transaction: one invalid member and nothing is saved.

        Uniqueness is checked against the stored members held in memory (kept up to date as the batch is
        saved), and the search index is updated once for the batch: 5,000 rows spent 15 s in per-row scans.
        """
        stored_all = []
        added: list[Member] = []
        updated: list[Member] = []
        with self._ctx.db.transaction():
            keys = UniqueKeys(self._ctx.members.all())
            for member in members:
                self._validate(member, keys)
                if member.id is None:
                    stored = self._ctx.members.add(member)
                    added.append(stored)
                else:
                    self._ctx.members.update(member)
                    for event in member.events:  # new history from the batch (e.g. an imported status)
                        if event.id is None:
                            self._ctx.members.add_event(member.id, event)
                    stored = self._ctx.members.get(member.id)
                    assert stored is not None
                    updated.append(stored)
                assert stored.id is not None
                keys.put(stored)
                self._ctx.log("member", stored.id, action, stored.full_name)
                stored_all.append(stored)
            index_members(self._ctx, added, updated)
        return stored_all

    def check(self, member: Member, keys: UniqueKeys | None = None) -> None:
        """Raise the ValidationError that add/update would raise, writing nothing (for previews of a batch).

        *keys* (from unique_keys()) checks uniqueness in memory: for checking many rows at once.
        """
        self._validate(member, keys)

    def unique_keys(self) -> UniqueKeys:
        return UniqueKeys(self._ctx.members.all())

    # ------------------------------------------------------------------ rules of the form
    def _validate(self, m: Member, keys: UniqueKeys | None = None) -> None:
        errors: dict[str, str] = {}
        repo = keys if keys is not None else self._ctx.members
        today = self._ctx.today()
        if not m.full_name.strip():  # a direct call (import, CLI, a script) as well as the form
            errors["full_name"] = "required"
        if m.date_of_birth and m.date_of_birth > today:
            errors["date_of_birth"] = "future"
        if m.joined_on > today:
            errors["joined_on"] = "future"
        elif m.date_of_birth and years_between(m.date_of_birth, m.joined_on) < 18:
            errors["joined_on"] = "too_young"
        if m.official_on is not None:
            if m.official_on < m.joined_on:
                errors["official_on"] = "before_joined"
            elif m.official_on > add_months(today, 1):
                errors["official_on"] = "future"
        if m.branch_since is not None and m.branch_since < m.joined_on:
            errors["branch_since"] = "before_joined"
        if m.cccd:
            if not _DIGITS.fullmatch(m.cccd):
                errors["cccd"] = "digits"
            elif len(m.cccd) != 12:
                errors["cccd"] = "cccd_length"
            elif (other := repo.find_by_cccd(m.cccd)) is not None and other != m.id:
                errors["cccd"] = "duplicate"
        card_owner = repo.find_by_card(m.party_card_no) if m.party_card_no else None
        if card_owner is not None and card_owner != m.id:
            errors["party_card_no"] = "duplicate"
        if m.gender and m.gender not in ("Nam", "Nữ"):
            errors["gender"] = "invalid"
        if "full_name" not in errors and m.date_of_birth is not None:
            other = repo.find_by_person(fold(m.full_name), m.date_of_birth.isoformat())
            if other is not None and other != m.id:
                errors["full_name"] = "duplicate_person"
        if errors:
            raise ValidationError(errors)
