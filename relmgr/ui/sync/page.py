"""Head-office sync page (总行同步): exactly what would leave this PC, cell by cell, with the
suppressed and noisy cells marked, the outbox (queued, sent and acknowledged, refused with head
office's reason), and Sync now / Save to file.

Building and signing a summary run on the database thread; sending runs in three stages
(services.sync.outbox.FLUSH through TaskRunner.run_staged): the queued rows are read on the
database thread, the HTTPS round trips happen on the worker thread, the outcomes are written back
on the database thread. Progress and Cancel show in the page; Cancel stops between summaries and
what was already delivered is still recorded. While the window is open a timer tries again every
minute, so summaries go on their own when the network returns (each at its backoff time). The
summary holds aggregates only, so nothing here is masked."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.codes import OutboxStatus
from relmgr.services.changes import Topic
from relmgr.services.files import WriteFailed
from relmgr.services.settings import load_settings
from relmgr.services.sync import outbox
from relmgr.services.sync.branch import NoBranchId
from relmgr.services.sync.preview import SUPPRESSED_MARK
from relmgr.services.sync.transport import Refused, SendFailed
from relmgr.services.wording.sync import outbox_status
from relmgr.ui.common.progress_strip import ProgressStrip
from relmgr.ui.common.widgets import follow_changes, section_title
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner

SUPPRESSED_COLOUR = QColor("#8a8a8a")
REFUSED_COLOUR = QColor("#b3261e")
RETRY_EVERY_MS = 60_000
FLUSH_KEY = "sync-flush"


class SyncPage(QWidget):
    #: What it shows: aggregates of everything, and the outbox (sequence numbers, audit).
    READS = frozenset({Topic.CUSTOMERS, Topic.SEGMENTS, Topic.SCORES, Topic.WARNINGS,
                       Topic.RECOMMENDATIONS, Topic.CONTACTS, Topic.RULES})
    open_customer = Signal(str)     # the window wires every page's; a summary names no customer
    loaded = Signal(int)
    finished = Signal(str)          # a send or save ended: its message
    outbox_shown = Signal(int)      # the outbox list was filled: its number of rows

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
        self.outbox_table = QTableWidget(0, 6)
        self.outbox_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outbox_table.verticalHeader().setVisible(False)
        self.outbox_table.horizontalHeader().setStretchLastSection(True)
        self.progress = ProgressStrip()
        self._items: list[outbox.Item] = []
        self._stop: threading.Event | None = None
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_EVERY_MS)
        self.retry_timer.timeout.connect(self.retry_due)
        self.retry_timer.start()
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
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.outbox_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        layout.addWidget(self.progress)
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
        self._items = []
        self.table.setRowCount(0)
        self.outbox_table.setRowCount(0)
        self.status_label.clear()

    def _show(self, result: outbox.Preview, generation: int) -> None:
        if generation != self._generation:
            return
        self._preview = result
        cells = [(table["table"], cell) for table in result.body["tables"] for cell in table["cells"]]
        dp = result.body.get("differential_privacy")
        published = self.tr("published, noisy (±{count} customers, 95%)").format(
            count=dp["counts"]["interval_95"]) if dp else self.tr("published")
        self.table.setRowCount(len(cells))
        for row, (name, cell) in enumerate(cells):
            hidden = cell["suppressed"]
            values = [name, cell["row"], cell["column"],
                      SUPPRESSED_MARK if hidden else f"{cell['customers']:,}",
                      "" if "aum" not in cell else SUPPRESSED_MARK if hidden else f"{cell['aum']:,}",
                      self.tr("suppressed") if hidden else published]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if hidden:
                    item.setForeground(SUPPRESSED_COLOUR)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._show_items(result.items)
        self._render_status()
        self.loaded.emit(len(cells))

    def _show_items(self, items: list[outbox.Item]) -> None:
        self._items = list(items)
        language = current_language()
        self.outbox_table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            if item.status is OutboxStatus.QUEUED:
                note = self.tr("next try {time}").format(time=item.next_attempt_at[:16].replace("T", " "))
                if item.last_error:
                    note += f" — {item.last_error}"
            elif item.status is OutboxStatus.REFUSED:
                note = item.last_error or ""
            else:
                note = self.tr("already received") if item.acknowledged == outbox.DUPLICATE \
                    else self.tr("accepted")
            values = [f"#{item.sequence}", f"{item.period_from} – {item.period_to}",
                      outbox_status(item.status.value, language=language), f"{item.attempts}",
                      (item.last_attempt_at or "")[:16].replace("T", " "), note]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if item.status is OutboxStatus.REFUSED:
                    cell.setForeground(REFUSED_COLOUR)
                self.outbox_table.setItem(row, column, cell)
        self.outbox_table.resizeColumnsToContents()
        self._render_status()
        self.outbox_shown.emit(len(self._items))

    def _reload_items(self) -> None:
        self.runner.run_db(outbox.items, on_done=self._show_items,
                           on_error=lambda error: None)   # the preview's load reports problems

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
        dp = body.get("differential_privacy")
        if dp:
            noisy = self.tr("Differential privacy is on (epsilon {epsilon:g}): every customer count "
                            "is noisy by up to ±{count}, every AUM figure by up to ±{aum:,} "
                            "(95% of the time); totals add up the noisy cells; model quality is "
                            "not noisy.").format(epsilon=dp["epsilon"], count=dp["counts"]["interval_95"],
                                                 aum=dp["aum"]["interval_95"])
        else:
            noisy = self.tr("No figure is noisy (differential privacy is off).")
        counts = {status: sum(i.status is status for i in self._items) for status in OutboxStatus}
        text = self.tr("Branch {branch}, period {start} to {end}; k = {k}; {hidden} cells suppressed; "
                       "AUM rounded to {step:,}. {noisy} Outbox: {queued} waiting, {sent} sent and "
                       "acknowledged, {refused} refused.").format(
            branch=body["branch_id"], start=body["period"]["from"], end=body["period"]["to"],
            k=body["k"], hidden=hidden, step=body["aum_rounding"], noisy=noisy,
            queued=counts[OutboxStatus.QUEUED], sent=counts[OutboxStatus.SENT],
            refused=counts[OutboxStatus.REFUSED])
        self.status_label.setText(f"{text} {self._message}".strip())

    # -- sending and saving ---------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def send_now(self) -> None:
        """Sign a fresh summary into the outbox, then send everything waiting (oldest first)."""
        settings = load_settings()
        if not settings.head_office_url:
            self._done(self.tr("No head-office address: set it in Settings."))
            return
        if self.runner.staged_running(FLUSH_KEY):
            return
        self._set_busy(True)
        self.runner.run_db(outbox.queue_new, on_done=lambda _item: self._flush(force=True),
                           on_error=self._send_failed)

    def retry_due(self) -> None:
        """The timer's round: send what is due, quietly when there is nothing to send."""
        settings = load_settings()
        if settings.head_office_url and not self.runner.staged_running(FLUSH_KEY) \
                and self.send_button.isEnabled():
            self._flush(force=False)

    def _flush(self, *, force: bool) -> None:
        settings = load_settings()
        if not settings.head_office_url:
            self._done(self.tr("No head-office address: set it in Settings."))
            return
        self._set_busy(True)
        self._stop = threading.Event()
        self.runner.run_staged(
            outbox.FLUSH, key=FLUSH_KEY, on_progress=self.progress.progress,
            on_done=lambda outcomes: self._sent(outcomes, quiet=not force),
            on_error=lambda error: self._send_failed(error, quiet=not force),
            on_cancelled=lambda: self._sent([], quiet=False),
            url=settings.head_office_url, ca_bundle=settings.ca_bundle or None, force=force,
            stop=self._stop)
        self.progress.start(lambda: self.tr("Sending to head office"), self._stop.set)

    def _sent(self, outcomes: list[outbox.Outcome], *, quiet: bool = False) -> None:
        self.progress.finish()
        self._stop = None
        self._reload_items()
        if quiet and not outcomes:
            self._set_busy(False)
            return
        sent = [o for o in outcomes if o.status is OutboxStatus.SENT]
        refused = [o for o in outcomes if o.status is OutboxStatus.REFUSED]
        failed = [o for o in outcomes if o.status is OutboxStatus.QUEUED]
        parts = [self.tr("Sent {count} summaries.").format(count=len(sent))] if sent or not outcomes else []
        parts += [self.tr("Summary #{number} refused by head office: {reason}").format(
            number=o.sequence, reason=o.message) for o in refused]
        if failed:
            parts.append(self.tr("Not sent, kept in the outbox and tried again later: {reason}").format(
                reason=failed[0].message))
        self._done(" ".join(parts))

    def _send_failed(self, error: BaseException, *, quiet: bool = False) -> None:
        self.progress.finish()
        self._stop = None
        if quiet:                       # the timer's round: no portfolio open, no branch id yet
            self._set_busy(False)
            return
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
                                  "(fewer than k customers, or hidden so totals cannot reveal one). "
                                  "Below: the outbox, kept inside the encrypted portfolio."
                                  ).format(mark=SUPPRESSED_MARK))
        self.outbox_table.setHorizontalHeaderLabels([
            self.tr("Summary"), self.tr("Period"), self.tr("State"), self.tr("Attempts"),
            self.tr("Last attempt"), self.tr("Answer or next try")])
        self.table.setHorizontalHeaderLabels([self.tr("Table"), self.tr("Row"), self.tr("Column"),
                                              self.tr("Customers"), self.tr("AUM (rounded)"),
                                              self.tr("Status")])
        self.send_button.setText(self.tr("Sync now"))
        self.save_button.setText(self.tr("Save to file…"))
        if self._items:
            self._show_items(self._items)
        self._render_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
