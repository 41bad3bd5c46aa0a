"""Head-office sync page (总行同步): exactly what would leave this PC, cell by cell, with the
suppressed cells marked, and Send now / Save to file. Everything runs on the database thread
through the TaskRunner (building a summary, signing it, the HTTPS send); the page only shows
relmgr.services.sync's results. The summary holds aggregates only, so nothing here is masked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relmgr.services.changes import Topic
from relmgr.services.files import WriteFailed
from relmgr.services.settings import load_settings
from relmgr.services.sync import outbox
from relmgr.services.sync.branch import NoBranchId
from relmgr.services.sync.preview import SUPPRESSED_MARK
from relmgr.services.sync.transport import Refused, SendFailed
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.common.widgets import follow_changes, section_title

SUPPRESSED_COLOUR = QColor("#8a8a8a")


class SyncPage(QWidget):
    #: What it shows: aggregates of everything, and the outbox (sequence numbers, audit).
    READS = frozenset({Topic.CUSTOMERS, Topic.SEGMENTS, Topic.SCORES, Topic.WARNINGS,
                       Topic.RECOMMENDATIONS, Topic.CONTACTS, Topic.RULES})
    open_customer = Signal(str)     # the window wires every page's; a summary names no customer
    loaded = Signal(int)
    finished = Signal(str)          # a send or save ended: its message

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self._generation = 0
        self._preview: outbox.Preview | None = None
        self._message = ""
        self.title = section_title()
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.send_button = QPushButton()
        self.send_button.clicked.connect(self.send_now)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._ask_file)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self._set_busy(False)
        self.retranslate_ui()

    # -- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        self.live = True
        self._generation += 1
        generation = self._generation
        self.status_label.setText(self.tr("Building the summary…"))
        self.runner.run_db(outbox.preview, on_done=lambda result: self._show(result, generation),
                           on_error=lambda error: self._failed(error, generation))

    def clear(self) -> None:
        self.live = False
        self._generation += 1
        self._preview = None
        self._message = ""
        self.table.setRowCount(0)
        self.status_label.clear()

    def _show(self, result: outbox.Preview, generation: int) -> None:
        if generation != self._generation:
            return
        self._preview = result
        cells = [(table["table"], cell) for table in result.body["tables"] for cell in table["cells"]]
        self.table.setRowCount(len(cells))
        for row, (name, cell) in enumerate(cells):
            hidden = cell["suppressed"]
            values = [name, cell["row"], cell["column"],
                      SUPPRESSED_MARK if hidden else f"{cell['customers']:,}",
                      "" if "aum" not in cell else SUPPRESSED_MARK if hidden else f"{cell['aum']:,}",
                      self.tr("suppressed") if hidden else self.tr("published")]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if hidden:
                    item.setForeground(SUPPRESSED_COLOUR)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._render_status()
        self.loaded.emit(len(cells))

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation == self._generation:
            self._set_busy(False)
            # Service errors are one sentence without personal data (no branch id, no data date);
            # the one every new branch meets first is said in the window's language.
            if isinstance(error, NoBranchId):
                text = self.tr("This portfolio has no branch id for head office yet: the branch's "
                               "administrator sets it with relmgr sync setup.")
            elif isinstance(error, ValueError):
                text = str(error)
            else:
                text = self.tr("The summary could not be built ({kind}).").format(kind=type(error).__name__)
            self.status_label.setText(text)

    def _render_status(self) -> None:
        if self._preview is None:
            return
        body = self._preview.body
        hidden = sum(c["suppressed"] for t in body["tables"] for c in t["cells"])
        text = self.tr("Branch {branch}, period {start} to {end}; k = {k}; {hidden} cells suppressed; "
                       "AUM rounded to {step:,}; no figure is noisy (differential privacy is off). "
                       "Outbox: {pending} waiting, {sent} sent.").format(
            branch=body["branch_id"], start=body["period"]["from"], end=body["period"]["to"],
            k=body["k"], hidden=hidden, step=body["aum_rounding"], pending=self._preview.pending,
            sent=self._preview.sent)
        self.status_label.setText(f"{text} {self._message}".strip())

    # -- sending and saving ---------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def send_now(self) -> None:
        settings = load_settings()
        if not settings.head_office_url:
            self._done(self.tr("No head-office address: set it in Settings."))
            return
        self._set_busy(True)
        self.runner.run_db(outbox.send_now, url=settings.head_office_url,
                           ca_bundle=settings.ca_bundle or None,
                           on_done=self._sent, on_error=self._send_failed)

    def _sent(self, attempts: list[Any]) -> None:
        failed = [a for a in attempts if not a.delivered]
        self._done(self.tr("Not sent, kept in the outbox: {reason}").format(reason=failed[0].message)
                   if failed else self.tr("Sent {count} summaries.").format(count=len(attempts)))

    def _send_failed(self, error: BaseException) -> None:
        # These carry one sentence naming the problem and no personal data; anything else is a bug.
        known = (SendFailed, Refused, WriteFailed, ValueError)
        self._done(str(error) if isinstance(error, known)
                   else self.tr("Not sent ({kind}).").format(kind=type(error).__name__))

    def _ask_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the signed summary"),
                                              "summary.json", self.tr("Summary (*.json)"))
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        self._set_busy(True)
        self.runner.run_db(outbox.save_to_file, path,
                           on_done=lambda written: self._done(
                               self.tr("Saved to {file}.").format(file=written)),
                           on_error=self._send_failed)

    def _done(self, message: str) -> None:
        self._set_busy(False)
        self._message = message
        self._render_status()
        if self._preview is None:
            self.status_label.setText(message)
        self.finished.emit(message)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Head-office summary"))
        self.hint.setText(self.tr("Exactly what leaves this PC: counts of customers and rounded AUM, "
                                  "never a name, number or note. {mark} marks a suppressed cell "
                                  "(fewer than k customers, or hidden so totals cannot reveal one)."
                                  ).format(mark=SUPPRESSED_MARK))
        self.table.setHorizontalHeaderLabels([self.tr("Table"), self.tr("Row"), self.tr("Column"),
                                              self.tr("Customers"), self.tr("AUM (rounded)"),
                                              self.tr("Status")])
        self.send_button.setText(self.tr("Sync now"))
        self.save_button.setText(self.tr("Save to file…"))
        self._render_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
