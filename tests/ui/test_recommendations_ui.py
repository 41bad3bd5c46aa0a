"""The recommendation panel and the Recommendations page on the demo portfolio: they show what
the recommendation service computes (same products, same order, reasons with the true numbers),
answers are stored through the service (a senior's Accept needs a note, a Decline hides the
product), every removed product names its rule, and clear() forgets everything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from relmgr.analytics.recommend import RecoReason
from relmgr.domain.suitability import RULE_KEY, RecoOutcome, RuleCode
from relmgr.services.recommendations import outcome_stats, push_list, recommend_all, recommend_for_customer
from relmgr.storage import open_portfolio
from relmgr.storage.rules import set_rule
from relmgr.ui.recommendations import texts as reco_texts
from relmgr.ui.recommendations.page import RecommendationsPage
from relmgr.ui.recommendations.panel import RecommendationPanel
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _open(path):
    return open_portfolio(path, DEMO_PASSWORD_FOR_TESTS)


def _pct(share: float) -> str:
    return f"{share:.0%}" if share >= 0.1 else f"{share:.1%}"


def _numbers(reason: dict) -> list[str]:
    """The figures a reason sentence must quote, formatted independently of the UI code."""
    code = reason["code"]
    if code == RecoReason.SIMILAR_HOLDERS:
        return [_pct(reason["share_similar"]), _pct(reason["share_all"]), f"{reason['similar_customers']:,}"]
    if code == RecoReason.BOUGHT_TOGETHER:
        return [_pct(reason["confidence"]), f"{reason['lift']:.1f}"]
    if code == RecoReason.MATURING:
        return [f"{reason['amount']:,.0f}", reason["maturity_on"]] + (
            [f"{reason['days']} days"] if reason["days"] else [])
    if code == RecoReason.LARGE_INFLOW:
        return [f"{reason['amount']:,.0f}", f"{reason['days']} days"]
    if code == RecoReason.SALARY_NO_CARD:
        return [f"{reason['avg_salary']:,.0f}", f"{reason['months']} of the last {reason['window_months']}"]
    if code == RecoReason.LIFE_STAGE:
        return [f"Aged {reason['age']}"]
    if code == "RECENT_OPENINGS":
        return [_pct(reason["share_recent"]), _pct(reason["share_all"]), f"{reason['customers']:,}"]
    return [_pct(reason["share_peers"]), _pct(reason["share_all"]), f"{reason['peers']:,}"]


def _show(panel: RecommendationPanel, customer_id: str, qtbot) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=15_000):
        panel.show_customer(customer_id)


def _outcome_rows(path) -> list[tuple]:
    with _open(path) as portfolio:
        return portfolio.query("SELECT customer_id, product_id, outcome, note FROM recommendation_outcomes")


@pytest.fixture
def panel(runner_on_demo, qtbot):
    widget = RecommendationPanel(runner_on_demo)
    qtbot.addWidget(widget)
    return widget


def test_panel_shows_the_service_ranking_with_true_reasons(panel, writable_demo_portfolio, qtbot) -> None:
    with _open(writable_demo_portfolio) as portfolio:
        table = recommend_all(portfolio)
        products = table[table["kind"] == "PRODUCT"]
        # One customer per reason type the demo produces, so every sentence form is checked.
        customers = products.drop_duplicates("reason_code")["customer_id"].tolist()
        assert len(customers) >= 5
        expected = {c: recommend_for_customer(portfolio, c, explain=True) for c in customers}
    for customer_id in customers:
        _show(panel, customer_id, qtbot)
        want = expected[customer_id].recommendations
        assert [card.rec.product_id for card in panel.cards] == [r.product_id for r in want]
        for card, rec in zip(panel.cards, want, strict=True):
            sentence = card.reason.text()
            assert sentence and sentence == reco_texts.reason_text(rec.reason, panel.data.products)
            for number in _numbers(rec.reason):
                assert number in sentence, (rec.reason["code"], number, sentence)
            assert card.fit.text().endswith(f"{rec.score:.2f}")
            assert card.warning.isVisibleTo(panel) == (rec.warning is not None)


def test_every_removed_product_names_its_rule(panel, writable_demo_portfolio, qtbot) -> None:
    with _open(writable_demo_portfolio) as portfolio:
        table = recommend_all(portfolio)
        expired = table.loc[table["kind"] == "ACTION", "customer_id"].iloc[0]
        expected = recommend_for_customer(portfolio, expired, explain=True)
    _show(panel, expired, qtbot)
    # The expired assessment shows as the action to take.
    assert panel.action_label.isVisibleTo(panel) and expected.actions[0]["assessed_on"] in panel.action_label.text()
    table_widget = panel.excluded_table
    assert table_widget.rowCount() == len(expected.excluded) > 0
    assert not table_widget.isVisibleTo(panel)
    panel.why_not_button.setChecked(True)
    assert table_widget.isVisibleTo(panel)
    rules_shown = []
    for row, item in enumerate(expected.excluded):
        assert table_widget.item(row, 0).text() == reco_texts.name_of(item.product_id, panel.data.products)
        rule_cell = table_widget.item(row, 2)
        assert rule_cell.text() == reco_texts.rule(item.rules[0].value) != ""
        assert rule_cell.data(0x0100) == item.rules[0].value            # Qt.UserRole
        rules_shown.append(RuleCode(rule_cell.data(0x0100)))
    assert RuleCode.ASSESSMENT_EXPIRED in {r for item in expected.excluded for r in item.rules}
    assert all(rule in RuleCode for rule in rules_shown)


def test_senior_accept_needs_a_note_and_writes_nothing_without_one(panel, writable_demo_portfolio, qtbot) -> None:
    # Make every customer "senior" and everything above R1 need care, so the demo has such cases.
    with _open(writable_demo_portfolio) as portfolio:
        with portfolio.transaction():
            set_rule(portfolio, RULE_KEY, {"senior_age": 18, "senior_plain_risk_max": 1})
        table = recommend_all(portfolio)
        customer_id, product_id = table.loc[table["needs_note"].astype(bool), ["customer_id", "product_id"]].iloc[0]
    _show(panel, customer_id, qtbot)
    card = panel._card(product_id)
    assert card is not None and card.rec.needs_note and card.note.isVisibleTo(panel)
    assert card.warning.isVisibleTo(panel) and card.warning.text()

    card.accept_button.click()
    qtbot.waitUntil(lambda: panel.message_label.isVisibleTo(panel), timeout=10_000)
    assert "note" in panel.message_label.text() and "Nothing was recorded" in panel.message_label.text()
    assert card.accept_button.isEnabled()                 # the RM can write the note and retry
    assert _outcome_rows(writable_demo_portfolio) == []

    card.note.setText("Explained capital risk; customer has invested in funds before")
    with qtbot.waitSignal(panel.outcome_recorded, timeout=10_000) as signal:
        card.accept_button.click()
    assert signal.args == [customer_id, product_id, RecoOutcome.ACCEPTED.value]
    rows = _outcome_rows(writable_demo_portfolio)
    assert rows == [(customer_id, product_id, "ACCEPTED",
                     "Explained capital risk; customer has invested in funds before")]


def test_decline_is_stored_and_hides_the_product(panel, writable_demo_portfolio, qtbot) -> None:
    with _open(writable_demo_portfolio) as portfolio:
        table = recommend_all(portfolio)
    customer_id = table.loc[table["kind"] == "PRODUCT", "customer_id"].iloc[0]
    _show(panel, customer_id, qtbot)
    card = panel.cards[0]
    product_id = card.rec.product_id
    with qtbot.waitSignal(panel.loaded, timeout=15_000):       # recorded, then reloaded
        card.decline_button.click()
    assert _outcome_rows(writable_demo_portfolio) == [(customer_id, product_id, "DECLINED", "")]
    with _open(writable_demo_portfolio) as portfolio:
        stored = portfolio.query("SELECT reason_code FROM recommendation_outcomes")
    assert stored == [(card.rec.reason["code"],)]
    assert product_id not in [c.rec.product_id for c in panel.cards]
    assert "Recorded" in panel.message_label.text()
    removed = {e.product_id: e.rules for e in panel.data.recommendations.excluded}
    assert RuleCode.DECLINED_RECENTLY in removed[product_id]


def test_clear_forgets_the_customer(panel, writable_demo_portfolio, qtbot) -> None:
    with _open(writable_demo_portfolio) as portfolio:
        customer_id = recommend_all(portfolio)["customer_id"].iloc[0]
    _show(panel, customer_id, qtbot)
    assert panel.cards and panel.excluded_table.rowCount()
    panel.clear()
    assert panel.data is None and panel.customer_id is None and panel.cards == []
    assert panel.excluded_table.rowCount() == 0 and not panel.action_label.text()
    assert not panel.why_not_button.isVisibleTo(panel)


def test_page_push_list_and_outcomes_match_the_service(runner_on_demo, writable_demo_portfolio, qtbot) -> None:
    from relmgr.services.recommendations import record_outcome

    with _open(writable_demo_portfolio) as portfolio:
        table = recommend_all(portfolio)
        rows = table[table["kind"] == "PRODUCT"]
        for (customer_id, product_id, reason), outcome in zip(
                rows[["customer_id", "product_id", "reason_code"]].head(4).itertuples(index=False),
                (RecoOutcome.ACCEPTED, RecoOutcome.DECLINED, RecoOutcome.DECLINED, RecoOutcome.NOT_NOW),
                strict=True):
            record_outcome(portfolio, customer_id, product_id, outcome, "ok", reason_code=reason)
        stats = outcome_stats(portfolio)

    page = RecommendationsPage(runner_on_demo)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.load()
    assert page.product_combo.count() == page.data.counts.shape[0] > 3
    with _open(writable_demo_portfolio) as portfolio:
        for index in (0, page.product_combo.count() - 1):
            page.product_combo.setCurrentIndex(index)
            product_id = page.selected_product()
            expected = push_list(portfolio, product_id=product_id)
            shown = [page.model.customer_id_at(r) for r in range(page.model.rowCount())]
            assert shown == expected["customer_id"].tolist() and shown
            assert f"{len(shown):,}" in page.product_combo.currentText()
            reason_cell = page.model.index(0, len(page.model.columns) - 1)
            assert page.model.data(reason_cell) == reco_texts.reason_text(
                expected["reason"].iloc[0], page.data.products)

    by_product = stats["by_product"]
    assert page.by_product_table.rowCount() == len(by_product) > 0
    shown_rates = {page.by_product_table.item(r, 0).text(): page.by_product_table.item(r, 5).text()
                   for r in range(page.by_product_table.rowCount())}
    for record in by_product.to_dict("records"):
        assert shown_rates[reco_texts.name_of(record["key"], page.data.products)] == _pct(record["acceptance_rate"])
    assert page.by_reason_table.rowCount() == len(stats["by_reason"])

    # Sorting by the reason sorts by the sentence (reasons are dicts underneath).
    page.view.horizontalHeader().setSortIndicator(len(page.model.columns) - 1, Qt.SortOrder.AscendingOrder)
    sentences = [page.model.data(page.model.index(r, len(page.model.columns) - 1)) for r in range(page.model.rowCount())]
    assert sentences == sorted(sentences) and len(sentences) == len(shown)

    with qtbot.waitSignal(page.open_customer, timeout=2_000) as opened:
        page.view.doubleClicked.emit(page.model.index(0, 0))
    assert opened.args == [page.model.customer_id_at(0)]

    page.clear()
    assert page.data is None and page.model.rowCount() == 0 and page.product_combo.count() == 0
    assert page.by_product_table.rowCount() == 0 and len(page.model.frame) == 0


def test_language_change_shows_chinese_product_names(panel, writable_demo_portfolio, qtbot) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QLocale

    with _open(writable_demo_portfolio) as portfolio:
        customer_id = recommend_all(portfolio)["customer_id"].iloc[0]
        names = dict(portfolio.query("SELECT product_id, name_zh FROM products"))
    _show(panel, customer_id, qtbot)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
        assert panel.cards and all(names[c.rec.product_id] in c.title.text() for c in panel.cards)
        assert names[panel.data.recommendations.excluded[0].product_id] == panel.excluded_table.item(0, 0).text()
    finally:
        QLocale.setDefault(previous)
        QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
