"""The Customers page: every customer in one table, search-as-you-type, the 360 pane beside it.

The list is loaded once per unlock on the database thread. Search and sort run on the GUI
thread in numpy/pandas (a few milliseconds at 50,000 rows) and reset the model with the visible
rows; the 360 view of the current customer is read on the database thread, and an answer for
a customer the RM has already left behind is dropped.

Several rows can be selected (Ctrl/Shift-click) for the bulk actions under the table: log the
same contact, create a follow-up task, export the selection. A bulk log or create offers Undo
beside the line that reports it (all its contacts or tasks taken back, in one transaction). The
selection is kept as customer ids across search, filters, sorting and reloads (each resets the
model), and the 360 pane follows the current row only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QPushButton,
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
from relmgr.services.bulk import undo_bulk_contacts, undo_bulk_tasks
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
from relmgr.ui.common.export_dialog import ExportDialog, exported_message
from relmgr.ui.customers.bulk_dialogs import BulkContactDialog, BulkTaskDialog
from relmgr.ui.customers.pane import CustomerPane
from relmgr.ui.common.columns import ColumnChooser, ElidedTipDelegate, fit_columns
from relmgr.ui.customers.table_model import HIDDEN_BY_DEFAULT, KEYS, CustomerTableModel, width_samples
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.common.widgets import follow_changes, select_only


# The filters beside the search: list column, its codes, and the words for a code.
_FILTERS = (("tier", tuple(Tier), texts.tier), ("stage", tuple(Stage), texts.stage),
            ("rfm_segment", tuple(RfmSegment), texts.rfm_segment),
            ("churn_band", tuple(RiskBand), churn_texts.band))


#: The Undo of a bulk write: the service that takes it back, its arguments, and the words for
#: what it took back (given how many customers).
_Undo = tuple[Callable[..., Any], dict[str, Any], Callable[[int], str]]


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
        self._restoring = False                     # putting the selection back after a model reset
        self._dialog: QDialog | None = None         # the open bulk dialog

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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_bulk)

        # The bulk actions on the selected rows.
        self.selection_label = QLabel()
        self.selection_label.setObjectName("hint")
        self.bulk_contact_button, self.bulk_task_button = QPushButton(), QPushButton()
        self.bulk_export_button = QPushButton()
        self.bulk_contact_button.clicked.connect(self.log_contact_for_selection)
        self.bulk_task_button.clicked.connect(self.create_tasks_for_selection)
        self.bulk_export_button.clicked.connect(self.export_selection)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        # The status line is kept as a function giving its text, so that it reads in the
        # window's language after a switch; the Undo of the last bulk write sits beside it.
        self._status: Callable[[], str] | None = None
        self._undo: _Undo | None = None
        self.undo_bulk_button = QPushButton()
        self.undo_bulk_button.clicked.connect(self.undo_last_bulk)
        self.undo_bulk_button.hide()

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
        bulk_row = QHBoxLayout()
        bulk_row.addWidget(self.selection_label)
        bulk_row.addStretch(1)
        for button in (self.bulk_contact_button, self.bulk_task_button, self.bulk_export_button):
            bulk_row.addWidget(button)
        left_layout.addLayout(bulk_row)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.undo_bulk_button)
        left_layout.addLayout(status_row)

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
        keep = self.selected_customer_ids()
        self._fill_tags(tag_choices(frame))
        self.model.set_frame(frame)
        self._order = np.arange(len(frame))
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self._order = self.model.sort_rows(self._order, header.sortIndicatorSection(),
                                               header.sortIndicatorOrder())
        self._apply_filter(keep=keep)
        self._fit_columns()
        if self._wanted is not None:        # read again after a change: the open 360 too
            if not keep and (row := self.model.row_of(self._wanted)) is not None:
                select_only(self.table, row)    # which reads its 360 again
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
        self._set_status(None)
        self._update_count()
        self._update_bulk()

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
    def _apply_filter(self, *_args: object, keep: list[str] | None = None) -> None:
        """Show the rows the search and filters match, in the sort order; the selection (`keep`,
        default the current one) stays selected where it is still shown."""
        keep = self.selected_customer_ids() if keep is None else keep
        frame = self.model.frame
        matches = np.zeros(len(frame), dtype=bool)
        matches[filter_customers(frame, self.search_edit.text())] = True
        if len(frame):
            matches &= filter_by_codes(frame, {column: combo.currentData()
                                               for column, combo in self.filter_combos.items()})
        self.model.set_visible_rows(self._order[matches[self._order]])
        self._restore_selection(keep)
        self._update_count()
        if self.model.rowCount() == 1 and not self.selected_customer_ids():
            select_only(self.table, 0)

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        if column < 0 or not len(self.model.frame):
            return
        self._order = self.model.sort_rows(np.arange(len(self.model.frame)), column, order)
        self._apply_filter()

    def _update_count(self) -> None:
        total, shown = len(self.model.frame), self.model.rowCount()
        self.count_label.setText(self.tr("{shown:,} of {total:,} customers").format(shown=shown, total=total)
                                 if shown != total else self.tr("{total:,} customers").format(total=total))

    # -- the selection ---------------------------------------------------------------------
    def _selected_rows(self) -> np.ndarray:
        """The selected rows, ascending, read from the selection's ranges: Ctrl+A over 50,000
        customers is one range, not 50,000 indexes."""
        ranges = [np.arange(r.top(), r.bottom() + 1) for r in self.table.selectionModel().selection()]
        return np.unique(np.concatenate(ranges)) if ranges else np.array([], dtype=np.int64)

    def selected_customer_ids(self) -> list[str]:
        """The selected customers, in the table's order."""
        rows = self._selected_rows()
        if not rows.size:
            return []
        return [str(c) for c in self.model.frame["customer_id"].to_numpy()[self.model.visible_rows()[rows]]]

    def _restore_selection(self, customer_ids: list[str]) -> None:
        """Select the rows now showing `customer_ids` (as runs of rows: a select-all of 50,000
        customers is one range) and make the open 360's customer current again, without
        reading its 360 again."""
        visible = self.model.frame["customer_id"].to_numpy()[self.model.visible_rows()] \
            if len(self.model.frame) else np.array([], dtype=object)
        # pandas' isin hashes; numpy's compares object arrays pairwise (0.6 s at 5,000 selected).
        rows = np.flatnonzero(pd.Series(visible).isin(customer_ids).to_numpy()) if customer_ids \
            else np.array([], dtype=np.int64)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        if rows.size:
            breaks = np.flatnonzero(np.diff(rows) != 1)
            starts, ends = np.r_[rows[0], rows[breaks + 1]], np.r_[rows[breaks], rows[-1]]
            for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
                selection.select(self.model.index(start, 0), self.model.index(end, last))
        selection_model = self.table.selectionModel()
        self._restoring = True
        try:
            selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            row = self.model.row_of(self._wanted) if self._wanted is not None else None
            if row is not None:
                selection_model.setCurrentIndex(self.model.index(row, 0),
                                                QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._restoring = False
        self._update_bulk()

    def _update_bulk(self, *_args: object) -> None:
        count = int(self._selected_rows().size)
        self.selection_label.setText(self.tr("{count:,} selected").format(count=count) if count else "")
        for button in (self.bulk_contact_button, self.bulk_task_button, self.bulk_export_button):
            button.setEnabled(count > 0)

    # -- bulk actions ----------------------------------------------------------------------
    def log_contact_for_selection(self) -> BulkContactDialog | None:
        """The same contact for each selected customer (one dialog, OK logs them all)."""
        ids = self.selected_customer_ids()
        if not ids:
            return None
        dialog = BulkContactDialog(self.runner, customer_ids=ids, parent=self)
        dialog.saved.connect(self._on_contacts_logged)
        self._open_dialog(dialog)
        return dialog

    def _on_contacts_logged(self, interaction_ids: list[int]) -> None:
        n, day = len(interaction_ids), dt.date.today()      # the contacts are logged at the clock's time
        self._set_status(lambda: self.tr("Contact logged for 1 customer.") if n == 1
                         else self.tr("Contact logged for {count:,} customers.").format(count=n),
                         undo=(undo_bulk_contacts, {"interaction_ids": interaction_ids, "day": day},
                               lambda k: self.tr("Contact taken back for 1 customer.") if k == 1
                               else self.tr("Contact taken back for {count:,} customers.").format(count=k)))

    def create_tasks_for_selection(self) -> BulkTaskDialog | None:
        """A follow-up task for each selected customer (one dialog, OK creates them all)."""
        ids = self.selected_customer_ids()
        if not ids:
            return None
        dialog = BulkTaskDialog(self.runner, customer_ids=ids, parent=self)
        dialog.saved.connect(self._on_tasks_created)
        self._open_dialog(dialog)
        return dialog

    def _on_tasks_created(self, task_ids: list[int]) -> None:
        n = len(task_ids)
        self._set_status(lambda: self.tr("Follow-up task created for 1 customer.") if n == 1
                         else self.tr("Follow-up task created for {count:,} customers.").format(count=n),
                         undo=(undo_bulk_tasks, {"task_ids": task_ids},
                               lambda k: self.tr("Follow-up task taken back for 1 customer.") if k == 1
                               else self.tr("Follow-up task taken back for {count:,} customers.").format(count=k)))

    def undo_last_bulk(self) -> None:
        """Take back the last bulk log or create (with progress: it can be thousands of rows)."""
        if self._undo is None:
            return
        undo = self._undo
        fn, kwargs, words = undo
        self.undo_bulk_button.setEnabled(False)

        def done(customers: list[str]) -> None:
            self._set_status(lambda: words(len(customers)))

        def failed(error: BaseException) -> None:
            # The service's message says why (counts and ids only); nothing was taken back.
            reason = str(error) if isinstance(error, ValueError) else type(error).__name__
            self._set_status(lambda: self.tr("Nothing taken back: {reason}").format(reason=reason))

        def cancelled() -> None:
            status = self._status
            self._set_status(status, undo=undo)

        self.runner.run_long(fn, title=self.tr("Taking back…"), parent=self, **kwargs,
                             on_done=done, on_error=failed, on_cancelled=cancelled)

    def _set_status(self, text: Callable[[], str] | None, undo: _Undo | None = None) -> None:
        """Show a status line (None: clear it) and offer Undo beside it when `undo` is given."""
        self._status, self._undo = text, undo
        self.status_label.setText(text() if text is not None else "")
        self.undo_bulk_button.setVisible(undo is not None)
        self.undo_bulk_button.setEnabled(undo is not None)

    def export_selection(self) -> ExportDialog | None:
        """The selected customers through the masked, audited export."""
        ids = self.selected_customer_ids()
        if not ids:
            return None
        dialog = ExportDialog(self.runner, customer_ids=ids, parent=self)
        dialog.exported.connect(lambda result: self._set_status(lambda: exported_message(result)))
        self._open_dialog(dialog)
        return dialog

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._forget_dialog(d))
        dialog.open()

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self._dialog is dialog:
            self._dialog = None

    # -- the 360 pane ----------------------------------------------------------------------
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The pane shows the current row (the last one clicked), whatever else is selected."""
        if self._restoring or not current.isValid():
            return
        customer_id = self.model.customer_id_at(current.row())
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
            select_only(self.table, row)
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
        self.bulk_contact_button.setText(self.tr("Log contact…"))
        self.bulk_contact_button.setToolTip(self.tr("Log the same contact for each selected customer"))
        self.bulk_task_button.setText(self.tr("Create tasks…"))
        self.bulk_task_button.setToolTip(self.tr("Create a follow-up task for each selected customer"))
        self.bulk_export_button.setText(self.tr("Export selection…"))
        self.bulk_export_button.setToolTip(self.tr("Export the selected customers (masked, audited)"))
        self.undo_bulk_button.setText(self.tr("Undo"))
        self.undo_bulk_button.setToolTip(self.tr("Take back what the last bulk action wrote"))
        self._update_bulk()
        self._set_status(self._status, undo=self._undo)     # in the language chosen
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
