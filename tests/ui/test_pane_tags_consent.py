"""Tags and marketing consent in the customer 360 pane (issue 19), on the demo portfolio in the
real window: tags added (also typed in Chinese through the input method) and removed by hand,
a bad tag refused with a sentence and nothing changed, consent recorded through its dialog with
a date and a note (audited; a refusal puts the customer off the marketing lists), Cancel writes
nothing, and the section speaks Chinese."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import list_audit
from relmgr.services.consent import declined_customers
from relmgr.storage import open_portfolio
from relmgr.ui.shell.i18n import CHINESE, ENGLISH
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _stored(path, customer_id: str) -> tuple[str, bool, int]:
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        (tags,), = portfolio.query("SELECT tags FROM customers WHERE customer_id = ?", (customer_id,))
        declined = customer_id in declined_customers(portfolio)
        consents = len(list_audit(portfolio, action=AuditAction.CONSENT_RECORDED))
    return tags, declined, consents


def _section(window, qtbot):
    window.nav.setCurrentRow(window.pages.index(window.customers_page))
    page = window.customers_page
    section = page.pane.tags_consent
    with qtbot.waitSignal(section.loaded, timeout=15_000):
        page.table.selectRow(3)
    return section


def _type_chinese(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _settled(qtbot, window, condition) -> None:
    """Until nothing is queued on the database thread and `condition` holds. Waiting for the
    section's `loaded` signal is not enough: each write also reloads the Customers page, whose
    reload of the pane may be queued before the write and report the tags as they were."""
    qtbot.waitUntil(lambda: not window.runner.is_busy and condition(), timeout=15_000)


def test_tags_are_added_and_removed_by_hand(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    window = unlocked_window
    section = _section(window, qtbot)
    customer_id = section.customer_id
    for tag in list(section.tags):           # the demo tags customers by occupation: take them off
        section.tag_box.setCurrentIndex(section.tag_box.findText(tag))
        section.remove_button.click()
        _settled(qtbot, window, lambda tag=tag: tag not in section.tags)
    assert section.tags == [] and section.tags_value.text() == "No tags yet."
    assert not section.remove_button.isEnabled()

    edit = section.tag_box.lineEdit()
    qtbot.keyClicks(edit, "golf")
    section.add_button.click()
    _settled(qtbot, window, lambda: section.tags == ["golf"])
    edit.setFocus()
    _type_chinese(edit, "高净值")
    assert section.tag_box.currentText() == "高净值"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    _settled(qtbot, window, lambda: section.tags == ["golf", "高净值"])
    assert "高净值" in section.tags_value.text()
    assert _stored(writable_demo_portfolio, customer_id)[0] == "golf;高净值"

    section.tag_box.setCurrentIndex(section.tag_box.findText("golf"))
    section.remove_button.click()
    _settled(qtbot, window, lambda: section.tags == ["高净值"])
    assert section.tag_box.currentText() == ""

    section.tag_box.setEditText("a;b")
    section.add_button.click()
    qtbot.waitUntil(lambda: section.message.isVisibleTo(section), timeout=10_000)
    assert "';'" in section.message.text() and "not changed" in section.message.text()
    assert _stored(writable_demo_portfolio, customer_id)[0] == "高净值"


def test_consent_is_recorded_with_date_and_note(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    window = unlocked_window
    section = _section(window, qtbot)
    customer_id = section.customer_id
    _tags, declined_before, audited_before = _stored(writable_demo_portfolio, customer_id)
    assert not declined_before and section.consent_value.text()

    dialog = section.open_consent_dialog()                  # opened and cancelled: nothing stored
    assert dialog.isVisible() and dialog.granted.isChecked()
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert _stored(writable_demo_portfolio, customer_id)[2] == audited_before

    dialog = section.open_consent_dialog()
    dialog.declined.setChecked(True)
    dialog.note_edit.setText("Asked by phone not to be offered products")
    with qtbot.waitSignal(section.loaded, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    text = section.consent_value.text()
    assert text.startswith("Declined marketing") and "Asked by phone" in text
    assert section.consent_value.property("warning") is True
    _tags, declined, audited = _stored(writable_demo_portfolio, customer_id)
    assert declined and audited == audited_before + 1

    window.apply_settings(dataclasses.replace(window.settings, language=CHINESE))
    qtbot.waitUntil(lambda: section.tags_caption.text() == "标签", timeout=5_000)
    assert section.consent_value.text().startswith("拒绝营销") and "记录" in section.consent_value.text()
    window.apply_settings(dataclasses.replace(window.settings, language=ENGLISH))


def test_a_refused_consent_keeps_the_dialog_open(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    section = _section(unlocked_window, qtbot)
    dialog = section.open_consent_dialog()
    dialog.note_edit.setMaxLength(10_000)                  # past what the box allows, as pasted text
    dialog.note_edit.setText("x" * 600)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert dialog.isVisible() and "Nothing was recorded" in dialog.message.text()
    assert not _stored(writable_demo_portfolio, section.customer_id)[1]
    dialog.reject()
