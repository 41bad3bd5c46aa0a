"""The 360 pane's Messages… dialog (issue 19): it shows the service's messages for the customer
in the UI's language, the RM can edit one and Copy puts it on the clipboard; closing the pane
(the lock) closes it."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from relmgr.services.message_templates import customer_messages
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def test_messages_are_shown_edited_and_copied(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    window = unlocked_window
    window.nav.setCurrentRow(window.pages.index(window.customers_page))
    page = window.customers_page
    page.table.selectRow(2)
    qtbot.waitUntil(lambda: page.pane.view is not None, timeout=15_000)
    customer_id = page.pane.view.customer_id
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        expected = customer_messages(portfolio, customer_id, language="en")
    assert expected

    page.pane.messages_button.click()
    dialog = page.pane.messages_dialog
    assert dialog is not None and dialog.isVisible() and customer_id in dialog.windowTitle()
    qtbot.waitUntil(lambda: bool(dialog.messages), timeout=10_000)
    assert dialog.kind_combo.count() == len(expected)
    assert dialog.text_edit.toPlainText() == expected[0].text
    dialog.kind_combo.setCurrentIndex(len(expected) - 1)
    assert dialog.text_edit.toPlainText() == expected[-1].text
    assert expected[-1].on.isoformat() in dialog.when_label.text()

    dialog.text_edit.appendPlainText("See you soon.")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == expected[-1].text + "\nSee you soon."
    assert "Copied" in dialog.status.text()

    page.pane.clear()                                         # what the lock does
    assert not dialog.isVisible() and page.pane.messages_dialog is None
