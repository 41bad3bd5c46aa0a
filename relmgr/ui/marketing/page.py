"""Marketing page (营销): the campaigns with their results, measured against the control group
(relmgr/services/campaigns.py), and a chart per campaign: each arm's conversion with its 95%
Wilson interval. Read on the database thread; a campaign without a control group says plainly
that uplift cannot be measured, and groups too small for a test say so. Nothing here names a
customer, so nothing needs masking.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from relmgr.analytics.campaign_results import SignificanceTest, wilson_interval
from relmgr.services.campaigns import CampaignReport, load_campaign_reports
from relmgr.services.changes import Topic
from relmgr.services.wording import campaigns as campaign_words
from relmgr.ui.common import formatting, texts
from relmgr.ui.common.columns import ElidedTipDelegate, fit_columns
from relmgr.ui.common.table_model import LEFT, RIGHT, FrameTableModel
from relmgr.ui.common.widgets import Chart, ListView, follow_changes, section_title
from relmgr.ui.marketing.campaign_dialog import CampaignDialog
from relmgr.ui.marketing.list_builder import ListBuilderDialog
from relmgr.ui.shell.i18n import in_current_language
from relmgr.ui.shell.runner import TaskRunner

_CTX = "MarketingPage"
verdict_text = in_current_language(campaign_words.verdict)


def _percent(value: Any) -> str:
    return "—" if value is None or pd.isna(value) else f"{float(value):.1%}"


def _uplift(value: Any) -> str:
    return "—" if value is None or pd.isna(value) else f"{float(value):+.1%}"


def _p_value(value: Any) -> str:
    return "—" if value is None or pd.isna(value) else ("< 0.001" if value < 0.001 else f"= {float(value):.3f}")


def _money(value: Any) -> str:
    # A dash, not a blank: without a control group the campaign's part cannot be known.
    return "—" if value is None or pd.isna(value) else formatting.money(float(value))


def _roi(value: Any) -> str:
    return "—" if value is None or pd.isna(value) else f"{float(value):.0%}"


COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("MarketingPage", "Campaign"), formatting.text, LEFT),
    ("window", QT_TRANSLATE_NOOP("MarketingPage", "Window"), formatting.text, LEFT),
    ("treatment", QT_TRANSLATE_NOOP("MarketingPage", "Contacted"), formatting.text, RIGHT),
    ("control", QT_TRANSLATE_NOOP("MarketingPage", "Control"), formatting.text, RIGHT),
    ("uplift", QT_TRANSLATE_NOOP("MarketingPage", "Uplift"), _uplift, RIGHT),
    ("interval", QT_TRANSLATE_NOOP("MarketingPage", "95% interval"), formatting.text, RIGHT),
    ("verdict", QT_TRANSLATE_NOOP("MarketingPage", "Result"), verdict_text, LEFT),
    ("cost", QT_TRANSLATE_NOOP("MarketingPage", "Cost"), formatting.money, RIGHT),
    ("revenue", QT_TRANSLATE_NOOP("MarketingPage", "Revenue"), formatting.money, RIGHT),
    ("incremental_revenue", QT_TRANSLATE_NOOP("MarketingPage", "Incremental"), _money, RIGHT),
    ("roi", QT_TRANSLATE_NOOP("MarketingPage", "ROI"), _roi, RIGHT),
)


def _arm_text(arm: Any) -> str:
    return "—" if arm is None else f"{arm.converted:,} / {arm.n:,} ({_percent(arm.rate)})"


def campaign_frame(reports: list[CampaignReport]) -> pd.DataFrame:
    """One row per campaign for the table (codes and numbers; words when shown)."""
    rows = []
    for r in reports:
        c = r.result.comparison
        rows.append({
            "campaign_id": r.campaign_id, "name": r.name, "window": f"{r.start_on} – {r.window_end}",
            "treatment": _arm_text(c.treatment), "control": _arm_text(c.control),
            "uplift": c.uplift, "verdict": c.verdict.value,
            "interval": "—" if c.uplift_ci is None else f"[{c.uplift_ci[0]:+.1%}, {c.uplift_ci[1]:+.1%}]",
            "cost": r.result.cost, "revenue": r.result.revenue,
            "incremental_revenue": r.result.incremental_revenue, "roi": r.result.roi})
    return pd.DataFrame(rows, columns=["campaign_id", *[c[0] for c in COLUMNS]])


class MarketingPage(QWidget):
    # What it shows: campaigns and their conversions (holdings), and consent.
    READS = frozenset({Topic.MARKETING, Topic.CUSTOMERS})
    open_customer = Signal(str)
    loaded = Signal(int)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self._generation = 0
        self._reports: list[CampaignReport] = []
        self.title = section_title()
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.model = FrameTableModel(COLUMNS, context=_CTX, parent=self)
        self.view = ListView(self.model)
        self.view.setItemDelegate(ElidedTipDelegate(self.view))
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setMaximumHeight(180)    # a handful of campaigns; the chart gets the rest
        self.view.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_chart())
        self.explain_label = QLabel()
        self.explain_label.setObjectName("hint")
        self.explain_label.setWordWrap(True)
        self.chart_title = QLabel()
        self.chart_title.setObjectName("sectionTitle")
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        self.chart = Chart(height=2.4)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.lists_button = QPushButton()
        self.lists_button.clicked.connect(lambda: self.open_list_builder())
        self.campaign_button = QPushButton()
        self.campaign_button.clicked.connect(lambda: self.open_new_campaign())
        self._dialog: QDialog | None = None
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.count_label)
        header.addWidget(self.lists_button)
        header.addWidget(self.campaign_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header)
        layout.addWidget(self.explain_label)
        layout.addWidget(self.view)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.status_label)
        self.retranslate_ui()

    def load(self) -> None:
        self.live = True
        self._generation += 1
        generation = self._generation
        self.runner.run_db(load_campaign_reports,
                           on_done=lambda reports: self._show(reports, generation),
                           on_error=lambda error: self._failed(error, generation))

    def clear(self) -> None:
        self.live = False
        self._generation += 1
        self._reports = []
        self.model.clear()
        self.count_label.clear()
        self.status_label.clear()
        self.chart_title.clear()
        self.verdict_label.clear()
        self.chart.draw(lambda axes: None)

    def _show(self, reports: list[CampaignReport], generation: int) -> None:
        if generation != self._generation:
            return
        self._reports = reports
        self.model.set_frame(campaign_frame(reports))
        self._fit_columns()
        self._render_count()
        if reports:
            self.view.selectRow(0)
        self._show_chart()
        self.loaded.emit(len(reports))

    def _fit_columns(self) -> None:
        """Each column as wide as its header or its widest cell, so every column shows at 1366 px
        beside the sidebar; the campaign's name takes the room left over, and it and the result
        are kept to a sample's width at least (the whole text is in the cell's tooltip): they are
        the columns that can grow without end."""
        width = self.view.fontMetrics().horizontalAdvance
        capped = {"name": "稳享固收理财季度营", "verdict": "No significant difference"}
        samples = {}
        for column, (key, *_rest) in enumerate(self.model.columns):
            cells = [str(self.model.data(self.model.index(row, column)) or "")
                     for row in range(self.model.rowCount())]
            widest = max(cells, key=width, default="")
            if key in capped and width(widest) > width(capped[key]):
                widest = capped[key]
            samples[column] = widest
        fit_columns(self.view, samples)

    def open_list_builder(self, list_name: str | None = None) -> ListBuilderDialog:
        """Target lists: build, count, save, reuse and export them."""
        dialog = ListBuilderDialog(self.runner, list_name=list_name, parent=self)
        self._open_dialog(dialog)
        return dialog

    def open_new_campaign(self, list_name: str | None = None) -> CampaignDialog:
        """A campaign from a saved target list, with its control group held out."""
        dialog = CampaignDialog(self.runner, list_name=list_name, parent=self)
        dialog.created.connect(self._on_created)
        self._open_dialog(dialog)
        return dialog

    def _on_created(self, campaign_id: str, arms: dict[str, int]) -> None:
        # The page reloads by itself: the write told every reader of MARKETING.
        self.status_label.setText(self.tr(
            "Campaign {id} created: {contacted:,} to contact, {control:,} held out as the control group.").format(
            id=campaign_id, contacted=arms["treatment"], control=arms["control"]))

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._forget_dialog(d))
        dialog.open()

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self._dialog is dialog:
            self._dialog = None

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation == self._generation:
            self.status_label.setText(self.tr("The campaigns could not be read ({kind}).").format(
                kind=type(error).__name__))

    def _render_count(self) -> None:
        count = len(self._reports)
        self.count_label.setText(self.tr("No campaigns") if not count
                                 else self.tr("{count} campaign(s)").format(count=count))

    def _selected(self) -> CampaignReport | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self._reports:
            return None
        row = int(self.model.visible_rows()[index.row()])
        wanted = self.model.frame["campaign_id"].iat[row]
        return next((r for r in self._reports if r.campaign_id == wanted), None)

    def _show_chart(self) -> None:
        report = self._selected()
        if report is None:
            self.chart_title.clear()
            self.verdict_label.clear()
            self.chart.draw(lambda axes: None)
            return
        comparison = report.result.comparison
        self.chart_title.setText(self.tr("{name}: conversion per group").format(name=report.name))
        self.verdict_label.setText(self._verdict_line(comparison))
        arms = [(self.tr("Contacted"), comparison.treatment)]
        if comparison.control is not None:
            arms.append((self.tr("Control (not contacted)"), comparison.control))
        name_zh, name_en = report.product_names
        product = (name_zh if texts.chinese_ui() else name_en) or report.product_id or "—"
        caption = self.tr("Bought {product} in the window (share, with its 95% interval)").format(product=product)

        def paint(axes: Any) -> None:
            names = [name for name, _ in arms]
            rates = [arm.rate or 0.0 for _, arm in arms]
            low, high = [], []
            for (_, arm), rate in zip(arms, rates, strict=True):
                if arm.n:
                    lo, hi = wilson_interval(arm.converted, arm.n)
                    low.append(rate - float(lo))
                    high.append(float(hi) - rate)
                else:
                    low.append(0.0)
                    high.append(0.0)
            axes.barh(names, rates, xerr=[low, high], color=["#2f6db5", "#9aa5b1"][:len(arms)],
                      capsize=4, height=0.5)
            axes.set_xlim(0, max(0.05, max(r + h for r, h in zip(rates, high, strict=True)) * 1.15))
            axes.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
            axes.set_xlabel(caption, fontsize=8)
            axes.invert_yaxis()

        self.chart.draw(paint)

    def _verdict_line(self, comparison: Any) -> str:
        """The verdict, and with a test behind it the uplift, its interval and the p value."""
        verdict = verdict_text(comparison.verdict.value)
        if comparison.p_value is None or comparison.uplift is None or comparison.uplift_ci is None:
            return verdict
        test = self.tr("Fisher's exact test") if comparison.test == SignificanceTest.FISHER else self.tr("z-test")
        low, high = comparison.uplift_ci
        return self.tr("{verdict}: uplift {uplift} (95% interval {low} to {high}), p {p} ({test})").format(
            verdict=verdict, uplift=_uplift(comparison.uplift), low=_uplift(low), high=_uplift(high),
            p=_p_value(comparison.p_value), test=test)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Campaigns"))
        self.lists_button.setText(self.tr("Target lists…"))
        self.campaign_button.setText(self.tr("New campaign…"))
        self.explain_label.setText(self.tr(
            "Contacted, Control: customers who bought (opened the promoted product in the campaign's "
            "window, from the holdings, not from what was typed) of those in the group, and the rate. "
            "Uplift: the contacted group's rate less the control group's, with its 95% interval "
            "(Newcombe); the p value shown above the chart is from a z-test, or Fisher's exact test for "
            "small groups. Cost counts contacted customers only. Revenue is what the contacted "
            "customers' sales brought; Incremental is the part the sales beyond the control group's "
            "rate brought, and ROI is on that part: sales that would have come anyway earn the "
            "campaign nothing."))
        self.model.retranslate()
        self._fit_columns()
        self._render_count()
        self._show_chart()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
