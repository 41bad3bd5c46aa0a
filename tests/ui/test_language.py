"""Switching between English and Simplified Chinese while the app runs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from relmgr.services.settings import Settings, load_settings


def test_switch_to_chinese_and_back(unlocked_window, qtbot) -> None:
    window = unlocked_window
    page = window.customers_page
    row = window.pages.index(page)
    today = window.pages.index(window.today_page)
    assert window.nav.item(0).text() == "Home" and window.nav.item(today).text() == "Today"
    assert window.nav.item(row).text() == "Customers"
    try:
        window.apply_settings(Settings(language="zh_CN", auto_lock_minutes=10))
        # Qt delivers LanguageChange through the event loop.
        qtbot.waitUntil(lambda: window.nav.item(row).text() == "客户", timeout=5_000)
        assert window.nav.item(0).text() == "首页" and window.nav.item(today).text() == "今日工作"
        assert window.lock_action.text() == "锁定"
        assert page.model.headerData(1, Qt.Orientation.Horizontal) == "姓名"
        assert page.search_edit.placeholderText().startswith("按姓名")
        assert load_settings().language == "zh_CN"
    finally:  # a failure above must not leave the rest of the suite in Chinese
        window.apply_settings(Settings(language="en", auto_lock_minutes=10))
        qtbot.waitUntil(lambda: window.nav.item(row).text() == "Customers", timeout=5_000)
        assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Name"


def test_auto_language_follows_the_system_locale() -> None:
    from PySide6.QtCore import QLocale

    from relmgr.ui.shell.i18n import resolve_language

    assert resolve_language("auto", system=QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh_CN"
    assert resolve_language("auto", system=QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "en"
