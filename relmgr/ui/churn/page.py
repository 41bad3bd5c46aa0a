"""Churn warnings page (流失预警): customers at risk of leaving, ranked by value at risk
(churn probability × AUM), each with its risk band and reasons in plain language; filters by
tier, stage and band; marking a warning handled or snoozed (with a note, a logged contact and
an optional follow-up task); and rescoring with progress and Cancel.

On load the page scores the portfolio first when there are no current scores (no model, the
team's churn definition changed, or the data date moved since the last scoring); SCORE_CHURN
trains a model first when it needs one. Scores and names are read on the database thread; names
arrive masked and nothing but the masked form is kept.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.churn import ModelKind, RiskBand, WarningAction, WarningState
from relmgr.domain.segments import Stage, Tier
from relmgr.services.churn import SCORE_CHURN, mark_warning
from relmgr.services.churn_view import ChurnPageData, load_churn_page
from relmgr.services.changes import Topic
from relmgr.ui.common import formatting, texts
from relmgr.ui.churn import texts as churn_texts
from relmgr.ui.common.table_model import LEFT, RIGHT, FrameTableModel, rows_by_keys
from relmgr.ui.common.progress_strip import ProgressStrip
from relmgr.ui.shell.runner import SCORES_RUN, TaskRunner
from relmgr.ui.churn.warning_dialog import WarningDialog
from relmgr.ui.common.widgets import ListView, follow_changes, section_title

_CTX = "ChurnPage"


# -- the table -------------------------------------------------------------------------------
def _new_marker(value: object) -> str:
    return QCoreApplication.translate(_CTX, "New") if value is True or value == 1 else ""


def _percent(value: object) -> str:
    return formatting.probability(value, decimals=1)


COLUMNS = (
    ("is_new", QT_TRANSLATE_NOOP("ChurnPage", "New"), _new_marker, LEFT),
    ("rank", QT_TRANSLATE_NOOP("ChurnPage", "Rank"), formatting.text, RIGHT),
    ("customer_id", QT_TRANSLATE_NOOP("ChurnPage", "Customer no."), formatting.text, LEFT),
    ("name_masked", QT_TRANSLATE_NOOP("ChurnPage", "Name"), formatting.text, LEFT),
    ("tier", QT_TRANSLATE_NOOP("ChurnPage", "Tier"), texts.tier, LEFT),
    ("stage", QT_TRANSLATE_NOOP("ChurnPage", "Stage"), texts.stage, LEFT),
    ("aum", QT_TRANSLATE_NOOP("ChurnPage", "AUM (CNY)"), formatting.money_short, RIGHT),
    ("probability", QT_TRANSLATE_NOOP("ChurnPage", "Probability"), _percent, RIGHT),
    ("band", QT_TRANSLATE_NOOP("ChurnPage", "Risk"), churn_texts.band, LEFT),
    ("value_at_risk", QT_TRANSLATE_NOOP("ChurnPage", "Value at risk"), formatting.money_short, RIGHT),
    ("state", QT_TRANSLATE_NOOP("ChurnPage", "State"), churn_texts.warning_state, LEFT),
    ("reasons", QT_TRANSLATE_NOOP("ChurnPage", "Top reasons"), churn_texts.reasons_text, LEFT),
)
_COLUMN_KEYS = [c[0] for c in COLUMNS]
_RANK_COLUMN = _COLUMN_KEYS.index("rank")
_BAND_COLUMN = _COLUMN_KEYS.index("band")
_REASONS_COLUMN = _COLUMN_KEYS.index("reasons")
_BAND_COLOURS = {RiskBand.HIGH.value: QColor("#b3261e"), RiskBand.MEDIUM.value: QColor("#9a5b00")}


class WarningTableModel(FrameTableModel):
    """The warnings list: new warnings in bold, the band coloured, and the rank counted within
    what is shown (1 = the largest value at risk under the current filters)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, context=_CTX, parent=parent)
        self._ranks = np.zeros(0, dtype=np.int64)
        self._new = np.zeros(0, dtype=bool)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_frame(self, frame: pd.DataFrame) -> None:
        """`frame` as from load_churn_page; its is_new column is trusted only when the portfolio
        was scored before (at the first scoring every warning is "new", which says nothing)."""
        self._ranks = np.zeros(len(frame), dtype=np.int64)
        if "is_new" in frame and len(frame):
            frame = frame.assign(is_new=frame["is_new"].to_numpy(dtype=bool)
                                 & bool(frame["previous_band"].notna().any()))
        self._new = frame["is_new"].to_numpy(dtype=bool) if "is_new" in frame else np.zeros(len(frame), bool)
        super().set_frame(frame)

    def set_ranked_rows(self, rows: np.ndarray) -> None:
        """Show these frame positions, which are in value-at-risk order, numbered 1…n."""
        self._ranks = np.zeros(len(self.frame), dtype=np.int64)
        self._ranks[np.asarray(rows, dtype=np.int64)] = np.arange(1, len(rows) + 1)
        self.set_visible_rows(rows)

    def sort_rows(self, rows: np.ndarray, column: int, order: Qt.SortOrder) -> np.ndarray:
        if column == _REASONS_COLUMN:
            key = pd.Series([churn_texts.reasons_text(r) for r in self.frame["reasons"].iloc[rows]])
            return rows_by_keys(rows, key, order)
        return super().sort_rows(rows, column, order)

    def frame_position(self, row: int) -> int | None:
        rows = self.visible_rows()
        return int(rows[row]) if 0 <= row < len(rows) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[override]
        if not index.isValid():
            return None
        position = self.frame_position(index.row())
        if position is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole and index.column() == _RANK_COLUMN:
            return str(self._ranks[position]) if self._ranks[position] else ""
        if role == Qt.ItemDataRole.FontRole and self._new[position]:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == _BAND_COLUMN:
            return _BAND_COLOURS.get(self.frame["band"].iat[position])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == _REASONS_COLUMN:
            reasons = self.frame["reasons"].iat[position]
            return "\n".join(churn_texts.reason_sentence(r) for r in reasons) if reasons else None
        return super().data(index, role)


