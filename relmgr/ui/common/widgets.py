"""Small building blocks shared by the pages: a read-only table view over a FrameTableModel, and
a matplotlib chart widget (matplotlib imported on first use, never at start-up)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget
from shiboken6 import isValid

from relmgr.services.changes import Changes, Topic
from relmgr.ui.common.table_model import FrameTableModel


def follow_changes(page: QWidget, runner: Any, reads: frozenset[Topic]) -> None:
    """`page` reads again (page.load()) when a write changed a kind of data it shows (`reads`),
    if it shows data at all: a page sets `page.live = True` in load() and False in clear(), so a
    page never opened, or emptied by the lock, stays as it is until it is opened."""
    page.live = False
    page.reads = reads

    def on_changes(changes: Changes) -> None:
        if isValid(page) and page.live and changes.touches(reads):
            page.load()

    runner.changed.connect(on_changes)


def select_only(view: QTableView, row: int) -> None:
    """Select only `row` of `view` and make it current, whatever keys are held.
    QTableView.selectRow follows the keyboard's modifiers: with Ctrl down (the RM on a
    shortcut, or a test that sent one) it added the row to a multi-selection instead of
    choosing it, so a line chosen by the program joined the lines selected before."""
    index = view.model().index(row, 0)
    if index.isValid():
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


class ListView(QTableView):
    """A sortable, read-only list; double-click (or Enter) asks to open that customer."""

    open_customer = Signal(str)

    def __init__(self, model: FrameTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, header.sortIndicatorOrder())
        header.sortIndicatorChanged.connect(self._sort)
        self.doubleClicked.connect(self._open)
        self.activated.connect(self._open)

    def selectRow(self, row: int) -> None:  # noqa: N802 (Qt API)
        select_only(self, row)

    def frame_model(self) -> FrameTableModel:
        model = self.model()
        assert isinstance(model, FrameTableModel)
        return model

    def _sort(self, column: int, order: Any) -> None:
        model = self.frame_model()
        if column >= 0 and len(model.frame):
            model.set_visible_rows(model.sort_rows(model.visible_rows(), column, order))

    def _open(self, index: Any) -> None:
        customer_id = self.frame_model().customer_id_at(index.row())
        if customer_id:
            self.open_customer.emit(str(customer_id))


class Chart(QWidget):
    """A matplotlib figure in Qt. `draw(fn)` clears the axes and calls fn(axes)."""

    def __init__(self, *, height: float = 2.2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import matplotlib

        from relmgr.ui.customers.aum_chart import CJK_FONTS

        matplotlib.use("QtAgg")
        matplotlib.rcParams["font.sans-serif"] = CJK_FONTS
        matplotlib.rcParams["axes.unicode_minus"] = False
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(5, height), dpi=100, layout="constrained")
        self.axes = self.figure.add_subplot()
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(int(height * 80))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def draw(self, paint: Callable[[Any], None]) -> None:
        self.axes.clear()
        paint(self.axes)
        for side in ("top", "right"):
            self.axes.spines[side].set_visible(False)
        self.axes.tick_params(labelsize=8)
        self.canvas.draw_idle()


def section_title(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label
