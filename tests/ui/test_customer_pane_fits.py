"""The customer 360 pane at 1366x768 (issue 19): it is the only scroll area (the recommendation
cards and the "why not" list do not scroll inside it), every tab title is shown whole in both
languages, and a short tab is not as tall as the longest one."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea

from relmgr.ui.common.full_height import FullHeightTable
from relmgr.ui.shell.i18n import CHINESE, ENGLISH


def _open_customer_with_reasons_to_hide(window, qtbot):
    """The pane on a customer whose "why not" list is not empty, with the list open."""
    window.resize(1366, 768)
    window.show()
    window.nav.setCurrentRow(window.pages.index(window.customers_page))
    page = window.customers_page
    pane = page.pane
    panel = pane.recommendations
    with qtbot.waitSignal(panel.loaded, timeout=15_000):
        page.table.selectRow(8)
    assert panel.data is not None and panel.data.recommendations.excluded
    panel.why_not_button.setChecked(True)
    return pane


def _settled(qtbot, table: FullHeightTable) -> bool:
    qtbot.wait(50)                      # layout requests are posted events: let them run
    return table.height() >= table.content_height()


def test_the_pane_is_the_one_scroll_area(unlocked_window, qtbot) -> None:
    pane = _open_customer_with_reasons_to_hide(unlocked_window, qtbot)
    scrollers = [w for w in pane.findChildren(QAbstractScrollArea) if w.isVisibleTo(pane)]
    assert [w for w in scrollers if isinstance(w, QScrollArea)] == [pane.scroll]
    why_not = pane.recommendations.excluded_table
    qtbot.waitUntil(lambda: _settled(qtbot, why_not), timeout=5_000)
    for table in pane.findChildren(FullHeightTable):
        if table.isVisibleTo(pane):
            assert table.verticalScrollBar().maximum() == 0, table.objectName()
    # Every row of the open list and all three cards are laid out in the pane, one under another.
    assert why_not.rowCount() > 3 and why_not.height() >= why_not.content_height()
    cards = pane.recommendations.cards
    assert len(cards) == 3
    for card in cards:                  # the whole reason is shown, and the buttons under it
        assert card.reason.height() >= card.reason.heightForWidth(card.reason.width())
        assert card.accept_button.geometry().bottom() < card.height()
    # A short tab (Holdings) makes the tabs shorter than the open recommendations tab.
    tall = pane.tabs.sizeHint().height()
    pane.tabs.setCurrentWidget(pane.holdings_table)
    assert pane.tabs.sizeHint().height() < tall
    assert pane.holdings_table.verticalScrollBar().maximum() == 0


def test_tab_titles_fit_at_1366_in_both_languages(unlocked_window, qtbot) -> None:
    window = unlocked_window
    pane = _open_customer_with_reasons_to_hide(window, qtbot)
    for language in (ENGLISH, CHINESE):
        window.apply_settings(dataclasses.replace(window.settings, language=language))
        qtbot.wait(50)
        bar = pane.tabs.tabBar()
        titles = [pane.tabs.tabText(i) for i in range(pane.tabs.count())]
        assert all(titles) and pane.tabs.tabToolTip(0)
        last = bar.tabRect(pane.tabs.count() - 1)
        assert bar.mapTo(pane, last.topRight()).x() <= pane.scroll.viewport().width(), (language, titles)
        # Nothing in the pane is wider than the pane: no sideways scrolling of the pane itself.
        assert pane.body.minimumSizeHint().width() <= pane.scroll.viewport().width(), language
    if language != ENGLISH:
        window.apply_settings(dataclasses.replace(window.settings, language=ENGLISH))
