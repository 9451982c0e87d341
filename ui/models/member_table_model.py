"""Table model over the branch's members, with a proxy for as-you-type, diacritic-insensitive search and status filters."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, QSortFilterProxyModel, Qt

from app.domain import labels
from app.domain.dates import format_dmy
from app.domain.membership import Member, MemberStatus
from app.domain.vntext import fold, name_sort_key
from ui.models.roles import AnyIndex, FilterRole, ObjectRole, SortRole, refilter


class MemberColumn(IntEnum):
    NAME = 0
    BORN = 1
    JOINED = 2
    OFFICIAL = 3
    STATUS = 4
    POSITION = 5
    CARD = 6


HEADERS = {
    MemberColumn.NAME: "Họ và tên",
    MemberColumn.BORN: "Ngày sinh",
    MemberColumn.JOINED: "Ngày vào Đảng",
    MemberColumn.OFFICIAL: "Ngày chính thức",
    MemberColumn.STATUS: "Tình trạng",
    MemberColumn.POSITION: "Chức vụ",
    MemberColumn.CARD: "Số thẻ",
}

#: Status filter choices: label -> the statuses it keeps (None: everyone on the roll; empty: everyone).
STATUS_FILTERS: dict[str, frozenset[MemberStatus] | None] = {
    "Đang sinh hoạt tại chi bộ": None,
    "Chính thức": frozenset({MemberStatus.FULL}),
    "Dự bị": frozenset({MemberStatus.PROBATIONARY}),
    "Miễn sinh hoạt": frozenset({MemberStatus.EXEMPT}),
    "Sinh hoạt tạm thời": frozenset({MemberStatus.AWAY, MemberStatus.VISITING}),
    "Đình chỉ sinh hoạt": frozenset({MemberStatus.SUSPENDED}),
    "Đã rời chi bộ": frozenset(s for s in MemberStatus if not s.on_roll and s is not MemberStatus.NOT_YET_ON_ROLL),
    "Tất cả": frozenset(),
}


_COLUMNS = tuple(MemberColumn)
_COLUMN_COUNT = len(_COLUMNS)
_SERVED_ROLES = frozenset(
    int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole, ObjectRole, FilterRole)
)


class MemberTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: list[Member] = []
        self._status: list[MemberStatus] = []
        # Per-row text the proxy asks for on every keystroke and every sort comparison: computed once per
        # change, not per call (5,000 members: fold() and the collation key cost ~1 s per keystroke).
        self._haystack: list[str] = []
        self._name_key: list[str] = []
        #: Per row, 1 if it passes the search and status filter: computed for all rows in one pass when the
        #: filter changes, so the proxy's per-row filterAcceptsRow (5,000 Python calls per keystroke) only
        #: indexes it. Matching in that callback cost ~45 ms per keystroke at 5,000 members.
        self.accepted = bytearray()
        self._words: list[str] = []
        self._statuses: frozenset[MemberStatus] | None = frozenset()  # everyone, until a filter is set
        self._today = date.today()

    # ------------------------------------------------------------------ API for views
    def set_members(self, members: Sequence[Member], today: date) -> None:
        """Rows are kept in Vietnamese name order, so the proxy shows that order without sorting (see its sort())."""
        keyed = sorted(((name_sort_key(m.ho, m.dem, m.ten), m) for m in members), key=lambda pair: pair[0])
        self.beginResetModel()
        self._today = today
        self._name_key = [key for key, _ in keyed]
        self._members = [m for _, m in keyed]
        self._status = [m.status_on(today) for m in self._members]
        self._haystack = [self._filter_text(m) for m in self._members]
        self.accepted[:] = self._matching()  # in place: the proxy holds this very bytearray
        self.endResetModel()

    def set_filter(self, words: Sequence[str], statuses: frozenset[MemberStatus] | None) -> None:
        """Mark the rows whose folded text holds every word, within *statuses* (None: on the roll; empty: all).

        Call it between the proxy's beginFilterChange() and endFilterChange() (MemberFilterProxy does).
        """
        self._words = list(words)
        self._statuses = statuses
        self.accepted[:] = self._matching()

    def upsert(self, member: Member) -> None:
        """Insert or replace *member*, keeping name order (a renamed member moves to its new place)."""
        key = name_sort_key(member.ho, member.dem, member.ten)
        row = self.row_of(member.id) if member.id is not None else -1
        if row >= 0 and self._name_key[row] == key:
            self._members[row] = member
            self._status[row] = member.status_on(self._today)
            self._haystack[row] = self._filter_text(member)
            self.accepted[row] = self._accepts(row)
            self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMN_COUNT - 1))
            return
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            for column in (self._members, self._status, self._haystack, self._name_key, self.accepted):
                del column[row]
            self.endRemoveRows()
        row = bisect_right(self._name_key, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._members.insert(row, member)
        self._status.insert(row, member.status_on(self._today))
        self._haystack.insert(row, self._filter_text(member))
        self._name_key.insert(row, key)
        self.accepted.insert(row, self._accepts(row))
        self.endInsertRows()

    def member_at(self, row: int) -> Member:
        return self._members[row]

    def sort_key(self, row: int, column: int) -> str:
        """What SortRole gives for (row, column), cached for the name column."""
        if column == MemberColumn.NAME:
            return self._name_key[row]
        return self._sort_value(self._members[row], self._status[row], _COLUMNS[column])

    def filter_text_at(self, row: int) -> str:
        """Folded name, card, job and phone of the row: what the search words are matched against."""
        return self._haystack[row]

    def row_of(self, member_id: int) -> int:
        for row, member in enumerate(self._members):
            if member.id == member_id:
                return row
        return -1

    # ------------------------------------------------------------------ filtering
    def _matching(self) -> bytearray:
        """1 per row that passes the filter: one pass over the cached text, no call per row."""
        statuses = self._statuses
        if statuses is None:
            rows = [i for i, status in enumerate(self._status) if status.on_roll]
        elif statuses:
            rows = [i for i, status in enumerate(self._status) if status in statuses]
        else:
            rows = list(range(len(self._members)))
        haystack = self._haystack
        for word in self._words:
            rows = [i for i in rows if word in haystack[i]]
        accepted = bytearray(len(self._members))
        for i in rows:
            accepted[i] = 1
        return accepted

    def _accepts(self, row: int) -> bool:
        statuses, status = self._statuses, self._status[row]
        if statuses is None:
            if not status.on_roll:
                return False
        elif statuses and status not in statuses:
            return False
        return all(word in self._haystack[row] for word in self._words)

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SERVED_ROLES:  # the view asks ~10 roles per painted cell; answer the others at once
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member = self._members[index.row()]
        column = _COLUMNS[index.column()]  # a tuple lookup: Qt calls data() hundreds of thousands of times
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(member, self._status[index.row()], column)
        if role == SortRole:
            if column is MemberColumn.NAME:
                return self._name_key[index.row()]
            return self._sort_value(member, self._status[index.row()], column)
        if role == ObjectRole:
            return member
        if role == FilterRole:
            return self._haystack[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and column is MemberColumn.STATUS:
            return labels.MEMBER_STATUS[self._status[index.row()].value]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[MemberColumn(section)]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _filter_text(m: Member) -> str:
        return fold(" ".join((m.full_name, m.party_card_no, m.job_position, m.phone)))

    @staticmethod
    def _display(m: Member, status: MemberStatus, column: MemberColumn) -> str:
        match column:
            case MemberColumn.NAME:
                return m.full_name
            case MemberColumn.BORN:
                return format_dmy(m.date_of_birth)
            case MemberColumn.JOINED:
                return format_dmy(m.joined_on)
            case MemberColumn.OFFICIAL:
                return format_dmy(m.official_on)
            case MemberColumn.STATUS:
                return labels.MEMBER_STATUS[status]
            case MemberColumn.POSITION:
                return m.party_position
            case MemberColumn.CARD:
                return m.party_card_no
        return ""

    @staticmethod
    def _sort_value(m: Member, status: MemberStatus, column: MemberColumn) -> str:
        match column:
            case MemberColumn.NAME:
                return name_sort_key(m.ho, m.dem, m.ten)
            case MemberColumn.BORN:
                return m.date_of_birth.isoformat() if m.date_of_birth else ""
            case MemberColumn.JOINED:
                return m.joined_on.isoformat()
            case MemberColumn.OFFICIAL:
                return m.official_on.isoformat() if m.official_on else ""
            case MemberColumn.STATUS:
                return status.value
        return fold(MemberTableModel._display(m, status, column))


class MemberFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose name, card or job contains the typed words (any accents), within the status filter.

    The model marks the matching rows (MemberTableModel.accepted) in one pass per filter change;
    filterAcceptsRow only reads that mark.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._statuses: frozenset[MemberStatus] | None = None
        self._accepted = bytearray()
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if isinstance(model, MemberTableModel):
            model.set_filter(self._words, self._statuses)
            self._accepted = model.accepted  # the same bytearray, kept in step by the model
        super().setSourceModel(model)

    def set_search(self, text: str) -> None:
        words = fold(text).split()
        if words != self._words:  # each re-filter also re-sorts every visible row: skip the no-ops
            self._words = words
            refilter(self, self._push)

    def set_statuses(self, statuses: frozenset[MemberStatus] | None) -> None:
        if statuses != self._statuses:
            self._statuses = statuses
            refilter(self, self._push)

    def _push(self) -> None:
        model = self.sourceModel()
        if isinstance(model, MemberTableModel):
            model.set_filter(self._words, self._statuses)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source rows are already in name order: "by name, A to Z" is the source order (-1), so filtering
        # as you type never sorts. Widening the filter by one Backspace re-inserted 3,000 rows through
        # lessThan in 125 ms; in source order it is a C++ merge.
        if column == MemberColumn.NAME and order == Qt.SortOrder.AscendingOrder:
            super().sort(-1, order)
        else:
            super().sort(column, order)

    def lessThan(self, source_left: AnyIndex, source_right: AnyIndex) -> bool:
        # One Python call per comparison with cached keys, instead of two data() round trips (4,000 rows
        # sort in ~50,000 comparisons on every keystroke).
        model = self.sourceModel()
        assert isinstance(model, MemberTableModel)
        column = source_left.column()
        return model.sort_key(source_left.row(), column) < model.sort_key(source_right.row(), column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:  # asked for hundreds of rows each time the view lays out
            # running number (STT) of the visible order, not the source row; the source has no other roles
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        return super().headerData(section, orientation, role)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        return self._accepted[source_row] == 1  # called per row per keystroke: keep it to one lookup
