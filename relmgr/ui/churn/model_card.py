"""Churn model card page: what the churn model predicts (definition and horizon from the team
rules), when and on which month-end cutoffs it was trained, its out-of-time metrics next to the
logistic regression and the rule baseline on the same held-out customers, a calibration chart,
and Retrain (with progress and Cancel).

When the portfolio has too little history or too few churners, the stored "model" is the rule
baseline: the page says so first, with the reason, and shows the rule's probabilities by days of
inactivity. The card holds no customer data; customers appear only through the churn page.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.churn import DriverGroup, ModelKind
from relmgr.services.churn import TRAIN_CHURN, model_card
from relmgr.services.changes import Topic
from relmgr.ui.churn import texts as churn_texts
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.common.progress_strip import ProgressStrip
from relmgr.ui.common.widgets import Chart, follow_changes, section_title

_CTX = "ModelCardPage"
FEW_CHURNERS = 20      # below this many held-out churners, metrics swing by chance
# Rows of the metrics table: (card key, source text).
_SCORERS = (
    ("model", QT_TRANSLATE_NOOP("ModelCardPage", "Gradient boosting model (calibrated)")),
    ("logistic", QT_TRANSLATE_NOOP("ModelCardPage", "Logistic regression (transparent baseline)")),
    ("rule", QT_TRANSLATE_NOOP("ModelCardPage", "Rule baseline: days since last activity")),
)


def _number(value: Any, pattern: str = "{:.3f}") -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "–"
    return pattern.format(value)


def _with_interval(metrics: dict[str, Any], key: str) -> str:
    """'0.824 (0.56–1.00)': the figure and its 95% bootstrap interval when there is one."""
    text = _number(metrics.get(key))
    interval = metrics.get(f"{key}_ci95")
    if interval and metrics.get(key) is not None:
        text += f"  ({interval[0]:.2f}–{interval[1]:.2f})"
    return text


def _share(share: float) -> str:
    """'42%'; '<1%' for a share that is there but rounds to nothing."""
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


def _rule_rows(edges: list[int], rates: list[float]) -> list[tuple[int, int | None, float]]:
    """(first day, last day or None for 'or more', rate) with neighbouring buckets that share a
    rate (pooled because the longer-inactive bucket churned less) shown as one row."""
    rows: list[tuple[int, int | None, float]] = []
    for i, rate in enumerate(rates):
        high = edges[i + 1] - 1 if i + 1 < len(edges) else None
        if rows and rows[-1][2] == rate:
            rows[-1] = (rows[-1][0], high, rate)
        else:
            rows.append((edges[i], high, rate))
    return rows


def _readonly_table(rows: int, columns: int) -> QTableWidget:
    table = QTableWidget(rows, columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.horizontalHeader().setStretchLastSection(False)
    return table


def _fit_size(table: QTableWidget) -> None:
    """As tall and wide as the contents: no empty grid beside or below a short table."""
    table.resizeColumnsToContents()
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()) if not table.isRowHidden(r))
    width = sum(table.columnWidth(c) for c in range(table.columnCount())) + 2 * table.frameWidth()
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setFixedSize(width, height)


class ModelCardPage(QWidget):
    #: What it shows: the stored model card.
    READS = frozenset({Topic.MODEL})
    #: Not emitted (the card lists no customers); present for the page contract.
    open_customer = Signal(str)
    #: Emitted when the card is on screen (after load or retrain).
    loaded = Signal()
    #: Emitted after a retrain: stored churn scores are now stale and should be recomputed.
    retrained = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self.card: dict[str, Any] | None = None
        self._generation = 0
        self._chart: Chart | None = None

        self.title = section_title()
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.retrain_button = QPushButton()
        self.retrain_button.clicked.connect(self.retrain)
        self.kind_label = QLabel()
        self.kind_label.setWordWrap(True)
        bold = self.kind_label.font()
        bold.setBold(True)
        self.kind_label.setFont(bold)
        self.definition_title, self.training_title = section_title(), section_title()
        self.metrics_title, self.calibration_title, self.rule_title = section_title(), section_title(), section_title()
        self.definition_label, self.training_label, self.metrics_summary = QLabel(), QLabel(), QLabel()
        self.calibration_hint = QLabel()
        self.calibration_hint.setObjectName("hint")
        for label in (self.definition_label, self.training_label, self.metrics_summary, self.calibration_hint):
            label.setWordWrap(True)
        self.metrics_table = _readonly_table(len(_SCORERS), 6)
        # Above the figures: what the model is good for, in one plain sentence.
        self.good_for_label = QLabel()
        self.good_for_label.setWordWrap(True)
        self.good_for_label.setObjectName("goodFor")
        self.drivers_title = section_title()
        self.drivers_label = QLabel()
        self.drivers_label.setWordWrap(True)
        self.drivers_table = _readonly_table(0, 3)
        self.rule_table = _readonly_table(0, 2)
        self.chart_holder = QVBoxLayout()
        self.chart_holder.setContentsMargins(0, 0, 0, 0)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.kind_label)
        for title, widget in ((self.definition_title, self.definition_label),
                              (self.drivers_title, self.drivers_label)):
            column.addWidget(title)
            column.addWidget(widget)
        column.addWidget(self.drivers_table)
        for title, widget in ((self.training_title, self.training_label),
                              (self.metrics_title, self.good_for_label)):
            column.addWidget(title)
            column.addWidget(widget)
        column.addWidget(self.metrics_table)
        column.addWidget(self.metrics_summary)
        lower = QHBoxLayout()
        self.chart_panel = QWidget()
        chart_column = QVBoxLayout(self.chart_panel)
        chart_column.setContentsMargins(0, 0, 0, 0)
        chart_column.addWidget(self.calibration_title)
        chart_column.addLayout(self.chart_holder)
        chart_column.addWidget(self.calibration_hint)
        rule_column = QVBoxLayout()
        rule_column.addWidget(self.rule_title)
        rule_column.addWidget(self.rule_table, 0, Qt.AlignmentFlag.AlignLeft)
        rule_column.addStretch(1)
        lower.addWidget(self.chart_panel, 3)
        lower.addLayout(rule_column, 2)
        column.addLayout(lower)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status_label, 1)
        header.addWidget(self.retrain_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header)
        self.progress_strip = ProgressStrip()
        layout.addWidget(self.progress_strip)
        layout.addWidget(scroll, 1)
        self.retranslate_ui()

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        self.live = True
        generation = self._generation
        self.status_label.setText(self.tr("Loading…"))
        self.runner.run_db(model_card, on_done=lambda card: self._arrived(generation, card),
                           on_error=lambda e: self._failed(generation, e))

    def retrain(self) -> None:
        """Train the churn model again (or fall back to the rule baseline) and show its card.
        The fit runs off the database thread with its progress in the page; pressing Retrain
        again starts over (the run before is cancelled and its result never shown)."""
        generation = self._generation
        self.status_label.setText(self.tr("Training the churn model…"))

        def done(card: dict[str, Any]) -> None:
            self.progress_strip.finish()
            if generation == self._generation:
                self._arrived(generation, card)
                self.retrained.emit()

        def cancelled() -> None:
            self.progress_strip.finish()
            if generation == self._generation:
                self.status_label.setText(self.tr("Training cancelled: the previous model stays in use."))

        def failed(error: BaseException) -> None:
            self.progress_strip.finish()
            self._failed(generation, error)

        cancel = self.runner.run_staged(TRAIN_CHURN, key="churn-model", on_progress=self.progress_strip.progress,
                                        on_done=done, on_error=failed, on_cancelled=cancelled)
        self.progress_strip.start(lambda: self.tr("Training the churn model"), cancel)

    def _arrived(self, generation: int, card: dict[str, Any]) -> None:
        if generation != self._generation:
            return
        self.set_card(card)
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            detail = str(error) if isinstance(error, ValueError) else type(error).__name__
            self.status_label.setText(self.tr("Could not load the model card: {error}").format(error=detail))

    def set_card(self, card: dict[str, Any] | None) -> None:
        self.card = card
        self._render()

    def clear(self) -> None:
        self.live = False
        self._generation += 1
        self.progress_strip.finish()
        self.set_card(None)

    # -- rendering ---------------------------------------------------------------------------
    def _render(self) -> None:
        card = self.card
        self.status_label.clear()
        self.metrics_table.clearContents()
        self.rule_table.setRowCount(0)
        self._set_warning(False)
        self._fill_drivers(card)
        if card is None:
            for label in (self.kind_label, self.definition_label, self.training_label,
                          self.metrics_summary, self.calibration_hint, self.good_for_label):
                label.clear()
            self._draw_calibration(None)
            return
        self.definition_label.setText(self._definition_text(card.get("trained_definition") or card["definition"]))
        if not card.get("trained"):
            self.kind_label.setText(self.tr("No churn model trained yet: press Retrain."))
            for label in (self.training_label, self.metrics_summary, self.calibration_hint, self.good_for_label):
                label.clear()
            self._draw_calibration(None)
            return
        rule_in_use = card.get("kind") == ModelKind.RULE_BASELINE.value
        if rule_in_use:
            self.kind_label.setText(self.tr(
                "Rule baseline in use: too little history to train a model: {note}. The warnings' "
                "probabilities are the churn rates by days since the last activity shown below.").format(
                note=card.get("note") or ""))
        else:
            self.kind_label.setText(self.tr("In use: {kind}").format(kind=churn_texts.model_kind(card["kind"])))
        if not card.get("current"):
            self.kind_label.setText(self.kind_label.text() + " " + self.tr(
                "The team's churn definition changed since this was trained: retrain."))
        self._set_warning(rule_in_use or not card.get("current"))
        self.training_label.setText(self._training_text(card))
        self._fill_metrics(card, rule_in_use)
        self._fill_rule(card, rule_in_use)
        self._draw_calibration(card)

    def _set_warning(self, warning: bool) -> None:
        self.kind_label.setProperty("warning", warning)
        self.kind_label.style().unpolish(self.kind_label)
        self.kind_label.style().polish(self.kind_label)

    def _definition_text(self, definition: dict[str, Any]) -> str:
        return self.tr(
            "The probability that a customer churns within {horizon} days after the data date. Churned "
            "means: every account closed, or no transaction of their own for {inactive} days with less "
            "than {dormant} CNY left. Risk bands: high from {high:.0%}, medium from {medium:.0%}. "
            "Both the definition and the horizon are team rules.").format(
            horizon=definition["horizon_days"], inactive=definition["inactive_days"],
            dormant=f"{definition['dormant_aum']:,.0f}", high=definition["high_probability"],
            medium=definition["medium_probability"])

    def _training_text(self, card: dict[str, Any]) -> str:
        cutoffs = card.get("cutoffs") or {}
        train = cutoffs.get("train") or []
        counts = card.get("label_counts") or {}
        holdout = cutoffs.get("holdout")
        held = counts.get(holdout) if holdout else None
        text = self.tr("Trained {when} on data as of {as_of}.").format(
            when=str(card.get("trained_at", "")).replace("T", " ")[:16], as_of=card.get("as_of", ""))
        if train:
            text += " " + self.tr("Learned from {count} month ends ({first} to {last}), calibrated on {calibrate}, "
                                  "tested out of time on {holdout}.").format(
                count=len(train), first=train[0], last=train[-1], calibrate=cutoffs.get("calibrate") or "–",
                holdout=holdout or "–")
        if held:
            text += " " + self.tr("Held-out month: {rows:,} customers, {churners:,} of whom churned.").format(
                rows=held[0], churners=held[1])
        return text

    def _good_for_text(self, card: dict[str, Any], rule_in_use: bool) -> str:
        flagged = card.get("flagged")
        if not flagged:
            return ""
        share = (self.tr("about 1 in {n}").format(n=flagged["one_in"]) if flagged.get("one_in")
                 else self.tr("about {k} in 10").format(k=flagged["in_ten"]))
        scorer = self.tr("the rule") if rule_in_use else self.tr("the model")
        return self.tr(
            "What {scorer} is good for: of the 10% of customers it flags as most at risk, {share} "
            "left within {days} days on the held-out month — {lift:.1f}× the average "
            "({base:.1%}).").format(scorer=scorer, share=share, days=flagged["horizon_days"],
                                    lift=flagged["lift"], base=flagged.get("base_rate") or 0.0)

    def _fill_drivers(self, card: dict[str, Any] | None) -> None:
        drivers = (card or {}).get("drivers") or []
        self.drivers_table.setRowCount(len(drivers))
        self.drivers_table.setVisible(bool(drivers))
        if card is None or not card.get("trained"):
            self.drivers_label.clear()
        elif not drivers:
            self.drivers_label.setText(self.tr(
                "No scores from this model yet: refresh the churn warnings to see why customers are at risk."))
        else:
            # The headline names a reason an RM can act on, not "no single reason".
            top = next((d for d in drivers if d["group"] != DriverGroup.NO_SINGLE_REASON.value), drivers[0])
            self.drivers_label.setText(self.tr(
                "Where the portfolio's value at risk (probability × AUM) comes from. \"{group}\" is behind "
                "{share:.0%} of it. Each customer's value at risk is shared among their reasons by the "
                "points of risk each reason carries.").format(
                group=churn_texts.driver_label(top["group"]), share=top["share"]))
        for row, driver in enumerate(drivers):
            cells = [churn_texts.driver_label(driver["group"]), _share(driver["share"]),
                     f"{driver['value_at_risk']:,.0f}"]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.drivers_table.setItem(row, column, item)
        if drivers:
            _fit_size(self.drivers_table)

    def _fill_metrics(self, card: dict[str, Any], rule_in_use: bool) -> None:
        self.good_for_label.setText(self._good_for_text(card, rule_in_use))
        for row, (key, source) in enumerate(_SCORERS):
            metrics = card.get(key) or {}
            # Without a model its rows would be nothing but dashes.
            self.metrics_table.setRowHidden(row, rule_in_use and key != "rule")
            name = QCoreApplication.translate(_CTX, source)
            if key == "rule" and rule_in_use:
                name += " " + self.tr("(in use)")
            cells = [name, _with_interval(metrics, "roc_auc"), _with_interval(metrics, "pr_auc"),
                     _number(metrics.get("top_decile_rate"), "{:.1%}"),
                     _number(metrics.get("top_decile_lift"), "{:.2f}×"),
                     _number(metrics.get("base_rate"), "{:.1%}")]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.metrics_table.setItem(row, column, item)
        _fit_size(self.metrics_table)
        model, rule = card.get("model") or {}, card.get("rule") or {}
        if model.get("roc_auc") is not None and rule.get("roc_auc") is not None:
            self.metrics_summary.setText(self.tr(
                "On the held-out month the model ranks churners better than the rule by {delta:+.3f} "
                "ROC-AUC; its top 10% of scores hold {lift:.1f}× the average churn rate (rule: {rule_lift:.1f}×).").format(
                delta=card.get("model_minus_rule_roc_auc") or model["roc_auc"] - rule["roc_auc"],
                lift=model.get("top_decile_lift") or 0.0, rule_lift=rule.get("top_decile_lift") or 0.0))
            positives = model.get("positives") or 0
            if positives < FEW_CHURNERS:
                self.metrics_summary.setText(self.metrics_summary.text() + " " + self.tr(
                    "Only {count} churners in the held-out month: these figures are rough.").format(count=positives))
        elif rule_in_use:
            self.metrics_summary.setText(self.tr(
                "No model metrics: no model was trained. The rule's own figures on the held-out month are shown "
                "where there were churners to measure them."))
        else:
            self.metrics_summary.clear()

    def _fill_rule(self, card: dict[str, Any], rule_in_use: bool) -> None:
        rule = card.get("rule_baseline") or {}
        edges, rates = rule.get("edges_days") or [], rule.get("rates") or []
        self.rule_title.setText(self.tr("Rule baseline (in use)") if rule_in_use else self.tr("Rule baseline"))
        shown = _rule_rows(list(edges), list(rates))
        self.rule_table.setRowCount(len(shown))
        for row, (low, high, rate) in enumerate(shown):
            if high is not None:
                bucket = self.tr("{low}–{high} days").format(low=low, high=high)
            else:
                bucket = self.tr("{low} days or more").format(low=low)
            self.rule_table.setItem(row, 0, QTableWidgetItem(bucket))
            item = QTableWidgetItem(f"{rate:.1%}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.rule_table.setItem(row, 1, item)
        _fit_size(self.rule_table)

    def _draw_calibration(self, card: dict[str, Any] | None) -> None:
        series = []
        if card is not None:
            for key, source in _SCORERS[:2]:
                bins = (card.get(key) or {}).get("calibration") or []
                if bins:
                    series.append((QCoreApplication.translate(_CTX, source), bins))
        # The rule scores days, not probabilities: without a model there is no calibration.
        self.chart_panel.setVisible(bool(series))
        if not series:
            self.calibration_hint.clear()
            if self._chart is not None:
                self._chart.draw(lambda ax: None)
                self._chart.hide()
            return
        self.calibration_hint.setText(self.tr(
            "Each point is a tenth of the held-out customers, by predicted probability: on the diagonal, "
            "the predicted churn rate came true."))
        if self._chart is None:
            self._chart = Chart(height=2.8)
            self.chart_holder.addWidget(self._chart)
        self._chart.show()
        diagonal = self.tr("Perfect calibration")
        x_label, y_label = self.tr("Predicted churn probability"), self.tr("Observed churn rate")

        def paint(ax: Any) -> None:
            top = max(max(max(b["predicted"], b["observed"]) for b in bins) for _, bins in series)
            top = min(1.0, top * 1.08 + 0.005)
            ax.plot([0, top], [0, top], color="#9aa7b4", linestyle="--", linewidth=1, label=diagonal)
            for (name, bins), colour, marker in zip(series, ("#2f6fb0", "#e08a00"), ("o", "s"), strict=False):
                ax.plot([b["predicted"] for b in bins], [b["observed"] for b in bins], marker=marker,
                        color=colour, linewidth=1.2, markersize=4, label=name)
            ax.set_xlim(0, top)
            ax.set_ylim(0, top)
            from matplotlib.ticker import PercentFormatter

            ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0))
            ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0))
            ax.set_xlabel(x_label, fontsize=8)
            ax.set_ylabel(y_label, fontsize=8)
            ax.legend(fontsize=7, frameon=False, loc="upper left")
        self._chart.draw(paint)

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Churn model card"))
        self.retrain_button.setText(self.tr("Retrain"))
        self.definition_title.setText(self.tr("What it predicts"))
        self.training_title.setText(self.tr("Training"))
        self.metrics_title.setText(self.tr("Out-of-time quality on the held-out month (same customers for every scorer; "
                                           "95% intervals in brackets)"))
        self.calibration_title.setText(self.tr("Calibration: predicted vs observed, by decile"))
        self.rule_title.setText(self.tr("Rule baseline"))
        self.drivers_title.setText(self.tr("Why customers leave, across the portfolio"))
        self.drivers_table.setHorizontalHeaderLabels([self.tr("Reasons"), self.tr("Share of value at risk"),
                                                      self.tr("Value at risk (CNY)")])
        self.metrics_table.setHorizontalHeaderLabels([
            self.tr("Scorer"), self.tr("ROC-AUC"), self.tr("PR-AUC"), self.tr("Churn rate in top 10%"),
            self.tr("Top-decile lift"), self.tr("Base rate")])
        self.rule_table.setHorizontalHeaderLabels([self.tr("Days since last activity"),
                                                   self.tr("Churn probability")])
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
