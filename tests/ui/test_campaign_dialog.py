"""The New campaign dialog on the demo portfolio, opened from the Marketing page: from a saved
target list, the split it previews is the one stored (stratified by tier, seeded from the id),
the page then shows the campaign, the control group cannot be contacted for a sale, and a
refused campaign says why and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from relmgr.services.consent import MarketingRefused
from relmgr.services.contacts import log_contact
from relmgr.services.target_lists import save_list
from relmgr.services.campaigns import seed_of
from relmgr.ui.marketing.page import MarketingPage
from tests.conftest import DEMO_AS_OF

EVERYONE = {"combine": "AND", "criteria": []}


def _on_db(runner, qtbot, fn, **kwargs):
    out = []
    runner.run_db(fn, **kwargs, on_done=out.append, on_error=out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    return out[0]


def _page(runner, qtbot) -> MarketingPage:
    page = MarketingPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.load()
    return page


def _open(page, qtbot, list_name=None):
    dialog = page.open_new_campaign(list_name)
    qtbot.waitUntil(lambda: dialog.form_data is not None, timeout=20_000)
    return dialog


def test_a_campaign_from_a_saved_list_holds_out_the_control_group_it_previewed(runner_on_demo, qtbot) -> None:
    runner = runner_on_demo
    _on_db(runner, qtbot, lambda p: save_list(p, name="全部客户", criteria=EVERYONE))
    _on_db(runner, qtbot, lambda p: save_list(p, name="贵宾", criteria={"criteria": [
        {"field": "tier", "op": "in", "value": ["VIP"]}]}))
    page = _page(runner, qtbot)
    assert page.model.rowCount() == 3
    dialog = _open(page, qtbot, "全部客户")
    assert dialog.list_combo.currentData() == "全部客户"
    # The team's share (10% by default), the data date as the start, a seed from the id.
    assert dialog.share_spin.value() == 10
    assert dialog.values()["start_on"] == DEMO_AS_OF
    dialog.id_edit.setText("CMP-TEST")
    assert dialog.seed_spin.value() == seed_of("CMP-TEST")
    dialog.name_edit.setText("固收理财推广")
    dialog.product_combo.setCurrentIndex(dialog.product_combo.findData("WM-FI"))
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("PHONE"))
    dialog.cost_spin.setValue(25.0)
    dialog.share_spin.setValue(20)
    contacted, control = dialog.preview
    assert control > 0 and f"{control:,} held out" in dialog.split_label.text()
    assert control == pytest.approx(0.2 * (contacted + control), abs=4)     # rounded per tier

    with qtbot.waitSignal(dialog.created, timeout=20_000) as created:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert created.args == ["CMP-TEST", {"treatment": contacted, "control": control}]
    # The page follows the write: four campaigns, the new one with both groups.
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=30_000)
    assert "CMP-TEST created" in page.status_label.text()
    rows = _on_db(runner, qtbot, lambda p: p.query(
        "SELECT o.customer_id, o.arm, s.tier FROM offers o JOIN customer_segments s USING (customer_id) "
        "WHERE campaign_id = 'CMP-TEST'"))
    by_tier: dict[str, list[int]] = {}
    for _, arm, tier in rows:
        by_tier.setdefault(tier, [0, 0])[arm == "CONTROL"] += 1
    for tier, (treated, held) in by_tier.items():
        assert held == round(0.2 * (treated + held)), tier                      # stratified by tier
    stored = _on_db(runner, qtbot, lambda p: p.query(
        "SELECT product_id, channel, cost_per_contact, start_on, end_on FROM campaigns "
        "WHERE campaign_id = 'CMP-TEST'"))
    assert stored == [("WM-FI", "PHONE", 25.0, "2026-06-30", "2026-08-29")]
    held_out = next(c for c, arm, _ in rows if arm == "CONTROL")
    refused = _on_db(runner, qtbot, lambda p: log_contact(
        p, customer_id=held_out, channel="PHONE", purpose="SALES", outcome="REACHED", at=DEMO_AS_OF))
    assert isinstance(refused, MarketingRefused)

    # The same id again is refused, with the reason, and nothing is written.
    again = _open(page, qtbot, "贵宾")
    again.id_edit.setText("CMP-TEST")
    again.name_edit.setText("again")
    again.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "exists already" in again.error_label.text(), timeout=20_000)
    assert again.isVisible()
    assert _on_db(runner, qtbot, lambda p: p.query("SELECT COUNT(*) FROM campaigns")) == [(4,)]


def test_without_a_control_group_or_a_saved_list_the_dialog_says_so(runner_on_demo, qtbot) -> None:
    runner = runner_on_demo
    page = _page(runner, qtbot)
    empty = _open(page, qtbot)
    assert "no saved target list" in empty.split_label.text()
    assert not empty.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    empty.close()
    _on_db(runner, qtbot, lambda p: save_list(p, name="全部客户", criteria=EVERYONE))
    dialog = _open(page, qtbot)
    dialog.share_spin.setValue(0)
    assert dialog.preview[1] == 0 and "uplift cannot be measured" in dialog.split_label.text()
    dialog.name_edit.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "id and a name" in dialog.error_label.text()
    dialog.name_edit.setText("x")
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(-1))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "ends before it starts" in dialog.error_label.text(), timeout=20_000)
    assert dt.date(2026, 6, 29) == dialog.values()["end_on"]


def test_closed_before_its_read_came_back_neither_dialog_touches_its_widgets(runner_on_demo, qtbot) -> None:
    # As the auto-lock does: the dialog is closed (and deleted) while its first read is queued.
    page = _page(runner_on_demo, qtbot)
    for open_dialog in (page.open_new_campaign, page.open_list_builder):
        dialog = open_dialog()
        dialog.reject()
        qtbot.waitUntil(lambda: not runner_on_demo.is_busy, timeout=20_000)
        qtbot.wait(50)
