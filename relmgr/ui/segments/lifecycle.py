"""Lifecycle page (客户生命周期): customers per stage, how customers moved between stages month by
month, each stage's list with the reason, and what to do with a customer in that stage."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.segments import Stage
from relmgr.services.segment_views import SegmentViews
from relmgr.ui.common import formatting, texts
from relmgr.ui.common.table_model import LEFT, RIGHT, FrameTableModel
from relmgr.ui.common.widgets import Chart, ListView, section_title

_CTX = "LifecyclePage"
STAGES = list(Stage)
_COLORS = {"ACQUISITION": "#7fb3e0", "GROWTH": "#2e8b57", "MATURITY": "#2f6fb0",
           "DECLINE": "#e0a800", "CHURNED": "#b3261e"}


LIST_COLUMNS = (
    ("customer_id", QT_TRANSLATE_NOOP("LifecyclePage", "Customer no."), formatting.text, LEFT),
    ("name_masked", QT_TRANSLATE_NOOP("LifecyclePage", "Name"), formatting.text, LEFT),
    ("tier", QT_TRANSLATE_NOOP("LifecyclePage", "Tier"), texts.tier, LEFT),
    ("aum", QT_TRANSLATE_NOOP("LifecyclePage", "AUM (CNY)"), formatting.money_short, RIGHT),
    ("stage_since", QT_TRANSLATE_NOOP("LifecyclePage", "In stage since"), formatting.text, LEFT),
    ("reason_text", QT_TRANSLATE_NOOP("LifecyclePage", "Why"), formatting.text, LEFT),
)


class LifecyclePage(QWidget):
    open_customer = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: SegmentViews | None = None
        self._chart: Chart | None = None
        self.title = section_title()
        self.stage_table = QTableWidget(len(STAGES), 3)
        self.stage_table.verticalHeader().hide()
        self.stage_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.stage_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.stage_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.stage_table.itemSelectionChanged.connect(self._apply_filter)
        self.stage_table.setMaximumWidth(380)
        self.playbook = QLabel()
        self.playbook.setWordWrap(True)
        self.playbook.setObjectName("playbook")
        self.chart_title = section_title()
        self.chart_holder = QVBoxLayout()
        self.month_combo = QComboBox()
        self.month_combo.currentIndexChanged.connect(self._show_moves)
        self.moves_table = QTableWidget(0, 3)
        self.moves_table.verticalHeader().hide()
        self.moves_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.moves_table.setMaximumWidth(380)
        self.moves_caption = QLabel()
        self.list_title = section_title()
        self.list_model = FrameTableModel(LIST_COLUMNS, context=_CTX, parent=self)
        self.list_view = ListView(self.list_model)
        self.list_view.open_customer.connect(self.open_customer)

        left = QVBoxLayout()
        left.addWidget(self.stage_table)
        left.addWidget(self.playbook)
        month_row = QHBoxLayout()
        month_row.addWidget(self.moves_caption)
        month_row.addWidget(self.month_combo, 1)
        left.addLayout(month_row)
        left.addWidget(self.moves_table)
        right = QVBoxLayout()
        right.addWidget(self.chart_title)
        right.addLayout(self.chart_holder, 1)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.title)
        layout.addLayout(top, 3)
        layout.addWidget(self.list_title)
        layout.addWidget(self.list_view, 2)
        self.retranslate_ui()

    def export_list_name(self) -> str:
        """The follow-up list of the selected stage (services.segment_lists), for Export."""
        selected = self.stage_table.selectionModel().selectedRows()
        stage = STAGES[selected[0].row()] if selected else Stage.DECLINE
        return f"stage-{stage.value.lower()}"

    def load(self) -> None:
        """Data arrives through set_views (the main window refreshes segments)."""

    def clear(self) -> None:
        self.set_views(None)

    def set_views(self, views: SegmentViews | None) -> None:
        self.views = views
        if views is None:
            self.list_model.clear()
            self.stage_table.clearContents()
            self.moves_table.setRowCount(0)
            self.month_combo.clear()
            return
        frame = views.customers.copy()
        frame["reason_text"] = [
            texts.stage_reason(r, d if isinstance(d, dict) else json.loads(d or "{}"))
            for r, d in zip(frame["stage_reason"], frame["stage_detail"], strict=True)]
        self.list_model.set_frame(frame)
        for column, width in enumerate((96, 70, 90, 110, 110)):
            self.list_view.setColumnWidth(column, width)
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        self.month_combo.addItems(list(views.stage_months.index[::-1]))
        self.month_combo.blockSignals(False)
        self._render()
        if not self.stage_table.selectedItems():
            self.stage_table.selectRow(STAGES.index(Stage.DECLINE))
        self._apply_filter()
        self._show_moves()

    def _render(self) -> None:
        views = self.views
        if views is None:
            return
        for row, record in enumerate(views.stages.to_dict("records")):
            cells = [texts.stage(record["stage"]), f"{int(record['customers']):,}", f"{record['aum_share']:.1%}"]
            for column, value in enumerate(cells):
                self.stage_table.setItem(row, column, QTableWidgetItem(value))
        self.stage_table.resizeColumnsToContents()
        if self._chart is None:
            self._chart = Chart(height=2.6)
            self.chart_holder.addWidget(self._chart)
        months = views.stage_months

        def paint(ax) -> None:
            x = np.arange(len(months))
            bottom = np.zeros(len(months))
            for stage in STAGES:
                values = months[stage.value].to_numpy()
                ax.bar(x, values, bottom=bottom, color=_COLORS[stage.value], width=0.8,
                       label=texts.stage(stage))
                bottom += values
            step = max(1, len(months) // 8)
            ax.set_xticks(x[::step], list(months.index)[::step], fontsize=7)
            ax.legend(fontsize=7, ncols=5, loc="upper left", frameon=False, bbox_to_anchor=(0, 1.12))
        self._chart.draw(paint)

    def _apply_filter(self) -> None:
        frame = self.list_model.frame
        selected = self.stage_table.selectionModel().selectedRows()
        if not len(frame) or not selected:
            return
        stage = STAGES[selected[0].row()]
        rows = np.flatnonzero((frame["stage"] == stage.value).to_numpy())
        rows = rows[np.argsort(-frame["aum"].to_numpy()[rows], kind="stable")]
        self.list_model.set_visible_rows(rows)
        self.list_title.setText(self.tr("{stage}: {count:,} customers, largest first").format(
            stage=texts.stage(stage), count=len(rows)))
        self.playbook.setText(self.tr("What to do: {playbook}").format(playbook=texts.stage_playbook(stage)))

    def _show_moves(self, _index: int = 0) -> None:
        views = self.views
        if views is None or self.month_combo.currentIndex() < 0:
            return
        month = self.month_combo.currentText()
        moves = views.stage_moves[views.stage_moves["month"] == month].sort_values("count", ascending=False)
        self.moves_table.setRowCount(len(moves))
        for row, record in enumerate(moves.to_dict("records")):
            source = (self.tr("New customers") if record["from_stage"] == "NEW"
                      else texts.stage(record["from_stage"]))
            for column, value in enumerate([source, texts.stage(record["to_stage"]), f"{int(record['count']):,}"]):
                self.moves_table.setItem(row, column, QTableWidgetItem(value))
        self.moves_table.resizeColumnsToContents()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Customer lifecycle"))
        self.stage_table.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("Customers"), self.tr("AUM share")])
        self.chart_title.setText(self.tr("Customers by stage at each month end"))
        self.moves_caption.setText(self.tr("Moves in"))
        self.moves_table.setHorizontalHeaderLabels([self.tr("From"), self.tr("To"), self.tr("Customers")])
        self.list_model.retranslate()
        if self.views is not None:
            self.set_views(self.views)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
