"""Item roles shared by every table model: the row's domain object and a value that sorts correctly."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

AnyIndex = QModelIndex | QPersistentModelIndex

#: The row's domain object; survives a QSortFilterProxyModel.
ObjectRole = Qt.ItemDataRole.UserRole + 1
#: A value that sorts correctly (dates as ISO text, names by Vietnamese collation key).
SortRole = Qt.ItemDataRole.UserRole + 2
#: Diacritic-free, lower-case text the filter proxies match against.
FilterRole = Qt.ItemDataRole.UserRole + 3


def refilter(proxy: QSortFilterProxyModel, change: Callable[[], None]) -> None:
    """Apply *change* to a proxy's filter state and re-filter rows (Qt ≥ 6.10 API, older fallback)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - PySide6 < 6.10
        change()
        proxy.invalidateRowsFilter()
