"""The Team rules dialog on the demo portfolio: a changed threshold re-tiers the customers the
Service tiers page shows, a refused value says which rule and why and changes nothing, and each
change leaves one audit row."""

from __future__ import annotations

from pathlib import Path

from relmgr.domain.codes import AuditAction
from relmgr.domain.segments import Tier
from relmgr.services.audit import list_audit
from relmgr.services.team_rules import current_rules
from relmgr.storage import open_portfolio
from relmgr.ui.shell.settings_dialog import SettingsDialog
from relmgr.ui.shell.team_rules_dialog import TeamRulesDialog
from tests.conftest import DEMO_PASSWORD_FOR_TESTS

VIP_ROW = list(Tier).index(Tier.VIP)


def _open_dialog(window, qtbot) -> TeamRulesDialog:
    dialog = window.open_team_rules()
    qtbot.waitUntil(lambda: dialog.loaded_rules is not None, timeout=10_000)
    return dialog


def _vip_cells(window) -> tuple[str, str]:
    summary = window.tiers_page.summary
    return summary.item(VIP_ROW, 1).text(), summary.item(VIP_ROW, 4).text()


def test_a_changed_threshold_and_cadence_show_on_the_tiers_page_and_are_audited(
        unlocked_window, writable_demo_portfolio: Path, qtbot) -> None:
    window = unlocked_window
    qtbot.waitUntil(lambda: window.tiers_page.views is not None, timeout=60_000)
    window.nav.setCurrentRow(window.pages.index(window.tiers_page))
    count_before, cadence_before = _vip_cells(window)
    assert cadence_before == "every 180 days"
    views_before = window.tiers_page.views

    dialog = _open_dialog(window, qtbot)
    assert dialog.editors["tiers.vip_min_aum"].value() == 50_000
    dialog.editors["tiers.vip_min_aum"].setValue(300_000)
    dialog.editors["tiers.vip_cadence_days"].setValue(60)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: window.tiers_page.views is not views_before
                    and _vip_cells(window)[1] == "every 60 days", timeout=60_000)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=60_000)
    count_after = _vip_cells(window)[0]
    assert int(count_after.replace(",", "")) < int(count_before.replace(",", ""))
    assert "Team rules saved" in window.statusBar().currentMessage()

    window.lock()
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        assert current_rules(portfolio)["tiers.vip_min_aum"] == 300_000
        rows = list_audit(portfolio, action=AuditAction.RULES_CHANGED)
        assert len(rows) == 1 and "tiers.vip_cadence_days" in rows["detail"].iat[0]
        frame = portfolio.read_frame("SELECT tier, COUNT(*) AS n FROM customer_segments GROUP BY tier")
    assert int(frame.set_index("tier").loc["VIP", "n"]) == int(count_after.replace(",", ""))


def test_a_refused_value_is_said_and_nothing_changes(unlocked_window, writable_demo_portfolio: Path,
                                                     qtbot) -> None:
    window = unlocked_window
    dialog = _open_dialog(window, qtbot)
    dialog.editors["today.capacity"].setValue(12)
    dialog.editors["churn.medium_probability"].setValue(45.0)      # above high (30 %)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden(), timeout=10_000)
    assert dialog.error_label.text() == "Medium risk from must be below High risk from."
    assert dialog.editors["churn.medium_probability"].hasFocus() or not dialog.isActiveWindow()
    assert dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=10_000)
    window.lock()
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        assert current_rules(portfolio)["today.capacity"] == 30
        assert list_audit(portfolio, action=AuditAction.RULES_CHANGED).empty


def test_reachable_from_the_file_menu_and_settings(unlocked_window, qtbot) -> None:
    window = unlocked_window
    assert window.rules_action in window.file_menu.actions() and window.rules_action.isEnabled()
    settings = window.open_settings()
    assert settings.rules_button.isEnabled()
    settings.rules_button.click()
    qtbot.waitUntil(lambda: any(isinstance(c, TeamRulesDialog) and c.isVisible()
                                for c in settings.children()), timeout=5_000)
    assert isinstance(settings, SettingsDialog)
    window.lock()
    assert not window.rules_action.isEnabled()
