"""What a write changed (areas and ids), so each screen refreshes only for what it shows. Pure values, no I/O.

Services note a Change for every write they log (``ServiceContext.log``); the window takes the sum after a
service call and marks stale only the screens whose areas it touches. A rule change touches every screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache


class Area(StrEnum):
    """One kind of stored thing a screen may show."""

    MEMBERS = "members"  # a member's record (details, contacts, history)
    ROLL = "roll"  # who is on the roll and how they are named: every screen that lists members by name
    MEETINGS = "meetings"
    TOPICS = "topics"
    KL01 = "kl01"  # học tập và làm theo Bác
    RATINGS = "ratings"
    DUES = "dues"
    BRANCH = "branch"  # the branch profile, its settings, document counters and the program password
    RULES = "rules"  # the rule set in force: every judgement on every screen
    BACKUPS = "backups"  # the backup files beside the database


EVERY_AREA: frozenset[Area] = frozenset(Area)


@dataclass(frozen=True, slots=True)
class Change:
    """The areas a write touched, and the ids written where known (area -> ids)."""

    areas: frozenset[Area] = frozenset()
    ids: Mapping[Area, frozenset[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, *areas: Area, ids: Iterable[int] = ()) -> Change:
        """*areas* touched; *ids* are the ids written in the first of them."""
        known = frozenset(ids)
        return cls(frozenset(areas), {areas[0]: known} if areas and known else {})

    def __or__(self, other: Change) -> Change:
        ids = {
            area: self.ids.get(area, frozenset()) | other.ids.get(area, frozenset()) for area in {*self.ids, *other.ids}
        }
        return Change(self.areas | other.areas, ids)

    def __bool__(self) -> bool:
        return bool(self.areas)

    def touches(self, shown: Iterable[Area]) -> bool:
        """True when a screen showing *shown* must refresh: it shows a touched area, or the rules changed."""
        return Area.RULES in self.areas or not self.areas.isdisjoint(shown)


#: Everything at once: a restore, the demo branch seeded, a write this table does not know.
EVERYTHING = Change(EVERY_AREA)

#: change-log entity -> area (``ServiceContext.log(entity, …)``); "kl01_*" and "dues_*" by their prefix.
_ENTITY_AREA = {
    "member": Area.MEMBERS,
    "meeting": Area.MEETINGS,
    "topic": Area.TOPICS,
    "rating": Area.RATINGS,
    "branch_rating": Area.RATINGS,
    "branch": Area.BRANCH,
    "report": Area.BRANCH,  # the report's number comes from the branch's counter
    "security": Area.BRANCH,
}
_SETTING_AREA = {"rules": Area.RULES, "ratings_deadline": Area.RATINGS, "layout": Area.BRANCH}
#: member actions that change who is on the roll or how a name reads (an edit says so itself: roll_changed)
_MEMBER_ACTIONS_ON_ROLL = ("add", "import", "status:")


def from_log(entity: str, entity_id: int, action: str) -> Change:
    """The Change a change-log line records: ("member", 12, "add") -> members and roll, member 12."""
    areas, id_area = _areas_of(entity, action)
    return Change(areas, {id_area: frozenset((entity_id,))} if id_area is not None else {})


@lru_cache(maxsize=256)
def _areas_of(entity: str, action: str) -> tuple[frozenset[Area], Area | None]:
    """(areas touched, the area the id belongs to) of a log line; few distinct pairs, so cached."""
    if entity == "branch" and action == "demo":
        return EVERY_AREA, None
    if entity == "settings":
        area = _SETTING_AREA.get(action)
        return (frozenset({area}), None) if area else (EVERY_AREA, None)
    area = _ENTITY_AREA.get(entity) or _prefixed(entity)
    if area is None:
        return EVERY_AREA, None
    if area is Area.MEMBERS and action.startswith(_MEMBER_ACTIONS_ON_ROLL):
        return frozenset({Area.MEMBERS, Area.ROLL}), Area.MEMBERS
    return frozenset({area}), area


def _prefixed(entity: str) -> Area | None:
    if entity.startswith("kl01_"):
        return Area.KL01
    if entity.startswith("dues_"):
        return Area.DUES
    return None


class ChangeRecorder:
    """Collects the Changes of the writes since the last take (the UI takes them after each service call).

    Kept in plain sets, not by joining Changes: an import of 5,000 members notes 5,000 of them.
    """

    def __init__(self) -> None:
        self._areas: set[Area] = set()
        self._ids: dict[Area, set[int]] = {}

    def note(self, change: Change) -> None:
        self._areas |= change.areas
        for area, ids in change.ids.items():
            self._ids.setdefault(area, set()).update(ids)

    def note_log(self, entity: str, entity_id: int, action: str) -> None:
        """note(from_log(…)) without building a Change: one call per written row of an import."""
        areas, id_area = _areas_of(entity, action)
        self._areas |= areas
        if id_area is not None:
            self._ids.setdefault(id_area, set()).add(entity_id)

    def take(self) -> Change:
        """The sum of the writes since the last take, and start again."""
        change = Change(frozenset(self._areas), {area: frozenset(ids) for area, ids in self._ids.items()})
        self._areas, self._ids = set(), {}
        return change
