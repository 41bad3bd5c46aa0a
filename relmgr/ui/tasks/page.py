"""Tasks page (待办任务): the RM's follow-up tasks, oldest due first, overdue ones flagged in red
and bold with the days overdue; mark done or cancel the selected task, create a new one, export
the open tasks. Reads and writes go through relmgr.services.contacts on the database thread;
customer names arrive masked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.codes import TaskStatus
from relmgr.services.contacts import MAX_TITLE_CHARS, cancel_task, complete_task, create_task
from relmgr.services import data_date
from relmgr.services.tasks_view import TasksData, load_tasks
from relmgr.services.changes import Topic
from relmgr.ui.common import formatting, texts
from relmgr.ui.common.contact_dialog import DEFAULT_FOLLOW_UP_DAYS, pydate, qdate
from relmgr.ui.common.table_model import LEFT, RIGHT, FrameTableModel
from relmgr.ui.common.export_dialog import ExportDialog, exported_message
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.common.widgets import ListView, follow_changes, section_title

_CTX = "TasksPage"
OVERDUE_COLOUR = QColor("#b3261e")


def _overdue_days(value: Any) -> str:
    try:
        days = int(value)
    except (TypeError, ValueError):
        return ""
    return str(days) if days > 0 else ""


COLUMNS = (
    ("customer_id", QT_TRANSLATE_NOOP("TasksPage", "Customer no."), formatting.text, LEFT),
    ("name_masked", QT_TRANSLATE_NOOP("TasksPage", "Name"), formatting.text, LEFT),
    ("due_on", QT_TRANSLATE_NOOP("TasksPage", "Due date"), formatting.text, LEFT),
    ("days_overdue", QT_TRANSLATE_NOOP("TasksPage", "Days overdue"), _overdue_days, RIGHT),
    ("title", QT_TRANSLATE_NOOP("TasksPage", "Task"), formatting.text, LEFT),
    ("status", QT_TRANSLATE_NOOP("TasksPage", "Status"), texts.task_status, LEFT),
    ("note", QT_TRANSLATE_NOOP("TasksPage", "Note"), formatting.text, LEFT),
)


class TaskTableModel(FrameTableModel):
    """Tasks; overdue ones in red and bold."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, context=_CTX, parent=parent)

    def is_overdue(self, row: int) -> bool:
        if "overdue" not in self.frame or not 0 <= row < len(self.visible_rows()):
            return False
        return bool(self.frame["overdue"].iat[int(self.visible_rows()[row])])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[override]
        if index.isValid() and self.is_overdue(index.row()):
            if role == Qt.ItemDataRole.ForegroundRole:
                return OVERDUE_COLOUR
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                days = int(self.frame["days_overdue"].iat[int(self.visible_rows()[index.row()])])
                return self.tr("Overdue by {days} days").format(days=days)
        return super().data(index, role)

    def task_id_at(self, row: int) -> int | None:
        if not 0 <= row < len(self.visible_rows()) or "task_id" not in self.frame:
            return None
        return int(self.frame["task_id"].iat[int(self.visible_rows()[row])])


