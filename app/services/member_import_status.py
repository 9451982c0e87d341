"""What an imported list says beyond the form fields: the member's status as a dated event, and address parts.

Lists made by other branch software ("File nhập liệu": national data-entry layout) carry a "Trạng thái
hoạt động" column ("Đang sinh hoạt Đảng", "Miễn sinh hoạt", …) with "Ngày rời/mất/miễn SH", and addresses
split into "Quốc gia / Tỉnh/Thành / Chi tiết" under "Quê quán", "Thường trú", "Nơi đăng ký khai sinh".
A status becomes the matching dated event; a status that is not understood refuses the row, by name.
No I/O, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.domain.dates import DateInputError, parse_date
from app.domain.membership import LEAVING_EVENTS, Member, MemberStatus, StatusEvent, StatusEventKind
from app.domain.vntext import clean, fold

#: Folded status wording -> the event it means (None: active, nothing to record). Variants seen in lists.
STATUS_WORDS: dict[str, StatusEventKind | None] = {
    "dang sinh hoat dang": None, "dang sinh hoat": None, "dang hoat dong": None, "sinh hoat dang": None,
    "binh thuong": None, "chinh thuc": None, "du bi": None, "dang vien chinh thuc": None, "dang vien du bi": None,
    "mien sinh hoat": StatusEventKind.EXEMPTED, "mien sinh hoat dang": StatusEventKind.EXEMPTED,
    "mien cong tac va sinh hoat dang": StatusEventKind.EXEMPTED, "mien sh": StatusEventKind.EXEMPTED,
    "mien cong tac sinh hoat dang": StatusEventKind.EXEMPTED,
    "sinh hoat tam thoi noi khac": StatusEventKind.TEMPORARY_AWAY, "di sinh hoat tam thoi": StatusEventKind.TEMPORARY_AWAY,
    "sinh hoat tam thoi": StatusEventKind.TEMPORARY_AWAY, "shtt": StatusEventKind.TEMPORARY_AWAY,
    "dinh chi sinh hoat": StatusEventKind.SUSPENDED, "dinh chi sinh hoat dang": StatusEventKind.SUSPENDED,
    "chuyen sinh hoat di": StatusEventKind.TRANSFERRED_OUT, "da chuyen sinh hoat di": StatusEventKind.TRANSFERRED_OUT,
    "chuyen di": StatusEventKind.TRANSFERRED_OUT, "da chuyen di": StatusEventKind.TRANSFERRED_OUT,
    "chuyen sinh hoat dang di": StatusEventKind.TRANSFERRED_OUT, "chuyen sinh hoat chinh thuc": StatusEventKind.TRANSFERRED_OUT,
    "xoa ten": StatusEventKind.REMOVED, "da xoa ten": StatusEventKind.REMOVED,
    "khai tru": StatusEventKind.EXPELLED, "da khai tru": StatusEventKind.EXPELLED,
    "ra khoi dang": StatusEventKind.RESIGNED, "xin ra khoi dang": StatusEventKind.RESIGNED,
    "tu tran": StatusEventKind.DECEASED, "da tu tran": StatusEventKind.DECEASED, "da mat": StatusEventKind.DECEASED,
    "mat": StatusEventKind.DECEASED, "chet": StatusEventKind.DECEASED, "tu tran tu vong": StatusEventKind.DECEASED,
}  # fmt: skip

#: The status each event leads to (to tell "already recorded" from "new").
_LEADS_TO = {
    StatusEventKind.EXEMPTED: MemberStatus.EXEMPT,
    StatusEventKind.TEMPORARY_AWAY: MemberStatus.AWAY,
    StatusEventKind.SUSPENDED: MemberStatus.SUSPENDED,
    StatusEventKind.TRANSFERRED_OUT: MemberStatus.TRANSFERRED_OUT,
    StatusEventKind.REMOVED: MemberStatus.REMOVED,
    StatusEventKind.EXPELLED: MemberStatus.EXPELLED,
    StatusEventKind.RESIGNED: MemberStatus.RESIGNED,
    StatusEventKind.DECEASED: MemberStatus.DECEASED,
}
#: Situations from which each change can be recorded (LEAVING_EVENTS: from any situation on the roll).
_ALLOWED_FROM = {
    StatusEventKind.EXEMPTED: frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY}),
    StatusEventKind.TEMPORARY_AWAY: frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY}),
    StatusEventKind.SUSPENDED: frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPT}),
}
_ADDRESS_ORDER = ("detail", "commune", "district", "province")
_HOME_COUNTRY = frozenset({"viet nam", "vn", "vietnam", "nuoc chxhcn viet nam", "cong hoa xa hoi chu nghia viet nam"})
ADDRESS_GROUPS = ("hometown", "residence", "birthplace")


@dataclass(frozen=True, slots=True)
class StatusCell:
    """The status a row gives: *text* as written, *kind* None for active; *on* its date if any."""

    text: str
    kind: StatusEventKind | None
    on: date | None


class StatusProblem(Exception):
    """A status the row cannot be imported with. ``code``: unknown, no_date, date, not_allowed, before_joined, future."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(code)
        self.code = code
        self.text = text


