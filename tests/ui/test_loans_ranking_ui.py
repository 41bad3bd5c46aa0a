"""The Loans page's prospect ranking runs off the GUI thread with Cancel, and its prospects export
as a target list; the recommendation panel says why a top prospect is one (issue 21), on the demo
portfolio."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import QDialogButtonBox

from relmgr.domain.codes import AuditAction
from relmgr.services import loan_reasons
from relmgr.services.audit import list_audit
from relmgr.services.wording.loans import prospect_line_sentence
from relmgr.storage import open_portfolio
from relmgr.ui.loans.page import LoansPage
from relmgr.ui.recommendations.panel import RecommendationPanel
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _page(runner, qtbot) -> LoansPage:
    page = LoansPage(runner)
    qtbot.addWidget(page)
    page.show()
    return page


def test_cancel_stops_the_ranking_and_rank_prospects_starts_it_again(runner_on_demo, qtbot) -> None:
    loan_reasons.forget()
    page = _page(runner_on_demo, qtbot)
    page.load()
    assert page.ranking.isVisible() and page.ranking.cancel_button.isEnabled()
    page.ranking.cancel_button.click()          # queued behind the watch: stops at its first step
    qtbot.waitUntil(lambda: page.rank_button.isVisible(), timeout=60_000)
    assert page._prospects is None and page.prospects_table.rowCount() == 0
    assert not page.ranking.isVisible()
    assert "cancelled" in page.status_label.text()
    qtbot.waitUntil(lambda: page._watch is not None, timeout=60_000)      # the watch is not cancelled
    page.rank_button.click()
    assert page.ranking.isVisible() and not page.rank_button.isVisible()
    qtbot.waitUntil(lambda: page._prospects is not None, timeout=120_000)
    assert page.prospects_table.rowCount() > 0 and not page.ranking.isVisible()


def test_the_prospects_export_as_a_masked_audited_target_list(runner_on_demo, writable_demo_portfolio: Path,
                                                              tmp_path: Path, qtbot) -> None:
    page = _page(runner_on_demo, qtbot)
    page.load()
    qtbot.waitUntil(lambda: page._prospects is not None, timeout=120_000)
    family = page.family_box.currentData()
    dialog = page.export()
    assert dialog.list_name() == f"loan-{family.lower()}"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    target = tmp_path / "prospects.csv"
    dialog.set_path(target)
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    frame = pd.read_csv(target, encoding="utf-8-sig", dtype=str)
    assert len(frame) == len(page._prospects.by_family[family])
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as p:
        names = {r[0] for r in p.query("SELECT name FROM customers")}
        audit = list_audit(p, action=AuditAction.EXPORTED)
    assert not set(frame.iloc[:, 2]) & names                              # the names are masked
    assert len(audit) == 1 and f"loan-{family.lower()}" in audit["detail"].iat[0]


def test_the_panel_says_why_a_top_prospect_is_one(runner_on_demo, qtbot) -> None:
    page = _page(runner_on_demo, qtbot)
    page.load()
    qtbot.waitUntil(lambda: page._prospects is not None, timeout=120_000)
    family, frame = next((f, fr) for f, fr in page._prospects.by_family.items() if len(fr))
    panel = RecommendationPanel(runner_on_demo)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=30_000):
        panel.show_customer(str(frame["customer_id"].iat[0]))
    line = next(line for line in panel.data.loan_prospects if line.family == family)
    sentence = prospect_line_sentence(line, language="en")
    on_cards = [card.prospect_label.text() for card in panel.cards if card.prospect is not None]
    assert sentence in on_cards or sentence in panel.prospects_label.text().split("\n")
    assert panel.prospects_label.isVisible() or any(on_cards)
