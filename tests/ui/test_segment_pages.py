"""Service tiers, Segments and Lifecycle pages on the demo portfolio: computed off the GUI thread
after unlock, the lists agree with the stored results, and a double-click opens the customer."""

from __future__ import annotations

import numpy as np

from relmgr.domain.segments import ContactStatus, RfmSegment, Stage
from relmgr.services.segments import load_segments
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _wait_for_views(window, qtbot):
    qtbot.waitUntil(lambda: window.tiers_page.views is not None, timeout=60_000)
    return window.tiers_page.views


def test_pages_show_the_refreshed_segments(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    window = unlocked_window
    views = _wait_for_views(window, qtbot)
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        stored = load_segments(portfolio)
    assert stored is not None and views.as_of == stored.as_of
    frame = stored.customers

    tiers = window.tiers_page
    window.nav.setCurrentRow(window.pages.index(tiers))
    tiers.status_combo.setCurrentIndex(1)                      # overdue only
    shown = [tiers.due_model.customer_id_at(r) for r in range(tiers.due_model.rowCount())]
    expected = set(frame.loc[frame["contact_status"] == ContactStatus.OVERDUE, "customer_id"])
    assert set(shown) == expected and shown
    overdue_days = frame.set_index("customer_id").loc[shown, "days_overdue"].to_numpy()
    assert list(overdue_days) == sorted(overdue_days, reverse=True)   # most overdue first

    segments = window.segments_page
    segment = list(RfmSegment).index(RfmSegment.IMPORTANT_VALUE)
    segments.segment_table.selectRow(segment)
    ids = {segments.list_model.customer_id_at(r) for r in range(segments.list_model.rowCount())}
    active = frame[frame["stage"] != Stage.CHURNED]
    assert ids == set(active.loc[active["rfm_segment"] == RfmSegment.IMPORTANT_VALUE, "customer_id"])
    assert segments.cluster_table.rowCount() == stored.cluster_k
    assert all(segments.cluster_table.item(r, 3).text() for r in range(segments.cluster_table.rowCount()))

    lifecycle = window.lifecycle_page
    lifecycle.stage_table.selectRow(list(Stage).index(Stage.DECLINE))
    declining = {lifecycle.list_model.customer_id_at(r) for r in range(lifecycle.list_model.rowCount())}
    assert declining == set(frame.loc[frame["stage"] == Stage.DECLINE, "customer_id"])
    assert "What to do" in lifecycle.playbook.text()
    # Month-end stage counts are conserved: every month counts every customer known by then once.
    totals = views.stage_months.sum(axis=1).to_numpy()
    assert np.all(np.diff(totals) >= 0)


def test_double_click_opens_the_customer_360(unlocked_window, qtbot) -> None:
    window = unlocked_window
    _wait_for_views(window, qtbot)
    lifecycle = window.lifecycle_page
    window.nav.setCurrentRow(window.pages.index(lifecycle))
    customer_id = lifecycle.list_model.customer_id_at(0)
    lifecycle.list_view.open_customer.emit(customer_id)
    assert window.stack.currentWidget() is window.customers_page
    pane = window.customers_page.pane
    qtbot.waitUntil(lambda: pane.view is not None and pane.view.customer_id == customer_id, timeout=10_000)
    assert pane.field_values["stage"].text()


def test_export_from_the_lifecycle_page_offers_the_selected_stage(unlocked_window, qtbot, tmp_path) -> None:
    import pandas as pd

    window = unlocked_window
    _wait_for_views(window, qtbot)
    lifecycle = window.lifecycle_page
    window.nav.setCurrentRow(window.pages.index(lifecycle))
    lifecycle.stage_table.selectRow(list(Stage).index(Stage.GROWTH))
    shown = {lifecycle.list_model.customer_id_at(r) for r in range(lifecycle.list_model.rowCount())}
    dialog = window.open_export()
    assert dialog.list_name() == "stage-growth"
    target = tmp_path / "growth.csv"
    dialog.set_path(target)
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.accept()
    frame = pd.read_csv(target, encoding="utf-8-sig", dtype=str)
    assert set(frame.iloc[:, 0]) == shown and shown
    window.nav.setCurrentRow(window.pages.index(window.tiers_page))
    window.tiers_page.tier_combo.setCurrentIndex(1)
    assert window.tiers_page.export_list_name() == "tier-private"
