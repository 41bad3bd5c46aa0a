"""Loans page (贷款, issue 21): the loan book at a glance, the repayment watch (还款监测) with
Mark handled, and loan prospects (贷款潜在客户) per family with their reasons. Both parts run on
the database thread (relmgr/services/loans.py); the watch shows first, the prospects (a model
fit on the portfolio's past openings) when they are ready. Names are masked."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from PySide6.QtCore import Qt

from relmgr.domain.pii import mask_name
from relmgr.domain.progress import Cancelled
from relmgr.services import loans
from relmgr.services.changes import Topic
from relmgr.services.wording import loans as words
from relmgr.services.wording.money import summary_money
from relmgr.ui.common.export_dialog import ExportDialog, exported_message
from relmgr.ui.common.progress_strip import ProgressStrip
from relmgr.ui.common.widgets import follow_changes, section_title
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class LoansPage(QWidget):
    READS = frozenset({Topic.CUSTOMERS, Topic.LOANS, Topic.RULES})
    open_customer = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self.live = False
        self._generation = 0
        self._watch: Any = None
        self._book: dict[str, Any] | None = None
        self._watch_names: dict[str, str] = {}
        self._prospects: Any = None
        self._prospect_names: dict[str, str] = {}
        self.title = section_title()
        self.book_label = QLabel()
        self.book_label.setWordWrap(True)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("hint")
        self.missing_label.setWordWrap(True)
        self.watch_title = section_title()
        self.watch_table = _table(5)
        self.watch_table.cellDoubleClicked.connect(lambda row, _c: self._open(self.watch_table, row))
        self.handle_button = QPushButton()
        self.handle_button.clicked.connect(self.handle_selected)
        self.prospects_title = section_title()
        self.family_box = QComboBox()
        # As wide as the longest family name in the window's language ("Consumer loan" was cut).
        self.family_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.family_box.currentIndexChanged.connect(lambda _i: self._show_prospects())
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        # Ranking fits a model per family (seconds at branch scale): its progress and Cancel.
        self.ranking = ProgressStrip()
        self.rank_button = QPushButton()
        self.rank_button.clicked.connect(self.rank_prospects)
        self.rank_button.hide()
        self._ranking_cancel: threading.Event | None = None
        self.prospects_table = _table(4)
        self.prospects_table.cellDoubleClicked.connect(lambda row, _c: self._open(self.prospects_table, row))
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")

        watch_box = QWidget()
        watch_layout = QVBoxLayout(watch_box)
        watch_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.watch_title)
        head.addStretch(1)
        head.addWidget(self.handle_button)
        watch_layout.addLayout(head)
        watch_layout.addWidget(self.watch_table, 1)
        prospects_box = QWidget()
        prospects_layout = QVBoxLayout(prospects_box)
        prospects_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.prospects_title)
        head.addStretch(1)
        head.addWidget(self.family_box)
        head.addWidget(self.rank_button)
        head.addWidget(self.export_button)
        prospects_layout.addLayout(head)
        prospects_layout.addWidget(self.ranking)
        prospects_layout.addWidget(self.prospects_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(watch_box)
        split.addWidget(prospects_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.book_label)
        layout.addWidget(self.missing_label)
        layout.addWidget(split, 1)
        layout.addWidget(self.status_label)
        self.retranslate_ui()

    # -- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        self.live = True
        self._generation += 1
        generation = self._generation
        self.status_label.setText(self.tr("Reading the loans…"))
        self.runner.run_db(loans.watch_page, on_done=lambda r: self._got_watch(r, generation),
                           on_error=lambda e: self._failed(e, generation))
        self.rank_prospects()

    def rank_prospects(self) -> None:
        """Rank the prospects on the database thread, with Cancel (between the reads and the
        families: at most a family's fit later)."""
        self._stop_ranking()
        generation = self._generation
        cancel = self._ranking_cancel = threading.Event()
        self.rank_button.hide()
        self.ranking.start(lambda: self.tr("Ranking loan prospects"), self.cancel_ranking)
        self.ranking.bar.setRange(0, 0)          # busy: the steps are not reported across threads
        self.runner.run_db(loans.prospects_page, cancel=cancel.is_set,
                           on_done=lambda r: self._got_prospects(r, generation, cancel),
                           on_error=lambda e: self._ranking_failed(e, generation, cancel))

    def cancel_ranking(self) -> None:
        if self._ranking_cancel is not None:
            self._ranking_cancel.set()

    def _stop_ranking(self) -> None:
        self.cancel_ranking()
        self._ranking_cancel = None
        self.ranking.finish()
        self.ranking.bar.setRange(0, 1000)

    def _ranking_failed(self, error: BaseException, generation: int, cancel: threading.Event) -> None:
        if generation != self._generation or cancel is not self._ranking_cancel:
            return
        self._stop_ranking()
        self.rank_button.setVisible(self.live)
        if isinstance(error, Cancelled):
            self.status_label.setText(self.tr("Ranking cancelled: the prospects were not ranked."))
        else:
            self._failed(error, generation)

    def export(self) -> ExportDialog:
        """Export the chosen family's prospects as a target list (masked unless asked, audited)."""
        family = str(self.family_box.currentData() or "MORTGAGE")
        dialog = ExportDialog(self.runner, list_name=f"loan-{family.lower()}",
                              today=self._prospects.today if self._prospects is not None else None, parent=self)
        dialog.exported.connect(lambda result: self.status_label.setText(exported_message(result)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def clear(self) -> None:
        self.live = False
        self._stop_ranking()
        self.rank_button.hide()
        self._generation += 1
        self._watch = self._book = self._prospects = None
        self._watch_names, self._prospect_names = {}, {}
        self.watch_table.setRowCount(0)
        self.prospects_table.setRowCount(0)
        self.book_label.clear()
        self.missing_label.clear()
        self.status_label.clear()

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation == self._generation:
            self.status_label.setText(self.tr("The loans could not be read: {0}").format(error))

    def _got_watch(self, result: Any, generation: int) -> None:
        if generation != self._generation:
            return
        self._watch, self._book, self._watch_names = result
        self.status_label.setText(self.tr("Ranking loan prospects…") if self._prospects is None else "")
        self._show_book()
        self._show_watch()

    def _got_prospects(self, result: Any, generation: int, cancel: threading.Event) -> None:
        if generation != self._generation or cancel is not self._ranking_cancel:
            return
        self._stop_ranking()
        self._prospects, self._prospect_names = result
        self.status_label.setText(self.tr("Prospects ranked in {0:.1f} s").format(self._prospects.seconds))
        self._show_book()
        self._show_prospects()

    # -- showing ------------------------------------------------------------------------------
    def _show_book(self) -> None:
        language = current_language()
        book = self._book
        if book is None:
            return
        families = "  ".join(f"{words.family(f, language=language)} {summary_money(v, language=language)}"
                             for f, v in book["by_family"].items())
        classes = "  ".join(f"{words.classification(c, language=language)} {summary_money(v, language=language)}"
                            for c, v in book["by_classification"].items() if c != "NOT_GIVEN")
        arrears = "  ".join(f"{words.bucket(b, language=language)}: {v['loans']:,}" for b, v in book["arrears"].items())
        self.book_label.setText(
            self.tr("Live loans {0}, outstanding {1}. By family: {2}. By classification: {3}. "
                    "This month: {4} new loans ({5}), {6} instalments repaid ({7}). Arrears: {8}.").format(
                f"{book['live_loans']:,}", summary_money(book["outstanding"], language=language), families, classes,
                f"{book['new_this_month']['loans']:,}", summary_money(book["new_this_month"]["principal"], language=language),
                f"{book['repaid_this_month']['instalments']:,}",
                summary_money(book["repaid_this_month"]["amount"], language=language), arrears))
        trend = self._trend_sentence(book.get("arrears_trend", []))
        if trend:
            self.book_label.setText(self.book_label.text() + " " + trend)
        missing = list(book["missing"])
        if self._prospects is not None:
            missing += [m for m in self._prospects.missing.get("*", []) if m not in missing]
        self.missing_label.setText(" ".join(words.missing_sentence(m, language=language) for m in missing))

    def _trend_sentence(self, trend: list[dict[str, Any]]) -> str:
        """The loans in arrears at each of the last six month ends, oldest first; with one
        month only, when the trend starts (each import that carries loans keeps its month)."""
        if not trend:
            return ""
        if len(trend) == 1:
            return self.tr("Arrears trend: kept from this month on; each monthly import adds its month.")
        months = " · ".join(f"{m['month']}\u00a0{sum(b['count'] for b in m['buckets'].values()):,}"  # no wrap inside
                            for m in trend[-6:])
        return self.tr("Loans in arrears at month end: {0}.").format(months)

    def _show_watch(self) -> None:
        if self._watch is None:
            return
        language = current_language()
        lines = self._watch.lines
        self.watch_table.setRowCount(len(lines))
        for row, line in enumerate(lines.itertuples(index=False)):
            state = self.tr("handled") if line.handled else self.tr("open")
            values = [mask_name(self._watch_names.get(str(line.customer_id), "")),
                      words.family(line.family, language=language),
                      words.bucket(line.bucket, language=language) if line.bucket
                      else words.watch_reason(line.reason, language=language),
                      state, words.watch_sentence(line.reason, line.details, language=language)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, (str(line.customer_id), str(line.loan_id), line.reason))
                self.watch_table.setItem(row, column, item)
        self.watch_table.resizeColumnsToContents()
        self.watch_title.setText(self.tr("Repayment watch ({0} open)").format(len(self._watch.open_lines)))

    def _show_prospects(self) -> None:
        if self._prospects is None:
            return
        language = current_language()
        family = self.family_box.currentData()
        frame = self._prospects.by_family.get(family)
        if frame is None:
            return
        self.prospects_table.setRowCount(len(frame))
        for row, line in enumerate(frame.itertuples(index=False)):
            values = [str(int(line.rank)), mask_name(self._prospect_names.get(str(line.customer_id), "")),
                      f"{line.probability:.1%}", words.prospect_reasons_text(line.reasons, language=language)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, (str(line.customer_id), "", ""))
                self.prospects_table.setItem(row, column, item)
        self.prospects_table.resizeColumnsToContents()
        excluded = sum(self._prospects.excluded.get(family, {}).values())
        notes = [words.missing_sentence(m, language=language) for m in self._prospects.missing.get(family, [])]
        self.prospects_title.setText(self.tr("Loan prospects: top {0} eligible, {1} customers excluded by the "
                                             "team's rules").format(len(frame), f"{excluded:,}")
                                     + (" — " + " ".join(notes) if notes else ""))

    def _open(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None:
            self.open_customer.emit(item.data(Qt.ItemDataRole.UserRole)[0])

    def handle_selected(self) -> None:
        row = self.watch_table.currentRow()
        item = self.watch_table.item(row, 0) if row >= 0 else None
        if item is None:
            self.status_label.setText(self.tr("Select a watch line first."))
            return
        _customer, loan_id, reason = item.data(Qt.ItemDataRole.UserRole)
        self.runner.run_db(loans.handle_watch_line, loan_id=loan_id, reason=reason,
                           on_done=lambda _r: self.status_label.setText(self.tr("Recorded as handled.")),
                           on_error=lambda e: self.status_label.setText(str(e)))

    # -- language -----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        language = current_language()
        self.title.setText(self.tr("Loans"))
        self.watch_title.setText(self.tr("Repayment watch"))
        self.prospects_title.setText(self.tr("Loan prospects"))
        self.handle_button.setText(self.tr("Mark handled"))
        self.export_button.setText(self.tr("Export list…"))
        self.export_button.setToolTip(self.tr("Export this family's prospects as a target list "
                                              "(names and phones masked unless you choose otherwise; audited)"))
        self.rank_button.setText(self.tr("Rank prospects"))
        self.handle_button.setToolTip(self.tr("Record that you handled the selected line (audited); "
                                              "it leaves Today for a week"))
        self.watch_table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Product"), self.tr("Warning"),
                                                    self.tr("State"), self.tr("Reason")])
        self.prospects_table.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Customer"),
                                                        self.tr("Likelihood (3 months)"), self.tr("Why")])
        current = self.family_box.currentData()
        self.family_box.blockSignals(True)
        self.family_box.clear()
        for family in ("MORTGAGE", "CONSUMER", "BUSINESS", "CREDIT_CARD"):
            self.family_box.addItem(words.family(family, language=language), family)
        self.family_box.setCurrentIndex(max(self.family_box.findData(current), 0))
        self.family_box.blockSignals(False)
        self.status_label.clear()           # a past status line is in the language just left
        self._show_book()
        self._show_watch()
        self._show_prospects()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