def read_status(values: dict[str, Any]) -> StatusCell | None:
    """Pop "status" and "status_on" from a row's values. Raises StatusProblem for wording it does not know."""
    raw, raw_on = values.pop("status", None), values.pop("status_on", None)
    if raw is None and raw_on is None:
        return None
    text = clean("" if raw is None else str(raw))
    key = " ".join(fold(text).replace("/", " ").replace("-", " ").replace(".", " ").split())
    if not text:
        kind = None
    elif key in STATUS_WORDS:
        kind = STATUS_WORDS[key]
    else:
        raise StatusProblem("unknown", text)
    on = None
    if isinstance(raw_on, date):
        on = raw_on
    elif raw_on is not None and str(raw_on).strip():
        try:
            on = parse_date(str(raw_on), "status_on")
        except DateInputError as exc:
            raise StatusProblem("date", text) from exc
    if kind is not None and on is None:
        raise StatusProblem("no_date", text)
    return StatusCell(text, kind, on)


def with_status(member: Member, status: StatusCell | None, today: date) -> Member:
    """*member* with the status's event added, unless its history already says so. Raises StatusProblem."""
    if status is None or status.kind is None or status.on is None:
        return member
    if status.on > today:
        raise StatusProblem("future", status.text)
    if status.on < member.joined_on:
        raise StatusProblem("before_joined", status.text)
    if member.status_on(status.on) is _LEADS_TO[status.kind]:
        return member  # already in the history (the same list imported twice, or recorded by hand)
    allowed = _ALLOWED_FROM.get(status.kind)
    if status.kind in LEAVING_EVENTS:
        allowed = frozenset(s for s in MemberStatus if s.on_roll)
    if allowed is not None and member.status_on(status.on) not in allowed:
        raise StatusProblem("not_allowed", status.text)
    event = StatusEvent(status.kind, status.on, note="Nhập từ danh sách Excel")
    return replace(member, events=(*member.events, event))


def compose_addresses(values: dict[str, Any]) -> None:
    """Join "Quê quán / Tỉnh/Thành", "… / Chi tiết" … into one text per group (in place); foreign country kept."""
    for group in ADDRESS_GROUPS:
        prefix = group + "."
        parts = {k[len(prefix) :]: clean(str(values.pop(k))) for k in list(values) if k.startswith(prefix)}
        if not parts:
            continue
        pieces = [parts[p] for p in _ADDRESS_ORDER if parts.get(p)]
        country = parts.get("country", "")
        if country and fold(country) not in _HOME_COUNTRY:
            pieces.append(country)
        if pieces:
            values[group] = ", ".join(pieces)
