"""The customer 360 pane: who the customer is, where they stand, what they hold, how their
money moved, and when we last spoke.

Identity is masked. "Show ID" / "Show mobile" reveal the full value through
services.customers.reveal_identity, which writes the audit log first; the value is masked again
after REVEAL_SECONDS, when another customer is opened, or when the app locks.
"""

from __future__ import annotations

import getpass
import json
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relmgr.services.customers import Customer360, reveal_identity
from relmgr.ui.common import formatting, texts
from relmgr.ui.common.full_height import CurrentPageTabs, FullHeightTable
from relmgr.ui.customers.messages_dialog import MessagesDialog
from relmgr.ui.customers.tags_consent import TagsAndConsent
from relmgr.ui.recommendations.panel import RecommendationPanel
from relmgr.ui.shell.runner import TaskRunner

REVEAL_SECONDS = 30


def _fill(table: QTableWidget, rows: list[list[str]], right_aligned: set[int] = frozenset()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if c in right_aligned:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def _table(columns: int) -> QTableWidget:
    table = FullHeightTable(0, columns)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CustomerPane(QWidget):
    """Shows one Customer360; empty until a customer is chosen."""

    #: Emitted after a reveal was audited (the field name), for the status bar.
    revealed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPane")
        self.runner = runner
        self.view: Customer360 | None = None
        self._chart = None                       # made on first use (imports matplotlib)
        self._mask_timer = QTimer(self)
        self._mask_timer.setSingleShot(True)
        self._mask_timer.setInterval(REVEAL_SECONDS * 1000)
        self._mask_timer.timeout.connect(self.mask_identity)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("hint")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.name_label = QLabel()
        self.name_label.setObjectName("customerName")
        self.badges_label = QLabel()
        self.badges_label.setObjectName("badges")
        self.id_value, self.phone_value = QLabel(), QLabel()
        for label in (self.id_value, self.phone_value):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_id_button, self.reveal_phone_button = QPushButton(), QPushButton()
        for button in (self.reveal_id_button, self.reveal_phone_button):
            button.setObjectName("link")
            button.setFlat(True)
        self.messages_button = QPushButton()
        self.messages_button.clicked.connect(self.open_messages)
        self.messages_dialog: MessagesDialog | None = None
        self.reveal_id_button.clicked.connect(lambda: self._reveal("id_number"))
        self.reveal_phone_button.clicked.connect(lambda: self._reveal("phone"))

        self.field_labels: dict[str, QLabel] = {}
        self.field_values: dict[str, QLabel] = {}
        # Caption above value, three per row: compact enough for a pane beside the table.
        profile = QGridLayout()
        profile.setHorizontalSpacing(18)
        profile.setVerticalSpacing(2)
        keys = ("id", "phone", "age", "city", "occupation", "channel", "risk", "opened", "aum",
                "liabilities", "last_txn", "last_contact", "tier", "rfm", "stage", "stage_reason",
                "cluster")
        wide = {"stage_reason", "cluster"}         # these take a whole row
        row = col = 0
        for key in keys:
            caption = QLabel()
            caption.setObjectName("caption")
            caption.setWordWrap(True)          # the three columns fit a narrow pane, no sideways scroll
            self.field_labels[key] = caption
            caption_widget: QWidget = caption
            # "Show" sits beside the caption, not the value: the masked ID is long enough alone.
            if key == "id":
                caption_widget, value_widget = _inline(caption, self.reveal_id_button), self.id_value
            elif key == "phone":
                caption_widget, value_widget = _inline(caption, self.reveal_phone_button), self.phone_value
            else:
                value = QLabel()
                value.setWordWrap(True)
                self.field_values[key] = value
                value_widget = value
            if key in wide and col:
                row, col = row + 1, 0
            span = 3 if key in wide else 1
            profile.addWidget(caption_widget, row * 2, col, 1, span)
            profile.addWidget(value_widget, row * 2 + 1, col, 1, span)
            col += span
            if col >= 3:
                row, col = row + 1, 0
        for col in range(3):
            profile.setColumnStretch(col, 1)

        self.chart_title = QLabel()
        self.chart_title.setObjectName("sectionTitle")
        self.chart_holder = QVBoxLayout()

        self.holdings_table = _table(6)
        self.transactions_table = _table(4)
        self.contacts_table = _table(5)
        self.recommendations = RecommendationPanel(runner)
        self.tags_consent = TagsAndConsent(runner)
        # The pane is the one scroll area: tables as tall as their rows, tabs as tall as the one
        # shown; short tab titles (the full one in the tooltip) fit a 1366-px window.
        self.tabs = CurrentPageTabs()
        self.tabs.setUsesScrollButtons(False)
        self.tabs.addTab(self.recommendations, "")
        self.tabs.addTab(self.holdings_table, "")
        self.tabs.addTab(self.transactions_table, "")
        self.tabs.addTab(self.contacts_table, "")

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(14, 12, 14, 12)
        header = QHBoxLayout()
        header.addWidget(self.name_label)
        header.addStretch(1)
        header.addWidget(self.badges_label)
        header.addWidget(self.messages_button)
        body_layout.addLayout(header)
        body_layout.addLayout(profile)
        body_layout.addWidget(self.tags_consent)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        body_layout.addWidget(line)
        body_layout.addWidget(self.chart_title)
        body_layout.addLayout(self.chart_holder)
        body_layout.addWidget(self.tabs, 1)
        self.body = body

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll
        layout.addWidget(scroll)
        self.retranslate_ui()
        self.clear()

    # -- content ---------------------------------------------------------------------------
    def show_customer(self, view: Customer360) -> None:
        self.mask_identity()
        self.view = view
        self.placeholder.hide()
        self.scroll.show()
        self._render()
        self.recommendations.show_customer(view.customer_id)
        self.tags_consent.show_customer(view.customer_id)

    def clear(self) -> None:
        """Forget the customer (another is being loaded, or the app locks)."""
        self._mask_timer.stop()
        self.view = None
        self.recommendations.clear()
        self.tags_consent.clear()
        if self.messages_dialog is not None:
            self.messages_dialog.reject()          # nothing of the customer stays on screen
        for table in (self.holdings_table, self.transactions_table, self.contacts_table):
            table.setRowCount(0)
        for label in (self.name_label, self.badges_label, self.id_value, self.phone_value,
                      *self.field_values.values()):
            label.clear()
        if self._chart is not None:
            self._chart.clear()
        self.scroll.hide()
        self.placeholder.show()

    def mask_identity(self) -> None:
        self._mask_timer.stop()
        if self.view is not None:
            self.id_value.setText(self.view.profile["id_masked"])
            self.phone_value.setText(self.view.profile["phone_masked"])
        for button in (self.reveal_id_button, self.reveal_phone_button):
            button.setEnabled(self.view is not None)

    def _render(self) -> None:
        view = self.view
        if view is None:
            return
        p = view.profile
        self.name_label.setText(f"{p['name_masked']}  ·  {p['customer_id']}")
        self.mask_identity()
        values = self.field_values
        values["age"].setText(self.tr("{age} · {gender}").format(age=int(p["age"]),
                                                                 gender=texts.gender(p["gender"])))
        values["city"].setText(p["city"] or "")
        values["occupation"].setText(p["occupation"] or "")
        risk = texts.risk_rating(p["risk_rating"])
        if p["risk_assessed_on"]:
            risk += self.tr(" (assessed {date})").format(date=p["risk_assessed_on"])
        if p["risk_assessment_expired"]:
            risk += " — " + self.tr("expired, renew before any sale")
        values["risk"].setText(risk)
        values["risk"].setProperty("warning", bool(p["risk_assessment_expired"]))
        values["channel"].setText(texts.channel(p["preferred_channel"]))
        opened = p["opened_on"] + (self.tr(", closed {date}").format(date=p["closed_on"])
                                   if p["closed_on"] else "")
        values["opened"].setText(opened)
        values["aum"].setText(formatting.money(p["aum"]))
        values["liabilities"].setText(formatting.money(p["liabilities"]))
        values["last_txn"].setText(p["last_txn_on"] or self.tr("none"))
        values["last_contact"].setText(p["last_contact_on"] or self.tr("never"))
        segment = view.segment or {}
        values["tier"].setText(texts.tier(segment.get("tier")) or self.tr("not computed yet"))
        values["rfm"].setText(texts.rfm_segment(segment.get("rfm_segment")))
        values["stage"].setText(texts.stage(segment.get("stage")))
        detail = json.loads(segment["stage_detail"]) if segment.get("stage_detail") else {}
        values["stage_reason"].setText(texts.stage_reason(segment.get("stage_reason"), detail))
        cluster = segment.get("cluster")
        values["cluster"].setText("" if cluster is None else self.tr("{number}: {words}").format(
            number=cluster, words=texts.cluster_description(json.loads(segment.get("cluster_traits") or "[]"))))
        badges = [texts.tier(segment.get("tier")), texts.stage(segment.get("stage"))]
        self.badges_label.setText("  ".join(b for b in badges if b))

        if self._chart is None:
            from relmgr.ui.customers.aum_chart import AumChart

            self._chart = AumChart(self)
            self.chart_holder.addWidget(self._chart)
        self._chart.plot(view.monthly, unit_label=self.tr("CNY 10,000"))

        _fill(self.holdings_table, [
            [texts.product_name(row), texts.risk_level(row["risk_level"]), formatting.money(row["balance"]),
             row["opened_on"] or "", formatting.text(row["maturity_on"]), texts.holding_status(row["status"])]
            for row in view.holdings.to_dict("records")], right_aligned={2})
        _fill(self.transactions_table, [
            [row["txn_date"], texts.txn_kind(row["kind"]), formatting.money(row["amount"]),
             texts.channel(row["channel"])]
            for row in view.transactions.to_dict("records")], right_aligned={2})
        _fill(self.contacts_table, [
            [row["occurred_at"].replace("T", " ")[:16], texts.contact_channel(row["channel"]),
             texts.contact_purpose(row["purpose"]), texts.contact_outcome(row["outcome"]), row["note"]]
            for row in view.contacts.to_dict("records")])

    # -- messages --------------------------------------------------------------------------
    def open_messages(self) -> MessagesDialog | None:
        if self.view is None:
            return None
        dialog = MessagesDialog(self.runner, customer_id=self.view.customer_id,
                                customer_label=self.name_label.text(), parent=self)
        dialog.finished.connect(lambda _result: setattr(self, "messages_dialog", None))
        self.messages_dialog = dialog
        dialog.open()
        return dialog

    # -- reveal ----------------------------------------------------------------------------
    def _reveal(self, field: str) -> None:
        if self.view is None:
            return
        customer_id = self.view.customer_id

        def shown(value: Any) -> None:
            if self.view is None or self.view.customer_id != customer_id:
                return                                   # the RM moved on meanwhile
            (self.id_value if field == "id_number" else self.phone_value).setText(str(value))
            self._mask_timer.start()
            self.revealed.emit(field)

        self.runner.run_db(reveal_identity, customer_id, field, actor=getpass.getuser(),
                           on_done=shown, on_error=lambda _e: None)

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.placeholder.setText(self.tr("Choose a customer in the list to see their 360 view."))
        captions = {
            "id": self.tr("ID number"), "phone": self.tr("Mobile"), "age": self.tr("Age"),
            "city": self.tr("City"), "occupation": self.tr("Occupation"),
            "risk": self.tr("Risk rating"), "channel": self.tr("Preferred channel"),
            "opened": self.tr("Customer since"), "aum": self.tr("AUM (CNY)"),
            "liabilities": self.tr("Loans and cards (CNY)"), "last_txn": self.tr("Last activity"),
            "last_contact": self.tr("Last contact"), "tier": self.tr("Service tier"),
            "rfm": self.tr("RFM segment"), "stage": self.tr("Lifecycle stage"),
            "stage_reason": self.tr("Why this stage"), "cluster": self.tr("Behaviour cluster"),
        }
        for key, text in captions.items():
            self.field_labels[key].setText(text)
        self.messages_button.setText(self.tr("Messages…"))
        self.messages_button.setToolTip(self.tr("Birthday, maturity and risk-assessment messages to copy "
                                                "into the bank's messaging"))
        self.reveal_id_button.setText(self.tr("Show"))
        self.reveal_phone_button.setText(self.tr("Show"))
        tip = self.tr("Shows the full value for {seconds} seconds; the reveal is written to the "
                      "audit log.").format(seconds=REVEAL_SECONDS)
        self.reveal_id_button.setToolTip(tip)
        self.reveal_phone_button.setToolTip(tip)
        self.chart_title.setText(self.tr("AUM trend, month end (CNY 10,000)"))
        for index, (title, tip) in enumerate((
                (self.tr("Products"), self.tr("Recommended products")),
                (self.tr("Holdings"), self.tr("Holdings")),
                (self.tr("Transactions"), self.tr("Recent transactions")),
                (self.tr("Contacts"), self.tr("Contact history")))):
            self.tabs.setTabText(index, title)
            self.tabs.setTabToolTip(index, tip)
        self.holdings_table.setHorizontalHeaderLabels([
            self.tr("Product"), self.tr("Risk"), self.tr("Balance (CNY)"), self.tr("Opened"),
            self.tr("Matures"), self.tr("Status")])
        self.transactions_table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Type"), self.tr("Amount (CNY)"), self.tr("Channel")])
        self.contacts_table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Channel"), self.tr("Purpose"), self.tr("Outcome"), self.tr("Note")])
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _inline(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return holder