# Band filter choices: (source text, bands shown).
_BAND_CHOICES = (
    (QT_TRANSLATE_NOOP("ChurnPage", "High and medium risk"), (RiskBand.HIGH, RiskBand.MEDIUM)),
    (QT_TRANSLATE_NOOP("ChurnPage", "High risk"), (RiskBand.HIGH,)),
    (QT_TRANSLATE_NOOP("ChurnPage", "Medium risk"), (RiskBand.MEDIUM,)),
    (QT_TRANSLATE_NOOP("ChurnPage", "Low risk"), (RiskBand.LOW,)),
    (QT_TRANSLATE_NOOP("ChurnPage", "All bands"), tuple(RiskBand)),
)


class ChurnPage(QWidget):
    #: What it shows: scores, warnings' states and the model behind them.
    READS = frozenset({Topic.SCORES, Topic.WARNINGS, Topic.MODEL, Topic.CUSTOMERS})
    open_customer = Signal(str)
    #: Emitted after the warnings list has been (re)loaded, with the number of rows shown.
    loaded = Signal(int)
    #: Emitted after a warning was marked handled/snoozed (customer_id): contacts and tasks changed.
    warning_marked = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self._status_after_load = ""
        self.card: dict[str, Any] | None = None
        self.today: dt.date | None = None      # the data date, as the warnings were read
        self.active_dialog: WarningDialog | None = None
        # Answers from before a clear() (lock) must not put customers back on screen.
        self._generation = 0
        self._status = ""
        self.progress_strip = ProgressStrip()

        self.title = section_title()
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh_scores)

        self.tier_combo, self.stage_combo, self.band_combo = QComboBox(), QComboBox(), QComboBox()
        self.tier_caption, self.stage_caption, self.band_caption = QLabel(), QLabel(), QLabel()
        self.show_done_check = QCheckBox()
        for combo in (self.tier_combo, self.stage_combo, self.band_combo):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.show_done_check.toggled.connect(self._apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        self.model = WarningTableModel(parent=self)
        self.view = ListView(self.model)
        self.view.open_customer.connect(self.open_customer)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        self.model.modelReset.connect(self._show_details)

        self.details_title = QLabel()
        self.details_title.setObjectName("sectionTitle")
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.RichText)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.handled_button, self.snooze_button, self.open_button = QPushButton(), QPushButton(), QPushButton()
        self.handled_button.setObjectName("primary")
        self.handled_button.clicked.connect(lambda: self.mark_selected(WarningAction.HANDLED))
        self.snooze_button.clicked.connect(lambda: self.mark_selected(WarningAction.SNOOZED))
        self.open_button.clicked.connect(self._open_selected)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status_label, 1)
        header.addWidget(self.refresh_button)
        filters = QHBoxLayout()
        for widget in (self.tier_caption, self.tier_combo, self.stage_caption, self.stage_combo,
                       self.band_caption, self.band_combo, self.show_done_check):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        details = QFrame()
        details.setObjectName("customerPane")
        details_layout = QHBoxLayout(details)
        text_column = QVBoxLayout()
        text_column.addWidget(self.details_title)
        text_column.addWidget(self.details_label, 1)
        details_layout.addLayout(text_column, 1)
        buttons = QVBoxLayout()
        for button in (self.handled_button, self.snooze_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        details_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 190])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header)
        layout.addWidget(self.model_label)
        layout.addWidget(self.progress_strip)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.retranslate_ui()
        self._show_details()

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        """Read the stored warnings; score first when there are no current scores."""
        self.live = True
        status, self._status_after_load = self._status_after_load, ""
        self._read(score_when_stale=True, status_after=status)

    def _read(self, *, score_when_stale: bool, status_after: str = "") -> None:
        generation = self._generation
        self._set_status(self.tr("Loading churn warnings…"))

        def done(data: ChurnPageData) -> None:
            if generation != self._generation:
                return
            self.set_data(data)
            self._set_status(status_after)
            if score_when_stale and not data.fresh:
                self.refresh_scores()

        self.runner.run_db(load_churn_page, on_done=done, on_error=lambda e: self._failed(generation, e))

    def refresh_scores(self) -> None:
        """Score every customer again (training first when no model is current), off the
        database thread with progress in the page; the change signal then reads the list again."""
        if self.progress_strip.running:
            return
        if self.runner.staged_running(SCORES_RUN):
            # The window is scoring after unlock: its changes will reload this page.
            self._set_status(self.tr("Scoring churn risk…"))
            return
        generation = self._generation
        self.refresh_button.setEnabled(False)

        def finished() -> None:
            self.progress_strip.finish()
            self.refresh_button.setEnabled(True)

        def done(_summary: Any) -> None:
            finished()

        def cancelled() -> None:
            finished()
            if generation == self._generation:
                self._set_status(self.tr("Scoring cancelled: the list shows the last stored scores."))

        def failed(error: BaseException) -> None:
            finished()
            self._failed(generation, error)

        cancel = self.runner.run_staged(SCORE_CHURN, key=SCORES_RUN, on_progress=self.progress_strip.progress,
                                        on_done=done, on_error=failed, on_cancelled=cancelled)
        self.progress_strip.start(lambda: self.tr("Scoring churn risk"), cancel)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        # Service errors are worded for the user and carry no customer data; others by type only.
        detail = str(error) if isinstance(error, ValueError) else type(error).__name__
        self._set_status(self.tr("Could not load churn warnings: {error}").format(error=detail))

    def set_data(self, data: ChurnPageData) -> None:
        self.card, self.today = data.card, data.today
        self.model.set_frame(data.warnings)
        self._fill_segment_combos()
        for column, width in enumerate((44, 48, 100, 64, 70, 76, 96, 86, 60, 100, 70)):
            self.view.setColumnWidth(column, width)
        self._render_header()
        self._apply_filter()
        self.loaded.emit(self.model.rowCount())

    def clear(self) -> None:
        """Drop every customer from memory and screen (on lock)."""
        self.live = False
        self._generation += 1
        if self.active_dialog is not None:
            self.active_dialog.reject()
            self.active_dialog = None
        self.card = self.today = None
        self.progress_strip.finish()
        self.refresh_button.setEnabled(True)
        self.model.clear()
        self._fill_segment_combos()
        self.model_label.clear()
        self._set_status("")
        self._update_count()
        self._show_details()

    # -- header and filters ------------------------------------------------------------------
    def _render_header(self) -> None:
        card = self.card
        if not card:
            self.model_label.clear()
            return
        if not card.get("trained"):
            self.model_label.setText(self.tr("No churn model yet: press Refresh scores."))
            self.model_label.setProperty("warning", True)
        elif card.get("kind") == ModelKind.RULE_BASELINE.value:
            self.model_label.setText(self.tr(
                "Rule baseline in use: too little history to train a model: {note}. Probabilities "
                "come from how long each customer has been inactive.").format(note=card.get("note") or ""))
            self.model_label.setProperty("warning", True)
        else:
            run = card.get("last_scored") or {}
            text = self.tr("Model: {kind}, trained {trained}. Predicts churn within {days} days; "
                           "scores as of {as_of}. Ranked by value at risk = probability × AUM.").format(
                days=card.get("horizon_days"), kind=churn_texts.model_kind(card.get("kind")),
                trained=str(card.get("trained_at", "")).replace("T", " ")[:16],
                as_of=run.get("as_of", card.get("as_of", "")))
            if not card.get("current"):
                text += " " + self.tr("The team's churn definition changed since training: retrain the model.")
            self.model_label.setText(text)
            self.model_label.setProperty("warning", not card.get("current"))
        self.model_label.style().unpolish(self.model_label)
        self.model_label.style().polish(self.model_label)

    def _fill_segment_combos(self) -> None:
        """Tier and stage choices: only those present (none when segments were never computed)."""
        frame = self.model.frame
        for combo, kind, label, column in ((self.tier_combo, Tier, texts.tier, "tier"),
                                           (self.stage_combo, Stage, texts.stage, "stage")):
            current = combo.currentData()
            present = set(frame[column].dropna()) if column in frame and len(frame) else set()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All tiers") if kind is Tier else self.tr("All stages"), None)
            for code in kind:
                if code.value in present:
                    combo.addItem(label(code.value), code.value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
            combo.setEnabled(combo.count() > 1)
            combo.blockSignals(False)

    def filter_mask(self) -> np.ndarray:
        """Which frame rows the filters let through."""
        frame = self.model.frame
        mask = np.ones(len(frame), dtype=bool)
        if not len(frame):
            return mask
        for combo, column in ((self.tier_combo, "tier"), (self.stage_combo, "stage")):
            if combo.currentData() is not None:
                mask &= (frame[column] == combo.currentData()).to_numpy(dtype=bool)
        bands = _BAND_CHOICES[max(self.band_combo.currentIndex(), 0)][1]
        mask &= frame["band"].isin([b.value for b in bands]).to_numpy(dtype=bool)
        if not self.show_done_check.isChecked():
            mask &= (frame["state"] == WarningState.OPEN.value).to_numpy(dtype=bool)
        return mask

    def _apply_filter(self, *_args: Any) -> None:
        frame = self.model.frame
        if len(frame):
            rows = np.flatnonzero(self.filter_mask())
            # The frame is in value-at-risk order already (load_churn_warnings ranks it).
            self.model.set_ranked_rows(rows)
            header = self.view.horizontalHeader()
            if header.sortIndicatorSection() >= 0:
                self.model.set_visible_rows(self.model.sort_rows(
                    rows, header.sortIndicatorSection(), header.sortIndicatorOrder()))
        self._update_count()

    def _update_count(self) -> None:
        frame, shown = self.model.frame, self.model.visible_rows()
        if not len(frame):
            self.count_label.setText("")
            return
        if not frame["previous_band"].notna().any():
            self.count_label.setText(self.tr("{shown:,} warnings shown (first scoring)").format(shown=len(shown)))
            return
        new = int(frame["is_new"].to_numpy(dtype=bool)[shown].sum())
        self.count_label.setText(self.tr("{shown:,} warnings shown, {new:,} new since the last scoring").format(
            shown=len(shown), new=new))

    # -- details and actions -----------------------------------------------------------------
    def selected_record(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        position = self.model.frame_position(index.row()) if index.isValid() else None
        if position is None:
            return None
        return self.model.frame.iloc[position].to_dict()

    def _show_details(self, *_args: Any) -> None:
        record = self.selected_record()
        for button in (self.handled_button, self.snooze_button, self.open_button):
            button.setEnabled(record is not None)
        if record is None:
            self.details_title.setText(self.tr("Select a warning to see all its reasons."))
            self.details_label.clear()
            return
        name = record.get("name_masked") or ""
        self.details_title.setText(self.tr("{customer} {name}: {band} risk, {probability} within {days} days").format(
            customer=record["customer_id"], name=name, band=churn_texts.band(record["band"]),
            probability=_percent(record["probability"]),
            days=(self.card or {}).get("horizon_days", "")))
        lines = []
        for reason in record.get("reasons") or []:
            sentence = html.escape(churn_texts.reason_sentence(reason))
            impact = reason.get("impact")
            if impact is not None:
                sentence += " <span style='color:#6b7a89'>" + html.escape(self.tr(
                    "(+{points:.1f} points of risk)").format(points=float(impact) * 100)) + "</span>"
            lines.append(f"<li>{sentence}</li>")
        reasons = f"<ul style='margin:0'>{''.join(lines)}</ul>" if lines else \
            html.escape(self.tr("No single reason stands out."))
        facts = self.tr("AUM {aum} CNY; value at risk {var} CNY; state: {state}").format(
            aum=formatting.money_short(record["aum"]), var=formatting.money_short(record["value_at_risk"]),
            state=churn_texts.warning_state(record["state"]))
        if record["state"] == WarningState.SNOOZED.value and record.get("snoozed_until"):
            facts += " " + self.tr("until {date}").format(date=record["snoozed_until"])
        note = ""
        if record.get("state_note"):
            note = "<br>" + html.escape(self.tr("Note ({when}): {note}").format(
                when=str(record.get("state_at") or "").replace("T", " ")[:16], note=record["state_note"]))
        self.details_label.setText(reasons + html.escape(facts) + note)

    def _open_selected(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.open_customer.emit(str(record["customer_id"]))

    def mark_selected(self, action: WarningAction) -> WarningDialog | None:
        """Open the dialog for the selected warning (non-blocking); saving happens on accept."""
        record = self.selected_record()
        if record is None:
            return None
        customer_id = str(record["customer_id"])
        label = f"{customer_id} {record.get('name_masked') or ''}".strip()
        dialog = WarningDialog(action=action, customer_label=label, today=self.today, parent=self)
        dialog.accepted.connect(lambda: self._save_mark(customer_id, dialog.values()))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: WarningDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def _save_mark(self, customer_id: str, values: dict[str, Any]) -> None:
        generation = self._generation
        self._set_status(self.tr("Saving…"))

        def done(written: dict[str, Any]) -> None:
            if generation != self._generation:
                return
            self.warning_marked.emit(customer_id)
            # Shown once the change signal (warnings) has read the list again.
            self._status_after_load = (
                self.tr("Saved; the contact was logged and a follow-up task created.")
                if written.get("task_id") else self.tr("Saved; the contact was logged."))

        self.runner.run_db(mark_warning, customer_id, values.pop("action"), values.pop("note"),
                           values.pop("until"), **values, on_done=done,
                           on_error=lambda e: self._failed(generation, e))

    def _set_status(self, text: str) -> None:
        self._status = text
        self.status_label.setText(text)

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Churn warnings"))
        self.refresh_button.setText(self.tr("Refresh scores"))
        self.tier_caption.setText(self.tr("Tier"))
        self.stage_caption.setText(self.tr("Stage"))
        self.band_caption.setText(self.tr("Risk"))
        self.show_done_check.setText(self.tr("Show handled and snoozed"))
        self.handled_button.setText(self.tr("Mark handled…"))
        self.snooze_button.setText(self.tr("Snooze…"))
        self.open_button.setText(self.tr("Open customer"))
        band_index = self.band_combo.currentIndex()
        self.band_combo.blockSignals(True)
        self.band_combo.clear()
        self.band_combo.addItems([QCoreApplication.translate(_CTX, source) for source, _ in _BAND_CHOICES])
        self.band_combo.setCurrentIndex(max(band_index, 0))
        self.band_combo.blockSignals(False)
        self._fill_segment_combos()
        self.model.retranslate()
        self._render_header()
        self._update_count()
        self._show_details()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
