"""Today page (今日工作清单), the first page after unlocking: the day's plan, the few dozen lines
the RM can work through today (relmgr.services.day_plan: the daily capacity, must-do lines
first), "done today: k of N", and the backlog below it, collapsed, with its count.

A logged contact marks its line done in place (struck through and greyed, with Undo, which takes
the contact back); the plan does not move under the RM's eyes: when the analytics are brought up
to date after unlock, the page says so and offers Reload instead of reshuffling itself.

Each line shows its rank, the customer (masked), tier, every reason in words with its numbers,
the suggested action and the priority; the panel below explains the selected line's priority
(each reason's points × the tier weight). The RM acts on the selected line: log a contact (two
clicks: the button, then OK), snooze it until a date, dismiss it for today, move it up or down
(a pin for today), or bring back the priority order; hidden lines can be restored; the list can
be exported (masked by default, audited). Several lines can be selected (Ctrl/Shift-click): Log
contact then logs the same contact for each open one (services.bulk), Undo takes back the
contacts of the done ones, Snooze and Dismiss hide them all, each in one transaction. Every
change is written on the database thread and the list is read again, so what is shown is what
is stored.

Names and phones are masked on the database thread; the unmasked values never reach the GUI.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shiboken6 import isValid

from relmgr.services import data_date
from relmgr.services.bulk import undo_bulk_contacts
from relmgr.services.contacts import undo_contact
from relmgr.services.day_plan import remake_day_plan
from relmgr.services.worklist import (
    SuggestedAction,
    WorkReason,
    dismiss,
    move_line,
    reset_order,
    restore,
    snooze,
)
from relmgr.services.today_view import TodayData, load_today
from relmgr.storage import worklist_store
from relmgr.ui.common import formatting, texts
from relmgr.ui.today import texts as worklist_texts
from relmgr.ui.today.print_sheet import CallSheetPrint, print_call_sheet
from relmgr.ui.common.contact_dialog import ContactDialog, pydate, qdate
from relmgr.ui.customers.bulk_dialogs import BulkContactDialog
from relmgr.ui.common.table_model import LEFT, RIGHT, FrameTableModel
from relmgr.ui.common.export_dialog import ExportDialog, exported_message
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.common.widgets import ListView, section_title
from relmgr.services.changes import Changes, Topic

_CTX = "TodayPage"
DEFAULT_SNOOZE_DAYS = 7
# rank, name, customer no., tier, priority, action, mobile; the reasons take the rest.
COLUMN_WIDTHS = (44, 80, 100, 118, 70, 190, 110)
DONE_COLOUR = QColor("#8a8f98")


# -- reading on the database thread ----------------------------------------------------------
# -- the table ---------------------------------------------------------------------------------
def _priority(value: Any) -> str:
    try:
        return f"{float(value):.1f}"
    except (TypeError, ValueError):
        return ""


class TodayTableModel(FrameTableModel):
    """The worklist lines. Reasons are put into words when shown (in the current language);
    lines the RM moved by hand show their rank in bold."""

    def __init__(self, parent: Any = None) -> None:
        self.products: dict[str, tuple[str, str]] = {}
        columns = (
            ("rank", QT_TRANSLATE_NOOP("TodayPage", "#"), formatting.text, RIGHT),
            ("name_masked", QT_TRANSLATE_NOOP("TodayPage", "Name"), formatting.text, LEFT),
            ("customer_id", QT_TRANSLATE_NOOP("TodayPage", "Customer no."), formatting.text, LEFT),
            ("tier", QT_TRANSLATE_NOOP("TodayPage", "Tier"), texts.tier, LEFT),
            ("priority", QT_TRANSLATE_NOOP("TodayPage", "Priority"), _priority, RIGHT),
            ("action", QT_TRANSLATE_NOOP("TodayPage", "Suggested action"), worklist_texts.action_label, LEFT),
            ("phone_masked", QT_TRANSLATE_NOOP("TodayPage", "Mobile"), formatting.text, LEFT),
            ("details", QT_TRANSLATE_NOOP("TodayPage", "Why today"), self.reasons_cell, LEFT),
        )
        super().__init__(columns, context=_CTX, parent=parent)

    def product_names(self) -> dict[str, str]:
        zh = texts.chinese_ui()
        return {p: (names[0] if zh else names[1]) for p, names in self.products.items()}

    def reasons_cell(self, details: Any) -> str:
        return worklist_texts.reasons_text(details, product_names=self.product_names())

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[override]
        if not index.isValid():
            return None
        name = self.columns[index.column()][0]
        done = self.flag(index.row(), "done")
        if role == Qt.ItemDataRole.FontRole and (done or (name == "rank" and self.flag(index.row(), "pinned"))):
            font = QFont()
            font.setStrikeOut(done)
            font.setBold(name == "rank" and self.flag(index.row(), "pinned"))
            return font
        if role == Qt.ItemDataRole.ForegroundRole and done:
            return QBrush(DONE_COLOUR)
        if role == Qt.ItemDataRole.DisplayRole and name == "action" and self.flag(index.row(), "service_only"):
            # Declined marketing (issue 17): the line is a service call, nothing to sell.
            return worklist_texts.action_with_consent(self.frame["action"].iat[self.visible_rows()[index.row()]],
                                                      service_only=True)
        if role == Qt.ItemDataRole.DisplayRole and name == "rank" and done:
            return f"✓ {super().data(index, role)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "rank" and done:
                return self.tr("Done today: a contact is logged. Undo takes it back.")
            if name == "details":
                return super().data(index, Qt.ItemDataRole.DisplayRole).replace("; ", "\n").replace("；", "\n")
            if name == "rank" and self.flag(index.row(), "pinned"):
                return self.tr("Moved here by you today")
        return super().data(index, role)

    def flag(self, row: int, column: str) -> bool:
        """A true/false column of the line shown at `row` (pinned, done, in_plan)."""
        if column not in self.frame or not 0 <= row < len(self.visible_rows()):
            return False
        return bool(self.frame[column].iat[int(self.visible_rows()[row])])


class SnoozeDialog(QDialog):
    """Choose the day a snoozed line comes back (after today)."""

    def __init__(self, *, customer_label: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(self.tr("Snooze until…"))
        self.until_edit = QDateEdit(qdate(today + dt.timedelta(days=DEFAULT_SNOOZE_DAYS)))
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        self.until_edit.setMinimumDate(qdate(today + dt.timedelta(days=1)))
        heading = QLabel(self.tr("Hide {customer} from the Today list until:").format(customer=customer_label))
        heading.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Back on"), self.until_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def until(self) -> dt.date:
        return pydate(self.until_edit.date())


# -- the page ----------------------------------------------------------------------------------
class TodayPage(QWidget):
    #: What the day's list is made of: it reads again when a write changes any of it.
    READS = frozenset({Topic.CONTACTS, Topic.TASKS, Topic.WORKLIST, Topic.WARNINGS, Topic.SCORES,
                       Topic.RECOMMENDATIONS, Topic.SEGMENTS, Topic.CUSTOMERS, Topic.RULES})
    open_customer = Signal(str)
    #: The number of lines, each time the list has been (re)loaded.
    loaded = Signal(int)
    #: An export finished (the ExportResult): the audit page may refresh.
    exported = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.live = False
        self.reads = self.READS
        runner.changed.connect(self._on_changes)
        self.data: TodayData | None = None
        self._current: str | None = None
        self._status: Any = None
        self.today: dt.date | None = None
        self._generation = 0
        self._busy = False
        self._select_after_load: list[str] = []
        self._reselect: list[str] = []          # the other lines of a selection, kept across reloads
        self._kept_selection: list[str] = []    # the same across a sort (a model reset)
        self._dialog: QDialog | None = None

        self.title = section_title()
        self.day_label = QLabel()
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.mix_label = QLabel()
        self.mix_label.setObjectName("hint")
        # Wraps rather than widening the window: at 1366 px the English header row is full.
        self.mix_label.setWordWrap(True)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setProperty("warning", True)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.reason_combo = QComboBox()
        # Not as wide as its longest reason: that made the English window 1,412 px wide (the
        # list opens as wide as it needs).
        self.reason_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reason_combo.setMinimumContentsLength(12)
        self.reason_combo.view().setMinimumWidth(260)
        self.reason_combo.currentIndexChanged.connect(self._apply_filter)
        self.reason_caption = QLabel()

        self.log_button = QPushButton()
        self.log_button.setObjectName("primary")
        self.log_button.clicked.connect(self.log_contact)
        self.snooze_button = QPushButton()
        self.snooze_button.clicked.connect(self.snooze_selected)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_order)
        self.hidden_button = QToolButton()
        self.hidden_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.hidden_menu = QMenu(self)
        self.hidden_button.setMenu(self.hidden_menu)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_plan)
        self.printing: CallSheetPrint | None = None
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_selected)
        self.backlog_button = QPushButton()
        self.backlog_button.setCheckable(True)
        self.backlog_button.toggled.connect(self._apply_filter)
        # Shown instead of reshuffling the plan when the analytics were brought up to date.
        self.updated_label = QLabel()
        self.updated_label.setWordWrap(True)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload_plan)
        self.updated_bar = QWidget()
        updated_layout = QHBoxLayout(self.updated_bar)
        updated_layout.setContentsMargins(0, 0, 0, 0)
        updated_layout.addWidget(self.updated_label, 1)
        updated_layout.addWidget(self.reload_button)
        self.updated_bar.hide()

        self.model = TodayTableModel(self)
        self.view = ListView(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.open_customer.connect(self.open_customer)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        # Sorting (and every reload) resets the model: the selected line is found again by its
        # customer, so the details below always describe the line that is selected.
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self.view.setWordWrap(False)

        self.detail_title = QLabel()
        self.detail_title.setObjectName("sectionTitle")
        self.detail_title.setWordWrap(True)
        self.detail_table = QTableWidget(0, 5)
        self.detail_table.verticalHeader().hide()
        self.detail_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.detail_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.detail_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.detail_total = QLabel()
        self.detail_total.setWordWrap(True)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 6, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_table, 1)
        detail_layout.addWidget(self.detail_total)

        header_row = QHBoxLayout()
        header_row.addWidget(self.title)
        header_row.addWidget(self.day_label)
        header_row.addWidget(self.mix_label)
        header_row.addStretch(1)
        header_row.addWidget(self.count_label)
        header_row.addWidget(self.backlog_button)
        # In the header, not the crowded row of actions: the page still fits at 1366 px.
        header_row.addWidget(self.print_button)
        actions = QHBoxLayout()
        for button in (self.log_button, self.undo_button, self.snooze_button, self.dismiss_button,
                       self.up_button, self.down_button, self.reset_button, self.hidden_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.reason_caption)
        actions.addWidget(self.reason_combo)
        actions.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header_row)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.updated_bar)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        self.retranslate_ui()
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------------
    #: What the catch-up after unlock (and Refresh) writes: the plan waits for the RM's Reload.
    ANALYTICS = frozenset({Topic.SEGMENTS, Topic.SCORES, Topic.MODEL})

    def _on_changes(self, changes: Changes) -> None:
        if not (isValid(self) and self.live and changes.touches(self.READS)):
            return
        if self.data is not None and changes.topics <= self.ANALYTICS:
            self.updated_bar.show()
            return
        self.load()

    def reload_plan(self) -> None:
        """The RM asked: choose today's plan again on the updated analytics (lines done stay)."""
        self.updated_bar.hide()
        self._write(remake_day_plan, day=self.today, select=self.selected_customer(),
                    message=QT_TRANSLATE_NOOP("TodayPage", "Today's plan was chosen again on the updated scores."))

    def load(self) -> None:
        """Read today's plan (database thread) and show it."""
        self.live = True
        self._generation += 1
        generation = self._generation
        self.runner.run_db(load_today, on_done=lambda data: self._show(data, generation),
                           on_error=lambda error: self._failed(error, generation))

    def clear(self) -> None:
        """Forget every customer (on lock): the list, the details, the hidden menu, any dialog."""
        self.live = False
        self._generation += 1
        self._busy = False
        if self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.reject()
            dialog.deleteLater()
        self.data = None
        self.today = None
        self._select_after_load, self._reselect = [], []
        self.model.products = {}
        self.model.clear()
        self.hidden_menu.clear()
        self._set_status(None)
        self.updated_bar.hide()
        self._current = None
        self._show_details(None)
        self._render_labels()
        self._update_buttons()

    def _show(self, data: TodayData, generation: int) -> None:
        if generation != self._generation:
            return          # locked (or reloaded) since this was asked for
        self._busy = False
        self.data, self.today = data, data.today
        self.model.products = data.products
        self.model.set_frame(data.frame)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.view.setColumnWidth(column, width)
        self._fill_hidden_menu()
        self._render_labels()
        self._apply_filter()
        wanted, self._select_after_load = self._select_after_load, []
        rows = [self.model.row_of(c) for c in wanted]
        row = next((r for r in rows if r is not None), None)
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        else:
            self._show_details(None)
        others, self._reselect = self._reselect, []
        self._add_to_selection(others)
        self._update_buttons()
        self.loaded.emit(len(data.frame))

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._update_buttons()
        if isinstance(error, data_date.NoDataDate):
            self._set_status(QT_TRANSLATE_NOOP("TodayPage", "This portfolio holds no data yet, so it has no "
                                               "data date: import the bank's export first (relmgr import)."))
            return
        self._set_status(QT_TRANSLATE_NOOP("TodayPage", "The Today list could not be read ({kind})."),
                         kind=type(error).__name__)

    def _set_status(self, source: Any, **values: Any) -> None:
        """Show a status line, kept as its source so that it reads in the window's language
        after a switch too. `source`: an English source string, a callable giving the text,
        or None to clear."""
        self._status = (source, values) if source else None
        self._render_status()

    def _render_status(self) -> None:
        if self._status is None:
            self.status_label.clear()
            return
        source, values = self._status
        text = source() if callable(source) else QCoreApplication.translate(_CTX, source).format(**values)
        self.status_label.setText(text)

    def _apply_filter(self, _value: Any = None) -> None:
        frame = self.model.frame
        if not len(frame):
            self._render_labels()
            return
        keep = frame["in_plan"].to_numpy(dtype=bool) | self.backlog_button.isChecked()
        code = self.reason_combo.currentData()
        if code:
            keep &= np.array([code in r for r in frame["reasons"]], dtype=bool)
        self.model.set_visible_rows(np.flatnonzero(keep))
        self._render_labels()

    def _render_labels(self) -> None:
        data = self.data
        if data is None:
            self.day_label.clear()
            self.count_label.clear()
            self.mix_label.clear()
            self.notes_label.hide()
            self.hidden_button.setText(self.tr("Hidden today ({count})").format(count=0))
            return
        day = QDate(data.today.year, data.today.month, data.today.day)
        self.day_label.setText(QLocale().toString(day, QLocale.FormatType.LongFormat))
        planned = len(data.frame) - data.backlog_count
        must = int((data.frame["in_plan"] & data.frame["must_do"]).sum())
        # The mix, said: why these lines are at the top of the plan.
        self.mix_label.setText(self.tr("{must} must-do first (due tasks, warnings with much at stake), "
                                       "then {rest} by priority").format(must=must, rest=planned - must)
                               if must else self.tr("{rest} lines by priority").format(rest=planned))
        self.count_label.setText(self.tr("Done today: {done} of {count}").format(done=data.done_today, count=planned))
        self.count_label.setToolTip(self.tr("Your plan holds {capacity} lines a day (team rule: daily capacity). "
                                            "A contact logged today on a line counts as done.").format(
                                                capacity=data.capacity))
        self.backlog_button.setText(
            self.tr("Hide the backlog") if self.backlog_button.isChecked()
            else self.tr("Backlog: {count:,} more").format(count=data.backlog_count))
        self.backlog_button.setEnabled(data.backlog_count > 0)
        self.hidden_button.setText(self.tr("Hidden today ({count})").format(count=len(data.hidden)))
        notes = [worklist_texts.skipped_text(signal) for signal in data.skipped]
        if data.tier_source != "segments":
            notes.append(self.tr("Tiers are taken from today's AUM: service tiers have not been computed yet."))
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))

    def _fill_hidden_menu(self) -> None:
        self.hidden_menu.clear()
        data = self.data
        if data is None or not len(data.hidden):
            action = self.hidden_menu.addAction(self.tr("Nobody is hidden today."))
            action.setEnabled(False)
            return
        for customer_id, kind, until, name in zip(data.hidden["customer_id"], data.hidden["action"],
                                                  data.hidden["until"], data.hidden["name_masked"], strict=True):
            label = f"{customer_id} {formatting.text(name)}"
            text = (self.tr("Restore {customer} (snoozed until {date})").format(customer=label, date=until)
                    if kind == worklist_store.SNOOZED else
                    self.tr("Restore {customer} (dismissed for today)").format(customer=label))
            action = self.hidden_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, c=customer_id: self.restore(c))

    # -- the selected line -------------------------------------------------------------------
    def selected_customer(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.customer_id_at(index.row())

    def selected_customers(self) -> list[str]:
        """The selected lines' customers, in the list's order (the current line among them)."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [c for c in (self.model.customer_id_at(r) for r in rows) if c]

    def _selected_lines(self) -> pd.DataFrame:
        """The selected lines (customer_id, done, contact_id), in the list's order."""
        frame, chosen = self.model.frame, self.selected_customers()
        if not len(frame) or not chosen:
            return pd.DataFrame({"customer_id": [], "done": [], "contact_id": []})
        lines = frame.set_index("customer_id").loc[chosen, ["done", "contact_id"]]
        return lines.reset_index()

    def _add_to_selection(self, customer_ids: list[str]) -> None:
        """Select these lines too (the current line stays current)."""
        rows = sorted(r for r in (self.model.row_of(c) for c in customer_ids) if r is not None)
        if not rows:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        # Runs of neighbouring rows as one range each: a select-all of the backlog stays one range.
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            selection.select(self.model.index(start, 0), self.model.index(previous, last))
            if row is not None:
                start = previous = row
        self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)

    def _line(self, customer_id: str) -> dict[str, Any] | None:
        frame = self.model.frame
        if not len(frame):
            return None
        hit = np.flatnonzero(frame["customer_id"].to_numpy() == customer_id)
        return frame.iloc[int(hit[0])].to_dict() if len(hit) else None

    def _label_of(self, line: dict[str, Any]) -> str:
        return f"{line['customer_id']} {formatting.text(line.get('name_masked'))}".strip()

    def select_customer(self, customer_id: str) -> bool:
        row = self.model.row_of(customer_id)
        if row is None:
            return False
        self.view.selectRow(row)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        customer_id = self.model.customer_id_at(current.row()) if current.isValid() else None
        self._current = customer_id
        self._show_details(self._line(customer_id) if customer_id else None)
        self._update_buttons()

    def _before_reset(self) -> None:
        self._kept_selection = [c for c in self.selected_customers() if c != self._current]

    def _after_reset(self) -> None:
        row = self.model.row_of(self._current) if self._current else None
        if row is None:
            self._current = None
            self._show_details(None)
        else:
            self.view.selectRow(row)
            self._show_details(self._line(self._current))
        kept, self._kept_selection = self._kept_selection, []
        self._add_to_selection(kept)
        self._update_buttons()

    def _show_details(self, line: dict[str, Any] | None) -> None:
        self.detail_table.setRowCount(0)
        if line is None:
            self.detail_title.setText(self.tr("Select a line to see why it is on the list."))
            self.detail_total.clear()
            return
        tier = texts.tier(line["tier"])
        weight = float(line["tier_weight"])
        title = (self.tr("{customer}: {action} (done today)") if line.get("done")
                 else self.tr("{customer}: {action}"))
        self.detail_title.setText(title.format(customer=self._label_of(line),
                                               action=worklist_texts.action_with_consent(
                                                   line["action"], service_only=bool(line.get("service_only")))))
        details = list(line["details"])
        names = self.model.product_names()
        self.detail_table.setRowCount(len(details))
        for row, item in enumerate(details):
            cells = [worklist_texts.reason_label(item.get("reason")),
                     worklist_texts.reason_sentence(item, product_names=names),
                     f"{float(item.get('points', 0)):.1f}", f"× {weight:g}",
                     f"{float(item.get('weighted', 0)):.1f}"]
            rule = worklist_texts.points_rule(item.get("reason"))
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setToolTip(rule)
                if column >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.detail_table.setItem(row, column, cell)
        points = " + ".join(f"{float(d.get('points', 0)):.1f}" for d in details)
        self.detail_total.setText(self.tr(
            "Priority {priority} = ({points}) × {weight:g}, the weight of the {tier} tier. "
            "Hover over a reason to see how its points are given.").format(
            priority=_priority(line["priority"]), points=points, weight=weight, tier=tier))

    def _update_buttons(self) -> None:
        has_line = self.selected_customer() is not None and not self._busy
        lines = self._selected_lines()
        if self._busy:
            lines = lines.iloc[:0]
        several, done = len(lines) > 1, lines["done"].astype(bool)
        self.log_button.setEnabled(not done.all())          # all() of no line is True
        for button in (self.snooze_button, self.dismiss_button):
            button.setEnabled(bool(len(lines)))
        open_lines = int((~done).sum())
        self.log_button.setText(self.tr("Log contact for {count}…").format(count=open_lines)
                                if open_lines > 1 else self.tr("Log contact…"))
        row = self.view.currentIndex().row()
        # Lines move within the plan only, one at a time: the backlog keeps the worklist's order.
        in_plan = has_line and not several and self.model.flag(row, "in_plan")
        rank = self._rank_at(row) if in_plan else None
        total = int(self.model.frame["in_plan"].sum()) if len(self.model.frame) else 0
        self.up_button.setEnabled(rank is not None and rank > 1)
        self.down_button.setEnabled(rank is not None and rank < total)
        self.undo_button.setEnabled(bool(done.any()))
        pinned = bool(len(self.model.frame)) and bool(self.model.frame["pinned"].any())
        self.reset_button.setEnabled(self.data is not None and not self._busy and pinned)
        self.hidden_button.setEnabled(self.data is not None and not self._busy)
        self.export_button.setEnabled(self.data is not None)
        self.print_button.setEnabled(self.data is not None)

    def _rank_at(self, row: int) -> int | None:
        if not 0 <= row < self.model.rowCount():
            return None
        return int(self.model.frame["rank"].iat[int(self.model.visible_rows()[row])])

    # -- actions -----------------------------------------------------------------------------
    def _write(self, fn: Any, *, select: str | None, message: str,
               message_values: dict[str, Any] | None = None, **kwargs: Any) -> None:
        """Run a change on the database thread; the change signal then reads the list again."""
        if self.today is None:
            return
        self._busy = True
        self._update_buttons()
        generation = self._generation

        def done(_result: object) -> None:
            if generation != self._generation:
                return
            self._set_status(message, **(message_values or {}))
            self._select_after_load = [select] if select else []

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self._reselect = []
            self._update_buttons()
            reason = str(error) if isinstance(error, ValueError) else type(error).__name__
            self._set_status(QT_TRANSLATE_NOOP("TodayPage", "Not saved: {reason}"), reason=reason)

        self.runner.run_db(fn, on_done=done, on_error=failed, **kwargs)

    def log_contact(self) -> ContactDialog | BulkContactDialog | None:
        """Open the contact dialog for the selected line (OK logs it); with several lines
        selected, the same contact for each open one."""
        lines = self._selected_lines()
        if len(lines) > 1:
            return self._log_contact_for_lines(lines)
        customer_id = self.selected_customer()
        line = self._line(customer_id) if customer_id else None
        if line is None or self.today is None:
            return None
        task_ids = [t for d in line["details"] if d.get("reason") == WorkReason.TASK_DUE
                    for t in d.get("task_ids") or []]
        dialog = ContactDialog(self.runner, customer_id=customer_id, customer_label=self._label_of(line),
                               today=self.today,
                               purpose=worklist_texts.PURPOSE_FOR_ACTION.get(line["action"], "SERVICE"),
                               due_task_ids=task_ids,
                               complete_tasks=line["action"] == SuggestedAction.COMPLETE_TASK, parent=self)
        dialog.saved.connect(lambda _id: self._on_contact_saved(customer_id, self._neighbour([customer_id])))
        self._open_dialog(dialog)
        return dialog

    def _log_contact_for_lines(self, lines: pd.DataFrame) -> BulkContactDialog | None:
        open_ids = [str(c) for c in lines.loc[~lines["done"].astype(bool), "customer_id"]]
        if not open_ids or self.today is None:
            return None
        dialog = BulkContactDialog(self.runner, customer_ids=open_ids, parent=self)
        selected = [str(c) for c in lines["customer_id"]]

        def saved(interaction_ids: list[int]) -> None:
            self._set_status(QT_TRANSLATE_NOOP("TodayPage", "Contact logged for {count} lines: they are done."),
                             count=len(interaction_ids))
            self._select_after_load = [c for c in (self.selected_customer(), *selected) if c]
            self._reselect = selected

        dialog.saved.connect(saved)
        self._open_dialog(dialog)
        return dialog

    def _on_contact_saved(self, customer_id: str, neighbour: str | None) -> None:
        self._set_status(QT_TRANSLATE_NOOP("TodayPage", "Contact logged for {customer}: the line is done."),
                         customer=customer_id)
        # A plan line stays where it was, done; a backlog line can leave the list (contact no
        # longer due): then the next line is selected, so the RM keeps their place.
        self._select_after_load = [c for c in (customer_id, neighbour) if c]

    def undo_selected(self) -> None:
        """Take back the contact that marked the selected line done (it was logged by mistake);
        with several lines selected, the contacts of every done one, in one write."""
        lines = self._selected_lines()
        if len(lines) > 1:
            done = lines[lines["done"].astype(bool) & lines["contact_id"].notna()]
            if not len(done) or self.today is None:
                return
            self._reselect = [str(c) for c in lines["customer_id"]]
            self._write(undo_bulk_contacts, interaction_ids=[int(i) for i in done["contact_id"]], day=self.today,
                        select=self.selected_customer(),
                        message=QT_TRANSLATE_NOOP("TodayPage", "{count} contacts taken back: the lines are open again."),
                        message_values={"count": len(done)})
            return
        customer_id = self.selected_customer()
        line = self._line(customer_id) if customer_id else None
        if line is None or self.today is None or not line.get("done") or pd.isna(line.get("contact_id")):
            return
        self._write(undo_contact, interaction_id=int(line["contact_id"]), day=self.today, select=customer_id,
                    message=QT_TRANSLATE_NOOP("TodayPage", "Contact with {customer} taken back: the line is open again."),
                    message_values={"customer": customer_id})

    def _hidden_words(self, customers: list[str]) -> tuple[str | None, dict[str, Any]]:
        """Who a snooze or dismissal names: the customer no., or how many lines."""
        if len(customers) == 1:
            return customers[0], {"customer": customers[0]}
        return None, {"count": len(customers)}

    def _neighbour(self, customers: list[str]) -> str | None:
        """The line to select once `customers` leave the list: the next one after the last of
        them, else the one before."""
        row = max((r for r in (self.model.row_of(c) for c in customers) if r is not None), default=None)
        if row is None:
            return None
        for other in (*range(row + 1, self.model.rowCount()), *range(row - 1, -1, -1)):
            neighbour = self.model.customer_id_at(other)
            if neighbour and neighbour not in customers:
                return neighbour
        return None

    def snooze_selected(self) -> SnoozeDialog | None:
        customers = self.selected_customers()
        line = self._line(customers[0]) if customers else None
        if line is None or self.today is None:
            return None
        label = (self._label_of(line) if len(customers) == 1
                 else self.tr("the {count} selected lines").format(count=len(customers)))
        dialog = SnoozeDialog(customer_label=label, today=self.today, parent=self)
        today = self.today
        one, values = self._hidden_words(customers)

        def chosen() -> None:
            until = dialog.until()
            self._write(snooze, customer_ids=customers, day=today, until=until,
                        select=self._neighbour(customers),
                        message=(QT_TRANSLATE_NOOP("TodayPage", "{customer} snoozed until {date}.") if one
                                 else QT_TRANSLATE_NOOP("TodayPage", "{count} lines snoozed until {date}.")),
                        message_values={**values, "date": until.isoformat()})

        dialog.accepted.connect(chosen)
        self._open_dialog(dialog)
        return dialog

    def dismiss_selected(self) -> None:
        customers = self.selected_customers()
        if not customers or self.today is None:
            return
        one, values = self._hidden_words(customers)
        self._write(dismiss, customer_ids=customers, day=self.today, select=self._neighbour(customers),
                    message=(QT_TRANSLATE_NOOP("TodayPage", "{customer} dismissed for today.") if one
                             else QT_TRANSLATE_NOOP("TodayPage", "{count} lines dismissed for today.")),
                    message_values=values)

    def move_selected(self, step: int) -> None:
        """Move the selected line one place up (-1) or down (+1) in today's order."""
        customer_id = self.selected_customer()
        line = self._line(customer_id) if customer_id else None
        if line is None or self.today is None:
            return
        rank, frame = int(line["rank"]), self.model.frame
        target = rank + step
        if not line["in_plan"] or not 1 <= target <= int(frame["in_plan"].sum()):
            return
        other = frame.iloc[target - 1]          # frame rows are in rank order
        self._write(move_line, day=self.today, customer_id=customer_id, from_position=rank,
                    to_position=target,
                    displaced_id=str(other["customer_id"]), displaced_pinned=bool(other["pinned"]),
                    select=customer_id,
                    message=QT_TRANSLATE_NOOP("TodayPage", "{customer} moved to place {rank}."),
                    message_values={"customer": customer_id, "rank": target})

    def reset_order(self) -> None:
        if self.today is None:
            return
        self._write(reset_order, day=self.today, select=self.selected_customer(),
                    message=QT_TRANSLATE_NOOP("TodayPage", "Back to priority order."))

    def restore(self, customer_id: str) -> None:
        if self.today is None:
            return
        self._write(restore, customer_id=customer_id, day=self.today, select=customer_id,
                    message=QT_TRANSLATE_NOOP("TodayPage", "{customer} is back on the list."),
                    message_values={"customer": customer_id})

    def export(self) -> ExportDialog:
        dialog = ExportDialog(self.runner, list_name="today", today=self.today, parent=self)
        dialog.exported.connect(self._on_exported)
        self._open_dialog(dialog)
        return dialog

    def print_plan(self) -> CallSheetPrint:
        """Print the day's plan's call sheet: the print dialog, then the printer."""
        def finished(message: str) -> None:
            self._set_status(lambda: message)
            self.printing = None

        self.printing = print_call_sheet(self.runner, today=self.today, parent=self, on_finished=finished)
        return self.printing

    def _on_exported(self, result: Any) -> None:
        self._set_status(lambda: exported_message(result))
        self.exported.emit(result)

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._forget_dialog(d))
        dialog.open()

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self._dialog is dialog:
            self._dialog = None

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Today"))
        self.snooze_button.setText(self.tr("Snooze until…"))
        self.dismiss_button.setText(self.tr("Dismiss for today"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.reset_button.setText(self.tr("Reset order"))
        self.reset_button.setToolTip(self.tr("Forget today's manual moves: back to priority order"))
        self.export_button.setText(self.tr("Export…"))
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print the day's plan as its call sheet (masked; written to the audit log)"))
        self.undo_button.setText(self.tr("Undo contact"))
        self.undo_button.setToolTip(self.tr("Take back the contact logged on this line today"))
        self.updated_label.setText(self.tr("Segments and churn scores were brought up to date. Your plan "
                                           "stays as it is until you reload it; lines done stay done."))
        self.reload_button.setText(self.tr("Reload the plan"))
        self.reason_caption.setText(self.tr("Because of"))
        index = self.reason_combo.currentIndex()
        self.reason_combo.blockSignals(True)
        self.reason_combo.clear()
        self.reason_combo.addItem(self.tr("All reasons"), "")
        for reason in WorkReason:
            self.reason_combo.addItem(worklist_texts.reason_label(reason), reason.value)
        self.reason_combo.setCurrentIndex(max(index, 0))
        self.reason_combo.blockSignals(False)
        self.detail_table.setHorizontalHeaderLabels([
            self.tr("Why"), self.tr("Details"), self.tr("Points"), self.tr("Tier weight"),
            self.tr("Weighted")])
        self.model.retranslate()
        self._render_labels()
        self._render_status()
        current = self.selected_customer()
        self._show_details(self._line(current) if current else None)
        self._update_buttons()          # the Log contact button names the selection's count

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
