"""The Customers table at 1366x768: its default columns fit beside the 360 pane in both
languages, the tier shows its compact name with the full one in the tooltip, text cut by a
narrow column is in the tooltip whole, and the header's column chooser is remembered."""

from __future__ import annotations

import dataclasses
import json

from PySide6.QtCore import Qt

from relmgr.services.paths import data_dir
from relmgr.ui.common.columns import cell_tooltip
from relmgr.ui.customers.page import CustomersPage
from relmgr.ui.customers.table_model import HIDDEN_BY_DEFAULT, KEYS
from relmgr.ui.shell.i18n import CHINESE, ENGLISH


def _forget_choices() -> None:
    (data_dir() / "table-columns.json").unlink(missing_ok=True)


def _visible_width(table) -> int:
    return sum(table.columnWidth(c) for c in range(len(KEYS)) if not table.isColumnHidden(c))


def test_default_columns_fit_at_1366_by_768_in_both_languages(unlocked_window, qtbot) -> None:
    _forget_choices()
    window = unlocked_window
    window.resize(1366, 768)
    window.nav.setCurrentRow(window.pages.index(window.customers_page))
    page = window.customers_page
    table = page.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0, timeout=5_000)
    for language in (ENGLISH, CHINESE):
        window.apply_settings(dataclasses.replace(window.settings, language=language))
        qtbot.waitUntil(lambda lang=language: page._fitted_language == lang, timeout=5_000)
        shown = [KEYS[c] for c in range(len(KEYS)) if not table.isColumnHidden(c)]
        assert "tier" in shown and "aum" in shown and "stage" in shown and "status" in shown
        # The last column stretches; what matters is that every column's default width fits.
        fitted = _visible_width(table) - table.columnWidth(KEYS.index("status"))
        assert fitted + 60 <= table.viewport().width(), language
    window.apply_settings(dataclasses.replace(window.settings, language=ENGLISH))


def test_compact_tier_names_and_tooltips(unlocked_window, qtbot) -> None:
    page = unlocked_window.customers_page
    model, table = page.model, page.table
    tier = KEYS.index("tier")
    private = next(r for r in range(model.rowCount())
                   if model.frame["tier"].iat[int(model.visible_rows()[r])] == "PRIVATE")
    cell = model.index(private, tier)
    assert model.data(cell) == "Private"
    assert cell_tooltip(table, cell) == "Private banking"
    aum = model.index(private, KEYS.index("aum"))
    assert cell_tooltip(table, aum) is None                     # it fits: no tooltip
    table.setColumnWidth(KEYS.index("aum"), 24)                 # now it is cut
    assert cell_tooltip(table, aum) == model.data(aum) and len(model.data(aum)) > 3
    assert table.textElideMode() == Qt.TextElideMode.ElideRight


def test_the_column_chooser_hides_shows_and_is_remembered(unlocked_window, runner_on_demo, qtbot) -> None:
    _forget_choices()
    page = unlocked_window.customers_page
    chooser, table = page.columns, page.table
    assert chooser.hidden() == set(HIDDEN_BY_DEFAULT)
    menu = chooser.menu()
    entries = {a.text(): a for a in menu.actions() if a.isCheckable()}
    assert entries["Mobile"].isChecked() and not entries["Churn risk"].isChecked()
    entries["Mobile"].setChecked(False)
    entries["Churn risk"].setChecked(True)
    assert table.isColumnHidden(KEYS.index("phone_masked"))
    assert not table.isColumnHidden(KEYS.index("churn_band"))
    saved = json.loads((data_dir() / "table-columns.json").read_text(encoding="utf-8"))
    assert "phone_masked" in saved["customers"] and "churn_band" not in saved["customers"]

    again = CustomersPage(runner_on_demo)                      # the next start of the app
    qtbot.addWidget(again)
    assert again.columns.hidden() == chooser.hidden()
    again.columns.reset()
    assert again.columns.hidden() == set(HIDDEN_BY_DEFAULT)
    # Every column but one unticked: the last one cannot be.
    for key in KEYS[1:]:
        again.columns.set_hidden(key, True)
    again.columns.set_hidden(KEYS[0], True)
    assert not again.table.isColumnHidden(0)
    last = next(a for a in again.columns.menu().actions() if a.text() == again.model.headerData(
        0, Qt.Orientation.Horizontal))
    assert not last.isEnabled()
    _forget_choices()
