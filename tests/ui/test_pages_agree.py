"""After a write, every page that shows what it changed agrees, with no manual refresh (the one
change signal, relmgr/services/changes.py): issue 12."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from relmgr.domain.churn import WarningAction
from relmgr.domain.codes import ContactOutcome
from relmgr.services.worklist import WorkReason

TIMEOUT = 20_000


def _settled(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=TIMEOUT)
    qtbot.wait(30)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=TIMEOUT)


def _reasons(window, customer_id: str) -> set[str]:
    frame = window.today_page.model.frame
    rows = frame[frame["customer_id"] == customer_id]
    return {d["reason"] for d in rows.iloc[0]["details"]} if len(rows) else set()


def _done_on_today(window, customer_id: str) -> bool:
    frame = window.today_page.model.frame
    rows = frame[frame["customer_id"] == customer_id]
    return bool(len(rows)) and bool(rows.iloc[0]["done"])


def _overdue_by_tier(window) -> dict[str, int]:
    tiers = window.tiers_page.views.tiers
    return dict(zip(tiers["tier"], tiers["overdue"], strict=True))


def _customer_row(window, customer_id: str):
    frame = window.customers_page.model.frame
    return frame[frame["customer_id"] == customer_id].iloc[0]


def _ok(buttons: QDialogButtonBox):
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_contact_logged_on_today_shows_on_customers_and_tiers(unlocked_window, qtbot) -> None:
    window = unlocked_window
    _settled(window, qtbot)
    frame = window.today_page.model.frame
    overdue = [row.customer_id for row in frame.itertuples()
               if any(d["reason"] == WorkReason.CONTACT_OVERDUE for d in row.details)]
    assert overdue, "the demo portfolio has customers overdue for a contact"
    customer = overdue[0]
    tier = window.tiers_page.views.customers.set_index("customer_id").loc[customer, "tier"]
    overdue_before = _overdue_by_tier(window)
    last_before = _customer_row(window, customer)["last_contact_on"]

    window.today_page.select_customer(customer)
    dialog = window.today_page.log_contact()
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData(ContactOutcome.INTERESTED.value))
    dialog.note_edit.setPlainText("Called about the tier review")
    _ok(dialog.buttons).click()

    # Today: the line is done (it stays in today's plan, struck through). Service tiers: one
    # fewer overdue in its tier. Customers: the list's last contact is the new one. Nobody
    # pressed Refresh.
    qtbot.waitUntil(lambda: _done_on_today(window, customer), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: _overdue_by_tier(window)[tier] == overdue_before[tier] - 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: _customer_row(window, customer)["last_contact_on"] != last_before,
                    timeout=TIMEOUT)
    _settled(window, qtbot)
    others = {t: n for t, n in _overdue_by_tier(window).items() if t != tier}
    assert others == {t: n for t, n in overdue_before.items() if t != tier}
    # And the tiers page counts exactly the customers Today lists as overdue.
    lines = window.today_page.model.frame
    today_overdue = sum(WorkReason.CONTACT_OVERDUE in {d["reason"] for d in details} and not done
                        for details, done in zip(lines["details"], lines["done"], strict=True))
    assert sum(_overdue_by_tier(window).values()) == today_overdue


def test_a_warning_handled_on_churn_leaves_today(unlocked_window, qtbot) -> None:
    window = unlocked_window
    window.nav.setCurrentRow(window.pages.index(window.churn_page))
    _settled(window, qtbot)
    page = window.churn_page
    at_risk = set(window.today_page.model.frame["customer_id"][
        [WorkReason.CHURN_RISK in {d["reason"] for d in details}
         for details in window.today_page.model.frame["details"]]])
    rows = [r for r in range(page.model.rowCount()) if page.model.customer_id_at(r) in at_risk]
    assert rows, "a churn warning that is also on Today's list"
    page.view.selectRow(rows[0])
    customer = page.model.customer_id_at(rows[0])

    dialog = page.mark_selected(WarningAction.HANDLED)
    dialog.note_edit.setPlainText("Called; keeps the funds here")
    _ok(dialog.buttons).click()

    visible = lambda: [page.model.customer_id_at(r) for r in range(page.model.rowCount())]  # noqa: E731
    qtbot.waitUntil(lambda: customer not in visible(), timeout=TIMEOUT)
    # Handling it logged a contact: on Today the line is done, or gone if it was in the backlog.
    qtbot.waitUntil(lambda: _done_on_today(window, customer)
                    or WorkReason.CHURN_RISK not in _reasons(window, customer), timeout=TIMEOUT)
    assert "contact was logged" in page.status_label.text()
