"""The Marketing page on the demo portfolio: the three campaigns with their results, the one
without a control group saying uplift cannot be measured, and a chart per campaign."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from relmgr.services.pdf_fonts import resources_dir
from relmgr.ui.shell.i18n import CHINESE, ENGLISH


def test_campaigns_show_their_results_and_a_chart(unlocked_window, qtbot) -> None:
    window = unlocked_window
    page = window.marketing_page
    with qtbot.waitSignal(page.loaded, timeout=30_000) as blocker:
        window.go_to_page(window.pages.index(page))
    assert blocker.args == [3]
    frame = page.model.frame
    assert list(frame["campaign_id"]) == ["CMP-WMF", "CMP-BND", "CMP-PLT"]
    assert list(frame["verdict"]) == ["UPLIFT", "NOT_SIGNIFICANT", "NO_CONTROL"]
    verdict_column = [c[0] for c in page.model.columns].index("verdict")
    shown = page.model.data(page.model.index(2, verdict_column))
    assert shown == "No control group: uplift cannot be measured"
    # Its sales are shown, not what part of them it caused, nor a return on them.
    columns = [c[0] for c in page.model.columns]
    assert page.model.data(page.model.index(2, columns.index("incremental_revenue"))) == "—"
    assert page.model.data(page.model.index(2, columns.index("roi"))) == "—"
    assert frame["revenue"].iat[2] > 0
    # The one that works: ROI on the sales beyond the control's rate, so on less than all revenue.
    works = frame.iloc[0]
    assert 0 < works["incremental_revenue"] < works["revenue"]
    assert works["roi"] == pytest.approx((works["incremental_revenue"] - works["cost"]) / works["cost"])
    page.view.selectRow(2)
    assert "白金信用卡升级" in page.chart_title.text()
    assert len(page.chart.axes.patches) == 1          # contacted only: there is no control bar
    page.view.selectRow(0)
    assert len(page.chart.axes.patches) == 2
    # The verdict with the test behind it: the p value lives here, not in a column of its own.
    verdict = page.verdict_label.text()
    comparison = page._reports[0].result.comparison
    p_shown = "< 0.001" if comparison.p_value < 0.001 else f"= {comparison.p_value:.3f}"
    assert verdict.startswith("Significant uplift: uplift +") and f"p {p_shown} (z-test)" in verdict
    page.view.selectRow(2)
    assert page.verdict_label.text() == "No control group: uplift cannot be measured"
    page.view.selectRow(0)
    # The chart names the promoted product as the catalogue does, not by its code.
    report = page._reports[0]
    assert report.product_id and report.product_names[1]
    caption = page.chart.axes.get_xlabel()
    assert report.product_names[1] in caption and report.product_id not in caption


def test_every_column_and_header_shows_at_1366_in_both_languages(unlocked_window, qapp, qtbot) -> None:
    """Seen on screenshots: headers cut ("ontacted: bough"), "< 0.001" elided and, in English, a
    horizontal scrollbar. Every header fits its column and all columns fit the table's width."""
    window = unlocked_window
    page = window.marketing_page
    before = qapp.styleSheet()
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    try:
        window.resize(1366, 768)
        window.show()
        with qtbot.waitSignal(page.loaded, timeout=30_000):
            window.go_to_page(window.pages.index(page))
        problems = []
        for language in (ENGLISH, CHINESE):
            window.apply_settings(dataclasses.replace(window.settings, language=language))
            qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=60_000)
            qtbot.wait(50)
            header = page.view.horizontalHeader()
            metrics = header.fontMetrics()
            total = 0
            for column in range(page.model.columnCount()):
                text = str(page.model.headerData(column, Qt.Orientation.Horizontal))
                width = page.view.columnWidth(column)
                total += width
                if metrics.horizontalAdvance(text) + 12 > width:
                    problems.append((language, text, width))
            if total > page.view.viewport().width():
                problems.append((language, "all columns", total, page.view.viewport().width()))
        assert not problems
    finally:
        qapp.setStyleSheet(before)
        window.apply_settings(dataclasses.replace(window.settings, language=ENGLISH))
