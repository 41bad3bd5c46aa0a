"""Segments page: the eight RFM segments (counts, AUM share, a chart, each segment's list) and
the behaviour clusters described in plain words generated from their profiles."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.segments import RfmSegment
from relmgr.services.segment_views import SegmentViews
from relmgr.ui.common import formatting, texts
from relmgr.ui.common.table_model import LEFT, RIGHT, FrameTableModel
from relmgr.ui.common.widgets import Chart, ListView, section_title

_CTX = "SegmentsPage"
LIST_COLUMNS = (
    ("customer_id", QT_TRANSLATE_NOOP("SegmentsPage", "Customer no."), formatting.text, LEFT),
    ("name_masked", QT_TRANSLATE_NOOP("SegmentsPage", "Name"), formatting.text, LEFT),
    ("tier", QT_TRANSLATE_NOOP("SegmentsPage", "Tier"), texts.tier, LEFT),
    ("recency_days", QT_TRANSLATE_NOOP("SegmentsPage", "Days since last transaction"), formatting.text, RIGHT),
    ("frequency", QT_TRANSLATE_NOOP("SegmentsPage", "Transactions, 12 months"), formatting.text, RIGHT),
    ("monetary", QT_TRANSLATE_NOOP("SegmentsPage", "AUM, 3-month average"), formatting.money_short, RIGHT),
    ("rfm_code", QT_TRANSLATE_NOOP("SegmentsPage", "R F M"), formatting.text, LEFT),
    ("cluster", QT_TRANSLATE_NOOP("SegmentsPage", "Cluster"), formatting.text, RIGHT),
)
SEGMENTS = list(RfmSegment)


class SegmentsPage(QWidget):
    open_customer = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: SegmentViews | None = None
        self._chart: Chart | None = None
        self.title = section_title()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setObjectName("hint")
        self.segment_table = QTableWidget(len(SEGMENTS), 4)
        self.segment_table.verticalHeader().hide()
        self.segment_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.segment_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.segment_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.segment_table.itemSelectionChanged.connect(self._apply_filter)
        self.chart_holder = QVBoxLayout()
        self.list_title = section_title()
        self.list_model = FrameTableModel(LIST_COLUMNS, context=_CTX, parent=self)
        self.list_view = ListView(self.list_model)
        self.list_view.open_customer.connect(self.open_customer)

        self.cluster_intro = QLabel()
        self.cluster_intro.setWordWrap(True)
        self.cluster_intro.setObjectName("hint")
        self.cluster_table = QTableWidget(0, 4)
        self.cluster_table.verticalHeader().hide()
        self.cluster_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.cluster_table.horizontalHeader().setStretchLastSection(True)

        rfm_tab = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.segment_table, 3)
        top.addLayout(self.chart_holder, 2)
        rfm_layout = QVBoxLayout(rfm_tab)
        rfm_layout.addWidget(self.explain)
        rfm_layout.addLayout(top)
        rfm_layout.addWidget(self.list_title)
        rfm_layout.addWidget(self.list_view, 1)
        cluster_tab = QWidget()
        cluster_layout = QVBoxLayout(cluster_tab)
        cluster_layout.addWidget(self.cluster_intro)
        cluster_layout.addWidget(self.cluster_table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(rfm_tab, "")
        self.tabs.addTab(cluster_tab, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def load(self) -> None:
        """Data arrives through set_views (the main window refreshes segments)."""

    def clear(self) -> None:
        self.set_views(None)

    def set_views(self, views: SegmentViews | None) -> None:
        self.views = views
        if views is None:
            self.list_model.clear()
            self.segment_table.clearContents()
            self.cluster_table.setRowCount(0)
            return
        self.list_model.set_frame(views.customers[views.customers["stage"] != "CHURNED"].reset_index(drop=True))
        for column, width in enumerate((96, 70, 90, 170, 160, 150, 60, 60)):
            self.list_view.setColumnWidth(column, width)
        self._render()
        if not self.segment_table.selectedItems():
            self.segment_table.selectRow(0)
        self._apply_filter()

    def _render(self) -> None:
        views = self.views
        if views is None:
            return
        for row, record in enumerate(views.rfm.to_dict("records")):
            cells = [texts.rfm_segment(record["rfm_segment"]), f"{int(record['customers']):,}",
                     f"{record['share']:.1%}", f"{record['aum_share']:.1%}"]
            for column, value in enumerate(cells):
                self.segment_table.setItem(row, column, QTableWidgetItem(value))
        self.segment_table.resizeColumnsToContents()
        if self._chart is None:
            self._chart = Chart(height=2.4)
            self.chart_holder.addWidget(self._chart)
        labels = [texts.rfm_segment(s) for s in views.rfm["rfm_segment"]]
        counts = views.rfm["customers"].to_numpy()
        shares = views.rfm["aum_share"].to_numpy() * 100

        def paint(ax) -> None:
            y = np.arange(len(labels))[::-1]
            ax.barh(y + 0.2, counts, height=0.4, color="#2f6fb0", label=self.tr("Customers"))
            twin = ax.twiny()
            twin.barh(y - 0.2, shares, height=0.4, color="#e0a800", label=self.tr("AUM share %"))
            twin.tick_params(labelsize=7)
            ax.set_yticks(y, labels, fontsize=8)
            ax.set_xlabel(self.tr("Customers"), fontsize=8, color="#2f6fb0")
            twin.set_xlabel(self.tr("AUM share %"), fontsize=8, color="#9a7200")
        self._chart.figure.clear()
        self._chart.axes = self._chart.figure.add_subplot()
        self._chart.draw(paint)

        profiles = views.clusters
        self.cluster_table.setRowCount(len(profiles))
        for row, p in enumerate(profiles.itertuples(index=False)):
            cells = [str(int(p.cluster)), f"{int(p.size):,} ({p.share:.0%})",
                     self.tr("age {age:.0f}, AUM {aum}, {txns:.0f} transactions/yr, {products:.1f} products").format(
                         age=p.mean_age, aum=formatting.money_short(p.mean_aum), txns=p.mean_txns_12m,
                         products=p.mean_products),
                     texts.cluster_description(p.traits)]
            for column, value in enumerate(cells):
                self.cluster_table.setItem(row, column, QTableWidgetItem(value))
        self.cluster_table.resizeColumnsToContents()

    def _apply_filter(self) -> None:
        frame = self.list_model.frame
        selected = self.segment_table.selectionModel().selectedRows()
        if not len(frame) or not selected:
            return
        segment = SEGMENTS[selected[0].row()]
        rows = np.flatnonzero((frame["rfm_segment"] == segment.value).to_numpy())
        rows = rows[np.argsort(-frame["monetary"].to_numpy()[rows], kind="stable")]
        self.list_model.set_visible_rows(rows)
        self.list_title.setText(self.tr("{segment}: {count:,} customers, largest first").format(
            segment=texts.rfm_segment(segment), count=len(rows)))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Customer segments"))
        self.explain.setText(self.tr(
            "RFM: Recency = days since the last customer-initiated transaction; Frequency = such "
            "transactions in the last 12 months; Monetary = 3-month average AUM (what the customer "
            "keeps with us, which is what the branch is measured on; net inflow swings with single "
            "large transfers). Each is high or low against the portfolio median."))
        self.segment_table.setHorizontalHeaderLabels([
            self.tr("Segment"), self.tr("Customers"), self.tr("Share"), self.tr("AUM share")])
        self.cluster_intro.setText(self.tr(
            "Behaviour clusters: k-means on standardised behaviour features (age, AUM, activity, "
            "channel, products, tenure, logins); the number of clusters is the one with the best "
            "silhouette score. Descriptions are generated from each cluster's profile."))
        self.cluster_table.setHorizontalHeaderLabels([
            self.tr("Cluster"), self.tr("Customers"), self.tr("Profile"), self.tr("In plain words")])
        self.tabs.setTabText(0, self.tr("RFM segments"))
        self.tabs.setTabText(1, self.tr("Behaviour clusters"))
        self.list_model.retranslate()
        self._render()
        self._apply_filter()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
