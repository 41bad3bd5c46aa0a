"""The dialog in which an RM logs one contact with a customer (channel, purpose, outcome, note)
and, optionally, a follow-up task with a due date.

Two clicks from any list: the defaults (phone call, the purpose the line suggests, reached) are
a valid contact, so "Log contact…" then OK records it. The dialog writes through
relmgr.services.contacts.log_contact (+ create_task) on the database thread, stays open with the
message when the service refuses the input, and emits `saved(interaction_id)` once it is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.codes import ContactChannel, ContactOutcome, ContactPurpose
from relmgr.services.contacts import MAX_NOTE_CHARS, MAX_TITLE_CHARS, save_contact
from relmgr.ui.common import texts
from relmgr.ui.shell.runner import TaskRunner

DEFAULT_FOLLOW_UP_DAYS = 7


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ContactDialog(QDialog):
    """Log a contact with `customer_id`. `customer_label` is what the RM sees of the customer
    (customer no. and masked name); `today` is the worklist's day (follow-ups default to a week
    later); `purpose` preselects the purpose. `due_task_ids`: the customer's open tasks due
    today or overdue; the RM can mark them done with the contact (ticked when `complete_tasks`)."""

    #: The new interaction_id, after the contact (and its task) were stored.
    saved = Signal(int)

    def __init__(self, runner: TaskRunner, *, customer_id: str, customer_label: str,
                 today: dt.date | None = None, purpose: ContactPurpose | str = ContactPurpose.SERVICE,
                 due_task_ids: Sequence[int] = (), complete_tasks: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.customer_id = customer_id
        self.customer_label = customer_label
        self.today = today or dt.date.today()
        self._purpose = ContactPurpose(purpose)
        self.due_task_ids = [int(t) for t in due_task_ids]
        self._saving = False
        self.setModal(True)
        self.setMinimumWidth(460)

        self.heading = QLabel()
        self.heading.setObjectName("dialogTitle")
        self.heading.setWordWrap(True)
        self.channel_combo, self.purpose_combo, self.outcome_combo = QComboBox(), QComboBox(), QComboBox()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(80)
        self.complete_check = QCheckBox()
        self.complete_check.setChecked(bool(self.due_task_ids) and complete_tasks)
        self.complete_check.setVisible(bool(self.due_task_ids))
        self.follow_up_check = QCheckBox()
        self.task_title_edit = QLineEdit()
        self.task_title_edit.setMaxLength(MAX_TITLE_CHARS)
        self.due_edit = QDateEdit(qdate(self.today + dt.timedelta(days=DEFAULT_FOLLOW_UP_DAYS)))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setMinimumDate(qdate(self.today))
        self.follow_up_check.toggled.connect(self._update_follow_up)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.channel_caption, self.purpose_caption = QLabel(), QLabel()
        self.outcome_caption, self.note_caption = QLabel(), QLabel()
        self.title_caption, self.due_caption = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.channel_caption, self.channel_combo)
        form.addRow(self.purpose_caption, self.purpose_combo)
        form.addRow(self.outcome_caption, self.outcome_combo)
        form.addRow(self.note_caption, self.note_edit)
        if self.due_task_ids:
            form.addRow("", self.complete_check)
        form.addRow("", self.follow_up_check)
        follow_up = QHBoxLayout()
        follow_up.addWidget(self.task_title_edit, 1)
        follow_up.addWidget(self.due_caption)
        follow_up.addWidget(self.due_edit)
        form.addRow(self.title_caption, follow_up)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._update_follow_up(False)

    # -- input -------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Keyword arguments of save_contact (without the portfolio)."""
        follow_up = None
        if self.follow_up_check.isChecked():
            follow_up = {"title": self.task_title_edit.text().strip(),
                         "due_on": pydate(self.due_edit.date())}
        return {"customer_id": self.customer_id,
                "channel": str(self.channel_combo.currentData()),
                "purpose": str(self.purpose_combo.currentData()),
                "outcome": str(self.outcome_combo.currentData()),
                "note": self.note_edit.toPlainText().strip(),
                "follow_up": follow_up,
                "complete_task_ids": list(self.due_task_ids) if self.complete_check.isChecked() else []}

    def problem(self) -> str | None:
        """What keeps the input from being saved, in words; None when it is fine."""
        values = self.values()
        if len(values["note"]) > MAX_NOTE_CHARS:
            return self.tr("The note is too long (at most {count:,} characters).").format(count=MAX_NOTE_CHARS)
        follow_up = values["follow_up"]
        if follow_up is not None:
            if not follow_up["title"]:
                return self.tr("Say what the follow-up task is.")
            if follow_up["due_on"] < self.today:
                return self.tr("The follow-up date lies in the past.")
        return None

    def _update_follow_up(self, checked: bool) -> None:
        for widget in (self.task_title_edit, self.due_edit, self.title_caption, self.due_caption):
            widget.setEnabled(checked)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        if self._saving:
            return
        problem = self.problem()
        if problem is not None:
            self._show_error(problem)
            return
        self._saving = True
        self.buttons.setEnabled(False)
        self.runner.run_db(save_contact, **self.values(), on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, interaction_id: int) -> None:
        self._saving = False
        self.saved.emit(int(interaction_id))
        super().accept()

    def _on_failed(self, error: BaseException) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if isinstance(error, ValueError):
            # The service's message names the field; it carries no customer data.
            self._show_error(self.tr("Not saved: {reason}").format(reason=str(error)))
        else:
            self._show_error(self.tr("Not saved ({kind}).").format(kind=type(error).__name__))

    # -- language ----------------------------------------------------------------------------
    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]], selected: str) -> None:
        current = combo.currentData() or selected
        combo.clear()
        for label, code in items:
            combo.addItem(label, code)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Log contact"))
        self.heading.setText(self.tr("Contact with {customer}").format(customer=self.customer_label))
        self.channel_caption.setText(self.tr("Channel"))
        self.purpose_caption.setText(self.tr("Purpose"))
        self.outcome_caption.setText(self.tr("Outcome"))
        self.note_caption.setText(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("What was said or agreed (optional)"))
        self.follow_up_check.setText(self.tr("Create a follow-up task"))
        self.complete_check.setText(self.tr("Mark the due task done (%n task(s))", "", len(self.due_task_ids))
                                    if len(self.due_task_ids) > 1 else self.tr("Mark the due task done"))
        self.title_caption.setText(self.tr("Task"))
        self.due_caption.setText(self.tr("due"))
        if not self.task_title_edit.text():
            self.task_title_edit.setText(self.tr("Follow-up call"))
        self._fill(self.channel_combo, [(texts.contact_channel(c), c.value) for c in ContactChannel],
                   ContactChannel.PHONE.value)
        self._fill(self.purpose_combo, [(texts.contact_purpose(c), c.value) for c in ContactPurpose],
                   self._purpose.value)
        self._fill(self.outcome_combo, [(texts.contact_outcome(c), c.value) for c in ContactOutcome],
                   ContactOutcome.REACHED.value)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
