"""Tables that fit a 1366-pixel screen: cells too narrow for their text are elided with the whole
text in a tooltip, column widths come from the font and a sample of each column's widest value,
and the header's context menu lets the RM choose the columns (saved, relmgr/services/table_columns.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from relmgr.services.table_columns import hidden_columns, save_hidden_columns

_CELL_PADDING = 10      # the style's text margins on both sides
_HEADER_PADDING = 18    # and a little room for the sort indicator


def cell_tooltip(view: QTableView, index: QModelIndex | QPersistentModelIndex) -> str | None:
    """What the cell's tooltip says: the model's own tooltip (e.g. the full name behind a compact
    label), else the cell's text when it does not fit its column (Qt shows it elided), else none."""
    own = index.data(Qt.ItemDataRole.ToolTipRole)
    if own:
        return str(own)
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not text:
        return None
    width = view.fontMetrics().horizontalAdvance(str(text)) + _CELL_PADDING
    return str(text) if width > view.columnWidth(index.column()) else None


class ElidedTipDelegate(QStyledItemDelegate):
    """Draws cells as usual (Qt elides text on the right); the tooltip is `cell_tooltip`."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,  # noqa: N802
                  index: QModelIndex) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(view, QTableView):
            return super().helpEvent(event, view, option, index)
        tip = cell_tooltip(view, index)
        if tip:
            QToolTip.showText(event.globalPos(), tip, view)
        else:
            QToolTip.hideText()
        return True


def fit_columns(view: QTableView, samples: Mapping[int, str]) -> None:
    """Each column as wide as its header or its sample value (the widest it usually shows)."""
    model = view.model()
    metrics = view.fontMetrics()
    header_metrics = view.horizontalHeader().fontMetrics()
    for column, sample in samples.items():
        header = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        view.setColumnWidth(column, max(metrics.horizontalAdvance(sample) + _CELL_PADDING,
                                        header_metrics.horizontalAdvance(header) + _HEADER_PADDING))


class ColumnChooser(QObject):
    """The header's context menu of a table: one checkable entry per column, and the defaults.
    The columns hidden are saved under `table` by their keys (the model's frame columns)."""

    def __init__(self, view: QTableView, *, table: str, keys: Iterable[str],
                 hidden_by_default: Iterable[str]) -> None:
        super().__init__(view)
        self.view = view
        self.table = table
        self.keys = list(keys)
        self.default_hidden = set(hidden_by_default)
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        saved = hidden_columns(table)
        self._apply(self.default_hidden if saved is None else set(saved) & set(self.keys))

    @property
    def model(self) -> QAbstractItemModel:
        return self.view.model()

    def hidden(self) -> set[str]:
        return {key for column, key in enumerate(self.keys) if self.view.isColumnHidden(column)}

    def set_hidden(self, key: str, hidden: bool) -> None:
        """Hide or show one column and remember it; the last column shown stays."""
        wanted = self.hidden() | {key} if hidden else self.hidden() - {key}
        if len(wanted) >= len(self.keys):
            return
        self._apply(wanted)
        save_hidden_columns(self.table, sorted(wanted))

    def reset(self) -> None:
        self._apply(self.default_hidden)
        save_hidden_columns(self.table, sorted(self.default_hidden))

    def _apply(self, hidden: set[str]) -> None:
        for column, key in enumerate(self.keys):
            self.view.setColumnHidden(column, key in hidden)

    def menu(self) -> QMenu:
        """The menu the header shows (built each time: the names follow the language)."""
        menu = QMenu(self.view)
        hidden = self.hidden()
        for column, key in enumerate(self.keys):
            action = QAction(str(self.model.headerData(column, Qt.Orientation.Horizontal) or key), menu)
            action.setCheckable(True)
            action.setChecked(key not in hidden)
            # The only column left cannot be unticked: a table of no columns shows nothing.
            action.setEnabled(key in hidden or len(hidden) < len(self.keys) - 1)
            action.toggled.connect(lambda on, k=key: self.set_hidden(k, not on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Default columns"))
        reset.triggered.connect(self.reset)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        header: QHeaderView = self.view.horizontalHeader()
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(header.mapToGlobal(position))
