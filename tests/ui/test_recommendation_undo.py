"""Undo on the recommendation cards (issue 19): an Accept, Decline or Not now recorded by a
mis-click is taken back from the card's message, audited, and the product is offered again; an
answer of an earlier day cannot be undone, and nothing changes then."""

from __future__ import annotations

import datetime as dt

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import list_audit
from relmgr.services.recommendations import record_outcome, recommend_all, undo_outcome
from relmgr.storage import open_portfolio
from relmgr.ui.recommendations.panel import RecommendationPanel
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _open(path):
    return open_portfolio(path, DEMO_PASSWORD_FOR_TESTS)


def _outcomes(path) -> list[tuple]:
    with _open(path) as portfolio:
        return portfolio.query("SELECT customer_id, product_id, outcome FROM recommendation_outcomes")


@pytest.mark.parametrize("button", ["decline_button", "accept_button", "later_button"])
def test_undo_takes_back_the_answer_and_offers_the_product_again(
        button, runner_on_demo, writable_demo_portfolio, qtbot) -> None:
    with _open(writable_demo_portfolio) as portfolio:
        table = recommend_all(portfolio)
    products = table[(table["kind"] == "PRODUCT") & ~table["needs_note"].astype(bool)]
    customer_id = products["customer_id"].iloc[0]
    panel = RecommendationPanel(runner_on_demo)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=15_000):
        panel.show_customer(customer_id)
    before = [card.rec.product_id for card in panel.cards]
    product_id = before[0]
    assert not panel.undo_button.isVisibleTo(panel)
    with qtbot.waitSignal(panel.loaded, timeout=15_000):
        getattr(panel.cards[0], button).click()
    (_, _, outcome), = _outcomes(writable_demo_portfolio)
    assert panel.undo_button.isVisibleTo(panel) and "Recorded" in panel.message_label.text()
    if outcome != "NOT_NOW":
        assert product_id not in [card.rec.product_id for card in panel.cards]

    with qtbot.waitSignal(panel.outcome_undone, timeout=10_000) as undone:
        panel.undo_button.click()
    assert undone.args == [customer_id, product_id, outcome]
    qtbot.waitUntil(lambda: [card.rec.product_id for card in panel.cards] == before, timeout=15_000)
    assert _outcomes(writable_demo_portfolio) == []
    assert "Undone" in panel.message_label.text() and not panel.undo_button.isVisibleTo(panel)
    with _open(writable_demo_portfolio) as portfolio:
        audited = list_audit(portfolio, action=AuditAction.OUTCOME_UNDONE)
    assert audited["target"].tolist() == [customer_id]
    assert f'"product_id": "{product_id}"' in audited["detail"].iloc[0]


def test_an_earlier_days_answer_stays(writable_demo_portfolio) -> None:
    with _open(writable_demo_portfolio) as portfolio:
        table = recommend_all(portfolio)
        row = table[(table["kind"] == "PRODUCT") & ~table["needs_note"].astype(bool)].iloc[0]
        yesterday = dt.datetime.now() - dt.timedelta(days=1)
        outcome_id = record_outcome(portfolio, row["customer_id"], row["product_id"], "DECLINED", at=yesterday)
        with pytest.raises(ValueError, match="only today's answers"):
            undo_outcome(portfolio, outcome_id=outcome_id, day=dt.date.today())
        with pytest.raises(ValueError, match="no recorded answer"):
            undo_outcome(portfolio, outcome_id=outcome_id + 1000, day=dt.date.today())
        assert len(portfolio.query("SELECT 1 FROM recommendation_outcomes")) == 1
        assert list_audit(portfolio, action=AuditAction.OUTCOME_UNDONE).empty
