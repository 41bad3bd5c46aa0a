"""Recommendations page (产品推荐, issue 6): which products to push this month and to whom, and
how customers answered so far.

"Push list": pick a product; every customer whose top recommendations include it, best fit
first, with the reason sentence. "Outcomes": acceptance rates per product and per reason type
from the recorded answers. The whole-portfolio ranking runs as a long operation
(`load_push_data`, progress and Cancel); filtering by product happens in pandas.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relmgr.services.recommendation_views import PushData, load_push_data
from relmgr.services.recommendations import outcome_stats
from relmgr.services.changes import Topic
from relmgr.ui.common import formatting, texts
from relmgr.ui.recommendations import texts as reco_texts
from relmgr.ui.common.table_model import LEFT, RIGHT, FrameTableModel, rows_by_keys
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.common.widgets import ListView, follow_changes, section_title

_CTX = "RecommendationsPage"


class RecommendationsPage(QWidget):
    #: What it shows: holdings and outcomes (ranking every customer is long: not on every contact).
    READS = frozenset({Topic.CUSTOMERS, Topic.RECOMMENDATIONS})
    open_customer = Signal(str)
    #: The push lists are on screen (number of rows over all products).
    loaded = Signal(int)
    #: The outcome statistics were (re)loaded.
    outcomes_loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self.data: PushData | None = None
        self._generation = 0

        self.title = section_title()
        self.info_label = QLabel()
        self.info_label.setObjectName("hint")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.load)

        self.product_caption = QLabel()
        self.product_combo = QComboBox()
        self.product_combo.setMinimumContentsLength(28)
        self.product_combo.currentIndexChanged.connect(self._apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        columns = (
            ("customer_id", QT_TRANSLATE_NOOP("RecommendationsPage", "Customer no."), formatting.text, LEFT),
            ("name_masked", QT_TRANSLATE_NOOP("RecommendationsPage", "Name"), formatting.text, LEFT),
            ("tier", QT_TRANSLATE_NOOP("RecommendationsPage", "Tier"), texts.tier, LEFT),
            ("rank", QT_TRANSLATE_NOOP("RecommendationsPage", "Rank"), formatting.text, RIGHT),
            ("score", QT_TRANSLATE_NOOP("RecommendationsPage", "Fit"), _fit, RIGHT),
            ("needs_note", QT_TRANSLATE_NOOP("RecommendationsPage", "Extra care"), self._care, LEFT),
            ("reason", QT_TRANSLATE_NOOP("RecommendationsPage", "Why"), self._reason, LEFT),
        )
        self.model = _PushModel(columns, context=_CTX, parent=self)
        self.view = ListView(self.model)
        self.view.open_customer.connect(self.open_customer)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hint")

        push_tab = QWidget()
        push_layout = QVBoxLayout(push_tab)
        filters = QHBoxLayout()
        filters.addWidget(self.product_caption)
        filters.addWidget(self.product_combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        push_layout.addLayout(filters)
        push_layout.addWidget(self.view, 1)
        push_layout.addWidget(self.hint_label)

        self.by_product_title, self.by_reason_title = section_title(), section_title()
        self.by_product_table, self.by_reason_table = _stats_table(), _stats_table()
        self.no_outcomes_label = QLabel()
        self.no_outcomes_label.setObjectName("hint")
        outcomes_tab = QWidget()
        outcomes_layout = QVBoxLayout(outcomes_tab)
        outcomes_layout.addWidget(self.no_outcomes_label)
        outcomes_layout.addWidget(self.by_product_title)
        outcomes_layout.addWidget(self.by_product_table, 3)
        outcomes_layout.addWidget(self.by_reason_title)
        outcomes_layout.addWidget(self.by_reason_table, 2)

        self.tabs = QTabWidget()
        self.tabs.addTab(push_tab, "")
        self.tabs.addTab(outcomes_tab, "")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.info_label, 1)
        header.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        """Rank every customer (long at branch scale: progress dialog with Cancel)."""
        self.live = True
        self._generation += 1
        generation = self._generation
        self.refresh_button.setEnabled(False)
        self.info_label.setText(self.tr("Ranking products for every customer…"))
        self.runner.run_long(load_push_data, title=self.tr("Recommending products"), parent=self,
                             on_done=lambda data: self._loaded(generation, data),
                             on_error=lambda error: self._failed(generation, error),
                             on_cancelled=lambda: self._cancelled(generation))

    def refresh_outcomes(self) -> None:
        """Reload only the acceptance statistics (e.g. after the panel recorded an answer)."""
        generation = self._generation
        self.runner.run_db(outcome_stats, on_done=lambda stats: self._stats_loaded(generation, stats),
                           on_error=lambda _e: None)

    def _loaded(self, generation: int, data: PushData) -> None:
        if generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        self.data = data
        self.model.set_frame(data.frame)
        for column, width in enumerate((106, 70, 112, 48, 56, 130)):  # tier: "Private banking"
            self.view.setColumnWidth(column, width)
        # Tiers come from the segments refresh; before the first one the column would be blank.
        self.view.setColumnHidden(2, not data.frame["tier"].notna().any())
        self._render()
        self.loaded.emit(len(data.frame))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        self.info_label.setText(self.tr("Could not compute recommendations ({kind}).").format(
            kind=type(error).__name__))

    def _cancelled(self, generation: int) -> None:
        if generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        self.info_label.setText(self.tr("Cancelled: press Refresh to rank again."))

    def _stats_loaded(self, generation: int, stats: dict[str, pd.DataFrame]) -> None:
        if generation != self._generation or self.data is None:
            return
        self.data = dataclasses.replace(self.data, stats=stats)
        self._render_stats()
        self.outcomes_loaded.emit()

    def clear(self) -> None:
        """Drop every customer from memory and screen (on lock)."""
        self.live = False
        self._generation += 1
        self.data = None
        self.model.clear()
        self.refresh_button.setEnabled(True)
        self._render()

    # -- screen ----------------------------------------------------------------------------
    def _render(self) -> None:
        data = self.data
        self.product_combo.blockSignals(True)
        wanted = self.product_combo.currentData()
        self.product_combo.clear()
        if data is not None:
            for record in data.counts.to_dict("records"):
                self.product_combo.addItem(self.tr("{product} ({count:,})").format(
                    product=reco_texts.name_of(record["product_id"], data.products),
                    count=int(record["customers"])), record["product_id"])
            index = self.product_combo.findData(wanted) if wanted is not None else -1
            self.product_combo.setCurrentIndex(max(index, 0))
        self.product_combo.blockSignals(False)
        if data is None:
            self.info_label.setText(self.tr("Not computed yet: press Refresh."))
        else:
            self.info_label.setText(self.tr("Data as of {date}; computed {when}").format(
                date=data.as_of.isoformat(), when=data.computed_at.replace("T", " ")[:16]))
        self._apply_filter()
        self._render_stats()

    def selected_product(self) -> str | None:
        value = self.product_combo.currentData()
        return None if value is None else str(value)

    def select_product(self, product_id: str) -> None:
        index = self.product_combo.findData(product_id)
        if index >= 0:
            self.product_combo.setCurrentIndex(index)

    def _apply_filter(self, _index: int = 0) -> None:
        frame = self.model.frame
        product = self.selected_product()
        if not len(frame) or product is None:
            self.model.set_visible_rows(np.arange(0))
            self.count_label.clear()
            return
        # push_list orders each product's customers best fit first: keep that order (a new
        # product starts unsorted).
        rows = np.flatnonzero(frame["product_id"].to_numpy() == product)
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self.model.set_visible_rows(rows)
        notes = int(frame["needs_note"].to_numpy()[rows].astype(bool).sum())
        text = self.tr("{count:,} customers to approach").format(count=len(rows))
        if notes:
            text += self.tr("; {notes:,} need extra care").format(notes=notes)
        self.count_label.setText(text)

    def _render_stats(self) -> None:
        data = self.data
        stats = data.stats if data is not None else None
        by_product = stats["by_product"] if stats else pd.DataFrame()
        by_reason = stats["by_reason"] if stats else pd.DataFrame()
        products = data.products if data is not None else {}
        _fill_stats(self.by_product_table, by_product, lambda key: reco_texts.name_of(key, products))
        _fill_stats(self.by_reason_table, by_reason, reco_texts.reason_type)
        answered = int(by_product["answered"].sum()) if len(by_product) else 0
        self.no_outcomes_label.setText(
            self.tr("No answers recorded yet: Accept / Decline / Not now in a customer's "
                    "recommendation panel are counted here.") if data is not None and not answered
            else self.tr("{count:,} answers recorded.").format(count=answered) if answered else "")

    # -- cell formatters (called only for rows on screen, in the current language) ----------
    def _reason(self, reason: Any) -> str:
        return reco_texts.reason_text(reason, self.data.products if self.data is not None else {})

    def _care(self, needs_note: Any) -> str:
        return self.tr("senior: note to accept") if bool(needs_note) else ""

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Recommendations"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.product_caption.setText(self.tr("Product"))
        self.hint_label.setText(self.tr("Customers whose top 3 suitable products include this one, "
                                        "best fit first. Double-click to open the customer."))
        self.tabs.setTabText(0, self.tr("Whom to approach"))
        self.tabs.setTabText(1, self.tr("Outcomes"))
        self.by_product_title.setText(self.tr("Acceptance by product"))
        self.by_reason_title.setText(self.tr("Acceptance by reason"))
        labels = [self.tr("Answered"), self.tr("Accepted"), self.tr("Declined"), self.tr("Not now"),
                  self.tr("Acceptance rate")]
        self.by_product_table.setHorizontalHeaderLabels([self.tr("Product")] + labels)
        self.by_reason_table.setHorizontalHeaderLabels([self.tr("Reason")] + labels)
        self.model.retranslate()
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class _PushModel(FrameTableModel):
    """The push list; the reason cell's tooltip carries the whole sentence (the column elides)."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and self.columns[index.column()][0] == "reason":
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)

    def sort_rows(self, rows: np.ndarray, column: int, order: Qt.SortOrder) -> np.ndarray:
        name, _header, formatter, _align = self.columns[column]
        if name != "reason":
            return super().sort_rows(rows, column, order)
        # Reasons are dicts: sort by the sentence the RM reads.
        values = self.frame[name].iloc[rows]
        return rows_by_keys(rows, pd.Series([formatter(v) for v in values], dtype="str"), order)


def _fit(value: Any) -> str:
    return "" if value is None or value != value else f"{float(value):.2f}"


def _stats_table() -> QTableWidget:
    table = QTableWidget(0, 6)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill_stats(table: QTableWidget, frame: pd.DataFrame, label: Any) -> None:
    records = frame.sort_values(["answered", "key"], ascending=[False, True]).to_dict("records") \
        if len(frame) else []
    table.setRowCount(len(records))
    for r, record in enumerate(records):
        cells = [label(record["key"]), f"{int(record['answered']):,}", f"{int(record['accepted']):,}",
                 f"{int(record['declined']):,}", f"{int(record['not_now']):,}",
                 reco_texts.percent(float(record["acceptance_rate"]))]
        for c, value in enumerate(cells):
            item = QTableWidgetItem(value)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


__all__ = ["RecommendationsPage"]
