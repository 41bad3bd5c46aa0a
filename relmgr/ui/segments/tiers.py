"""Service tiers page (客户分层服务名单): customers per value tier, who is due or overdue for
contact by the tier's cadence, and the tier moves of the data date's month."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.segments import ContactStatus, Tier
from relmgr.services.segment_views import SegmentViews
from relmgr.ui.common import formatting, texts
from relmgr.ui.common.table_model import LEFT, RIGHT, FrameTableModel
from relmgr.ui.common.widgets import ListView, section_title

_CTX = "TiersPage"
DUE_COLUMNS = (
    ("customer_id", QT_TRANSLATE_NOOP("TiersPage", "Customer no."), formatting.text, LEFT),
    ("name_masked", QT_TRANSLATE_NOOP("TiersPage", "Name"), formatting.text, LEFT),
    ("tier", QT_TRANSLATE_NOOP("TiersPage", "Tier"), texts.tier, LEFT),
    ("avg_aum_3m", QT_TRANSLATE_NOOP("TiersPage", "3-month avg AUM"), formatting.money_short, RIGHT),
    ("last_contact_on", QT_TRANSLATE_NOOP("TiersPage", "Last contact"), formatting.text, LEFT),
    ("due_on", QT_TRANSLATE_NOOP("TiersPage", "Due on"), formatting.text, LEFT),
    ("days_overdue", QT_TRANSLATE_NOOP("TiersPage", "Days overdue"), formatting.text, RIGHT),
    ("contact_status", QT_TRANSLATE_NOOP("TiersPage", "Status"), texts.contact_status, LEFT),
)
CHANGE_COLUMNS = (
    ("customer_id", QT_TRANSLATE_NOOP("TiersPage", "Customer no."), formatting.text, LEFT),
    ("name_masked", QT_TRANSLATE_NOOP("TiersPage", "Name"), formatting.text, LEFT),
    ("previous_tier", QT_TRANSLATE_NOOP("TiersPage", "From"), texts.tier, LEFT),
    ("tier", QT_TRANSLATE_NOOP("TiersPage", "To"), texts.tier, LEFT),
    ("change", QT_TRANSLATE_NOOP("TiersPage", "Move"), texts.tier_change, LEFT),
    ("avg_aum_3m", QT_TRANSLATE_NOOP("TiersPage", "3-month avg AUM"), formatting.money_short, RIGHT),
)


class TiersPage(QWidget):
    open_customer = Signal(str)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: SegmentViews | None = None
        self.title = section_title()
        self.info_label = QLabel()
        self.info_label.setObjectName("hint")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.summary = QTableWidget(len(Tier), 7)
        self.summary.verticalHeader().hide()
        self.summary.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary.setMaximumHeight(150)
        self.summary.horizontalHeader().setStretchLastSection(True)

        self.tier_combo = QComboBox()
        self.status_combo = QComboBox()
        self.tier_combo.currentIndexChanged.connect(self._apply_filter)
        self.status_combo.currentIndexChanged.connect(self._apply_filter)
        self.due_count = QLabel()
        self.due_model = FrameTableModel(DUE_COLUMNS, context=_CTX, parent=self)
        self.due_view = ListView(self.due_model)
        self.due_view.open_customer.connect(self.open_customer)
        self.changes_model = FrameTableModel(CHANGE_COLUMNS, context=_CTX, parent=self)
        self.changes_view = ListView(self.changes_model)
        self.changes_view.open_customer.connect(self.open_customer)

        due_tab = QWidget()
        due_layout = QVBoxLayout(due_tab)
        filters = QHBoxLayout()
        self.tier_caption, self.status_caption = QLabel(), QLabel()
        for widget in (self.tier_caption, self.tier_combo, self.status_caption, self.status_combo):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.due_count)
        due_layout.addLayout(filters)
        due_layout.addWidget(self.due_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(due_tab, "")
        # A list with no rows says nothing: the line above it says why it is empty, or what it holds.
        self.changes_label = QLabel()
        self.changes_label.setWordWrap(True)
        changes_tab = QWidget()
        changes_layout = QVBoxLayout(changes_tab)
        changes_layout.addWidget(self.changes_label)
        changes_layout.addWidget(self.changes_view, 1)
        self.tabs.addTab(changes_tab, "")

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.info_label, 1)
        header.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def set_views(self, views: SegmentViews | None) -> None:
        self.views = views
        if views is None:
            self.summary.clearContents()
            self.due_model.clear()
            self.changes_model.clear()
        else:
            self.due_model.set_frame(views.customers)
            self.changes_model.set_frame(views.tier_changes)
            for column, width in enumerate((96, 70, 90, 130, 100, 100, 100)):
                self.due_view.setColumnWidth(column, width)
        self._render()

    def clear(self) -> None:
        self.set_views(None)

    def export_list_name(self) -> str:
        """The contacts-due list, or the chosen tier's whole list (services.segment_lists)."""
        index = self.tier_combo.currentIndex()
        return "due" if index <= 0 else f"tier-{list(Tier)[index - 1].value.lower()}"

    def load(self) -> None:
        """Data arrives through set_views (the main window refreshes segments)."""

    def _render(self) -> None:
        views = self.views
        if views is None:
            self.info_label.setText(self.tr("Not computed yet: press Refresh."))
            self.changes_label.setText(self.tr("Not computed yet: press Refresh."))
            self._update_due_count()
            return
        self.changes_label.setText(self._changes_text(views))
        self.info_label.setText(self.tr("Data as of {date}; computed {when}").format(
            date=views.as_of.isoformat(), when=views.computed_at.replace("T", " ")[:16]))
        for row, record in enumerate(views.tiers.to_dict("records")):
            cadence = (self.tr("every {days} days").format(days=int(record["cadence_days"]))
                       if pd.notna(record["cadence_days"]) else self.tr("digital only"))
            cells = [texts.tier(record["tier"]), f"{record['customers']:,}",
                     formatting.money_short(record["aum"]), f"{record['aum_share']:.1%}", cadence,
                     f"{record['due']:,}", f"{record['overdue']:,}"]
            for column, value in enumerate(cells):
                self.summary.setItem(row, column, QTableWidgetItem(value))
        self.summary.resizeColumnsToContents()
        self._apply_filter()

    def _changes_text(self, views: SegmentViews) -> str:
        month = views.as_of.isoformat()[:7]
        changes = views.tier_changes
        if not len(changes):
            return self.tr("No customer changed tier in {month}. A downgrade takes effect only after "
                           "the months below the threshold that the team rules ask for.").format(month=month)
        up = int((changes["change"] == "UP").sum())
        return self.tr("{count:,} tier changes in {month}: {up:,} up, {down:,} down.").format(
            count=len(changes), month=month, up=up, down=len(changes) - up)

    def _apply_filter(self, _index: int = 0) -> None:
        frame = self.due_model.frame
        if not len(frame):
            self._update_due_count()
            return
        mask = pd.Series(True, index=frame.index)
        tier_index = self.tier_combo.currentIndex()
        if tier_index > 0:
            mask &= frame["tier"] == list(Tier)[tier_index - 1]
        statuses = ([ContactStatus.OVERDUE, ContactStatus.DUE], [ContactStatus.OVERDUE],
                    [ContactStatus.DUE], None)[max(self.status_combo.currentIndex(), 0)]
        if statuses is not None:
            mask &= frame["contact_status"].isin([s.value for s in statuses])
        rows = frame.index[mask].to_numpy()
        # Most overdue first: that is whom to call first.
        order = frame.loc[mask, "days_overdue"].fillna(-10**6).to_numpy().argsort(kind="stable")[::-1]
        self.due_model.set_visible_rows(rows[order])
        self._update_due_count()

    def _update_due_count(self) -> None:
        self.due_count.setText(self.tr("{count:,} customers").format(count=self.due_model.rowCount()))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Service tiers"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.summary.setHorizontalHeaderLabels([
            self.tr("Tier"), self.tr("Customers"), self.tr("AUM (CNY)"), self.tr("AUM share"),
            self.tr("Contact cadence"), self.tr("Due"), self.tr("Overdue")])
        self.tier_caption.setText(self.tr("Tier"))
        self.status_caption.setText(self.tr("Show"))
        tier_index, status_index = self.tier_combo.currentIndex(), self.status_combo.currentIndex()
        self.tier_combo.blockSignals(True)
        self.status_combo.blockSignals(True)
        self.tier_combo.clear()
        self.tier_combo.addItems([self.tr("All tiers")] + [texts.tier(t) for t in Tier])
        self.status_combo.clear()
        self.status_combo.addItems([self.tr("Due or overdue"), self.tr("Overdue"), self.tr("Due soon"),
                                    self.tr("Everyone")])
        self.tier_combo.setCurrentIndex(max(tier_index, 0))
        self.status_combo.setCurrentIndex(max(status_index, 0))
        self.tier_combo.blockSignals(False)
        self.status_combo.blockSignals(False)
        self.tabs.setTabText(0, self.tr("Due for contact"))
        self.tabs.setTabText(1, self.tr("Tier changes this month"))
        self.due_model.retranslate()
        self.changes_model.retranslate()
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
