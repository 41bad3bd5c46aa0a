"""Printing Today's call sheet (issue 19): Print… opens the print dialog; closing it prints and
audits nothing; confirming it prints the day's plan's masked call sheet (here to a PDF file,
the printer of a machine without one) with as many pages as the exported sheet, audited."""

from __future__ import annotations

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import list_audit
from relmgr.services.export import print_named_list
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _printed(path) -> list[str]:
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        return list_audit(portfolio, action=AuditAction.PRINTED)["detail"].tolist()


def _today_page(window, qtbot):
    page = window.today_page
    window.nav.setCurrentRow(window.pages.index(page))
    qtbot.waitUntil(lambda: page.data is not None and page.print_button.isEnabled(), timeout=20_000)
    return page


def test_closing_the_print_dialog_prints_nothing(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    page = _today_page(unlocked_window, qtbot)
    job = page.print_plan()
    assert job.dialog.isVisible()
    with qtbot.waitSignal(job.finished, timeout=5_000) as done:
        job.dialog.reject()
    assert done.args == ["Nothing was printed."] and job.pages == 0
    assert _printed(writable_demo_portfolio) == []


def test_the_plan_is_printed_and_audited(unlocked_window, writable_demo_portfolio, tmp_path, qtbot) -> None:
    page = _today_page(unlocked_window, qtbot)
    job = page.print_plan()
    assert job.dialog.isVisible()
    out = tmp_path / "printed.pdf"
    with qtbot.waitSignal(job.finished, timeout=60_000) as done:
        job.dialog.accept()
        # The dialog's own choice (its file name field, with no printer here) is applied on
        # accept; the sheet is drawn later, once made on the database thread: print to our file.
        job.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        job.printer.setOutputFileName(str(out))
    assert "sent to the printer" in done.args[0]
    document = QPdfDocument()
    document.load(str(out))
    assert document.pageCount() == job.pages >= 1
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        sheet = print_named_list(portfolio, list_name="today", today=page.today, language="en")
    assert len(sheet) == job.pages                          # the printed pages are the call sheet's
    # A4 landscape at the print resolution, and drawn (not a blank page).
    assert abs(sheet[0].width / sheet[0].height - 297 / 210) < 0.02 and sheet[0].width > 2000
    assert len(set(sheet[0].rgba[::4][:: 997])) > 1
    details = _printed(writable_demo_portfolio)
    assert len(details) == 2 and '"masked": true' in details[0] and '"list": "today"' in details[0]
    assert f'"rows": {int(page.data.frame["in_plan"].sum())}' in details[0]
