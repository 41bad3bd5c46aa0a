"""The 360 pane's tags and marketing consent (issue 19): the customer's tags, added and removed
by hand, and whether they agreed to marketing, which the RM records with a date and a note.

Both are read and written on the database thread through the services (customer_tags,
consent), which audit each change; the section reloads what it shows after every write and
drops answers for a customer the RM has already left.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.codes import MarketingConsent
from relmgr.services.consent import MAX_NOTE_CHARS, ConsentState, consent_of, record_consent
from relmgr.services.customer_tags import MAX_TAG_CHARS, change_tags, tags_of
from relmgr.services.wording import campaigns as campaign_words
from relmgr.ui.common.contact_dialog import pydate, qdate
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner


def _load(portfolio: Any, customer_id: str) -> tuple[list[str], ConsentState]:
    return tags_of(portfolio, customer_id), consent_of(portfolio, customer_id)


def consent_words(value: str | None) -> str:
    return campaign_words.marketing_consent(value, language=current_language())


class TagsAndConsent(QWidget):
    """Tags and marketing consent of the customer shown; empty until `show_customer`."""

    #: The section shows fresh data for this customer (also after a change was stored).
    loaded = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.customer_id: str | None = None
        self.tags: list[str] = []
        self.consent: ConsentState | None = None
        self.dialog: ConsentDialog | None = None
        self._generation = 0

        self.tags_caption, self.consent_caption = QLabel(), QLabel()
        for caption in (self.tags_caption, self.consent_caption):
            caption.setObjectName("caption")
        self.tags_value, self.consent_value, self.message = QLabel(), QLabel(), QLabel()
        for label in (self.tags_value, self.consent_value, self.message):
            label.setWordWrap(True)
        self.message.setObjectName("errorMessage")
        self.message.hide()
        # One editable box: type a new tag and Add, or pick one held and Remove.
        self.tag_box = QComboBox()
        self.tag_box.setEditable(True)
        self.tag_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tag_box.lineEdit().setMaxLength(MAX_TAG_CHARS)
        self.tag_box.lineEdit().returnPressed.connect(self._add)
        self.add_button, self.remove_button, self.consent_button = QPushButton(), QPushButton(), QPushButton()
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.consent_button.clicked.connect(self.open_consent_dialog)

        tag_row = QHBoxLayout()
        tag_row.setSpacing(6)
        tag_row.addWidget(self.tag_box, 1)
        tag_row.addWidget(self.add_button)
        tag_row.addWidget(self.remove_button)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_value, 1)
        consent_row.addWidget(self.consent_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.tags_caption, 0, 0)
        grid.addWidget(self.tags_value, 1, 0)
        grid.addLayout(tag_row, 2, 0)
        grid.addWidget(self.consent_caption, 3, 0)
        grid.addLayout(consent_row, 4, 0)
        grid.addWidget(self.message, 5, 0)
        self.retranslate_ui()
        self.clear()

    # -- loading ---------------------------------------------------------------------------
    def show_customer(self, customer_id: str) -> None:
        if customer_id != self.customer_id:
            self._say(None)
        self.customer_id = customer_id
        self._generation += 1
        generation = self._generation
        self.runner.run_db(_load, customer_id,
                           on_done=lambda data: self._loaded(generation, customer_id, data),
                           on_error=lambda error: self._failed(generation, error))

    def _loaded(self, generation: int, customer_id: str, data: tuple[list[str], ConsentState]) -> None:
        if generation != self._generation:
            return                                   # the RM moved on meanwhile
        self.tags, self.consent = data
        self._render()
        self.loaded.emit(customer_id)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._say(self.tr("Could not read the tags and consent ({kind}).").format(kind=type(error).__name__))

    def clear(self) -> None:
        self._generation += 1
        self.customer_id = None
        self.tags, self.consent = [], None
        if self.dialog is not None:
            self.dialog.reject()
        self._say(None)
        self._render()

    # -- screen ----------------------------------------------------------------------------
    def _render(self) -> None:
        shown = self.customer_id is not None
        for widget in (self.tag_box, self.add_button, self.remove_button, self.consent_button):
            widget.setEnabled(shown)
        self.tags_value.setText("  ·  ".join(self.tags) if self.tags else self.tr("No tags yet."))
        typed = self.tag_box.currentText()
        self.tag_box.clear()
        self.tag_box.addItems(self.tags)
        self.tag_box.setEditText(typed if typed not in self.tags else "")
        self.remove_button.setEnabled(shown and bool(self.tags))
        self.consent_value.setText(self.consent_text())
        self.consent_value.setProperty("warning", bool(self.consent and self.consent.declined))
        self.consent_value.style().unpolish(self.consent_value)
        self.consent_value.style().polish(self.consent_value)

    def consent_text(self) -> str:
        state = self.consent
        if state is None:
            return ""
        if state.recorded is not None:
            text = self.tr("{consent} (recorded by you on {date})").format(
                consent=consent_words(state.recorded.value), date=state.decided_on or "")
            if state.note:
                text += " — " + state.note
            if state.imported is MarketingConsent.DECLINED and state.recorded is MarketingConsent.GRANTED:
                text += "\n" + self.tr("The bank's data says declined, and a refusal wins: no marketing.")
            return text
        if state.imported is not None:
            return self.tr("{consent} (in the bank's data)").format(consent=consent_words(state.imported.value))
        return self.tr("Not known: ask before offering products.")

    def _say(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    # -- tags ------------------------------------------------------------------------------
    def _change(self, *, add: list[str] = (), remove: list[str] = ()) -> None:
        if self.customer_id is None:
            return
        customer_id, generation = self.customer_id, self._generation

        def done(_tags: list[str]) -> None:
            if generation == self._generation:
                self.tag_box.setEditText("")
                self._say(None)
                self.show_customer(customer_id)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                reason = str(error) if isinstance(error, ValueError) else type(error).__name__
                self._say(self.tr("The tags were not changed: {reason}.").format(reason=reason))

        self.runner.run_db(change_tags, customer_id=customer_id, add=list(add), remove=list(remove),
                           on_done=done, on_error=failed)

    def _add(self) -> None:
        tag = self.tag_box.currentText().strip()
        if tag and tag not in self.tags:
            self._change(add=[tag])

    def _remove(self) -> None:
        tag = self.tag_box.currentText().strip()
        if tag in self.tags:
            self._change(remove=[tag])
        else:
            self._say(self.tr("Pick one of the customer's tags to remove."))

    # -- consent ---------------------------------------------------------------------------
    def open_consent_dialog(self) -> ConsentDialog | None:
        if self.customer_id is None:
            return None
        customer_id = self.customer_id
        dialog = ConsentDialog(self.runner, customer_id=customer_id, current=self.consent, parent=self)
        dialog.saved.connect(lambda: self.show_customer(customer_id) if self.customer_id == customer_id else None)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.tags_caption.setText(self.tr("Tags"))
        self.consent_caption.setText(self.tr("Marketing consent"))
        self.tag_box.lineEdit().setPlaceholderText(self.tr("New tag, or pick one to remove"))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.consent_button.setText(self.tr("Record…"))
        self.consent_button.setToolTip(self.tr("Record what the customer told you about marketing, "
                                               "with the date and a note (written to the audit log)."))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ConsentDialog(QDialog):
    """Record the customer's marketing decision (granted or declined), the day they said so and
    a note, through services.consent.record_consent; stays open with the reason when refused."""

    saved = Signal(int)

    def __init__(self, runner: TaskRunner, *, customer_id: str, current: ConsentState | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.customer_id = customer_id
        self.granted, self.declined = QRadioButton(), QRadioButton()
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.granted)
        self.choice.addButton(self.declined)
        if current is not None and current.declined:
            self.declined.setChecked(True)
        else:
            self.granted.setChecked(True)
        self.date_edit = QDateEdit(qdate(dt.date.today()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(dt.date.today()))
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(MAX_NOTE_CHARS)
        self.message = QLabel()
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        choices = QVBoxLayout()
        choices.addWidget(self.granted)
        choices.addWidget(self.declined)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Decision"), choices)
        self.form.addRow(self.tr("Told on"), self.date_edit)
        self.form.addRow(self.tr("Note"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def _save(self) -> None:
        consent = MarketingConsent.DECLINED if self.declined.isChecked() else MarketingConsent.GRANTED
        self.buttons.setEnabled(False)

        def done(decision: int) -> None:
            self.saved.emit(int(decision))
            self.accept()

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            reason = str(error) if isinstance(error, ValueError) else type(error).__name__
            self.message.setText(self.tr("Nothing was recorded: {reason}.").format(reason=reason))
            self.message.show()

        self.runner.run_db(record_consent, customer_id=self.customer_id, consent=consent,
                           decided_on=pydate(self.date_edit.date()), note=self.note_edit.text().strip(),
                           on_done=done, on_error=failed)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Marketing consent"))
        self.granted.setText(consent_words(MarketingConsent.GRANTED.value))
        self.declined.setText(consent_words(MarketingConsent.DECLINED.value))
        self.note_edit.setPlaceholderText(self.tr("What the customer said, and how (e.g. by phone)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
