"""The Audit log page's chain banner in the real window on the demo portfolio: intact as seeded,
broken (naming the row, in English and Chinese) when an audit row was edited by SQL before
unlock, and checked again when the page reloads after a write (Topic.AUDIT)."""

from __future__ import annotations

from pathlib import Path

from relmgr.domain.codes import AuditAction
from relmgr.services import audit
from relmgr.services.settings import Settings
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _unlock(window, path: Path, qtbot) -> None:
    dialog = window.ask_to_unlock(portfolio=str(path))
    dialog.open_path_edit.setText(str(path))
    dialog.open_password_edit.setText(DEMO_PASSWORD_FOR_TESTS)
    with qtbot.waitSignal(window.customers_page.loaded, timeout=20_000):
        dialog.primary_button.click()


def _open_audit_page(window, qtbot):
    page = window.audit_page
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        window.nav.setCurrentRow(window.pages.index(page))
    return page


def _tamper_with_actor(conn) -> int:
    """Edit the oldest audit row's actor as someone with only SQL would; returns its id."""
    audit_id = conn.execute("SELECT MIN(audit_id) FROM audit_log").fetchone()[0]
    conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE audit_id = ?", (audit_id,))
    conn.commit()
    return int(audit_id)


def test_banner_says_intact_then_broken_after_a_write_reloads(window_and_db, writable_demo_portfolio, qtbot):
    window, db = window_and_db
    _unlock(window, writable_demo_portfolio, qtbot)
    page = _open_audit_page(window, qtbot)
    assert page.chain_label.text().startswith("Audit chain intact")
    assert page.chain_label.objectName() == "hint"
    edited = db.submit(lambda portfolio: _tamper_with_actor(portfolio.conn)).result()
    # A write through the runner announces Topic.AUDIT; the page reloads and checks again.
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        window.runner.run_db(audit.record, action=AuditAction.LOCKED, target="")
    assert f"BROKEN at entry {edited}:" in page.chain_label.text()
    assert page.chain_label.objectName() == "errorMessage"


def test_banner_names_the_row_edited_before_unlock(window_and_db, writable_demo_portfolio, qtbot):
    window, _db = window_and_db
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        # The seeded demo has no audit rows yet: write two real, chained ones, then edit the first.
        audit.record(portfolio, action=AuditAction.REVEAL_PHONE, target="C000001")
        audit.record(portfolio, action=AuditAction.LOCKED, target="")
        edited = _tamper_with_actor(portfolio.conn)
    _unlock(window, writable_demo_portfolio, qtbot)
    page = _open_audit_page(window, qtbot)
    text = page.chain_label.text()
    assert text == (f"Audit chain BROKEN at entry {edited}: it was changed after it was written.")
    assert "someone-else" not in text
    try:
        window.apply_settings(Settings(language="zh_CN", auto_lock_minutes=10))
        qtbot.waitUntil(lambda: page.chain_label.text().startswith("审计链"), timeout=5_000)
        assert page.chain_label.text() == f"审计链在第 {edited} 条断开：该条目在写入后被修改。"
    finally:  # a failure above must not leave the rest of the suite in Chinese
        window.apply_settings(Settings(language="en", auto_lock_minutes=10))
        qtbot.waitUntil(lambda: page.chain_label.text().startswith("Audit chain"), timeout=5_000)
