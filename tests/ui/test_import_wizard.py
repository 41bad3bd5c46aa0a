"""File ▸ Import…: the wizard driven through a real-shaped export (tests/services/real_export.py:
GB18030, ';', quoted, YYMMDD, 借/贷, Chinese headers and codes, no name/ID/phone/channel) into an
empty portfolio, end to end; Cancel leaves the portfolio as it was (issue 14)."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from relmgr.storage import create_portfolio
from tests.services.real_export import AS_OF, write_real_export

PW = "wizard-test-pw"
TABLES = ("customers", "products", "holdings", "transactions", "audit_log")


@pytest.fixture
def empty_window(window_and_db, tmp_path: Path, qtbot):
    window, _db = window_and_db
    path = tmp_path / "new.rmdb"
    create_portfolio(path, PW).close()
    dialog = window.ask_to_unlock(portfolio=str(path))
    dialog.open_path_edit.setText(str(path))
    dialog.open_password_edit.setText(PW)
    dialog.primary_button.click()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=20_000)
    return window


def _fingerprint(window) -> str:
    def read(portfolio) -> str:
        digest = hashlib.sha256()
        for table in TABLES:
            for row in portfolio.query(f"SELECT * FROM {table} ORDER BY 1"):
                digest.update(repr(row).encode())
        digest.update(repr(portfolio.get_meta("as_of")).encode())
        return digest.hexdigest()
    return window.db.submit(read).result()


def _count(window, table: str) -> int:
    return window.db.submit(lambda p: p.query(f"SELECT COUNT(*) FROM {table}")[0][0]).result()


def _to_check_page(window, folder: Path, qtbot, *, name: str = "bank-w"):
    wizard = window.open_import()
    assert wizard is not None and wizard.isVisible()
    assert not wizard.files_page.isComplete()
    wizard.files_page.add_paths([folder])
    assert wizard.files_page.list.count() == 4
    wizard.next()
    page = wizard.reading_page
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    assert "gb18030" in page.detected.text() and "';'" in page.detected.text()
    assert page.table.rowCount() > 0 and page.table.columnCount() > 3
    wizard.next()
    columns = wizard.columns_page
    assert sorted(t for t in wizard.state.table_of.values() if t) == \
        ["customers", "holdings", "products", "transactions"]
    assert columns.isComplete(), columns.open_points.text()
    assert "not provided" in columns.open_points.text()
    wizard.next()
    codes = wizard.codes_page
    assert codes.grid.rowCount() > 10          # types, 借/贷, 男/女, 风险等级 values
    seen = {codes.grid.item(r, 1).text() for r in range(codes.grid.rowCount())}
    assert {"借", "贷", "男", "女", "代发工资"} <= seen
    wizard.next()
    wizard.options_page.name_combo.setEditText(name)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.passed or wizard.check_page.save_rejected_button.isVisible(),
                    timeout=30_000)
    assert wizard.check_page.passed, wizard.check_page.summary.text() + wizard.check_page.report.toPlainText()
    assert "data-quality report" in wizard.check_page.report.toPlainText()
    return wizard


def test_the_wizard_imports_a_real_shaped_export_end_to_end(empty_window, tmp_path: Path, qtbot) -> None:
    window = empty_window
    folder = write_real_export(tmp_path / "export")
    before = _fingerprint(window)
    wizard = _to_check_page(window, folder, qtbot)
    assert _fingerprint(window) == before          # the check wrote nothing
    loaded: list = []
    window.customers_page.loaded.connect(loaded.append)
    wizard.next()
    qtbot.waitUntil(wizard.import_page.isComplete, timeout=30_000)
    assert "imported" in wizard.import_page.summary.text()
    assert _count(window, "customers") == 40
    assert window.db.submit(lambda p: p.get_meta("as_of")).result() == AS_OF.isoformat()
    # The window refreshed from the change signal: the customer list read again.
    qtbot.waitUntil(lambda: bool(loaded), timeout=20_000)
    wizard.accept()
    # Saved, and offered first next time.
    again = window.open_import()
    assert again.files_page.saved_combo.currentData() == "bank-w"
    again.reject()


def test_cancel_leaves_the_portfolio_exactly_as_it_was(empty_window, tmp_path: Path, qtbot) -> None:
    window = empty_window
    folder = write_real_export(tmp_path / "export")
    before = _fingerprint(window)
    wizard = _to_check_page(window, folder, qtbot, name="bank-c")
    wizard.next()
    for dialog in list(window.runner._dialogs.values()):
        dialog.request_cancel()
    qtbot.waitUntil(lambda: wizard.import_page.retry_button.isVisible(), timeout=30_000)
    assert "nothing was changed" in wizard.import_page.summary.text()
    assert not wizard.import_page.isComplete()
    assert _fingerprint(window) == before
    wizard.import_page.retry_button.click()
    qtbot.waitUntil(wizard.import_page.isComplete, timeout=30_000)
    assert _count(window, "customers") == 40


def test_a_rejected_export_shows_the_report_and_saves_rejected_rows_without_values(
        empty_window, tmp_path: Path, qtbot) -> None:
    window = empty_window
    folder = write_real_export(tmp_path / "export")
    accounts = folder / "账户信息.csv"
    text = accounts.read_bytes().decode("gb18030").splitlines()
    cells = text[2].split(";")
    cells[3] = '"not-a-date"'          # 开户日期
    text[2] = ";".join(cells)
    accounts.write_bytes(("\r\n".join(text) + "\r\n").encode("gb18030"))
    before = _fingerprint(window)
    wizard = window.open_import()
    wizard.files_page.add_paths([folder])
    for _ in range(4):
        wizard.next()
        qtbot.waitUntil(wizard.currentPage().isComplete, timeout=20_000)
    wizard.next()
    check = wizard.check_page
    qtbot.waitUntil(check.save_rejected_button.isVisible, timeout=30_000)
    assert not check.isComplete() and "row 3" in check.report.toPlainText()
    # The report speaks the window's language, switched while it is shown too.
    window.translations.apply("zh_CN")
    try:
        qtbot.waitUntil(lambda: check.report.toPlainText().startswith("数据质量报告"), timeout=5_000)
        shown = check.report.toPlainText()
        assert shown.startswith("数据质量报告") and "第 3 行：" in shown and "rows read" not in shown
        assert "第 3 行：'not-a-date' 不是 " in shown and "格式的日期" in shown
    finally:
        window.translations.apply("en")
    qtbot.waitUntil(lambda: check.report.toPlainText().startswith("data-quality report"), timeout=5_000)
    target = tmp_path / "rejected.csv"
    check.save_rejected(str(target))
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows and rows[0]["file"] == "账户信息.csv" and rows[0]["row"] == "3"
    assert "not-a-date" not in target.read_text(encoding="utf-8-sig")
    assert _fingerprint(window) == before


def test_quote_and_header_row_chosen_in_the_wizard_are_saved_and_applied_next_month(
        empty_window, tmp_path: Path, qtbot) -> None:
    from relmgr.services.mapping import load_mapping
    from tests.services.reading_overrides import CUSTOMERS, quote_with_apostrophes_under_a_title

    window = empty_window
    march = write_real_export(tmp_path / "march")
    quote_with_apostrophes_under_a_title(march)
    wizard = window.open_import()
    wizard.files_page.saved_combo.setCurrentIndex(0)          # no saved mapping: suggest
    wizard.files_page.add_paths([march])
    wizard.next()
    page = wizard.reading_page
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    page.file_combo.setCurrentIndex(page.file_combo.findData(str(march / CUSTOMERS)))
    assert "header on line 1" in page.detected.text()             # the title line, wrongly
    page.quote_combo.setCurrentIndex(page.quote_combo.findData("'"))
    page.header_spin.setValue(2)
    page.reread_button.click()
    qtbot.waitUntil(lambda: page.isComplete() and "header on line 2" in page.detected.text(), timeout=20_000)
    assert "quote '" in page.detected.text()
    for _ in range(3):
        wizard.next()
        qtbot.waitUntil(wizard.currentPage().isComplete, timeout=20_000)
    wizard.options_page.name_combo.setEditText("bank-q")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.isComplete() or wizard.check_page.save_rejected_button.isVisible(), timeout=30_000)
    assert wizard.check_page.isComplete(), wizard.check_page.summary.text() + wizard.check_page.report.toPlainText()
    wizard.next()
    qtbot.waitUntil(wizard.import_page.isComplete, timeout=30_000)
    assert "bank-q" in wizard.import_page.summary.text()
    wizard.accept()
    saved = load_mapping("bank-q").tables["customers"]
    assert (saved.quote, saved.header_row) == ("'", 2)

    # Next month's file (the same rows again: events already imported are taken as such): the
    # saved mapping is offered, and the customer file is read as saved.
    april = write_real_export(tmp_path / "april")
    quote_with_apostrophes_under_a_title(april)
    again = window.open_import()
    assert again.files_page.saved_combo.currentData() == "bank-q"
    again.files_page.add_paths([april])
    again.next()
    qtbot.waitUntil(again.reading_page.isComplete, timeout=20_000)
    how = again.state.readings[april / CUSTOMERS]
    assert (how.quote, how.header_row) == ("'", 2)
    again.reading_page.file_combo.setCurrentIndex(again.reading_page.file_combo.findData(str(april / CUSTOMERS)))
    assert "header on line 2" in again.reading_page.detected.text()
    assert again.reading_page.quote_combo.currentData() == "'"
    for _ in range(3):
        again.next()
        qtbot.waitUntil(again.currentPage().isComplete, timeout=20_000)
    again.next()
    check = again.check_page
    qtbot.waitUntil(lambda: check.isComplete() or check.save_rejected_button.isVisible(), timeout=30_000)
    assert check.isComplete(), check.summary.text()
    assert "客户信息.csv -> customers: 40 rows read, 40 accepted" in check.report.toPlainText()
    again.reject()
