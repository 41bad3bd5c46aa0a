"""The dialog in which an RM records what was done about a churn warning: mark it handled or
snooze it until a date, with a note (required), how the customer was contacted, and optionally a
follow-up task with a due date.

The dialog only collects and checks the input; `values()` gives the keyword arguments of
relmgr.services.churn.mark_warning, which the page runs on the database thread.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.churn import WarningAction
from relmgr.domain.codes import ContactChannel, ContactOutcome
from relmgr.ui.common import texts
from relmgr.ui.shell.i18n import current_language

DEFAULT_SNOOZE_DAYS = 30
DEFAULT_FOLLOW_UP_DAYS = 7
MAX_NOTE_CHARS = 2000


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class WarningDialog(QDialog):
    """Mark one customer's warning handled or snoozed. `customer_label` is what the RM sees of
    the customer (customer no. and masked name); `today` is the day snooze and follow-up dates
    count from: the page passes the portfolio's data date, mark_warning's default (the wall
    clock only when none is given, e.g. a dialog opened on its own)."""

    def __init__(self, *, action: WarningAction, customer_label: str, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = WarningAction(action)
        self.customer_label = customer_label
        self.today = today or dt.date.today()
        self.setModal(True)
        self.setMinimumWidth(460)

        self.heading = QLabel()
        self.heading.setObjectName("dialogTitle")
        self.heading.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(90)
        self.note_edit.textChanged.connect(self._update_ok)
        self.until_edit = QDateEdit(_qdate(self.today + dt.timedelta(days=DEFAULT_SNOOZE_DAYS)))
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        self.until_edit.setMinimumDate(_qdate(self.today + dt.timedelta(days=1)))
        self.channel_combo = QComboBox()
        self.outcome_combo = QComboBox()
        self.follow_up_check = QCheckBox()
        self.follow_up_edit = QDateEdit(_qdate(self.today + dt.timedelta(days=DEFAULT_FOLLOW_UP_DAYS)))
        self.follow_up_edit.setCalendarPopup(True)
        self.follow_up_edit.setDisplayFormat("yyyy-MM-dd")
        self.follow_up_edit.setMinimumDate(_qdate(self.today))
        self.follow_up_edit.setEnabled(False)
        self.follow_up_check.toggled.connect(self.follow_up_edit.setEnabled)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.note_caption, self.until_caption = QLabel(), QLabel()
        self.channel_caption, self.outcome_caption = QLabel(), QLabel()
        self.form.addRow(self.note_caption, self.note_edit)
        if self.action is WarningAction.SNOOZED:
            self.form.addRow(self.until_caption, self.until_edit)
        else:
            self.until_caption.hide()
            self.until_edit.hide()
        self.form.addRow(self.channel_caption, self.channel_combo)
        self.form.addRow(self.outcome_caption, self.outcome_combo)
        follow_up = QHBoxLayout()
        follow_up.addWidget(self.follow_up_check)
        follow_up.addWidget(self.follow_up_edit)
        follow_up.addStretch(1)
        self.form.addRow("", follow_up)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._update_ok()

    # -- input -------------------------------------------------------------------------------
    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def values(self) -> dict[str, Any]:
        """Keyword arguments of mark_warning (without the portfolio and customer_id)."""
        return {
            "action": self.action,
            "note": self.note(),
            "until": _pydate(self.until_edit.date()) if self.action is WarningAction.SNOOZED else None,
            "follow_up_on": _pydate(self.follow_up_edit.date()) if self.follow_up_check.isChecked() else None,
            "channel": ContactChannel(self.channel_combo.currentData()),
            "outcome": ContactOutcome(self.outcome_combo.currentData()),
            "language": current_language(),     # the follow-up task's title is in the RM's words
        }

    def problem(self) -> str | None:
        """What keeps the input from being saved, in words; None when it is fine."""
        if not self.note():
            return self.tr("Write a note: what was said or agreed.")
        if len(self.note()) > MAX_NOTE_CHARS:
            return self.tr("The note is too long (at most {count:,} characters).").format(count=MAX_NOTE_CHARS)
        values = self.values()
        if self.action is WarningAction.SNOOZED and values["until"] <= self.today:
            return self.tr("Choose a date after today to snooze until.")
        if values["follow_up_on"] is not None and values["follow_up_on"] < self.today:
            return self.tr("The follow-up date lies in the past.")
        return None

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.note()))
        if self.error_label.isVisible() and self.problem() is None:
            self.error_label.hide()

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        super().accept()

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        if self.action is WarningAction.SNOOZED:
            self.setWindowTitle(self.tr("Snooze churn warning"))
            self.heading.setText(self.tr("Snooze the warning of {customer}").format(customer=self.customer_label))
        else:
            self.setWindowTitle(self.tr("Mark churn warning handled"))
            self.heading.setText(self.tr("Mark the warning of {customer} handled").format(
                customer=self.customer_label))
        self.note_caption.setText(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Required: what was said or agreed"))
        self.until_caption.setText(self.tr("Snooze until"))
        self.channel_caption.setText(self.tr("Contacted by"))
        self.outcome_caption.setText(self.tr("Outcome"))
        self.follow_up_check.setText(self.tr("Create a follow-up task due on"))
        for combo, kind, label in ((self.channel_combo, ContactChannel, texts.contact_channel),
                                   (self.outcome_combo, ContactOutcome, texts.contact_outcome)):
            current = combo.currentData()
            combo.clear()
            for code in kind:
                combo.addItem(label(code.value), code.value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
