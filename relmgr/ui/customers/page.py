"""The Customers page: every customer in one table, search-as-you-type, the 360 pane beside it.

The list is loaded once per unlock on the database thread. Search and sort run on the GUI
thread in numpy/pandas (a few milliseconds at 50,000 rows) and reset the model with the visible
rows; the 360 view of the selected customer is read on the database thread, and an answer for
a customer the RM has already left behind is dropped.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QComboBox,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.churn import RiskBand
from relmgr.domain.segments import RfmSegment, Stage, Tier
from relmgr.services.customers import (
    filter_by_codes,
    filter_customers,
    load_customer_360,
    load_customer_list,
    tag_choices,
)
from relmgr.services.changes import Topic
from relmgr.ui.churn import texts as churn_texts
from relmgr.ui.common import texts
from relmgr.ui.customers.pane import CustomerPane
from relmgr.ui.common.columns import ColumnChooser, ElidedTipDelegate, fit_columns
from relmgr.ui.customers.table_model import HIDDEN_BY_DEFAULT, KEYS, CustomerTableModel, width_samples
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.common.widgets import follow_changes


# The filters beside the search: list column, its codes, and the words for a code.
_FILTERS = (("tier", tuple(Tier), texts.tier), ("stage", tuple(Stage), texts.stage),
            ("rfm_segment", tuple(RfmSegment), texts.rfm_segment),
            ("churn_band", tuple(RiskBand), churn_texts.band))


class CustomersPage(QWidget):
    #: What it shows: the list (tier, stage, last contact, tags: rule tags are saved target
    #: lists) and the open 360.
    READS = frozenset({Topic.CUSTOMERS, Topic.CONTACTS, Topic.TASKS, Topic.SEGMENTS, Topic.SCORES,
                       Topic.MARKETING})
    #: Emitted when the list has been loaded (number of customers).
    loaded = Signal(int)
    #: Emitted when a customer's 360 view is on screen (customer_id).
    customer_shown = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self.model = CustomerTableModel(parent=self)
        self._order: np.ndarray = np.arange(0)     # frame positions in the current sort order
        self._wanted: str | None = None             # the customer whose 360 view is awaited

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setObjectName("search")
        self.search_edit.textChanged.connect(self._apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        # One combo per filter: "All …" first (no data), then each code (its data).
        self.filter_combos: dict[str, QComboBox] = {}
        for column, codes, _words in _FILTERS:
            combo = QComboBox()
            combo.setObjectName(f"{column}Filter")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.addItem("", None)
            for code in codes:
                combo.addItem("", code.value)
            combo.currentIndexChanged.connect(self._apply_filter)
            self.filter_combos[column] = combo
        # The tags are the portfolio's own: the combo offers those the loaded list carries.
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("tagsFilter")
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_combo.addItem("", None)
        self.tag_combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_combos["tags"] = self.tag_combo

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setSortingEnabled(False)             # we sort in pandas, see _on_sort
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setItemDelegate(ElidedTipDelegate(self.table))
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.columns = ColumnChooser(self.table, table="customers", keys=KEYS,
                                     hidden_by_default=HIDDEN_BY_DEFAULT)
        self._fitted_language: str | None = None     # widths are fitted once per language
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.pane = CustomerPane(runner)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        filter_row = QHBoxLayout()
        for combo in self.filter_combos.values():
            filter_row.addWidget(combo)
        filter_row.addStretch(1)
        filter_row.addWidget(self.count_label)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.table)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        # The list a little wider than the 360 pane: at 1366 px its default columns fit.
        splitter.setSizes([760, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)
        self.retranslate_ui()

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        self.live = True
        self.runner.run_db(load_customer_list, on_done=self.set_frame,
                           on_error=lambda _e: self.count_label.setText(self.tr("Could not load customers")))

    def set_frame(self, frame: pd.DataFrame) -> None:
        self._fill_tags(tag_choices(frame))
        self.model.set_frame(frame)
        self._order = np.arange(len(frame))
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self._order = self.model.sort_rows(self._order, header.sortIndicatorSection(),
                                               header.sortIndicatorOrder())
        self._apply_filter()
        self._fit_columns()
        if self._wanted is not None:        # read again after a change: the open 360 too
            row = self.model.row_of(self._wanted)
            if row is not None:
                self.table.selectRow(row)       # which reads its 360 again
            else:
                self._load_360(self._wanted)
        self.loaded.emit(len(frame))

    def _fit_columns(self) -> None:
        """Default widths for the language shown, once: a reload keeps what the RM dragged."""
        if self._fitted_language == current_language():
            return
        self._fitted_language = current_language()
        fit_columns(self.table, width_samples(self.table.fontMetrics().horizontalAdvance))

    def clear(self) -> None:
        """Drop every customer from memory and screen (on lock)."""
        self.live = False
        self._wanted = None
        for widget in (self.search_edit, *self.filter_combos.values()):
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in self.filter_combos.values():
            combo.setCurrentIndex(0)
        for widget in (self.search_edit, *self.filter_combos.values()):
            widget.blockSignals(False)
        self.model.clear()
        self._fill_tags([])
        self._order = np.arange(0)
        self.pane.clear()
        self._update_count()

    def _fill_tags(self, tags: list[str]) -> None:
        """The tag filter's choices, keeping the one chosen while it is still there."""
        chosen = self.tag_combo.currentData()
        self.tag_combo.blockSignals(True)
        while self.tag_combo.count() > 1:
            self.tag_combo.removeItem(1)
        for tag in tags:
            self.tag_combo.addItem(tag, tag)
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(chosen), 0) if chosen else 0)
        self.tag_combo.blockSignals(False)
        self.tag_combo.setEnabled(bool(tags))
        self.tag_combo.setToolTip("" if tags else self.tr("No customer has a tag yet."))

    # -- search and sort -------------------------------------------------------------------
    def _apply_filter(self, *_args: object) -> None:
        frame = self.model.frame
        matches = np.zeros(len(frame), dtype=bool)
        matches[filter_customers(frame, self.search_edit.text())] = True
        if len(frame):
            matches &= filter_by_codes(frame, {column: combo.currentData()
                                               for column, combo in self.filter_combos.items()})
        self.model.set_visible_rows(self._order[matches[self._order]])
        self._update_count()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        if column < 0 or not len(self.model.frame):
            return
        self._order = self.model.sort_rows(np.arange(len(self.model.frame)), column, order)
        self._apply_filter()

    def _update_count(self) -> None:
        total, shown = len(self.model.frame), self.model.rowCount()
        self.count_label.setText(self.tr("{shown:,} of {total:,} customers").format(shown=shown, total=total)
                                 if shown != total else self.tr("{total:,} customers").format(total=total))

    # -- the 360 pane ----------------------------------------------------------------------
    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        customer_id = self.model.customer_id_at(indexes[0].row())
        if customer_id is not None:
            self._load_360(customer_id)

    def show_customer(self, customer_id: str) -> None:
        """Select a customer by number (coming from another page), clearing search and filters."""
        for combo in self.filter_combos.values():
            combo.setCurrentIndex(0)
        if self.search_edit.text():
            self.search_edit.clear()
        row = self.model.row_of(customer_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._load_360(customer_id)

    def _load_360(self, customer_id: str) -> None:
        self._wanted = customer_id
        self.runner.run_db(load_customer_360, customer_id, on_done=self._show_360,
                           on_error=lambda _e: None)

    def _show_360(self, view: Any) -> None:
        if view.customer_id != self._wanted:
            return
        self.pane.show_customer(view)
        self.customer_shown.emit(view.customer_id)

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(
            self.tr("Search by name, last 4 digits of ID or mobile, or customer no."))
        alls = {"tier": self.tr("All tiers"), "stage": self.tr("All stages"),
                "rfm_segment": self.tr("All RFM segments"), "churn_band": self.tr("All risk bands")}
        self.tag_combo.setItemText(0, self.tr("All tags"))
        for column, codes, words in _FILTERS:
            combo = self.filter_combos[column]
            combo.setItemText(0, alls[column])
            for index, code in enumerate(codes, start=1):
                combo.setItemText(index, words(code.value) if column != "churn_band"
                                  else self.tr("{band} risk").format(band=words(code.value)))
        self.model.retranslate()
        self._update_count()
        if self._fitted_language is not None:
            self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
