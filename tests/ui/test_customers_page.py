"""Search-as-you-type, the 360 pane, and the audited reveal, on the demo portfolio."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent

from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _type_chinese(widget, text: str) -> None:
    # qtbot.keyClicks with Chinese text aborts; an input method commit is what an IME sends.
    event = QInputMethodEvent()
    event.setCommitString(text)
    widget.setFocus()
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(widget, event)


def _visible_ids(page) -> list[str]:
    return [page.model.customer_id_at(r) for r in range(page.model.rowCount())]


def test_search_by_name_id_tail_and_phone_tail(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    page = unlocked_window.customers_page
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        people = {r[0]: r[1:] for r in portfolio.query(
            "SELECT customer_id, name, id_number, phone FROM customers")}
    surname = "王"
    expected = sorted(cid for cid, (name, _, _) in people.items() if surname in name)
    _type_chinese(page.search_edit, surname)
    assert page.search_edit.text() == surname
    assert sorted(_visible_ids(page)) == expected and expected
    # Masked on screen even though the search used the full name.
    shown_names = {page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())}
    assert all("*" in n for n in shown_names if len(n) > 1)

    some_id, (_, id_number, phone) = next(iter(people.items()))
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, phone[-4:])
    ids = _visible_ids(page)
    assert some_id in ids
    assert all(people[c][2][-4:] == phone[-4:] or phone[-4:] in people[c][1][-4:] for c in ids)
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, id_number[-4:])
    assert some_id in _visible_ids(page)
    page.search_edit.clear()
    assert page.model.rowCount() == 300


def test_sorting_by_aum_puts_the_largest_first(unlocked_window) -> None:
    from PySide6.QtCore import Qt

    page = unlocked_window.customers_page
    aum_column = 6
    page.table.horizontalHeader().setSortIndicator(aum_column, Qt.SortOrder.DescendingOrder)
    frame = page.model.frame.set_index("customer_id")
    shown = [frame.loc[page.model.customer_id_at(r), "aum"] for r in range(20)]
    assert shown == sorted(shown, reverse=True)
    assert shown[0] == frame["aum"].max()


def test_360_pane_shows_profile_holdings_chart_and_history(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    page = unlocked_window.customers_page
    page.table.selectRow(5)
    customer_id = page.model.customer_id_at(5)
    qtbot.waitUntil(lambda: page.pane.view is not None and page.pane.view.customer_id == customer_id,
                    timeout=10_000)
    pane = page.pane
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        holdings = portfolio.query("SELECT COUNT(*) FROM holdings WHERE customer_id = ?", (customer_id,))[0][0]
        months = portfolio.query("SELECT COUNT(*) FROM monthly_balances WHERE customer_id = ?",
                                 (customer_id,))[0][0]
        name, id_number = portfolio.query("SELECT name, id_number FROM customers WHERE customer_id = ?",
                                          (customer_id,))[0]
    assert pane.holdings_table.rowCount() == holdings
    assert pane._chart is not None and pane._chart.plotted_months == months
    assert pane.transactions_table.rowCount() > 0
    assert customer_id in pane.name_label.text()
    assert name not in pane.name_label.text() or len(name) == 1
    assert pane.id_value.text() != id_number and pane.id_value.text().endswith(id_number[-4:])


def test_reveal_shows_the_full_id_and_writes_the_audit_log(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    page = unlocked_window.customers_page
    page.table.selectRow(2)
    customer_id = page.model.customer_id_at(2)
    qtbot.waitUntil(lambda: page.pane.view is not None and page.pane.view.customer_id == customer_id,
                    timeout=10_000)
    with qtbot.waitSignal(page.pane.revealed, timeout=10_000):
        page.pane.reveal_id_button.click()
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        id_number = portfolio.query("SELECT id_number FROM customers WHERE customer_id = ?",
                                    (customer_id,))[0][0]
        audit = portfolio.query("SELECT action, target FROM audit_log WHERE action LIKE 'REVEAL%'")
    assert page.pane.id_value.text() == id_number
    assert audit == [("REVEAL_ID", customer_id)]
    page.pane.mask_identity()                                # what the 30-second timer does
    assert page.pane.id_value.text() != id_number
