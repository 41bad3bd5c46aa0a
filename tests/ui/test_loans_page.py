"""The Loans page on the demo portfolio: the loan book, the watch (masked) and the prospects
arrive from the database thread; Mark handled records the line and the page shows it handled.
With RELMGR_SHOTS=folder it also saves screenshots at 1366×768 in both languages."""

from __future__ import annotations

import os
import re
from pathlib import Path

from relmgr.storage import open_portfolio
from relmgr.ui.loans.page import LoansPage
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def test_loans_page_shows_book_watch_and_prospects_and_marks_handled(qtbot, runner_on_demo,
                                                                    writable_demo_portfolio: Path) -> None:
    page = LoansPage(runner_on_demo)
    qtbot.addWidget(page)
    page.resize(1366 - 200, 768 - 60)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page._prospects is not None and page._watch is not None, timeout=120_000)
    assert page.watch_table.rowCount() == len(page._watch.lines) > 0
    assert page.prospects_table.rowCount() > 0
    assert page.book_label.text()
    # Every count with its thousands separators ("还款 1365 期" read as a code): at branch scale.
    book = page._book
    page._book = {**book, "live_loans": 23456, "new_this_month": {**book["new_this_month"], "loans": 1234},
                  "repaid_this_month": {**book["repaid_this_month"], "instalments": 1365},
                  "arrears": {b: {**v, "loans": v["loans"] + 1000} for b, v in book["arrears"].items()}}
    page._show_book()
    assert "1,365" in page.book_label.text() and "1,234" in page.book_label.text()
    assert not re.search(r"\d{4}", re.sub(r"\d{4}-\d{2}", "", page.book_label.text())), page.book_label.text()
    page._book = book
    page._show_book()
    # The arrears trend: the last six month ends, each with its loans in arrears.
    trend = book["arrears_trend"]
    assert len(trend) > 6
    for month in trend[-6:]:
        count = sum(b["count"] for b in month["buckets"].values())
        assert f"{month['month']}\u00a0{count:,}" in page.book_label.text()
    assert trend[-7]["month"] not in page.book_label.text()
    page._book = {**book, "arrears_trend": trend[-1:]}
    page._show_book()
    assert "kept from this month on" in page.book_label.text()
    page._book = book
    page._show_book()
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as p:
        names = {r[0] for r in p.query("SELECT name FROM customers")}
    shown = {page.watch_table.item(r, 0).text() for r in range(page.watch_table.rowCount())}
    assert not shown & names                                   # masked
    shots = os.environ.get("RELMGR_SHOTS")
    if shots:
        page.grab().save(str(Path(shots) / "loans_en.png"))
    page.watch_table.selectRow(0)
    loan_id = page.watch_table.item(0, 0).data(0x0100)[1]
    page.handle_selected()
    qtbot.waitUntil(lambda: page.status_label.text() != "" and page._watch is not None
                    and bool(page._watch.lines["handled"].any()), timeout=60_000)
    assert loan_id in set(page._watch.lines[page._watch.lines["handled"]]["loan_id"])


def test_a_language_change_leaves_no_status_line_in_the_old_language(qtbot, runner_on_demo) -> None:
    """The ranking's "ranked in 0.3 s" stayed in Chinese after switching to English; and the
    family box is as wide as its longest name."""
    page = LoansPage(runner_on_demo)
    qtbot.addWidget(page)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page._prospects is not None and page.status_label.text() != "", timeout=120_000)
    page.retranslate_ui()                     # what a LanguageChange event runs
    assert page.status_label.text() == ""
    widest = max(page.family_box.fontMetrics().horizontalAdvance(page.family_box.itemText(i))
                 for i in range(page.family_box.count()))
    assert page.family_box.sizeHint().width() > widest
