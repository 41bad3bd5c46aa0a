"""The recommendation panel of the customer 360 view (issue 6): the customer's top products with
their reason, fit score and suitability warning; Accept / Decline / Not now; the "renew risk
assessment" action; and, for the compliance officer, every product the rules removed with the
rule that removed it.

Everything is read and written on the database thread (`load_panel`, `record_outcome`); an
answer for a customer the RM has already left is dropped. The panel does not scroll inside
itself: it is as tall as its cards (and the "why not" list when open), and the 360 pane around it
is the one scroll area (issue 19).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relmgr.analytics.recommend import Recommendation
from relmgr.domain.suitability import RecoOutcome
from relmgr.services.loan_reasons import LOAN_FAMILY_OF_PRODUCT, ProspectLine
from relmgr.services.recommendation_views import PanelData, load_panel
from relmgr.services.recommendations import NoteRequired, record_outcome, undo_outcome
from relmgr.services.wording import loans as loan_words
from relmgr.ui.common import texts
from relmgr.ui.common.full_height import FullHeightTable
from relmgr.ui.recommendations import texts as reco_texts
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner


# The panel's own look (amber for attention, as resources/style.qss), scoped to the panel so it
# travels with it into the 360 pane.
_STYLE = """
QFrame#recoCard { background: white; border: 1px solid #dde2e7; border-radius: 4px; }
QLabel#recoProduct { font-weight: 600; color: #1f2d3d; }
QLabel#recoWarning { color: #9a5b00; }
QLabel#recoAction { background: #fff7e0; border: 1px solid #f0d890; padding: 4px 6px; color: #7a4a00; }
QLabel#recoInfo { color: #2e6b3a; }
"""


class _ProductCard(QFrame):
    """One recommended product: name, risk, fit, reason, warning, note and the three answers."""

    answered = Signal(str, str, str)          # product_id, RecoOutcome value, note

    def __init__(self, rec: Recommendation, products: dict[str, dict[str, Any]],
                 parent: QWidget | None = None, *, prospect: ProspectLine | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoCard")
        self.rec = rec
        self.products = products
        self.prospect = prospect
        self.title = QLabel()
        self.title.setObjectName("recoProduct")
        self.risk = QLabel()
        self.risk.setObjectName("caption")
        self.fit = QLabel()
        self.fit.setObjectName("caption")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # For a loan-family product whose family the customer is a top prospect of: why.
        self.prospect_label = QLabel()
        self.prospect_label.setObjectName("recoInfo")
        self.prospect_label.setWordWrap(True)
        self.prospect_label.setVisible(prospect is not None)
        self.warning = QLabel()
        self.warning.setObjectName("recoWarning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(rec.warning is not None)
        self.note = QLineEdit()
        self.note.setVisible(rec.needs_note)
        self.accept_button, self.decline_button, self.later_button = QPushButton(), QPushButton(), QPushButton()
        self.accept_button.setObjectName("primary")
        for button, code in ((self.accept_button, RecoOutcome.ACCEPTED),
                             (self.decline_button, RecoOutcome.DECLINED),
                             (self.later_button, RecoOutcome.NOT_NOW)):
            button.clicked.connect(lambda _checked=False, c=code: self._answer(c))

        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.title)
        head.addWidget(self.risk)
        head.addStretch(1)
        head.addWidget(self.fit)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.note, 1)
        if not rec.needs_note:
            actions.addStretch(1)
        for button in (self.accept_button, self.decline_button, self.later_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(3)
        layout.addLayout(head)
        layout.addWidget(self.reason)
        layout.addWidget(self.prospect_label)
        layout.addWidget(self.warning)
        layout.addLayout(actions)
        self.retranslate_ui()

    def _answer(self, code: RecoOutcome) -> None:
        self.answered.emit(self.rec.product_id, code.value, self.note.text())

    def set_busy(self, busy: bool) -> None:
        for button in (self.accept_button, self.decline_button, self.later_button):
            button.setEnabled(not busy)

    def retranslate_ui(self) -> None:
        rec = self.rec
        product = self.products.get(rec.product_id, {})
        self.title.setText(f"{rec.rank}. {reco_texts.name_of(rec.product_id, self.products)}")
        self.risk.setText(texts.risk_level(product.get("risk_level")))
        self.fit.setText(self.tr("fit {score:.2f}").format(score=rec.score))
        self.fit.setToolTip(self.tr("Fit score: about the share of customers like this one who hold "
                                    "the product (higher is a better fit; it can exceed 1)."))
        self.reason.setText(reco_texts.reason_text(rec.reason, self.products))
        language = current_language()
        self.prospect_label.setText(loan_words.prospect_line_sentence(self.prospect, language=language)
                                    if self.prospect is not None else "")
        self.warning.setText("⚠ " + reco_texts.warning(rec.warning.value) if rec.warning else "")
        self.note.setPlaceholderText(self.tr("Note needed to accept: what you explained and why it suits them"))
        self.accept_button.setText(self.tr("Accept"))
        self.decline_button.setText(self.tr("Decline"))
        self.later_button.setText(self.tr("Not now"))


class RecommendationPanel(QWidget):
    """The customer's recommended products; empty until `show_customer`."""

    #: The panel shows fresh data for this customer (also after an answer was recorded).
    loaded = Signal(str)
    #: An answer was stored: customer_id, product_id, RecoOutcome value.
    outcome_recorded = Signal(str, str, str)
    #: An answer was taken back: customer_id, product_id, RecoOutcome value.
    outcome_undone = Signal(str, str, str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, top: int = 3) -> None:
        super().__init__(parent)
        self.runner = runner
        self.top = top
        self.customer_id: str | None = None
        self.data: PanelData | None = None
        self.cards: list[_ProductCard] = []
        self._generation = 0                       # answers of older requests are dropped

        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("hint")
        self.action_label = QLabel()
        self.action_label.setObjectName("recoAction")
        self.action_label.setWordWrap(True)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("hint")
        self.empty_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.prospects_label = QLabel()
        self.prospects_label.setObjectName("recoInfo")
        self.prospects_label.setWordWrap(True)
        self.prospects_label.hide()
        # Takes back the answer just recorded (a mis-click), audited; one answer at a time.
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("link")
        self.undo_button.setFlat(True)
        self.undo_button.clicked.connect(self._undo)
        self.undo_button.hide()
        self._undoable: tuple[int, str, str] | None = None     # outcome_id, product_id, outcome
        self.cards_layout = QVBoxLayout()
        self.cards_layout.setSpacing(6)
        self.why_not_button = QToolButton()
        self.why_not_button.setCheckable(True)
        self.why_not_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_not_button.setArrowType(Qt.ArrowType.RightArrow)
        self.why_not_button.setAutoRaise(True)
        self.why_not_button.toggled.connect(self._toggle_excluded)
        self.excluded_table = FullHeightTable(0, 4)
        self.excluded_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.excluded_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.excluded_table.verticalHeader().hide()
        self.excluded_table.verticalHeader().setDefaultSectionSize(22)
        self.excluded_table.setAlternatingRowColors(True)
        # Wrapped text in columns that share the width: no sideways scrolling in a narrow pane.
        self.excluded_table.setWordWrap(True)
        self.excluded_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.excluded_table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.excluded_table.hide()

        body_layout = QVBoxLayout(self)
        body_layout.setContentsMargins(8, 6, 8, 6)
        body_layout.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.as_of_label)
        body_layout.addLayout(head)
        body_layout.addWidget(self.action_label)
        body_layout.addLayout(self.cards_layout)
        body_layout.addWidget(self.prospects_label)
        body_layout.addWidget(self.empty_label)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_label, 1)
        message_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        body_layout.addLayout(message_row)
        body_layout.addWidget(self.why_not_button)
        body_layout.addWidget(self.excluded_table)
        body_layout.addStretch(1)
        self.setStyleSheet(_STYLE)
        self.retranslate_ui()
        self.clear()

    # -- loading ---------------------------------------------------------------------------
    def show_customer(self, customer_id: str) -> None:
        """Load and show the customer's recommendations (on the database thread)."""
        if customer_id != self.customer_id:
            self._set_message(None)
        self.customer_id = customer_id
        self._generation += 1
        generation = self._generation
        self.as_of_label.setText(self.tr("Loading…"))
        self.runner.run_db(load_panel, customer_id, top=self.top,
                           on_done=lambda data: self._loaded(generation, data),
                           on_error=lambda error: self._failed(generation, error))

    def reload(self) -> None:
        if self.customer_id is not None:
            self.show_customer(self.customer_id)

    def _loaded(self, generation: int, data: PanelData) -> None:
        if generation != self._generation:
            return                                   # the RM moved on meanwhile
        self.data = data
        self._render()
        self.loaded.emit(data.recommendations.customer_id)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.data = None
        self._render()
        self.as_of_label.clear()
        self._set_message("error", self.tr("Could not compute recommendations ({kind}).").format(
            kind=type(error).__name__))

    def clear(self) -> None:
        """Forget the customer (another one is chosen, or the app locks)."""
        self._generation += 1
        self.customer_id = None
        self.data = None
        self._set_message(None)
        self._render()

    # -- screen ----------------------------------------------------------------------------
    def _render(self) -> None:
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        self.excluded_table.setRowCount(0)
        data = self.data
        if data is None:
            self.as_of_label.clear()
            self.action_label.clear()
            self.action_label.hide()
            self.empty_label.setText(self.tr("Choose a customer to see the products that suit them.")
                                     if self.customer_id is None else "")
            self.empty_label.setVisible(self.customer_id is None)
            self.prospects_label.hide()
            self.why_not_button.hide()
            self.excluded_table.hide()
            return
        reco = data.recommendations
        self.as_of_label.setText(self.tr("as of {date}").format(date=reco.as_of.isoformat()))
        actions = [reco_texts.action_text(a) for a in reco.actions]
        self.action_label.setText("\n".join(actions))
        self.action_label.setVisible(bool(actions))
        prospects = {line.family: line for line in data.loan_prospects}
        shown: set[str] = set()
        for rec in reco.recommendations:
            family = LOAN_FAMILY_OF_PRODUCT.get(str(data.products.get(rec.product_id, {}).get("family")))
            if family in prospects:
                shown.add(family)
            card = _ProductCard(rec, data.products, prospect=prospects.get(family) if family else None)
            card.answered.connect(self._record)
            self.cards_layout.addWidget(card)
            self.cards.append(card)
        self.empty_label.setText(self.tr("No product passes the suitability rules for this customer: "
                                         "see why below."))
        self.empty_label.setVisible(not reco.recommendations)
        # Top prospects of a loan family none of whose products is among the cards.
        language = current_language()
        others = [loan_words.prospect_line_sentence(line, language=language)
                  for line in data.loan_prospects if line.family not in shown]
        self.prospects_label.setText("\n".join(others))
        self.prospects_label.setVisible(bool(others))
        self._fill_excluded()
        self.why_not_button.setVisible(bool(reco.excluded))
        self.excluded_table.setVisible(bool(reco.excluded) and self.why_not_button.isChecked())

    def _fill_excluded(self) -> None:
        data = self.data
        if data is None:
            return
        excluded = data.recommendations.excluded
        self.why_not_button.setText(self.tr("Why not other products? ({count})").format(count=len(excluded)))
        self.excluded_table.setRowCount(len(excluded))
        for r, item in enumerate(excluded):
            product = data.products.get(item.product_id, {})
            first = item.rules[0].value
            details = reco_texts.rule_detail(first, product, data.customer)
            others = [reco_texts.rule(c.value) for c in item.rules[1:]]
            if others:
                extra = self.tr("also: {rules}").format(rules="; ".join(others))
                details = f"{details}; {extra}" if details else extra
            cells = [reco_texts.name_of(item.product_id, data.products), str(product.get("risk_level") or ""),
                     reco_texts.rule(first), details]
            for c, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if c == 1:
                    cell.setToolTip(texts.risk_level(product.get("risk_level")))
                if c == 2:
                    cell.setData(Qt.ItemDataRole.UserRole, first)
                self.excluded_table.setItem(r, c, cell)

    def _toggle_excluded(self, shown: bool) -> None:
        self.why_not_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.excluded_table.setVisible(shown and self.data is not None
                                       and bool(self.data.recommendations.excluded))

    def _set_message(self, kind: str | None, text: str = "") -> None:
        """Show 'error' or 'info' text under the cards (None hides it); cards re-rendered
        after an answer keep it."""
        self._undoable = None
        self.undo_button.hide()
        if kind is None:
            self.message_label.clear()
            self.message_label.hide()
            return
        self.message_label.setObjectName("errorMessage" if kind == "error" else "recoInfo")
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(text)
        self.message_label.show()

    # -- answers ---------------------------------------------------------------------------
    def _card(self, product_id: str) -> _ProductCard | None:
        return next((c for c in self.cards if c.rec.product_id == product_id), None)

    def _record(self, product_id: str, outcome: str, note: str) -> None:
        if self.customer_id is None or self.data is None:
            return
        customer_id = self.customer_id
        generation = self._generation
        card = self._card(product_id)
        reason_code = card.rec.reason.get("code") if card is not None else None
        if card is not None:
            card.set_busy(True)
        self.runner.run_db(record_outcome, customer_id, product_id, outcome, note.strip() or None,
                           reason_code=reason_code,
                           on_done=lambda outcome_id: self._recorded(generation, customer_id, product_id,
                                                                     outcome, outcome_id),
                           on_error=lambda error: self._record_failed(generation, product_id, error))

    def _recorded(self, generation: int, customer_id: str, product_id: str, outcome: str,
                  outcome_id: int) -> None:
        self.outcome_recorded.emit(customer_id, product_id, outcome)
        if generation != self._generation or self.data is None:
            return
        name = reco_texts.name_of(product_id, self.data.products)
        self._set_message("info", self.tr("Recorded: {product} — {outcome}.").format(
            product=name, outcome=reco_texts.outcome(outcome)))
        self._undoable = (int(outcome_id), product_id, outcome)
        self.undo_button.show()
        self.reload()

    def _undo(self) -> None:
        if self._undoable is None or self.customer_id is None:
            return
        outcome_id, product_id, outcome = self._undoable
        customer_id, generation = self.customer_id, self._generation
        self.undo_button.setEnabled(False)

        def undone(_customer: str) -> None:
            self.undo_button.setEnabled(True)
            self.outcome_undone.emit(customer_id, product_id, outcome)
            if generation != self._generation or self.data is None:
                return
            self._set_message("info", self.tr("Undone: {product} — {outcome}. The product is offered "
                                              "again.").format(product=reco_texts.name_of(product_id, self.data.products),
                                                               outcome=reco_texts.outcome(outcome)))
            self.reload()

        def failed(error: BaseException) -> None:
            self.undo_button.setEnabled(True)
            if generation == self._generation:
                self._set_message("error", self.tr("The answer could not be undone ({kind}).").format(
                    kind=type(error).__name__))

        # Today's date, as Today's Undo of a contact: an answer of an earlier day stays.
        self.runner.run_db(undo_outcome, outcome_id=outcome_id, day=dt.date.today(),
                           on_done=undone, on_error=failed)

    def _record_failed(self, generation: int, product_id: str, error: BaseException) -> None:
        if generation != self._generation or self.data is None:
            return
        card = self._card(product_id)
        if card is not None:
            card.set_busy(False)
        name = reco_texts.name_of(product_id, self.data.products)
        if isinstance(error, NoteRequired):
            text = self.tr("Nothing was recorded. Accepting {product} needs your note: this customer "
                           "comes under the extra care of the senior sales rules. Write what you "
                           "explained and why the product suits them, then press Accept again."
                           ).format(product=name)
            if card is not None:
                card.note.show()
                card.note.setFocus()
        else:
            text = self.tr("Nothing was recorded: the answer could not be stored ({kind}).").format(
                kind=type(error).__name__)
        self._set_message("error", text)

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Recommended products"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Take back this answer (written to the audit log)"))
        self.excluded_table.setHorizontalHeaderLabels([
            self.tr("Product"), self.tr("Risk"), self.tr("Removed by"), self.tr("Details")])
        self.why_not_button.setToolTip(self.tr("Every product the suitability and eligibility rules "
                                               "removed for this customer, with the rule (for compliance)."))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["RecommendationPanel"]
