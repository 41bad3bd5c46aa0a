"""The Home page (issue 18) on the demo portfolio: total AUM in both languages' money words, the
KPI table, and a logged contact showing in the contacts figure with no manual refresh."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialogButtonBox

from relmgr.domain.codes import ContactOutcome
from relmgr.services.dashboard.kpis import KPIS
from relmgr.services.settings import Settings
from relmgr.services.wording import CHINESE, ENGLISH
from relmgr.services.wording.dashboard import KPI_TITLES
from relmgr.services.wording.money import summary_money
from relmgr.services.worklist import WorkReason
from relmgr.ui.home.page import sparkline

TIMEOUT = 20_000


def _settled(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=TIMEOUT)
    qtbot.wait(30)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=TIMEOUT)


def _made(page) -> int:
    return sum(row["made"] for row in page.dashboard.figures["contacts"])


def test_the_sparkline_spans_lowest_to_highest() -> None:
    assert sparkline([3, 5, 10]) == "▁▃█" and sparkline([4, 4]) == "▄▄"


def test_home_is_the_first_page_and_shows_aum_and_kpis_in_both_languages(unlocked_window, qtbot) -> None:
    window = unlocked_window
    page = window.home_page
    assert window.pages[0] is page and window.stack.currentWidget() is page
    _settled(window, qtbot)
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=TIMEOUT)
    total = page.dashboard.figures["total_aum"]
    assert total and total > 0
    assert page.tiles["total_aum"].value.text() == summary_money(total, language=ENGLISH)
    assert page.tiles["total_aum"].value.text().startswith("CNY ")
    assert page.tiles["total_aum"].title.text() == "Total AUM"
    assert page.kpi_table.rowCount() == len(KPIS)
    assert page.kpi_table.item(0, 0).text() == KPI_TITLES[KPIS[0]][0]
    assert all(page.kpi_table.item(r, 1).text() != "–" for r in range(len(KPIS)))  # every KPI has a target
    assert "Segments not computed" not in page.tiles["tiers"].caption.text()
    # A figure whose source was never computed says so in a sentence, not a blank or a zero.
    shown = page.dashboard
    page.dashboard = dataclasses.replace(shown, figures={**shown.figures, "tiers": None},
                                         unavailable={"tiers": "segments"})
    page._render()
    assert page.tiles["tiers"].value.text() == "–"
    assert page.tiles["tiers"].caption.text().startswith("Segments not computed yet")
    loans = shown.figures["loans"]
    assert page.tiles["loans"].value.text().startswith(f"{loans['past_due']:,} past due · CNY ")
    assert "Over 90 days past due" in page.tiles["loans"].caption.text()
    assert f"{loans['early_warnings']:,} early warnings" in page.tiles["loans"].caption.text()
    # The arrears trend of the dashboard's figures, as bars with its first and last count.
    counts = [m["past_due"] for m in loans["trend"]]
    assert len(counts) == 6 and (f"Past due at the last 6 month ends: {sparkline(counts)} "
                                 f"({counts[0]:,} → {counts[-1]:,})") in page.tiles["loans"].caption.text()
    page.dashboard = dataclasses.replace(shown, figures={**shown.figures, "loans": None},
                                         unavailable={"loans": "loans"})
    page._render()
    assert page.tiles["loans"].caption.text().startswith("No loan data in this portfolio")
    page.dashboard = shown
    page._render()
    try:
        window.apply_settings(Settings(language="zh_CN", auto_lock_minutes=10))
        qtbot.waitUntil(lambda: window.nav.item(0).text() == "首页", timeout=5_000)
        qtbot.waitUntil(lambda: "万元" in page.tiles["total_aum"].value.text()
                        or "亿元" in page.tiles["total_aum"].value.text(), timeout=5_000)
        assert page.tiles["total_aum"].value.text() == summary_money(total, language=CHINESE)
        assert page.tiles["total_aum"].title.text() == "管理资产总额"
        assert page.kpi_table.item(0, 0).text() == KPI_TITLES[KPIS[0]][1]
        assert page.tiles["loans"].title.text() == "逾期贷款与还款预警"
        assert "笔逾期" in page.tiles["loans"].value.text() and "逾期 90 天以上" in page.tiles["loans"].caption.text()
    finally:  # a failure above must not leave the rest of the suite in Chinese
        window.apply_settings(Settings(language="en", auto_lock_minutes=10))
        qtbot.waitUntil(lambda: window.nav.item(0).text() == "Home", timeout=5_000)


def test_a_logged_contact_shows_in_the_contacts_figure(unlocked_window, qtbot) -> None:
    window = unlocked_window
    page = window.home_page
    _settled(window, qtbot)
    qtbot.waitUntil(lambda: page.dashboard is not None and page.dashboard.figures["contacts"] is not None,
                    timeout=TIMEOUT)
    made_before = _made(page)
    text_before = page.tiles["contacts"].value.text()
    frame = window.today_page.model.frame
    overdue = [row.customer_id for row in frame.itertuples()
               if any(d["reason"] == WorkReason.CONTACT_OVERDUE for d in row.details)]
    assert overdue, "the demo portfolio has customers overdue for a contact"
    window.today_page.select_customer(overdue[0])
    dialog = window.today_page.log_contact()
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData(ContactOutcome.INTERESTED.value))
    dialog.note_edit.setPlainText("Called about the portfolio review")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    # Nobody pressed a refresh: the page follows the contacts topic.
    qtbot.waitUntil(lambda: _made(page) == made_before + 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.tiles["contacts"].value.text() != text_before, timeout=TIMEOUT)
    assert f"{made_before + 1:,} of" in page.tiles["contacts"].value.text()


def _click(qtbot, widget) -> None:
    from PySide6.QtCore import Qt

    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_each_tile_opens_the_list_behind_it(unlocked_window, qtbot) -> None:
    window = unlocked_window
    page = window.home_page
    _settled(window, qtbot)
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=TIMEOUT)
    _click(qtbot, page.tiles["churn"])
    assert window.stack.currentWidget() is window.churn_page
    assert window.churn_page.band_combo.currentText() == "High risk"
    _settled(window, qtbot)
    bands = set(window.churn_page.model.frame.iloc[window.churn_page.model.visible_rows()]["band"])
    assert bands <= {"HIGH"}
    for code, expected in (("tasks", window.tasks_page), ("tiers", window.tiers_page),
                           ("contacts", window.tiers_page), ("stages", window.lifecycle_page),
                           ("total_aum", window.customers_page),
                           ("recommendations", window.recommendations_page), ("loans", window.loans_page)):
        window.nav.setCurrentRow(0)
        _click(qtbot, page.tiles[code])
        assert window.stack.currentWidget() is expected, code
        assert window.nav.currentRow() == window.pages.index(expected)
    assert window.tasks_page.show_combo.currentText() == "Overdue only"


def test_the_tier_tile_says_who_is_not_tiered(unlocked_window, qtbot) -> None:
    window = unlocked_window
    page = window.home_page
    _settled(window, qtbot)
    qtbot.waitUntil(lambda: page.dashboard is not None and page.dashboard.figures["tiers"] is not None,
                    timeout=TIMEOUT)
    figures = page.dashboard.figures
    tiered = sum(row["customers"] for row in figures["tiers"])
    everyone = sum(figures["stages"].values())
    assert 0 < tiered < everyone        # the demo has customers who left
    assert page.tiles["tiers"].value.text() == f"{tiered:,} customers"
    assert f"{everyone - tiered:,} left the bank, not tiered" in page.tiles["tiers"].caption.text()
    try:
        window.apply_settings(Settings(language="zh_CN", auto_lock_minutes=10))
        qtbot.waitUntil(lambda: "位已销户，不参与分层" in page.tiles["tiers"].caption.text(), timeout=5_000)
        assert f"{everyone - tiered:,} 位已销户" in page.tiles["tiers"].caption.text()
    finally:
        window.apply_settings(Settings(language="en", auto_lock_minutes=10))
        qtbot.waitUntil(lambda: window.nav.item(0).text() == "Home", timeout=5_000)
