"""Message templates for one customer (issue 19): birthday greetings, a maturity notice, the
reminder to renew the risk assessment, filled in by services.message_templates in the UI's
language, to edit and copy into the bank's own messaging (relmgr sends nothing)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relmgr.services.message_templates import CustomerMessage, customer_messages
from relmgr.services.settings import load_settings
from relmgr.services.wording import messages as message_words
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner


class MessagesDialog(QDialog):
    """Pick a message, edit it if needed, Copy. `loaded` once the messages are filled in."""

    loaded = Signal()

    def __init__(self, runner: TaskRunner, *, customer_id: str, customer_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.customer_id = customer_id
        self.customer_label = customer_label
        self.messages: list[CustomerMessage] = []
        self.kind_combo = QComboBox()
        self.kind_combo.currentIndexChanged.connect(self._show_message)
        self.when_label = QLabel()
        self.when_label.setObjectName("hint")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMinimumSize(420, 140)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("primary")
        self.copy_button.clicked.connect(self.copy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.when_label)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.load()

    def load(self) -> None:
        settings = load_settings()
        self.copy_button.setEnabled(False)
        self.runner.run_db(customer_messages, self.customer_id, language=current_language(),
                           branch=settings.branch_name, rm=settings.rm_name,
                           on_done=self._loaded, on_error=self._failed)

    def _loaded(self, messages: list[CustomerMessage]) -> None:
        self.messages = messages
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for message in messages:
            self.kind_combo.addItem(message_words.message_kind(message.kind.value, language=current_language()))
        self.kind_combo.blockSignals(False)
        self._show_message(0)
        self.status.setText("" if messages else self.tr(
            "No message to send: no birth date, maturing holding or risk assessment on record."))
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not fill in the messages ({kind}).").format(kind=type(error).__name__))

    def _show_message(self, index: int) -> None:
        if not 0 <= index < len(self.messages):
            self.text_edit.clear()
            self.when_label.clear()
            self.copy_button.setEnabled(False)
            return
        message = self.messages[index]
        self.text_edit.setPlainText(message.text)
        when = message.on.isoformat()
        self.when_label.setText(self.tr("{date}: due now").format(date=when) if message.due
                                else self.tr("{date}: not due yet").format(date=when))
        self.copy_button.setEnabled(True)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text_edit.toPlainText())
        self.status.setText(self.tr("Copied: paste it into the bank's messaging."))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Messages for {customer}").format(customer=self.customer_label))
        self.copy_button.setText(self.tr("Copy"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.messages:
                self.load()                       # the messages themselves are in the language
        super().changeEvent(event)
