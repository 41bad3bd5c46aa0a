"""Keyboard shortcuts of the main window: Ctrl+1…9 open the pages in sidebar order, Ctrl+F puts
the cursor in the Customers search from any page; neither does anything while locked."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_ctrl_digits_switch_pages_in_sidebar_order(unlocked_window, qtbot) -> None:
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    for row in (2, 8, 0, 4):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.pages[row]
        assert window.nav.currentRow() == row


def test_ctrl_f_focuses_the_customer_search_from_another_page(unlocked_window, qtbot) -> None:
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.nav.setCurrentRow(window.pages.index(window.tiers_page))
    window.customers_page.search_edit.setText("C0000")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.customers_page
    search = window.customers_page.search_edit
    qtbot.waitUntil(search.hasFocus, timeout=5_000)
    assert search.selectedText() == "C0000"          # typing replaces the last search


def test_shortcuts_do_nothing_while_locked(unlocked_window, qtbot) -> None:
    window = unlocked_window
    window.lock()
    window.go_to_page(2)
    window.focus_customer_search()
    assert window.is_locked