class TaskDialog(QDialog):
    """A new follow-up task: customer no. (optional), what to do, due date, note."""

    saved = Signal(int)

    def __init__(self, runner: TaskRunner, *, today: dt.date, customer_id: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.today = today
        self.setModal(True)
        self.setMinimumWidth(440)
        self.setWindowTitle(self.tr("New task"))
        self.customer_edit = QLineEdit(customer_id)
        self.customer_edit.setPlaceholderText(self.tr("Customer no. (leave empty for a general task)"))
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(MAX_TITLE_CHARS)
        self.due_edit = QDateEdit(qdate(today + dt.timedelta(days=DEFAULT_FOLLOW_UP_DAYS)))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setMinimumDate(qdate(today))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(70)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer_edit)
        form.addRow(self.tr("Task"), self.title_edit)
        form.addRow(self.tr("Due date"), self.due_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        customer = self.customer_edit.text().strip()
        return {"customer_id": customer or None, "title": self.title_edit.text().strip(),
                "due_on": pydate(self.due_edit.date()), "note": self.note_edit.toPlainText().strip()}

    def accept(self) -> None:
        values = self.values()
        if not values["title"]:
            self._show_error(self.tr("Say what the task is."))
            return
        self.buttons.setEnabled(False)
        self.runner.run_db(create_task, **values, on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, task_id: int) -> None:
        self.saved.emit(int(task_id))
        super().accept()

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        reason = str(error) if isinstance(error, ValueError) else type(error).__name__
        self._show_error(self.tr("Not saved: {reason}").format(reason=reason))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class TasksPage(QWidget):
    #: What it shows: the open follow-up tasks.
    READS = frozenset({Topic.TASKS, Topic.CUSTOMERS})
    open_customer = Signal(str)
    loaded = Signal(int)
    exported = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self.data: TasksData | None = None
        self._generation = 0
        self._dialog: QDialog | None = None

        self.title = section_title()
        self.count_label = QLabel()
        self.show_caption = QLabel()
        self.show_combo = QComboBox()
        self.show_combo.currentIndexChanged.connect(self._apply_filter)
        self.new_button, self.done_button = QPushButton(), QPushButton()
        self.cancel_button, self.export_button = QPushButton(), QPushButton()
        self.new_button.clicked.connect(self.new_task)
        self.done_button.clicked.connect(lambda: self._close_selected(complete_task))
        self.cancel_button.clicked.connect(lambda: self._close_selected(cancel_task))
        self.export_button.clicked.connect(self.export)
        self.model = TaskTableModel(self)
        self.view = ListView(self.model)
        self.view.open_customer.connect(self.open_customer)
        # Both: the current row moves before the selection follows it.
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.count_label)
        actions = QHBoxLayout()
        for widget in (self.new_button, self.done_button, self.cancel_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.show_caption)
        actions.addWidget(self.show_combo)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self.retranslate_ui()
        self._update_buttons()

    # -- data --------------------------------------------------------------------------------
    def load(self) -> None:
        self.live = True
        self._generation += 1
        generation = self._generation
        self.runner.run_db(load_tasks, on_done=lambda data: self._show(data, generation),
                           on_error=lambda error: self._failed(error, generation))

    def clear(self) -> None:
        self.live = False
        self._generation += 1
        if self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.reject()
            dialog.deleteLater()
        self.data = None
        self.model.clear()
        self.status_label.clear()
        self._render_count()
        self._update_buttons()

    def _show(self, data: TasksData, generation: int) -> None:
        if generation != self._generation:
            return
        self.data = data
        self.model.set_frame(data.frame)
        for column, width in enumerate((92, 80, 92, 96, 300, 80)):
            self.view.setColumnWidth(column, width)
        self._apply_filter()
        self._update_buttons()
        self.loaded.emit(len(data.frame))

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        if isinstance(error, data_date.NoDataDate):
            self.status_label.setText(self.tr("This portfolio holds no data yet, so it has no data date: "
                                              "import the bank's export first (relmgr import)."))
        else:
            self.status_label.setText(self.tr("Tasks could not be read ({kind}).").format(kind=type(error).__name__))

    def _apply_filter(self, _index: int = 0) -> None:
        frame = self.model.frame
        if len(frame):
            show = max(self.show_combo.currentIndex(), 0)
            if show == 0:
                mask = (frame["status"] == TaskStatus.OPEN.value).to_numpy()
            elif show == 1:
                mask = frame["overdue"].to_numpy(dtype=bool)
            else:
                mask = np.ones(len(frame), dtype=bool)
            self.model.set_visible_rows(np.flatnonzero(mask))
        self._render_count()
        self._update_buttons()

    def _render_count(self) -> None:
        frame = self.model.frame
        if self.data is None or not len(frame):
            self.count_label.setText("" if self.data is None else self.tr("No tasks."))
            return
        open_count = int((frame["status"] == TaskStatus.OPEN.value).sum())
        overdue = int(frame["overdue"].sum())
        self.count_label.setText(self.tr("{open:,} open, {overdue:,} overdue (as of {date})").format(
            open=open_count, overdue=overdue, date=self.data.today.isoformat()))

    def _selected_row(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return index.row()

    def _update_buttons(self) -> None:
        row = self._selected_row()
        is_open = False
        if row is not None:
            position = int(self.model.visible_rows()[row])
            is_open = self.model.frame["status"].iat[position] == TaskStatus.OPEN.value
        self.done_button.setEnabled(is_open)
        self.cancel_button.setEnabled(is_open)
        self.new_button.setEnabled(self.data is not None)
        self.export_button.setEnabled(self.data is not None)

    # -- actions -----------------------------------------------------------------------------
    def _close_selected(self, fn: Any) -> None:
        row = self._selected_row()
        task_id = self.model.task_id_at(row) if row is not None else None
        if task_id is None:
            return
        self.done_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        message = (self.tr("Task {id} marked done.") if fn is complete_task
                   else self.tr("Task {id} cancelled.")).format(id=task_id)
        generation = self._generation

        def done(_result: object) -> None:
            if generation == self._generation:
                self.status_label.setText(message)      # the change signal reads the list again

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                reason = str(error) if isinstance(error, ValueError) else type(error).__name__
                self.status_label.setText(self.tr("Not saved: {reason}").format(reason=reason))
                self._update_buttons()

        self.runner.run_db(fn, task_id=task_id, on_done=done, on_error=failed)

    def new_task(self) -> TaskDialog | None:
        if self.data is None:
            return None
        row = self._selected_row()
        customer = self.model.customer_id_at(row) if row is not None else ""
        dialog = TaskDialog(self.runner, today=self.data.today, customer_id=customer or "", parent=self)
        dialog.saved.connect(self._on_task_saved)
        self._open_dialog(dialog)
        return dialog

    def _on_task_saved(self, task_id: int) -> None:
        self.status_label.setText(self.tr("Task {id} created.").format(id=task_id))

    def export(self) -> ExportDialog:
        dialog = ExportDialog(self.runner, list_name="tasks", today=self.data.today if self.data else None,
                              parent=self)
        dialog.exported.connect(self._on_exported)
        self._open_dialog(dialog)
        return dialog

    def _on_exported(self, result: Any) -> None:
        self.status_label.setText(exported_message(result))
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
        self.title.setText(self.tr("Tasks"))
        self.new_button.setText(self.tr("New task…"))
        self.done_button.setText(self.tr("Mark done"))
        self.cancel_button.setText(self.tr("Cancel task"))
        self.export_button.setText(self.tr("Export…"))
        self.show_caption.setText(self.tr("Show"))
        index = self.show_combo.currentIndex()
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        self.show_combo.addItems([self.tr("Open tasks"), self.tr("Overdue only"), self.tr("All, incl. done")])
        self.show_combo.setCurrentIndex(max(index, 0))
        self.show_combo.blockSignals(False)
        self.model.retranslate()
        self._render_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
