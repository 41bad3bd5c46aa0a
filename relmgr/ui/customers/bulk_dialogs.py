"""The Customers table's bulk actions on the selected customers: one dialog logs the same contact
for each, one creates a follow-up task for each (relmgr.services.bulk).

A selection can be thousands of customers, so the write runs through the window's task runner
with progress and Cancel (all or nothing: a cancelled or refused write stores nothing). The
dialog stays open with the service's message when the input is refused, and emits
`saved(ids)` once every row is stored: the ids of the contacts or tasks, which the page's Undo
takes back (services.bulk.undo_bulk_contacts / undo_bulk_tasks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.codes import ContactChannel, ContactOutcome, ContactPurpose
from relmgr.domain.progress import Cancelled
from relmgr.services.bulk import bulk_create_tasks, bulk_log_contacts
from relmgr.services.contacts import MAX_NOTE_CHARS, MAX_TITLE_CHARS
from relmgr.ui.common import texts
from relmgr.ui.common.contact_dialog import DEFAULT_FOLLOW_UP_DAYS, pydate, qdate
from relmgr.ui.shell.runner import TaskRunner


class _BulkDialog(QDialog):
    """What both share: the selection, the heading, the note, the error line and OK/Cancel, and
    running the write with progress."""

    #: The ids of the rows stored (contacts or tasks), one per customer.
    saved = Signal(list)

    def __init__(self, runner: TaskRunner, *, customer_ids: Sequence[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.customer_ids = list(dict.fromkeys(customer_ids))
        self._saving = False
        self.setModal(True)
        self.setMinimumWidth(460)
        self.heading = QLabel()
        self.heading.setObjectName("dialogTitle")
        self.heading.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(80)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def problem(self) -> str | None:
        if len(self.note_edit.toPlainText().strip()) > MAX_NOTE_CHARS:
            return self.tr("The note is too long (at most {count:,} characters).").format(count=MAX_NOTE_CHARS)
        return None

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _write(self) -> Any:
        raise NotImplementedError

    def _progress_title(self) -> str:
        raise NotImplementedError

    def accept(self) -> None:
        if self._saving:
            return
        problem = self.problem()
        if problem is not None:
            self._show_error(problem)
            return
        self._saving = True
        self.buttons.setEnabled(False)
        self.error_label.hide()
        self.runner.run_long(self._write(), title=self._progress_title(), parent=self, **self.values(),
                             on_done=self._on_saved, on_error=self._on_failed, on_cancelled=self._on_cancelled)

    def _on_saved(self, ids: list[int]) -> None:
        self._saving = False
        self.saved.emit(list(ids))
        super().accept()

    def _on_cancelled(self) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self._show_error(self.tr("Cancelled; nothing was saved."))

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self._on_cancelled()
            return
        self._saving = False
        self.buttons.setEnabled(True)
        if isinstance(error, ValueError):
            # The service's message names the field (and at most a customer no.), no personal data.
            self._show_error(self.tr("Nothing saved: {reason}").format(reason=str(error)))
        else:
            self._show_error(self.tr("Nothing saved ({kind}).").format(kind=type(error).__name__))

    def retranslate_ui(self) -> None:
        self.note_caption.setText(self.tr("Note"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class BulkContactDialog(_BulkDialog):
    """Log the same contact (channel, purpose, outcome, note; at the time of OK) for each of
    `customer_ids`."""

    def __init__(self, runner: TaskRunner, *, customer_ids: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(runner, customer_ids=customer_ids, parent=parent)
        self.channel_combo, self.purpose_combo, self.outcome_combo = QComboBox(), QComboBox(), QComboBox()
        self.channel_caption, self.purpose_caption = QLabel(), QLabel()
        self.outcome_caption, self.note_caption = QLabel(), QLabel()
        self.form.addRow(self.channel_caption, self.channel_combo)
        self.form.addRow(self.purpose_caption, self.purpose_combo)
        self.form.addRow(self.outcome_caption, self.outcome_combo)
        self.form.addRow(self.note_caption, self.note_edit)
        self.retranslate_ui()

    def values(self) -> dict[str, Any]:
        """Keyword arguments of bulk_log_contacts (without the portfolio)."""
        return {"customer_ids": list(self.customer_ids),
                "channel": str(self.channel_combo.currentData()),
                "purpose": str(self.purpose_combo.currentData()),
                "outcome": str(self.outcome_combo.currentData()),
                "note": self.note_edit.toPlainText().strip()}

    def _write(self) -> Any:
        return bulk_log_contacts

    def _progress_title(self) -> str:
        return self.tr("Logging contacts…")

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]], selected: str) -> None:
        current = combo.currentData() or selected
        combo.clear()
        for label, code in items:
            combo.addItem(label, code)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Log contact for the selection"))
        self.heading.setText(self.tr("The same contact for each selected customer ({count:,})").format(
            count=len(self.customer_ids)))
        self.channel_caption.setText(self.tr("Channel"))
        self.purpose_caption.setText(self.tr("Purpose"))
        self.outcome_caption.setText(self.tr("Outcome"))
        self.note_edit.setPlaceholderText(self.tr("What was said or sent (optional, the same for each)"))
        self._fill(self.channel_combo, [(texts.contact_channel(c), c.value) for c in ContactChannel],
                   ContactChannel.PHONE.value)
        self._fill(self.purpose_combo, [(texts.contact_purpose(c), c.value) for c in ContactPurpose],
                   ContactPurpose.SERVICE.value)
        self._fill(self.outcome_combo, [(texts.contact_outcome(c), c.value) for c in ContactOutcome],
                   ContactOutcome.REACHED.value)


# The kinds of follow-up offered (the task's title); the RM can type another.
TASK_KINDS = ("call", "visit", "review", "documents")


class BulkTaskDialog(_BulkDialog):
    """A follow-up task (kind, due date, note) for each of `customer_ids`. `today` is the
    earliest due date (default: the calendar date); the due date defaults to a week later."""

    def __init__(self, runner: TaskRunner, *, customer_ids: Sequence[str], today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, customer_ids=customer_ids, parent=parent)
        self.today = today or dt.date.today()
        self.kind_combo = QComboBox()
        self.kind_combo.setEditable(True)
        self.kind_combo.lineEdit().setMaxLength(MAX_TITLE_CHARS)
        for _kind in TASK_KINDS:
            self.kind_combo.addItem("")
        self.due_edit = QDateEdit(qdate(self.today + dt.timedelta(days=DEFAULT_FOLLOW_UP_DAYS)))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setMinimumDate(qdate(self.today))
        self.kind_caption, self.due_caption, self.note_caption = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.kind_caption, self.kind_combo)
        self.form.addRow(self.due_caption, self.due_edit)
        self.form.addRow(self.note_caption, self.note_edit)
        self.retranslate_ui()

    def values(self) -> dict[str, Any]:
        """Keyword arguments of bulk_create_tasks (without the portfolio)."""
        return {"customer_ids": list(self.customer_ids), "kind": self.kind_combo.currentText().strip(),
                "due_on": pydate(self.due_edit.date()), "note": self.note_edit.toPlainText().strip()}

    def problem(self) -> str | None:
        values = self.values()
        if not values["kind"]:
            return self.tr("Say what the follow-up task is.")
        if values["due_on"] < self.today:
            return self.tr("The due date lies in the past.")
        return super().problem()

    def _write(self) -> Any:
        return bulk_create_tasks

    def _progress_title(self) -> str:
        return self.tr("Creating tasks…")

    def _kind_words(self) -> list[str]:
        words = {"call": self.tr("Follow-up call"), "visit": self.tr("Visit"),
                 "review": self.tr("Portfolio review"), "documents": self.tr("Send documents")}
        return [words[k] for k in TASK_KINDS]

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Create tasks for the selection"))
        self.heading.setText(self.tr("A follow-up task for each selected customer ({count:,})").format(
            count=len(self.customer_ids)))
        self.kind_caption.setText(self.tr("Task"))
        self.due_caption.setText(self.tr("Due date"))
        self.note_edit.setPlaceholderText(self.tr("Note (optional, the same for each)"))
        # A kind chosen from the list follows the language; one the RM typed stays as typed.
        index, typed = self.kind_combo.currentIndex(), self.kind_combo.currentText()
        chosen = index >= 0 and typed == self.kind_combo.itemText(index)
        for i, word in enumerate(self._kind_words()):
            self.kind_combo.setItemText(i, word)
        if chosen:
            self.kind_combo.setEditText(self.kind_combo.itemText(index))
