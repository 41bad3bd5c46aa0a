"""Create tasks for a saved target list (issue 17): one follow-up task per customer on it, of a
kind (call, visit, message…), due on a date, with a note. Opened from the list builder once the
list is saved, so the tasks follow the list as shown.

Before anything is written the dialog shows how many tasks it will make and how many customers
the criteria chose but are skipped: those who declined marketing ("service call only": a
marketing list never reaches them) and those held out in a running campaign's control group
(services.list_tasks.preview, read again when the due date changes). The write is one
transaction with its audit row, declared @writes(TASKS, AUDIT) so Tasks and Today read again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.codes import ContactChannel
from relmgr.services.contacts import MAX_NOTE_CHARS
from relmgr.services.list_tasks import ListTasks, create_list_tasks, preview
from relmgr.services.wording import contacts as contact_words
from relmgr.ui.common.contact_dialog import pydate, qdate
from relmgr.ui.shell.i18n import current_language, in_current_language
from relmgr.ui.shell.runner import TaskRunner

channel_text = in_current_language(contact_words.contact_channel)
DUE_IN_DAYS = 3        # a list's calls are spread over the next few days, not all due at once


class ListTasksDialog(QDialog):
    """`previewed(ListTasks)` once the counts are on screen; `created(ListTasks)` once stored."""

    previewed = Signal(object)
    created = Signal(object)

    def __init__(self, runner: TaskRunner, *, list_name: str, as_of: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.list_name = list_name
        self.plan: ListTasks | None = None
        self._asked = 0            # the preview a reply answers: a later due date asks again
        self.setModal(True)
        self._closed = False       # closed before a read or write came back: its answer is for nobody
        self.finished.connect(self._on_finished)
        self.setMinimumWidth(480)
        self.kind_combo = QComboBox()
        for kind in ContactChannel:
            self.kind_combo.addItem("", kind.value)
        self.as_of = as_of or dt.date.today()
        self.due_edit = QDateEdit(qdate(self.as_of + dt.timedelta(days=DUE_IN_DAYS)))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.dateChanged.connect(self._ask_preview)
        # Today lines from a list: its tasks due on the data date are must-do lines of Today.
        self.today_button = QPushButton()
        self.today_button.clicked.connect(lambda: self.due_edit.setDate(qdate(self.as_of)))
        due_row = QHBoxLayout()
        due_row.setContentsMargins(0, 0, 0, 0)
        due_row.addWidget(self.due_edit, 1)
        due_row.addWidget(self.today_button)
        self.due_field = QWidget()
        self.due_field.setLayout(due_row)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(MAX_NOTE_CHARS)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self.form_labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        self.list_label = QLabel(list_name)
        form = QFormLayout()
        for label, field in zip(self.form_labels, (self.list_label, self.kind_combo, self.due_field,
                                                   self.note_edit), strict=True):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._ask_preview()

    def due_on(self) -> dt.date:
        return pydate(self.due_edit.date())

    # -- preview -------------------------------------------------------------------------------
    def _ask_preview(self) -> None:
        self._asked += 1
        asked = self._asked
        self.ok_button.setEnabled(False)
        self.summary_label.setText(self.tr("Counting the customers on the list…"))
        self.runner.run_db(preview, name=self.list_name, due_on=self.due_on(),
                           on_done=self._while_open(lambda plan: self._previewed(asked, plan)),
                           on_error=self._while_open(self._failed))

    def _previewed(self, asked: int, plan: ListTasks) -> None:
        if asked != self._asked:
            return
        self.plan = plan
        self._render_plan()
        self.ok_button.setEnabled(plan.created > 0)
        self.previewed.emit(plan)

    def _render_plan(self) -> None:
        plan = self.plan
        if plan is None:
            return
        text = self.tr("{count:,} follow-up task(s) will be made, one per customer.").format(count=plan.created)
        if plan.declined:
            text += " " + self.tr("{count:,} customer(s) who declined marketing are skipped: service "
                                  "call only.").format(count=plan.declined)
        if plan.held_out:
            text += " " + self.tr("{count:,} customer(s) held out in a running campaign's control group "
                                  "are skipped: the control group is never contacted.").format(count=plan.held_out)
        if not plan.created:
            text += " " + self.tr("Nobody on this list may be contacted for marketing.")
        elif self.due_on() <= self.as_of:
            text += " " + self.tr("Due today: they join Today's plan as must-do lines, before the other calls.")
        else:
            text += " " + self.tr("They join Today's plan on {date}.").format(date=self.due_on().isoformat())
        self.summary_label.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(False)
        reason = str(error) if isinstance(error, ValueError) else type(error).__name__
        if isinstance(error, KeyError):
            reason = self.tr("the list is no longer saved")
        self.status_label.setText(self.tr("No tasks made: {reason}").format(reason=reason))

    # -- writing -------------------------------------------------------------------------------
    def create(self) -> None:
        self.ok_button.setEnabled(False)
        self.runner.run_db(create_list_tasks, name=self.list_name, kind=self.kind_combo.currentData(),
                           due_on=self.due_on(), note=self.note_edit.text(), language=current_language(),
                           on_done=self._while_open(self._created), on_error=self._while_open(self._failed))

    def _created(self, made: ListTasks) -> None:
        self.created.emit(made)
        self.accept()

    def _on_finished(self, _result: int) -> None:
        self._closed = True

    def _while_open(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        return lambda value: None if self._closed else callback(value)

    # -- language ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Create tasks for a target list"))
        for label, text in zip(self.form_labels, (self.tr("List"), self.tr("Kind"), self.tr("Due on"),
                                                  self.tr("Note")), strict=True):
            label.setText(text)
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, channel_text(self.kind_combo.itemData(i)))
        self.note_edit.setPlaceholderText(self.tr("Shown on every task (optional)"))
        self.ok_button.setText(self.tr("Create tasks"))
        self.today_button.setText(self.tr("Today's plan"))
        self.today_button.setToolTip(self.tr("Due today: the tasks become lines of Today's plan"))
        self._render_plan()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
