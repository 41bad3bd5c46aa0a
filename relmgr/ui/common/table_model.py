"""`FrameTableModel`: the table model over a DataFrame that every list of customers or results
uses (each feature names its columns; the Customers page's are in ui/customers/table_model.py).

Filtering and sorting happen in pandas/numpy and the model is reset with the visible row
positions (a QSortFilterProxyModel over 50,000 rows is far too slow). Cells are formatted when
Qt asks for them, which is only for the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt


_Index = QModelIndex | QPersistentModelIndex


Column = tuple[str, str, Callable[[Any], str], Qt.AlignmentFlag]
LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight


class FrameTableModel(QAbstractTableModel):
    """Rows of a DataFrame under the given columns: (frame column, header source text marked with
    QT_TRANSLATE_NOOP under `context`, formatter, alignment). The frame must have customer_id
    as its first column for `customer_id_at`."""

    def __init__(self, columns: tuple[Column, ...], *, context: str,
                 frame: pd.DataFrame | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._context = context
        self._frame = frame if frame is not None else pd.DataFrame(columns=[c[0] for c in columns])
        self._values = self._column_values(self._frame)
        self._rows = np.arange(len(self._frame))

    def _column_values(self, frame: pd.DataFrame) -> list[list[Any]]:
        # Plain lists: indexing a list per cell is far cheaper than DataFrame.iat.
        return [frame[c].tolist() if c in frame else [None] * len(frame) for c, *_ in self.columns]

    # -- data -------------------------------------------------------------------------------
    @property
    def frame(self) -> pd.DataFrame:
        return self._frame

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame
        self._values = self._column_values(frame)
        self._rows = np.arange(len(frame))
        self.endResetModel()

    def clear(self) -> None:
        """Forget every customer (on lock)."""
        self.set_frame(pd.DataFrame(columns=[c[0] for c in self.columns]))

    def set_visible_rows(self, rows: np.ndarray) -> None:
        """Show these frame positions, in this order."""
        self.beginResetModel()
        self._rows = np.asarray(rows, dtype=np.int64)
        self.endResetModel()

    def visible_rows(self) -> np.ndarray:
        return self._rows

    def sort_rows(self, rows: np.ndarray, column: int, order: Qt.SortOrder) -> np.ndarray:
        """`rows` reordered by a column (stable, missing values last)."""
        return rows_by_keys(rows, self._frame[self.columns[column][0]].iloc[rows], order)

    def customer_id_at(self, row: int) -> str | None:
        if 0 <= row < len(self._rows) and "customer_id" in self._frame:
            return self._frame["customer_id"].iat[int(self._rows[row])]
        return None

    def row_of(self, customer_id: str) -> int | None:
        positions = np.flatnonzero(self._frame["customer_id"].to_numpy()[self._rows] == customer_id) \
            if len(self._frame) else []
        return int(positions[0]) if len(positions) else None

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column[2](self._values[index.column()][self._rows[index.row()]])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column[3] | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._context, self.columns[section][1])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows.size:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))


def rows_by_keys(rows: np.ndarray, key: pd.Series, order: Qt.SortOrder) -> np.ndarray:
    """Stable sort of `rows` by `key` (aligned with rows), missing values last."""
    ordered = key.reset_index(drop=True).sort_values(
        ascending=order == Qt.SortOrder.AscendingOrder, na_position="last", kind="stable")
    return np.asarray(rows)[ordered.index.to_numpy()]
